using System;
using System.Globalization;
using System.Linq;

namespace PriceGen.Catalog;

/// <summary>A rate as written, before its unit is checked against its section.</summary>
internal readonly record struct ParsedRate(CatalogPrice Price, long Quantity, CatalogUnit Unit, string? CurrencySymbol);

/// <summary>
/// The rate grammar: <c>[SYMBOL]PRICE / [COUNT] UNIT</c>. PRICE is a plain non-negative decimal with '.';
/// COUNT a positive integer with an optional K (×1,000) or M (×1,000,000); UNIT token(s), character(s), request(s),
/// image(s), second(s), minute(s) or hour(s). Errors say what would be right.
/// </summary>
internal static class RateSyntax
{
    public const string Example = "$0.002 / 1K tokens";

    private const int MaxDecimalPlaces = 28;

    private static readonly char[] Blanks = { ' ', '\t' };

    private static readonly char[] Exponents = { 'e', 'E' };

    /// <remarks>
    /// Read by position in <paramref name="text"/>: a catalog has a rate or more per model, and the only string a rate
    /// keeps is its price as written; the others are made for error messages only.
    /// </remarks>
    public static bool TryParse(string text, out ParsedRate rate, out string error)
    {
        rate = default;
        var start = 0;
        var end = text.Length;
        Trim(text, ref start, ref end);
        var symbol = start < end ? CurrencySymbols.SymbolOf(text[start]) : null;
        if (symbol is not null)
        {
            start++;
            Trim(text, ref start, ref end);
        }

        var slash = text.IndexOf('/', start, end - start);

        // Without a '/', the price is the first word: "$0.002 per 1K tokens" is missing its '/', not a bad number.
        var space = text.IndexOfAny(Blanks, start, end - start);
        var priceStart = start;
        var priceEnd = slash >= 0 ? slash : space >= 0 ? space : end;
        Trim(text, ref priceStart, ref priceEnd);
        if (!TryParsePrice(text.Substring(priceStart, priceEnd - priceStart), out var price, out error))
        {
            return false;
        }

        if (slash < 0)
        {
            error = $"expected '/ COUNT UNIT' after the price, as in '{Example}'";
            return false;
        }

        var perStart = slash + 1;
        Trim(text, ref perStart, ref end);
        if (!TryParseQuantity(text, perStart, end, out var quantity, out var unitStart, out error))
        {
            return false;
        }

        Trim(text, ref unitStart, ref end);
        if (!TryParseUnit(text, unitStart, end, out var unit))
        {
            error = $"unknown unit '{text.Substring(unitStart, end - unitStart)}'; use token(s), character(s), request(s) (or call(s)), session(s), image(s), second(s), minute(s) or hour(s)";
            return false;
        }

        rate = new ParsedRate(price, quantity, unit, symbol);
        return true;
    }

    /// <summary>Narrows <paramref name="start"/>..<paramref name="end"/> of <paramref name="text"/> as <see cref="string.Trim()"/> would.</summary>
    private static void Trim(string text, ref int start, ref int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
    }

