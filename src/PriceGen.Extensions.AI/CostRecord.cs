using System;

namespace PriceGen.Extensions.AI;

/// <summary>The exact cost of one call (or one streamed usage report), priced from the catalog.</summary>
public sealed class CostRecord
{
    /// <summary>Creates a record.</summary>
    public CostRecord(CallKind call, ModelPrice model, decimal cost, long inputTokens, long outputTokens, long cachedInputTokens, string? responseId, DateTimeOffset timestamp)
        : this(call, model, cost, inputTokens, outputTokens, cachedInputTokens, responseId, timestamp, null, model?.Id, ModelMatchKind.Exact, PricedModelSource.ResponseModel)
    {
    }

    /// <summary>Creates a record that says which ids the call named and how the priced model was found.</summary>
    public CostRecord(
        CallKind call, ModelPrice model, decimal cost, long inputTokens, long outputTokens, long cachedInputTokens, string? responseId, DateTimeOffset timestamp,
        string? requestedModelId, string? responseModelId, ModelMatchKind match, PricedModelSource source)
    {
        RequestedModelId = requestedModelId;
        ResponseModelId = responseModelId;
        Match = match;
        Source = source;
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

    /// <summary>The id of the catalog model that priced the call (<c>gpt-4o</c> for a response from <c>gpt-4o-2024-08-06</c>).</summary>
    public string ModelId => Model.Id;

    /// <summary>The model id the request named (the options', else the client's default), if any.</summary>
    public string? RequestedModelId { get; }

    /// <summary>The model id the response named, if any, such as <c>gpt-4o-2024-08-06</c>.</summary>
    public string? ResponseModelId { get; }

    /// <summary>How the id named by <see cref="Source"/> matched <see cref="Model"/>.</summary>
    public ModelMatchKind Match { get; }

    /// <summary>Which id named the priced model.</summary>
    public PricedModelSource Source { get; }

    /// <summary>
    /// Whether the response's model could not be priced and the call was charged at the requested model's price
    /// instead (with a spending limit, so that the limit holds).
    /// </summary>
    public bool ChargedAtRequestedModelPrice => Source == PricedModelSource.RequestedModelFallback;

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

    /// <summary>Every dimension the call was billed for (cache writes by lifetime, reasoning, audio, …), as priced; <see langword="null"/> for a record built from counts alone.</summary>
    public Usage? Usage { get; init; }

    /// <summary>Where the money went: a line per billed dimension, when <see cref="Usage"/> is known.</summary>
    public CostBreakdown? Breakdown => Usage is { } usage && Model.Tokens is not null ? Model.Breakdown(usage) : null;

    /// <summary>The provider's response id, if it gave one.</summary>
    public string? ResponseId { get; }

    /// <summary>When the cost was recorded.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <inheritdoc/>
    public override string ToString() => Call + " " + ModelId + ": " + RateText.FormatAmount(Cost, Currency);
}
