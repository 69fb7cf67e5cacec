using System.Collections.Generic;
using System.Globalization;
using PriceGen.Catalog;
using PriceGen.Common;

namespace PriceGen.Cli.Diff;

/// <summary>
/// One thing a model charges for, named so that two catalogs can be compared key by key: <c>input</c>,
/// <c>hd/1024x1024</c>, <c>above 200K tokens: input</c>, <c>batch: output</c>, or <c>batch</c> for a percentage off.
/// Exactly one of <see cref="Rate"/> and <see cref="PercentOff"/> is set.
/// </summary>
internal sealed record PriceDimension(string Key, CatalogRate? Rate, decimal? PercentOff)
{
    /// <summary>The price as the catalog writes it: <c>$0.50 / 1M tokens</c>, or <c>50% off</c>.</summary>
    public string Written => Rate?.Written ?? (PercentOff!.Value < 0m
        ? "+" + (-PercentOff.Value).ToString(CultureInfo.InvariantCulture) + "%"
        : PercentOff.Value.ToString(CultureInfo.InvariantCulture) + "% off");
}

/// <summary>Flattens a model's prices into <see cref="PriceDimension"/>s: the one place that knows where prices live in a model.</summary>
internal static class DiffDimensions
{
    /// <summary>Every price of <paramref name="model"/>, in catalog order: rates, then tiers by threshold, then batch, priority and flex.</summary>
    public static IReadOnlyList<PriceDimension> Of(CatalogModel model)
    {
        var dimensions = new List<PriceDimension>();
        AddRates(dimensions, prefix: string.Empty, model.Rates);
        foreach (var tier in model.Tiers)
        {
            AddRates(dimensions, $"above {TokenCount(tier.AboveTokens)} tokens: ", tier.Rates);
        }

        // Service tiers: a percentage off (or more), or rates of their own.
        AddDiscountOrRates(dimensions, CatalogFormat.BatchField, model.Batch);
        AddDiscountOrRates(dimensions, CatalogFormat.PriorityField, model.Priority);
        AddDiscountOrRates(dimensions, CatalogFormat.FlexField, model.Flex);
        return dimensions;
    }

    private static void AddRates(List<PriceDimension> dimensions, string prefix, EquatableArray<CatalogRate> rates)
    {
        foreach (var rate in rates)
        {
            dimensions.Add(new PriceDimension(prefix + rate.Role, rate, PercentOff: null));
        }
    }

    private static void AddDiscountOrRates(List<PriceDimension> dimensions, string name, CatalogBatch? prices)
    {
        if (prices is null)
        {
            return;
        }

        // The parser accepted the text as a percentage, so it reads back as one.
        if (prices.PercentOff is { } percent)
        {
            dimensions.Add(new PriceDimension(name, Rate: null, decimal.Parse(percent, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)));
        }

        // A surcharge (+75%) is a negative discount: the share paid, 175%, compares as any other.
        if (prices.PercentMore is { } more)
        {
            dimensions.Add(new PriceDimension(name, Rate: null, -decimal.Parse(more, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)));
        }

        AddRates(dimensions, name + ": ", prices.Rates);
    }

    /// <summary>200000 → "200K", 2000000 → "2M", 1047576 stays: how catalogs write token counts.</summary>
    private static string TokenCount(long tokens) =>
        tokens % 1_000_000 == 0 ? (tokens / 1_000_000).ToString(CultureInfo.InvariantCulture) + "M" :
        tokens % 1_000 == 0 ? (tokens / 1_000).ToString(CultureInfo.InvariantCulture) + "K" :
        tokens.ToString(CultureInfo.InvariantCulture);
}
