using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace PriceGen.Extensions.AI;

/// <summary>
/// An embedding generator that prices every call exactly from PriceGen catalogs, as <see cref="CostTrackingChatClient"/>
/// does for chat: the cost goes on the result's <c>AdditionalProperties</c>, into the ledger and onto the limit, and
/// calls are refused once the limit is reached. The model is chosen as for chat: the embeddings' <c>ModelId</c> as the
/// catalog resolves it, else the requested one (the options', else the generator metadata's default); with a limit, a
/// request for a model the catalog cannot price is refused before it is sent.
/// </summary>
/// <typeparam name="TInput">The input type, usually <see cref="string"/>.</typeparam>
/// <typeparam name="TEmbedding">The embedding type.</typeparam>
public sealed class CostTrackingEmbeddingGenerator<TInput, TEmbedding> : DelegatingEmbeddingGenerator<TInput, TEmbedding>
    where TEmbedding : Embedding
{
    private readonly UsagePricer _pricer;
    private readonly string? _defaultModelId;

    /// <summary>Wraps <paramref name="innerGenerator"/>; the parameters are those of <see cref="CostTrackingChatClient"/>.</summary>
    /// <exception cref="ArgumentException">The limit's currency differs from a currency of the catalog.</exception>
    public CostTrackingEmbeddingGenerator(IEmbeddingGenerator<TInput, TEmbedding> innerGenerator, ModelCatalog catalog, ICostLedger? ledger = null, MonthlySpendingLimit? limit = null, TimeProvider? timeProvider = null)
        : this(innerGenerator, catalog, new CostTrackingOptions { Ledger = ledger, Limit = limit, TimeProvider = timeProvider })
    {
    }

    /// <summary>Wraps <paramref name="innerGenerator"/> with the ledger, limit and clock of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The limit's currency differs from a currency of the catalog.</exception>
    public CostTrackingEmbeddingGenerator(IEmbeddingGenerator<TInput, TEmbedding> innerGenerator, ModelCatalog catalog, CostTrackingOptions options)
        : base(innerGenerator)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _pricer = new UsagePricer(catalog, options.Ledger, options.Limit, options.TimeProvider, options.AllowUnpricedModels);
        _defaultModelId = (innerGenerator.GetService(typeof(EmbeddingGeneratorMetadata)) as EmbeddingGeneratorMetadata)?.DefaultModelId;
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
    public override async Task<GeneratedEmbeddings<TEmbedding>> GenerateAsync(IEnumerable<TInput> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var requestedModelId = options?.ModelId ?? _defaultModelId;
        _pricer.ThrowIfRefused(requestedModelId);
        var embeddings = await base.GenerateAsync(values, options, cancellationToken).ConfigureAwait(false);

        var responseModelId = embeddings.Select(e => e.ModelId).FirstOrDefault(id => id is not null);
        var createdAt = embeddings.Select(e => e.CreatedAt).FirstOrDefault(at => at is not null);
        if (_pricer.Price(CallKind.Embedding, requestedModelId, responseModelId, ReportedTokens.OfEmbedding(embeddings.Usage), responseId: null, createdAt) is { } record)
        {
            embeddings.AdditionalProperties = CostProperties.Write(embeddings.AdditionalProperties, record.Cost, record.Currency);
        }

        return embeddings;
    }

    /// <inheritdoc/>
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        _pricer.GetService(this, serviceType, serviceKey, base.GetService);
}
