using System;
using System.Collections.Generic;

namespace PriceGen;

/// <summary>
/// Prices of a service tier (<c>batch</c>, <c>priority</c>, <c>flex</c>): either a <see cref="Factor"/> applied to the
/// regular (tiered) cost of tokens and durations, or explicit rates that replace the regular ones (a dimension left out
/// keeps its regular rate). Per-request and per-call fees are never scaled.
/// </summary>
public class ServiceTierPricing
{
    private readonly RateSet _rates;

    private protected ServiceTierPricing(decimal? factor, RateSet rates)
    {
        Factor = factor;
        _rates = rates;
    }

    /// <summary>What the regular cost is multiplied by (0.5 for 50% off, 1.75 for 75% more), or <see langword="null"/> for explicit rates.</summary>
    public decimal? Factor { get; }

    /// <summary>The explicit rates, by dimension; empty for a <see cref="Factor"/>.</summary>
    public IReadOnlyList<Rate> ExplicitRates => _rates.Rates;

    /// <summary>A tier of <paramref name="percent"/>% off the regular cost (flex: 50%).</summary>
    public static ServiceTierPricing PercentOff(decimal percent) => new(OffFactor(percent), RateSet.Empty);

    /// <summary>A tier of <paramref name="percent"/>% more than the regular cost (priority: +75%).</summary>
    public static ServiceTierPricing PercentMore(decimal percent) =>
        percent < 0m ? throw new ArgumentOutOfRangeException(nameof(percent), percent, "A surcharge cannot be negative.") : new(1m + (percent / 100m), RateSet.Empty);

    /// <summary>Explicit rates of the tier; each rate's <see cref="Rate.Role"/> names its dimension.</summary>
    public static ServiceTierPricing WithRates(params Rate[] rates) => new(null, RateSet.Of(rates));

    /// <summary>The tier's own rate of <paramref name="dimension"/>, or <see langword="null"/>.</summary>
    public Rate? RateOf(string dimension) => _rates.Find(dimension);

    private protected static decimal OffFactor(decimal percent) =>
        percent is < 0m or > 100m ? throw new ArgumentOutOfRangeException(nameof(percent), percent, "A discount is between 0% and 100%.") : 1m - (percent / 100m);
}
