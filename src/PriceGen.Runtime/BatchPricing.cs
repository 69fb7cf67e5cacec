using System;

namespace PriceGen;

/// <summary>
/// Prices of asynchronous batch requests: either a <see cref="Discount"/> off the regular (tiered) cost, or explicit
/// rates that replace the regular ones (a rate left out falls back to the regular rate).
/// </summary>
public sealed class BatchPricing : ServiceTierPricing
{
    private BatchPricing(decimal? discount, RateSet rates)
        : base(discount is { } off ? 1m - off : null, rates)
    {
        Discount = discount;
    }

    /// <summary>The fraction taken off the regular cost (0.5 for "batch: 50%"), or <see langword="null"/> for explicit rates.</summary>
    public decimal? Discount { get; }

    /// <summary>The explicit batch input rate, if any.</summary>
    public TokenRate? Input => RateOf(PriceDimensions.Input) as TokenRate;

    /// <summary>The explicit batch output rate, if any.</summary>
    public TokenRate? Output => RateOf(PriceDimensions.Output) as TokenRate;

    /// <summary>The explicit batch cached-input rate, if any.</summary>
    public TokenRate? CachedInput => RateOf(PriceDimensions.CachedInput) as TokenRate;

    /// <summary>A batch price of <paramref name="percent"/>% off the regular cost.</summary>
    public new static BatchPricing PercentOff(decimal percent) => new(1m - OffFactor(percent), RateSet.Empty);

    /// <summary>Explicit batch rates.</summary>
    public static BatchPricing Rates(TokenRate? input, TokenRate? output = null, TokenRate? cachedInput = null) =>
        new(null, RateSet.Of(PriceDimensions.Input, input, PriceDimensions.Output, output, PriceDimensions.CachedInput, cachedInput));

    /// <summary>Explicit batch rates of any dimension; each rate's <see cref="Rate.Role"/> names its dimension.</summary>
    public new static BatchPricing WithRates(params Rate[] rates) => new(null, RateSet.Of(rates));
}
