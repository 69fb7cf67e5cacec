using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PriceGen.Analysis.Prices;

/// <summary>
/// A catalog rate a literal equals at one scale: as listed (<c>.Price</c>), per unit (<c>.PricePerToken</c>), or per
/// 1K/1M tokens where the catalog lists another unit (<c>.PricePerToken * 1000m</c>). Replacing the literal with
/// <see cref="Replacement"/> keeps the program's arithmetic: the literal's own divisors stay where they are.
/// </summary>
internal sealed record PriceCandidate(ModelRate Rate, string ValueProperty, decimal Multiplier)
{
    public string? Replacement => Rate.Match.RateMember is { } member ? Expression(member) : null;

    public string ReplacementDisplay => Expression(Rate.Match.RateDisplay);

    /// <summary>"gpt-3.5-turbo usage ($0.002 / 1K tokens)", "… per unit (…)", "… per 1K tokens (…)".</summary>
    public string Description =>
        $"{Rate.ModelId} {Rate.Rate.Role}{(ValueProperty == "Price" ? string.Empty : Multiplier == 1m ? " per unit" : " per " + PriceScales.Label(Multiplier) + " tokens")} ({Rate.Rate.Written})";

    private string Expression(string member) => Multiplier == 1m
        ? member + "." + ValueProperty
        : "(" + member + "." + ValueProperty + " * " + Multiplier.ToString(CultureInfo.InvariantCulture) + "m)";
}

/// <summary>The scales a price is written at, and how a literal compares with a rate at each.</summary>
internal static class PriceScales
{
    private static readonly decimal[] TokenScales = { 1m, 1_000m, 1_000_000m };

    /// <summary>The candidate when <paramref name="value"/> is <paramref name="rate"/> at <paramref name="scale"/> (or at any plausible scale when null).</summary>
    public static PriceCandidate? Match(ModelRate rate, decimal value, decimal? scale)
    {
        if (!rate.IsTokenRate)
        {
            if (scale is null && value == rate.Rate.Price.Value)
            {
                return new PriceCandidate(rate, "Price", 1m);
            }

            return scale is null && rate.Rate.Quantity != 1 && value == rate.PerUnit ? new PriceCandidate(rate, "PricePerUnit", 1m) : null;
        }

        foreach (var s in Scales(rate, scale))
        {
            if (value / s == rate.PerUnit)
            {
                return Candidate(rate, s);
            }
        }

        return null;
    }

    /// <summary>The scale at which <paramref name="value"/> is closest to the rate, and the ratio there (literal / catalog).</summary>
    public static (decimal Scale, double Ratio) Closest(ModelRate rate, decimal value, decimal? scale)
    {
        if (!rate.IsTokenRate)
        {
            return (rate.Rate.Quantity, (double)(value / rate.Rate.Price.Value));
        }

        var best = (Scale: 1m, Ratio: double.PositiveInfinity);
        foreach (var s in Scales(rate, scale))
        {
            var ratio = (double)(value / s / rate.PerUnit);
            if (Math.Abs(Math.Log(ratio)) < Math.Abs(Math.Log(best.Ratio)))
            {
                best = (s, ratio);
            }
        }

        return best;
    }

    public static PriceCandidate Candidate(ModelRate rate, decimal scale) =>
        !rate.IsTokenRate ? new PriceCandidate(rate, "Price", 1m)
        : scale == rate.Rate.Quantity ? new PriceCandidate(rate, "Price", 1m)
        : new PriceCandidate(rate, "PricePerToken", scale);

    /// <summary>"$5 / 1M": the literal in the unit the catalog lists the rate in.</summary>
    public static string InCatalogUnit(ModelRate rate, decimal value, decimal scale)
    {
        if (!rate.IsTokenRate)
        {
            return "$" + Number(value) + " / " + rate.Rate.Unit.ToString().ToLowerInvariant();
        }

        var atUnit = value / scale * rate.Rate.Quantity;
        return "$" + Number(atUnit) + " / " + (rate.Rate.Quantity == 1 ? "token" : Label(rate.Rate.Quantity));
    }

    public static string Label(decimal quantity) => quantity switch
    {
        1_000m => "1K",
        1_000_000m => "1M",
        _ => quantity.ToString("0", CultureInfo.InvariantCulture),
    };

    public static string Number(decimal value) => (value / 1.000000000000000000000000000m).ToString("0.############", CultureInfo.InvariantCulture);

    private static ScaleSet Scales(ModelRate rate, decimal? scale) => new(scale, rate.Rate.Quantity);

    /// <summary>
    /// The scales a token rate is tried at: the one written, else per token, per 1K, per 1M and the rate's own quantity
    /// (once). A struct enumerated in place: this runs for every rate beside every price-shaped literal.
    /// </summary>
    private readonly struct ScaleSet
    {
        private readonly decimal? _written;
        private readonly decimal _quantity;

        public ScaleSet(decimal? written, decimal quantity) => (_written, _quantity) = (written, quantity);

        public Enumerator GetEnumerator() => new(this);

        public struct Enumerator
        {
            private readonly ScaleSet _set;
            private int _next;

            public Enumerator(ScaleSet set) => (_set, _next, Current) = (set, 0, 0m);

            public decimal Current { get; private set; }

            public bool MoveNext()
            {
                if (_set._written is { } written)
                {
                    Current = written;
                    return _next++ == 0;
                }

                if (_next < TokenScales.Length)
                {
                    Current = TokenScales[_next++];
                    return true;
                }

                // The rate's own quantity, unless it is one of the token scales already tried.
                if (_next++ == TokenScales.Length && Array.IndexOf(TokenScales, _set._quantity) < 0)
                {
                    Current = _set._quantity;
                    return true;
                }

                return false;
            }
        }
    }
}
