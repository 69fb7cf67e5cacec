using System;
using PriceGen.Catalog;

namespace PriceGen.Cli.Diff;

/// <summary>
/// Compares two prices of one dimension by what they charge per unit, exactly in decimal: "$0.002 / 1K tokens" and
/// "$2 / 1M tokens" are the same price, and so are "$0.006 / minute" and "$0.0001 / second".
/// </summary>
internal static class PriceComparison
{
    /// <summary>How the price changed from <paramref name="old"/> to <paramref name="new"/> (null: it did not), and new/old for a price change.</summary>
    public static (DimensionChangeKind? Kind, decimal? Ratio) Compare(PriceDimension old, PriceDimension @new)
    {
        if (old.PercentOff is { } oldPercent && @new.PercentOff is { } newPercent)
        {
            // A discount is compared by the share of the regular price that is paid: 50% off → 40% off is ×1.2.
            return Change(100m - oldPercent, 100m - newPercent);
        }

        if (old.Rate is not { } oldRate || @new.Rate is not { } newRate)
        {
            return (DimensionChangeKind.UnitChanged, null);
        }

        var (oldUnit, oldPerUnit) = Normalized(oldRate);
        var (newUnit, newPerUnit) = Normalized(newRate);
        if (oldUnit != newUnit)
        {
            return (DimensionChangeKind.UnitChanged, null);
        }

        // Cross-multiplied rather than divided, so that "$0.01 / minute" against "$0.60 / hour" stays exact.
        return Change(oldRate.Price.Value * newPerUnit, newRate.Price.Value * oldPerUnit);
    }

    /// <summary>Whether durations are rounded another way (<c>rounding:</c>), whatever the price did.</summary>
    public static bool RoundingChanged(PriceDimension old, PriceDimension @new) =>
        old.Rate is { } oldRate && @new.Rate is { } newRate && oldRate.Rounding != newRate.Rounding;

    /// <summary>The unit that prices are compared in, and how many of it the rate's price pays for.</summary>
    private static (CatalogUnit Unit, decimal Count) Normalized(CatalogRate rate) => rate.Unit switch
    {
        CatalogUnit.Minute => (CatalogUnit.Second, rate.Quantity * 60m),
        CatalogUnit.Hour => (CatalogUnit.Second, rate.Quantity * 3600m),
        _ => (rate.Unit, rate.Quantity),
    };

    private static (DimensionChangeKind? Kind, decimal? Ratio) Change(decimal old, decimal @new) =>
        old == @new ? (null, null) :
        (@new > old ? DimensionChangeKind.PriceUp : DimensionChangeKind.PriceDown, old == 0m ? null : Math.Round(@new / old, RatioDecimals, MidpointRounding.AwayFromZero));

    /// <summary>Ratios are rounded to this many decimal places (1.75 / 1.5 is ×1.1667).</summary>
    public const int RatioDecimals = 4;
}
