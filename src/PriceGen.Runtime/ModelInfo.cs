using System;

namespace PriceGen;

/// <summary>What a catalog says about a model besides its prices: limits, tokenizer and lifecycle.</summary>
public sealed class ModelInfo
{
    /// <summary>Creates model details; every value is optional.</summary>
    public ModelInfo(long? contextWindow = null, long? maxOutputTokens = null, string? encoding = null, DateTime? deprecated = null, DateTime? shutdown = null, string? replacement = null)
    {
        ContextWindow = contextWindow;
        MaxOutputTokens = maxOutputTokens;
        Encoding = encoding;
        Deprecated = deprecated;
        Shutdown = shutdown;
        Replacement = replacement;
    }

    /// <summary>No details.</summary>
    public static ModelInfo None { get; } = new();

    /// <summary>Most tokens of prompt and output together, if the catalog says.</summary>
    public long? ContextWindow { get; }

    /// <summary>Most output tokens of one request, if the catalog says.</summary>
    public long? MaxOutputTokens { get; }

    /// <summary>The tokenizer's encoding name, such as <c>cl100k_base</c>, if the catalog says.</summary>
    public string? Encoding { get; }

    /// <summary>The date the provider deprecated (or will deprecate) the model.</summary>
    public DateTime? Deprecated { get; }

    /// <summary>The date the provider shuts (or shut) the model down.</summary>
    public DateTime? Shutdown { get; }

    /// <summary>The model id the provider recommends instead.</summary>
    public string? Replacement { get; }

    /// <summary>Whether the catalog marks the model as deprecated or shut down.</summary>
    public bool IsRetired => Deprecated is not null || Shutdown is not null;
}
