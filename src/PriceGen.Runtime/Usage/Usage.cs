using System;
using System.Collections.Generic;

namespace PriceGen;

/// <summary>
/// Everything one request used that a provider bills, counted the way the OpenAI API and Microsoft.Extensions.AI count
/// it: <see cref="InputTokens"/> is every prompt token, the parts priced apart (cache reads and writes, audio, images)
/// included; <see cref="OutputTokens"/> is every generated token, reasoning and audio included. A part that the model
/// does not price is an error when it is used, never a silent zero (see <see cref="ModelPrice.Breakdown"/>).
/// </summary>
/// <remarks>
/// Anthropic's Messages API counts <c>input_tokens</c> without the cache reads and writes: add them to get
/// <see cref="InputTokens"/> (its Microsoft.Extensions.AI adapter already does).
/// </remarks>
public sealed class Usage : IEquatable<Usage>
{
    /// <summary>An empty usage: one request, nothing else.</summary>
    public Usage()
    {
    }

    /// <summary>A usage of the given counts, by name: <c>new Usage(inputTokens: 8000, outputTokens: 500, cachedInputTokens: 5000)</c>.</summary>
    public Usage(
        long inputTokens = 0, long outputTokens = 0, long cachedInputTokens = 0, long cacheWriteTokens = 0, long cacheWrite1hTokens = 0,
        long reasoningTokens = 0, long audioInputTokens = 0, long cachedAudioInputTokens = 0, long audioOutputTokens = 0,
        long imageInputTokens = 0, long imageOutputTokens = 0, decimal audioInputSeconds = 0m, decimal videoInputSeconds = 0m,
        long requests = 1, long webSearchCalls = 0, SearchContextSize webSearchContext = SearchContextSize.Medium, long codeInterpreterSessions = 0,
        ServiceTier serviceTier = ServiceTier.Standard)
    {
        InputTokens = inputTokens;
        OutputTokens = outputTokens;
        CachedInputTokens = cachedInputTokens;
        CacheWriteTokens = cacheWriteTokens;
        CacheWrite1hTokens = cacheWrite1hTokens;
        ReasoningTokens = reasoningTokens;
        AudioInputTokens = audioInputTokens;
        CachedAudioInputTokens = cachedAudioInputTokens;
        AudioOutputTokens = audioOutputTokens;
        ImageInputTokens = imageInputTokens;
        ImageOutputTokens = imageOutputTokens;
        AudioInputSeconds = audioInputSeconds;
        VideoInputSeconds = videoInputSeconds;
        Requests = requests;
        WebSearchCalls = webSearchCalls;
        WebSearchContext = webSearchContext;
        CodeInterpreterSessions = codeInterpreterSessions;
        ServiceTier = serviceTier;
    }

    /// <summary>Every prompt token, including every part below that is priced apart.</summary>
    public long InputTokens { get; init; }

    /// <summary>Every generated token, including reasoning, audio and image tokens.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Prompt tokens read from the cache (<c>cached-input</c>); part of <see cref="InputTokens"/>.</summary>
    public long CachedInputTokens { get; init; }

    /// <summary>Prompt tokens written to the cache for its default lifetime (<c>cache-write</c>); part of <see cref="InputTokens"/>.</summary>
    public long CacheWriteTokens { get; init; }

    /// <summary>Prompt tokens written to the cache for one hour (<c>cache-write-1h</c>); part of <see cref="InputTokens"/>.</summary>
    public long CacheWrite1hTokens { get; init; }

    /// <summary>Reasoning tokens (<c>reasoning</c>, else billed as output); part of <see cref="OutputTokens"/>.</summary>
    public long ReasoningTokens { get; init; }

    /// <summary>Prompt audio tokens not read from the cache (<c>audio-input</c>); part of <see cref="InputTokens"/>.</summary>
    public long AudioInputTokens { get; init; }

    /// <summary>Prompt audio tokens read from the cache (<c>cached-audio-input</c>); part of <see cref="InputTokens"/>.</summary>
    public long CachedAudioInputTokens { get; init; }

    /// <summary>Generated audio tokens (<c>audio-output</c>); part of <see cref="OutputTokens"/>.</summary>
    public long AudioOutputTokens { get; init; }

