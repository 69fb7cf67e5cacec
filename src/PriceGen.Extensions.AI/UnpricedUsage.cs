using System;

namespace PriceGen.Extensions.AI;

/// <summary>
/// A call whose cost is unknown: it is reported instead of being priced at zero, and it is not charged to a spending
/// limit (there is no amount to charge).
/// </summary>
public sealed class UnpricedUsage
{
    /// <summary>Creates a report.</summary>
    public UnpricedUsage(CallKind call, UnpricedReason reason, string? modelId, long? inputTokens, long? outputTokens, long? cachedInputTokens, string? responseId, DateTimeOffset timestamp)
    {
        Call = call;
        Reason = reason;
        ModelId = modelId;
        InputTokens = inputTokens;
        OutputTokens = outputTokens;
        CachedInputTokens = cachedInputTokens;
        ResponseId = responseId;
        Timestamp = timestamp;
    }

    /// <summary>The kind of call.</summary>
    public CallKind Call { get; }

    /// <summary>Why the usage could not be priced.</summary>
    public UnpricedReason Reason { get; }

    /// <summary>The model id the call named, if any.</summary>
    public string? ModelId { get; }

    /// <summary>Input tokens, as reported.</summary>
    public long? InputTokens { get; }

    /// <summary>Output tokens, as reported.</summary>
    public long? OutputTokens { get; }

    /// <summary>Cached input tokens, as reported.</summary>
    public long? CachedInputTokens { get; }

    /// <summary>The provider's response id, if it gave one.</summary>
    public string? ResponseId { get; }

    /// <summary>When the report was made.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <inheritdoc/>
    public override string ToString() => Call + " " + (ModelId ?? "(no model id)") + ": unpriced, " + Reason;
}
