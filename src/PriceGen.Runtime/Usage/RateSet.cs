using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace PriceGen;

/// <summary>
/// Rates by the dimension they price. A rate's dimension is its role, except that a single <c>usage</c> rate prices
/// <c>input</c>. Small by nature (a dozen at most), so a linear search beats hashing.
/// </summary>
internal sealed class RateSet
{
    public static readonly RateSet Empty = new(Array.Empty<string>(), Array.Empty<Rate>());

    private readonly string[] _dimensions;

    private readonly Rate[] _rates;

    private RateSet(string[] dimensions, Rate[] rates)
    {
        _dimensions = dimensions;
        _rates = rates;
        Rates = new ReadOnlyCollection<Rate>(rates);
    }

    public IReadOnlyList<Rate> Rates { get; }

    public int Count => _rates.Length;

    /// <summary>The rates by their roles; a rate that prices no request dimension (<c>training</c>, image sizes) is kept but never found.</summary>
    public static RateSet Of(IEnumerable<Rate> rates)
    {
        var dimensions = new List<string>();
        var kept = new List<Rate>();
        foreach (var rate in rates ?? throw new ArgumentNullException(nameof(rates)))
        {
            if (rate is null)
            {
                throw new ArgumentException("A rate cannot be null.", nameof(rates));
            }

            var dimension = DimensionOf(rate.Role);
            if (dimensions.Contains(dimension))
            {
                throw new ArgumentException("Two rates price '" + dimension + "'.", nameof(rates));
            }

            dimensions.Add(dimension);
            kept.Add(rate);
        }

        return new RateSet(dimensions.ToArray(), kept.ToArray());
    }

    /// <summary>Rates given by position (the dimension of each argument), skipping those left out.</summary>
    public static RateSet Of(params (string Dimension, Rate? Rate)[] rates)
    {
        var dimensions = new List<string>();
        var kept = new List<Rate>();
        foreach (var (dimension, rate) in rates)
        {
            if (rate is not null)
            {
                dimensions.Add(dimension);
                kept.Add(rate);
            }
        }

        return new RateSet(dimensions.ToArray(), kept.ToArray());
    }

    public static RateSet Of(string dimension1, Rate? rate1, string dimension2, Rate? rate2, string dimension3, Rate? rate3) =>
        Of((dimension1, rate1), (dimension2, rate2), (dimension3, rate3));

    public Rate? Find(string dimension)
    {
        for (var i = 0; i < _dimensions.Length; i++)
        {
            if (string.Equals(_dimensions[i], dimension, StringComparison.Ordinal))
            {
                return _rates[i];
            }
        }

        return null;
    }

    private static string DimensionOf(string role) =>
        string.Equals(role, PriceDimensions.Usage, StringComparison.Ordinal) ? PriceDimensions.Input : role;
}
