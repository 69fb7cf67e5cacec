using System;

namespace PriceGen;

/// <summary>
/// Long-context prices: a request whose prompt has strictly more than <see cref="AboveInputTokens"/> input tokens is
/// priced entirely at this tier's rates. A rate the tier leaves out is the base rate.
/// </summary>
public sealed class PricingTier
{
    /// <summary>Creates a tier for prompts of more than <paramref name="aboveInputTokens"/> tokens.</summary>
    public PricingTier(long aboveInputTokens, TokenRate? input, TokenRate? output = null, TokenRate? cachedInput = null, TokenRate? cacheWrite = null)
    {
        if (aboveInputTokens < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(aboveInputTokens), aboveInputTokens, "A tier threshold cannot be negative.");
        }

        AboveInputTokens = aboveInputTokens;
        Input = input;
        Output = output;
        CachedInput = cachedInput;
        CacheWrite = cacheWrite;
    }

    /// <summary>The tier applies to prompts of strictly more input tokens than this.</summary>
    public long AboveInputTokens { get; }

    /// <summary>The input rate in this tier, or <see langword="null"/> to keep the base rate.</summary>
    public TokenRate? Input { get; }

    /// <summary>The output rate in this tier, or <see langword="null"/> to keep the base rate.</summary>
    public TokenRate? Output { get; }

    /// <summary>The cached-input rate in this tier, or <see langword="null"/> to keep the base rate.</summary>
    public TokenRate? CachedInput { get; }

    /// <summary>The cache-write rate in this tier, or <see langword="null"/> to keep the base rate.</summary>
    public TokenRate? CacheWrite { get; }
}
