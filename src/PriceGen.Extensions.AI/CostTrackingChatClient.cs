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
/// The model priced is the one the provider billed: the response's <c>ModelId</c> as the catalog resolves it (exactly,
/// as an alias, a listed or a dated snapshot); else, when that id is the requested id — <see cref="ChatOptions.ModelId"/>,
/// else the client's <see cref="ChatClientMetadata.DefaultModelId"/> — plus a date, the requested model; a response
/// without a model id is priced as the requested model. A call that cannot be priced — unknown model, no usage — is
/// reported to the ledger with <see cref="ICostLedger.RecordUnpriced"/>, never priced at zero or as another model.
/// With a spending limit the middleware fails closed: a request for a model the catalog cannot price is refused
/// before it is sent (<see cref="UnpricedModelException"/>, unless <see cref="CostTrackingOptions.AllowUnpricedModels"/>),
/// and a response that cannot be priced although its request could is charged at the requested model's price
/// (<see cref="PricedModelSource.RequestedModelFallback"/>). A response that comes back after the limit was reached by
/// another request is still charged, since the provider bills it.
/// </remarks>
public sealed class CostTrackingChatClient : DelegatingChatClient
{
    private readonly UsagePricer _pricer;
    private readonly string? _defaultModelId;
    private readonly ProviderUsageReaders _readers;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client that sends requests.</param>
    /// <param name="catalog">The prices, such as <c>ModelCatalog.From(OpenAIPrices.Models)</c>.</param>
    /// <param name="ledger">Where costs are recorded; a new <see cref="InMemoryCostLedger"/> when <see langword="null"/>.</param>
    /// <param name="limit">The spending limit to charge and to check before each request, if any.</param>
    /// <param name="timeProvider">The clock that stamps ledger entries; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The limit's currency differs from a currency of the catalog.</exception>
    public CostTrackingChatClient(IChatClient innerClient, ModelCatalog catalog, ICostLedger? ledger = null, MonthlySpendingLimit? limit = null, TimeProvider? timeProvider = null)
        : this(innerClient, catalog, new CostTrackingOptions { Ledger = ledger, Limit = limit, TimeProvider = timeProvider })
    {
    }

