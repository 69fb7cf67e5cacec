using System;
using System.Collections.Generic;

namespace PriceGen;

/// <summary>
/// Long-context prices: a request whose prompt has strictly more than <see cref="AboveInputTokens"/> input tokens is
/// priced entirely at this tier's rates. A dimension the tier leaves out keeps its base rate.
/// </summary>
public sealed class PricingTier
{
    private readonly RateSet _rates;

    /// <summary>Creates a tier for prompts of more than <paramref name="aboveInputTokens"/> tokens.</summary>
    public PricingTier(long aboveInputTokens, TokenRate? input, TokenRate? output = null, TokenRate? cachedInput = null, TokenRate? cacheWrite = null)
        : this(aboveInputTokens, RateSet.Of((PriceDimensions.Input, input), (PriceDimensions.Output, output), (PriceDimensions.CachedInput, cachedInput), (PriceDimensions.CacheWrite, cacheWrite)))
    {
    }

    /// <summary>Creates a tier of any dimensions: each rate's <see cref="Rate.Role"/> names the dimension it prices (<c>cache-write-1h</c>).</summary>
    public PricingTier(long aboveInputTokens, IEnumerable<Rate> rates)
        : this(aboveInputTokens, RateSet.Of(rates))
    {
    }

    private PricingTier(long aboveInputTokens, RateSet rates)
    {
        if (aboveInputTokens < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(aboveInputTokens), aboveInputTokens, "A tier threshold cannot be negative.");
        }

        AboveInputTokens = aboveInputTokens;
        _rates = rates;
    }

    /// <summary>The tier applies to prompts of strictly more input tokens than this.</summary>
    public long AboveInputTokens { get; }

    /// <summary>The input rate in this tier, or <see langword="null"/> to keep the base rate.</summary>
    public TokenRate? Input => RateOf(PriceDimensions.Input) as TokenRate;

    /// <summary>The output rate in this tier, or <see langword="null"/> to keep the base rate.</summary>
    public TokenRate? Output => RateOf(PriceDimensions.Output) as TokenRate;

    /// <summary>The cached-input rate in this tier, or <see langword="null"/> to keep the base rate.</summary>
    public TokenRate? CachedInput => RateOf(PriceDimensions.CachedInput) as TokenRate;

    /// <summary>The cache-write rate in this tier, or <see langword="null"/> to keep the base rate.</summary>
    public TokenRate? CacheWrite => RateOf(PriceDimensions.CacheWrite) as TokenRate;

    /// <summary>Every rate of the tier.</summary>
    public IReadOnlyList<Rate> Rates => _rates.Rates;

    /// <summary>The tier's rate of <paramref name="dimension"/> (one of <see cref="PriceDimensions"/>), or <see langword="null"/> to keep the base rate.</summary>
    public Rate? RateOf(string dimension) => _rates.Find(dimension);
}
