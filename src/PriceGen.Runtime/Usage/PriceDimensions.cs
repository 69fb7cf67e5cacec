namespace PriceGen;

/// <summary>
/// The billed dimensions of a request, named as catalogs name their rates (<c>cache-write-1h: $6 / 1M tokens</c>).
/// Each is a <see cref="Rate.Role"/> of a token-priced model and the <see cref="CostLine.Dimension"/> it is billed under.
/// </summary>
public static class PriceDimensions
{
    /// <summary>Prompt tokens not counted in any dimension below (text, as a rule).</summary>
    public const string Input = "input";

    /// <summary>Every token of a model priced by one rate: catalogs write <c>usage</c>; billed as <see cref="Input"/>.</summary>
    public const string Usage = "usage";

    /// <summary>Generated tokens not counted in any dimension below.</summary>
    public const string Output = "output";

    /// <summary>Prompt tokens read from the provider's cache. Priced as <see cref="Input"/> when the model has no such rate.</summary>
    public const string CachedInput = "cached-input";

    /// <summary>Prompt tokens written to the cache for its default lifetime (5 minutes at Anthropic). Priced as <see cref="Input"/> when the model has no such rate.</summary>
    public const string CacheWrite = "cache-write";

    /// <summary>Prompt tokens written to the cache for one hour.</summary>
    public const string CacheWrite1h = "cache-write-1h";

    /// <summary>Generated reasoning (thinking) tokens, when a provider prices them apart from output; else priced as <see cref="Output"/>.</summary>
    public const string Reasoning = "reasoning";

    /// <summary>Prompt audio: per token, or per second of audio.</summary>
    public const string AudioInput = "audio-input";

    /// <summary>Prompt audio tokens read from the cache. Priced as <see cref="AudioInput"/> when the model has no such rate.</summary>
    public const string CachedAudioInput = "cached-audio-input";

    /// <summary>Generated audio tokens.</summary>
    public const string AudioOutput = "audio-output";

    /// <summary>Prompt image tokens, when priced apart from text.</summary>
    public const string ImageInput = "image-input";

    /// <summary>Generated image tokens.</summary>
    public const string ImageOutput = "image-output";

    /// <summary>Prompt video, per second (or per token).</summary>
    public const string VideoInput = "video-input";

    /// <summary>A fee per request, whatever its size.</summary>
    public const string Request = "request";

    /// <summary>Web search calls; by search context size as <c>web-search/low</c>, <c>web-search/medium</c>, <c>web-search/high</c>.</summary>
    public const string WebSearch = "web-search";

    /// <summary>Code interpreter (code execution) sessions.</summary>
    public const string CodeInterpreter = "code-interpreter";

    /// <summary>The dimension of web search calls of one context size: <c>web-search/medium</c>.</summary>
    public static string WebSearchOf(SearchContextSize size) => WebSearch + "/" + size switch
    {
        SearchContextSize.Low => "low",
        SearchContextSize.High => "high",
        _ => "medium",
    };
}