    private static bool TryParsePrice(string text, out CatalogPrice price, out string error)
    {
        price = default;
        error = string.Empty;
        if (text.Length == 0)
        {
            error = $"the price is missing, as in '{Example}'";
            return false;
        }

        if (text[0] is '-' or '\u2212')
        {
            error = "a price cannot be negative";
            return false;
        }

        if (text.IndexOf(',') >= 0)
        {
            error = "use '.' as the decimal separator, without thousands separators";
            return false;
        }

        if (LooksLikeExponent(text))
        {
            error = $"write the price without an exponent ('1.5e-06' is '0.0000015', or '$1.5 / 1M tokens')";
            return false;
        }

        var dot = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '.' && dot < 0 && i > 0 && i < text.Length - 1)
            {
                dot = i;
            }
            else if (text[i] is < '0' or > '9')
            {
                error = $"'{text}' is not a plain decimal number such as 0.002";
                return false;
            }
        }

        if (dot >= 0 && text.Length - dot - 1 > MaxDecimalPlaces)
        {
            error = $"more than {MaxDecimalPlaces} decimal places do not fit in decimal";
            return false;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            error = "the price is too large for decimal";
            return false;
        }

        price = new CatalogPrice(value, text);
        return true;
    }

    /// <summary>Digits and '.', then e or E, an optional sign and digits: "1e-6", "2.5E+3".</summary>
    private static bool LooksLikeExponent(string text)
    {
        var e = text.IndexOfAny(Exponents);
        if (e <= 0 || e == text.Length - 1)
        {
            return false;
        }

        var exponent = text[e + 1] is '+' or '-' or '\u2212' ? e + 2 : e + 1;
        return exponent < text.Length &&
            text.Substring(0, e).All(c => c is '.' or (>= '0' and <= '9')) &&
            text.Substring(exponent).All(c => c is >= '0' and <= '9');
    }

    /// <summary>
    /// The count at <paramref name="start"/> of the text up to <paramref name="end"/>, 1 when none is written;
    /// <paramref name="unitStart"/> is where the unit starts, after the count and its K or M.
    /// </summary>
    private static bool TryParseQuantity(string text, int start, int end, out long quantity, out int unitStart, out string error)
    {
        quantity = 1;
        unitStart = start;
        error = string.Empty;
        var next = start;
        var count = 0L;
        var tooLarge = false;
        while (next < end && text[next] is >= '0' and <= '9')
        {
            var digit = text[next] - '0';
            tooLarge |= count > (long.MaxValue - digit) / 10;
            count = tooLarge ? 0 : (count * 10) + digit;
            next++;
        }

        if (next == start)
        {
            return true;
        }

        var multiplier = 1L;
        if (next < end && text[next] is 'K' or 'k' or 'M')
        {
            multiplier = text[next] == 'M' ? 1_000_000L : 1_000L;
            next++;
        }

        if (tooLarge || count > long.MaxValue / multiplier)
        {
            error = "the count is too large";
            return false;
        }

        if (count == 0)
        {
            error = "the count must be positive: a price is per 1 or more units";
            return false;
        }

        quantity = count * multiplier;
        unitStart = next;
        return true;
    }

    /// <summary>The unit written at <paramref name="start"/>..<paramref name="end"/> of <paramref name="text"/>.</summary>
    private static bool TryParseUnit(string text, int start, int end, out CatalogUnit unit)
    {
        foreach (var (name, value) in Units)
        {
            if (name.Length == end - start && string.CompareOrdinal(text, start, name, 0, name.Length) == 0)
            {
                unit = value;
                return true;
            }
        }

        unit = default;
        return false;
    }

    private static readonly (string Name, CatalogUnit Unit)[] Units =
    {
        ("tokens", CatalogUnit.Token), ("token", CatalogUnit.Token),
        ("image", CatalogUnit.Image), ("images", CatalogUnit.Image),
        ("second", CatalogUnit.Second), ("seconds", CatalogUnit.Second),
        ("minute", CatalogUnit.Minute), ("minutes", CatalogUnit.Minute),
        ("hour", CatalogUnit.Hour), ("hours", CatalogUnit.Hour),
        ("character", CatalogUnit.Character), ("characters", CatalogUnit.Character),
        ("request", CatalogUnit.Request), ("requests", CatalogUnit.Request), ("call", CatalogUnit.Request), ("calls", CatalogUnit.Request),
        ("session", CatalogUnit.Session), ("sessions", CatalogUnit.Session),
    };
}

/// <summary>The currency symbols a rate may start with, and the ISO 4217 codes each may stand for.</summary>
internal static class CurrencySymbols
{
    private static readonly string[] Dollar = { "USD" };
    private static readonly string[] Euro = { "EUR" };
    private static readonly string[] Pound = { "GBP" };
    private static readonly string[] Yen = { "JPY", "CNY" };

    public static string[]? CodesFor(string symbol) => symbol switch
    {
        "$" => Dollar,
        "€" => Euro,
        "£" => Pound,
        "¥" => Yen,
        _ => null,
    };

    /// <summary>The symbol <paramref name="c"/> is, as a string, or null when it is none: asked for every rate, allocates nothing.</summary>
    public static string? SymbolOf(char c) => c switch
    {
        '$' => "$",
        '€' => "€",
        '£' => "£",
        '¥' => "¥",
        _ => null,
    };

    public static bool Agrees(string symbol, string currency) => Array.IndexOf(CodesFor(symbol) ?? Array.Empty<string>(), currency) >= 0;
}
