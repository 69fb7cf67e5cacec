using Microsoft.Extensions.AI;

namespace PriceGen.Extensions.AI;

/// <summary>The token counts of one usage report, as far as the provider gave them.</summary>
internal readonly struct ReportedTokens
{
    private ReportedTokens(long? input, long? output, long? cachedInput)
    {
        Input = input;
        Output = output;
        CachedInput = cachedInput;
    }

    public long? Input { get; }

    public long? Output { get; }

    public long? CachedInput { get; }

    public static ReportedTokens OfChat(UsageDetails? usage) =>
        new(usage?.InputTokenCount, usage?.OutputTokenCount, usage?.CachedInputTokenCount);

    // An embedding has no output: a missing output count is zero, and the total, when only it is given, is the input.
    public static ReportedTokens OfEmbedding(UsageDetails? usage) =>
        usage is null ? default : new(usage.InputTokenCount ?? usage.TotalTokenCount, usage.OutputTokenCount ?? 0, usage.CachedInputTokenCount);
}
