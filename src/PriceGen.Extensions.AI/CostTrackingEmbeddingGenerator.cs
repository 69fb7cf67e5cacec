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
/// calls are refused once the limit is reached. The model is the embeddings' <c>ModelId</c>, else the options', else
/// the generator metadata's default.
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
        : base(innerGenerator)
    {
        _pricer = new UsagePricer(catalog, ledger, limit, timeProvider);
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
    public override async Task<GeneratedEmbeddings<TEmbedding>> GenerateAsync(IEnumerable<TInput> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        _pricer.ThrowIfLimitReached();
        var embeddings = await base.GenerateAsync(values, options, cancellationToken).ConfigureAwait(false);

        var modelId = embeddings.Select(e => e.ModelId).FirstOrDefault(id => id is not null) ?? options?.ModelId ?? _defaultModelId;
        if (_pricer.Price(CallKind.Embedding, modelId, ReportedTokens.OfEmbedding(embeddings.Usage), responseId: null) is { } record)
        {
            embeddings.AdditionalProperties = CostProperties.Write(embeddings.AdditionalProperties, record.Cost, record.Currency);
        }

        return embeddings;
    }

    /// <inheritdoc/>
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        _pricer.GetService(this, serviceType, serviceKey, base.GetService);
}
