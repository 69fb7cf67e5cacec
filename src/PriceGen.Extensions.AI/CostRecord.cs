using System;

namespace PriceGen.Extensions.AI;

/// <summary>The exact cost of one call (or one streamed usage report), priced from the catalog.</summary>
public sealed class CostRecord
{
    /// <summary>Creates a record.</summary>
    public CostRecord(CallKind call, ModelPrice model, decimal cost, long inputTokens, long outputTokens, long cachedInputTokens, string? responseId, DateTimeOffset timestamp)
    {
        Call = call;
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Cost = cost;
        InputTokens = inputTokens;
        OutputTokens = outputTokens;
        CachedInputTokens = cachedInputTokens;
        ResponseId = responseId;
        Timestamp = timestamp;
    }

    /// <summary>The kind of call.</summary>
    public CallKind Call { get; }

    /// <summary>The catalog model that priced the call.</summary>
    public ModelPrice Model { get; }

    /// <summary>The model id, as the catalog and the response name it.</summary>
    public string ModelId => Model.Id;

    /// <summary>ISO 4217 code of <see cref="Cost"/>.</summary>
    public string Currency => Model.Currency;

    /// <summary>The exact cost.</summary>
    public decimal Cost { get; }

    /// <summary>Input tokens, including <see cref="CachedInputTokens"/>.</summary>
    public long InputTokens { get; }

    /// <summary>Output tokens (reasoning tokens included, as providers bill them).</summary>
    public long OutputTokens { get; }

    /// <summary>Input tokens read from the provider's cache, priced at the cached-input rate when the catalog has one.</summary>
    public long CachedInputTokens { get; }

    /// <summary>The provider's response id, if it gave one.</summary>
    public string? ResponseId { get; }

    /// <summary>When the cost was recorded.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <inheritdoc/>
    public override string ToString() => Call + " " + ModelId + ": " + RateText.FormatAmount(Cost, Currency);
}
