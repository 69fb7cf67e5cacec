using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace PriceGen.Extensions.AI;

/// <summary>The counts of one usage report, as far as the provider gave them, and the usage they make.</summary>
internal readonly struct ReportedTokens
{
    // Microsoft.Extensions.AI.OpenAI also writes the details of OpenAI's usage as additional counts, under these names.
    internal const string OpenAIInputAudio = "InputTokenDetails.AudioTokenCount";
    internal const string OpenAIInputImage = "InputTokenDetails.ImageTokenCount";
    internal const string OpenAIOutputAudio = "OutputTokenDetails.AudioTokenCount";
    internal const string OpenAIReasoning = "OutputTokenDetails.ReasoningTokenCount";

    // Anthropic's adapter counts cache writes in InputTokenCount and names them only here; their lifetime (5 minutes or
    // one hour) is in the raw response, which PriceGen.Extensions.AI.Anthropic reads.
    internal const string AnthropicCacheWrites = "CacheCreationInputTokens";

    private ReportedTokens(long? input, long? output, long? cachedInput, Usage? usage)
    {
        Input = input;
        Output = output;
        CachedInput = cachedInput;
        Usage = usage;
    }

    public long? Input { get; }

    public long? Output { get; }

    public long? CachedInput { get; }

    /// <summary>Every dimension of the report, or <see langword="null"/> when the input or output count is missing.</summary>
    public Usage? Usage { get; }

    /// <summary>
    /// A chat report. Counts as Microsoft.Extensions.AI counts them: the input includes cache reads and writes and
    /// audio, the output includes reasoning and audio (OpenAI's and Anthropic's adapters both report so).
    /// </summary>
    public static ReportedTokens OfChat(UsageDetails? usage)
    {
        if (usage?.InputTokenCount is not { } input || usage.OutputTokenCount is not { } output)
        {
            return new(usage?.InputTokenCount, usage?.OutputTokenCount, usage?.CachedInputTokenCount, null);
        }

        var counts = usage.AdditionalCounts;
        var detailed = new Usage
        {
            InputTokens = input,
            OutputTokens = output,
            CachedInputTokens = usage.CachedInputTokenCount ?? 0,
            CacheWriteTokens = Count(counts, AnthropicCacheWrites),
            ReasoningTokens = usage.ReasoningTokenCount ?? Count(counts, OpenAIReasoning),
            // UsageDetails' audio counts are experimental (MEAI001) and may go away; the adapter's additional counts stay.
            AudioInputTokens = Count(counts, OpenAIInputAudio),
            ImageInputTokens = Count(counts, OpenAIInputImage),
            AudioOutputTokens = Count(counts, OpenAIOutputAudio),
        };
        return new(input, output, usage.CachedInputTokenCount, detailed);
    }

    // An embedding has no output: a missing output count is zero, and the total, when only it is given, is the input.
    public static ReportedTokens OfEmbedding(UsageDetails? usage)
    {
        if (usage is null)
        {
            return default;
        }

        var input = usage.InputTokenCount ?? usage.TotalTokenCount;
        var output = usage.OutputTokenCount ?? 0;
        var detailed = input is { } tokens ? new Usage { InputTokens = tokens, OutputTokens = output, CachedInputTokens = usage.CachedInputTokenCount ?? 0 } : null;
        return new(input, output, usage.CachedInputTokenCount, detailed);
    }

    /// <summary>This report with its usage refined by a provider's reader from the raw responses.</summary>
    public ReportedTokens RefinedBy(ProviderUsageReader? reader, IReadOnlyList<object> rawRepresentations) =>
        reader is null || Usage is null || rawRepresentations.Count == 0 ? this : new(Input, Output, CachedInput, reader.Read(Usage, rawRepresentations));

    private static long Count(AdditionalPropertiesDictionary<long>? counts, string name) =>
        counts is not null && counts.TryGetValue(name, out var value) ? value : 0;
}
