using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace PriceGen.Extensions.AI;

/// <summary>
/// A chat client that prices every response and every streamed usage report exactly from PriceGen catalogs: the cost
/// goes on the response (<see cref="CostProperties"/>), into the <see cref="ICostLedger"/> and onto the
/// <see cref="MonthlySpendingLimit"/>; once the limit's hard limit is reached, requests are refused before they are sent.
/// Add it with <see cref="CostTrackingBuilderExtensions.UseCostTracking(ChatClientBuilder, ModelCatalog, MonthlySpendingLimit?, ICostLedger?)"/>.
/// </summary>
/// <remarks>
/// The model priced is the response's <c>ModelId</c>, else the request's <see cref="ChatOptions.ModelId"/>, else the
/// client's <see cref="ChatClientMetadata.DefaultModelId"/>, looked up exactly (ordinal) in the catalog. A call that
/// cannot be priced — unknown model, no usage — is reported to the ledger with <see cref="ICostLedger.RecordUnpriced"/>,
/// never priced at zero, and is not charged to the limit. A response that comes back after the limit was reached by
/// another request is still charged, since the provider bills it.
/// </remarks>
public sealed class CostTrackingChatClient : DelegatingChatClient
{
    private readonly UsagePricer _pricer;
    private readonly string? _defaultModelId;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client that sends requests.</param>
    /// <param name="catalog">The prices, such as <c>ModelCatalog.From(OpenAIPrices.Models)</c>.</param>
    /// <param name="ledger">Where costs are recorded; a new <see cref="InMemoryCostLedger"/> when <see langword="null"/>.</param>
    /// <param name="limit">The spending limit to charge and to check before each request, if any.</param>
    /// <param name="timeProvider">The clock that stamps ledger entries; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The limit's currency differs from a currency of the catalog.</exception>
    public CostTrackingChatClient(IChatClient innerClient, ModelCatalog catalog, ICostLedger? ledger = null, MonthlySpendingLimit? limit = null, TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        _pricer = new UsagePricer(catalog, ledger, limit, timeProvider);
        _defaultModelId = (innerClient.GetService(typeof(ChatClientMetadata)) as ChatClientMetadata)?.DefaultModelId;
    }

    /// <summary>The ledger costs are recorded in.</summary>
    public ICostLedger Ledger => _pricer.Ledger;

    /// <summary>The spending limit, if any.</summary>
    public MonthlySpendingLimit? Limit => _pricer.Limit;

    /// <summary>The prices.</summary>
    public ModelCatalog Catalog => _pricer.Catalog;

    /// <inheritdoc/>
    /// <exception cref="SpendingLimitExceededException">The spending limit is reached; nothing was sent.</exception>
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        _pricer.ThrowIfLimitReached();
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);

        var modelId = response.ModelId ?? RequestedModelId(options);
        if (_pricer.Price(CallKind.Chat, modelId, ReportedTokens.OfChat(response.Usage), response.ResponseId) is { } record)
        {
            response.AdditionalProperties = CostProperties.Write(response.AdditionalProperties, record.Cost, record.Currency);
        }

        return response;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Each update that carries <see cref="UsageContent"/> is priced when it arrives and gets the cost in its
    /// <c>AdditionalProperties</c>. A stream that delivered updates but no usage is reported as
    /// <see cref="UnpricedReason.MissingUsage"/> when it ends — also when the caller stops reading early.
    /// </remarks>
    /// <exception cref="SpendingLimitExceededException">The spending limit is reached; nothing was sent.</exception>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _pricer.ThrowIfLimitReached();
        string? streamModelId = null;
        string? responseId = null;
        var receivedUpdates = false;
        var receivedUsage = false;
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                receivedUpdates = true;
                streamModelId = update.ModelId ?? streamModelId;
                responseId = update.ResponseId ?? responseId;
                receivedUsage |= PriceUsageIn(update, streamModelId ?? RequestedModelId(options), responseId);
                yield return update;
            }
        }
        finally
        {
            if (receivedUpdates && !receivedUsage)
            {
                _pricer.ReportMissingUsage(CallKind.StreamingChat, streamModelId ?? RequestedModelId(options), responseId);
            }
        }
    }

    /// <inheritdoc/>
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        _pricer.GetService(this, serviceType, serviceKey, base.GetService);

    private string? RequestedModelId(ChatOptions? options) => options?.ModelId ?? _defaultModelId;

    // Returns whether the update carried usage, priced or not.
    private bool PriceUsageIn(ChatResponseUpdate update, string? modelId, string? responseId)
    {
        var carriedUsage = false;
        decimal? updateCost = null;
        string? currency = null;
        foreach (var content in update.Contents)
        {
            if (content is not UsageContent usage)
            {
                continue;
            }

            carriedUsage = true;
            if (_pricer.Price(CallKind.StreamingChat, modelId, ReportedTokens.OfChat(usage.Details), responseId) is { } record)
            {
                updateCost = (updateCost ?? 0m) + record.Cost;
                currency = record.Currency;
            }
        }

        if (updateCost is { } cost)
        {
            update.AdditionalProperties = CostProperties.Write(update.AdditionalProperties, cost, currency!);
        }

        return carriedUsage;
    }
}