    /// <summary>Prompt image tokens priced apart from text (<c>image-input</c>); part of <see cref="InputTokens"/>.</summary>
    public long ImageInputTokens { get; init; }

    /// <summary>Generated image tokens (<c>image-output</c>); part of <see cref="OutputTokens"/>.</summary>
    public long ImageOutputTokens { get; init; }

    /// <summary>Seconds of prompt audio, for a model that prices <c>audio-input</c> per second.</summary>
    public decimal AudioInputSeconds { get; init; }

    /// <summary>Seconds of prompt video (<c>video-input</c>).</summary>
    public decimal VideoInputSeconds { get; init; }

    /// <summary>How many requests this usage is (<c>request</c> fees); one unless said otherwise.</summary>
    public long Requests { get; init; } = 1;

    /// <summary>Web search calls made for the request (<c>web-search</c>).</summary>
    public long WebSearchCalls { get; init; }

    /// <summary>The search context size of <see cref="WebSearchCalls"/>.</summary>
    public SearchContextSize WebSearchContext { get; init; }

    /// <summary>Code interpreter sessions opened for the request (<c>code-interpreter</c>).</summary>
    public long CodeInterpreterSessions { get; init; }

    /// <summary>The service tier the request was processed in.</summary>
    public ServiceTier ServiceTier { get; init; }

    /// <inheritdoc/>
    public bool Equals(Usage? other) =>
        other is not null &&
        InputTokens == other.InputTokens && OutputTokens == other.OutputTokens && CachedInputTokens == other.CachedInputTokens &&
        CacheWriteTokens == other.CacheWriteTokens && CacheWrite1hTokens == other.CacheWrite1hTokens && ReasoningTokens == other.ReasoningTokens &&
        AudioInputTokens == other.AudioInputTokens && CachedAudioInputTokens == other.CachedAudioInputTokens && AudioOutputTokens == other.AudioOutputTokens &&
        ImageInputTokens == other.ImageInputTokens && ImageOutputTokens == other.ImageOutputTokens &&
        AudioInputSeconds == other.AudioInputSeconds && VideoInputSeconds == other.VideoInputSeconds && Requests == other.Requests &&
        WebSearchCalls == other.WebSearchCalls && WebSearchContext == other.WebSearchContext &&
        CodeInterpreterSessions == other.CodeInterpreterSessions && ServiceTier == other.ServiceTier;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Usage);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = InputTokens.GetHashCode();
            foreach (var value in new[] { OutputTokens, CachedInputTokens, CacheWriteTokens, CacheWrite1hTokens, ReasoningTokens, AudioInputTokens, AudioOutputTokens, Requests, WebSearchCalls })
            {
                hash = (hash * 397) ^ value.GetHashCode();
            }

            return (hash * 397) ^ (int)ServiceTier;
        }
    }

    /// <summary>The counts that are not zero, culture-invariantly: <c>input 8000, output 500, cached-input 5000</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        void Add(string name, decimal value)
        {
            if (value != 0m)
            {
                parts.Add(name + " " + value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Add("input", InputTokens);
        Add("output", OutputTokens);
        Add(PriceDimensions.CachedInput, CachedInputTokens);
        Add(PriceDimensions.CacheWrite, CacheWriteTokens);
        Add(PriceDimensions.CacheWrite1h, CacheWrite1hTokens);
        Add(PriceDimensions.Reasoning, ReasoningTokens);
        Add(PriceDimensions.AudioInput, AudioInputTokens);
        Add(PriceDimensions.CachedAudioInput, CachedAudioInputTokens);
        Add(PriceDimensions.AudioOutput, AudioOutputTokens);
        Add(PriceDimensions.ImageInput, ImageInputTokens);
        Add(PriceDimensions.ImageOutput, ImageOutputTokens);
        Add("audio-input seconds", AudioInputSeconds);
        Add("video-input seconds", VideoInputSeconds);
        Add(PriceDimensions.WebSearch, WebSearchCalls);
        Add(PriceDimensions.CodeInterpreter, CodeInterpreterSessions);
        if (ServiceTier != ServiceTier.Standard)
        {
            parts.Add(ServiceTier.ToString().ToLowerInvariant());
        }

        return string.Join(", ", parts);
    }
}
