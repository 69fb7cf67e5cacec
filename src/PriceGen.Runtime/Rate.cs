using System;
using System.Globalization;

namespace PriceGen;

/// <summary>
/// A price as a catalog lists it: <see cref="Price"/> <see cref="Currency"/> per <see cref="Quantity"/> <see cref="Unit"/>s
/// (for "$0.002 / 1K tokens": 0.002 USD per 1000 tokens). All arithmetic is exact <see cref="decimal"/> arithmetic.
/// </summary>
public abstract class Rate
{
    private protected Rate(string role, decimal price, long quantity, RateUnit unit, string currency)
    {
        if (price < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A price cannot be negative.");
        }

        if (quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "A rate is per a positive quantity.");
        }

        Role = role ?? throw new ArgumentNullException(nameof(role));
        Price = price;
        Quantity = quantity;
        Unit = unit;
        Currency = currency ?? throw new ArgumentNullException(nameof(currency));
    }

    /// <summary>What the rate prices within its model: <c>usage</c>, <c>training</c>, or an image size such as <c>1024x1024</c>.</summary>
    public string Role { get; }

    /// <summary>The price as listed, with the scale it was written in (0.0200 stays 0.0200).</summary>
    public decimal Price { get; }

    /// <summary>How many <see cref="Unit"/>s <see cref="Price"/> pays for (1000 for "/ 1K tokens").</summary>
    public long Quantity { get; }

    /// <summary>What the rate is charged per.</summary>
    public RateUnit Unit { get; }

    /// <summary>ISO 4217 code of the catalog's currency.</summary>
    public string Currency { get; }

    /// <summary>The price of one <see cref="Unit"/>: <see cref="Price"/> / <see cref="Quantity"/>.</summary>
    public decimal PricePerUnit => Price / Quantity;

    /// <summary>
    /// Cost of <paramref name="amount"/> measured in <paramref name="amountPerUnit"/>ths of a unit, exact:
    /// price × amount / (quantity × amountPerUnit). Multiplying before dividing keeps
    /// $0.006 / minute × 91 s at 0.0091 instead of a rounded repeating fraction.
    /// </summary>
    private protected decimal CostOf(decimal amount, decimal amountPerUnit = 1m) => Price * amount / (Quantity * amountPerUnit);

    /// <summary>The exact cost of <paramref name="units"/> of <see cref="Unit"/>, for pricing a usage dimension by dimension.</summary>
    internal decimal PricePerUnitTimes(decimal units) => CostOf(units);

    /// <summary>The rate as a price page writes it, culture-invariantly: <c>$0.002 / 1K tokens</c>.</summary>
    public override string ToString() => RateText.Format(Price, Quantity, Unit, Currency);

    private protected static void ThrowIfNegative(long value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "A quantity to price cannot be negative.");
        }
    }
}

/// <summary>Culture-invariant rendering of rates and amounts.</summary>
public static class RateText
{
    /// <summary>Writes a rate as <c>$0.002 / 1K tokens</c> (or <c>0.002 EUR / 1K tokens</c> for currencies without a symbol here).</summary>
    public static string Format(decimal price, long quantity, RateUnit unit, string currency)
    {
        var count = quantity switch
        {
            1 => string.Empty,
            _ when quantity % 1_000_000 == 0 => (quantity / 1_000_000).ToString(CultureInfo.InvariantCulture) + "M ",
            _ when quantity % 1_000 == 0 => (quantity / 1_000).ToString(CultureInfo.InvariantCulture) + "K ",
            _ => quantity.ToString(CultureInfo.InvariantCulture) + " ",
        };
        var unitName = UnitName(unit, plural: quantity != 1);
        return FormatAmount(price, currency) + " / " + count + unitName;
    }

    /// <summary>Writes an amount as <c>$0.003</c> or <c>0.003 EUR</c>, culture-invariantly and with its scale.</summary>
    public static string FormatAmount(decimal amount, string currency)
    {
        var digits = amount.ToString(CultureInfo.InvariantCulture);
        return currency == "USD" ? "$" + digits : digits + " " + currency;
    }

    /// <summary>The English name of a unit, as catalogs write it.</summary>
    public static string UnitName(RateUnit unit, bool plural) => unit switch
    {
        RateUnit.Token => plural ? "tokens" : "token",
        RateUnit.Image => plural ? "images" : "image",
        RateUnit.Second => plural ? "seconds" : "second",
        RateUnit.Minute => plural ? "minutes" : "minute",
        RateUnit.Hour => plural ? "hours" : "hour",
        RateUnit.Character => plural ? "characters" : "character",
        RateUnit.Request => plural ? "requests" : "request",
        RateUnit.Session => plural ? "sessions" : "session",
        _ => unit.ToString(),
    };
}