    /// <summary>Wraps <paramref name="innerClient"/> with the ledger, limit and clock of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The limit's currency differs from a currency of the catalog.</exception>
    public CostTrackingChatClient(IChatClient innerClient, ModelCatalog catalog, CostTrackingOptions options)
        : base(innerClient)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _pricer = new UsagePricer(catalog, options.Ledger, options.Limit, options.TimeProvider, options.AllowUnpricedModels);
        _readers = new ProviderUsageReaders(options.UsageReaders);
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
    /// <exception cref="UnpricedModelException">A spending limit is configured and the requested model cannot be priced; nothing was sent.</exception>
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var requestedModelId = RequestedModelId(options);
        _pricer.ThrowIfRefused(requestedModelId);
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);

        var raw = response.RawRepresentation;
        var tokens = ReportedTokens.OfChat(response.Usage).RefinedBy(_readers.For(raw), raw is null ? Array.Empty<object>() : new[] { raw });
        if (_pricer.Price(CallKind.Chat, requestedModelId, response.ModelId, tokens, response.ResponseId, response.CreatedAt) is { } record)
        {
            response.AdditionalProperties = CostProperties.Write(response.AdditionalProperties, record.Cost, record.Currency);
        }

        return response;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Each update that carries <see cref="UsageContent"/> is priced (and charged) when it arrives and gets the cost of
    /// the stream so far in its <c>AdditionalProperties</c>. When that update has a <c>MessageId</c> — whose properties
    /// <c>ToChatResponse()</c> keeps on the message — a content-free update with the same cost and no <c>MessageId</c>
    /// follows it, so that <c>ToChatResponse()</c> of the updates carries the stream's cost on the response. A stream that delivered updates but no usage is
    /// reported as <see cref="UnpricedReason.MissingUsage"/> when it ends — also when the caller stops reading early.
    /// </remarks>
    /// <exception cref="SpendingLimitExceededException">The spending limit is reached; nothing was sent.</exception>
    /// <exception cref="UnpricedModelException">A spending limit is configured and the requested model cannot be priced; nothing was sent.</exception>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var requestedModelId = RequestedModelId(options);
        _pricer.ThrowIfRefused(requestedModelId);
        string? streamModelId = null;
        string? responseId = null;
        DateTimeOffset? createdAt = null;
        var receivedUpdates = false;
        var receivedUsage = false;
        var stream = new StreamCost();
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                receivedUpdates = true;
                streamModelId = update.ModelId ?? streamModelId;
                responseId = update.ResponseId ?? responseId;
                createdAt = update.CreatedAt ?? createdAt;
                stream.Observe(update.RawRepresentation, _readers);
                var (carriedUsage, priced) = PriceUsageIn(update, requestedModelId, streamModelId, responseId, createdAt, stream);
                receivedUsage |= carriedUsage;
                yield return update;

                // ToChatResponse() scopes the properties of an update with a MessageId (the OpenAI adapter sets one on
                // every chunk) to that message; the cost is the response's, so it follows on an update without one.
                if (priced && update.MessageId is { Length: > 0 })
                {
                    yield return new ChatResponseUpdate
                    {
                        ResponseId = update.ResponseId,
                        ModelId = update.ModelId,
                        AdditionalProperties = CostProperties.Write(null, stream.Total, stream.Currency!),
                    };
                }
            }
        }
        finally
        {
            if (receivedUpdates && !receivedUsage)
            {
                _pricer.ReportMissingUsage(CallKind.StreamingChat, streamModelId ?? requestedModelId, responseId);
            }
        }
    }

    /// <inheritdoc/>
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        _pricer.GetService(this, serviceType, serviceKey, base.GetService);

    private string? RequestedModelId(ChatOptions? options) => options?.ModelId ?? _defaultModelId;

    // Returns whether the update carried usage (priced or not), and whether it was priced.
    private (bool CarriedUsage, bool Priced) PriceUsageIn(ChatResponseUpdate update, string? requestedModelId, string? streamModelId, string? responseId, DateTimeOffset? createdAt, StreamCost stream)
    {
        var carriedUsage = false;
        var priced = false;
        foreach (var content in update.Contents)
        {
            if (content is not UsageContent usage)
            {
                continue;
            }

            carriedUsage = true;
            var tokens = ReportedTokens.OfChat(usage.Details).RefinedBy(stream.Reader, stream.UsageEvents);
            if (_pricer.Price(CallKind.StreamingChat, requestedModelId, streamModelId, tokens, responseId, createdAt) is { } record)
            {
                stream.Total += record.Cost;
                stream.Currency = record.Currency;
                priced = true;
            }
        }

        if (priced)
        {
            update.AdditionalProperties = CostProperties.Write(update.AdditionalProperties, stream.Total, stream.Currency!);
        }

        return (carriedUsage, priced);
    }

    /// <summary>What a stream has cost so far (each usage report adds its own cost once), and its provider's usage events.</summary>
    private sealed class StreamCost
    {
        private readonly List<object> _usageEvents = new();

        public decimal Total { get; set; }

        public string? Currency { get; set; }

        /// <summary>The reader of the stream's provider, once one of its events was recognized.</summary>
        public ProviderUsageReader? Reader { get; private set; }

        /// <summary>The raw events the reader reads usage from, in stream order; only those, so a long stream keeps few.</summary>
        public IReadOnlyList<object> UsageEvents => _usageEvents;

        public void Observe(object? rawRepresentation, ProviderUsageReaders readers)
        {
            if (rawRepresentation is null)
            {
                return;
            }

            // The stream's first event its provider's reader recognizes names that reader for the rest of the stream.
            Reader ??= readers.For(rawRepresentation);
            if (Reader?.CanRead(rawRepresentation) == true)
            {
                _usageEvents.Add(rawRepresentation);
            }
        }
    }
}
