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

    public static bool TryParse(string text, out ParsedRate rate, out string error)
    {
        rate = default;
        var span = text.Trim();
        var symbol = span.Length > 0 ? CurrencySymbols.SymbolOf(span[0]) : null;
        if (symbol is not null)
        {
            span = span.Substring(1).TrimStart();
        }

        var slash = span.IndexOf('/');

        // Without a '/', the price is the first word: "$0.002 per 1K tokens" is missing its '/', not a bad number.
        var space = span.IndexOfAny(Blanks);
        var pricePart = (slash >= 0 ? span.Substring(0, slash) : space >= 0 ? span.Substring(0, space) : span).Trim();
        if (!TryParsePrice(pricePart, out var price, out error))
        {
            return false;
        }

        if (slash < 0)
        {
            error = $"expected '/ COUNT UNIT' after the price, as in '{Example}'";
            return false;
        }

        var perPart = span.Substring(slash + 1).Trim();
        if (!TryParseQuantity(perPart, out var quantity, out var unitText, out error))
        {
            return false;
        }

        if (!TryParseUnit(unitText, out var unit))
        {
            error = $"unknown unit '{unitText}'; use token(s), character(s), request(s) (or call(s)), session(s), image(s), second(s), minute(s) or hour(s)";
            return false;
        }

        rate = new ParsedRate(price, quantity, unit, symbol);
        return true;
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

    private static bool TryParseQuantity(string text, out long quantity, out string unitText, out string error)
    {
        quantity = 1;
        unitText = text;
        error = string.Empty;
        var digits = 0;
        while (digits < text.Length && text[digits] is >= '0' and <= '9')
        {
            digits++;
        }

        if (digits == 0)
        {
            return true;
        }

        var multiplier = 1L;
        var next = digits;
        if (next < text.Length && text[next] is 'K' or 'k' or 'M')
        {
            multiplier = text[next] == 'M' ? 1_000_000L : 1_000L;
            next++;
        }

        if (!long.TryParse(text.Substring(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ||
            count > long.MaxValue / multiplier)
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
        unitText = text.Substring(next).Trim();
        return true;
    }

    private static bool TryParseUnit(string text, out CatalogUnit unit)
    {
        switch (text)
        {
            case "token" or "tokens":
                unit = CatalogUnit.Token;
                return true;
            case "image" or "images":
                unit = CatalogUnit.Image;
                return true;
            case "second" or "seconds":
                unit = CatalogUnit.Second;
                return true;
            case "minute" or "minutes":
                unit = CatalogUnit.Minute;
                return true;
            case "hour" or "hours":
                unit = CatalogUnit.Hour;
                return true;
            case "character" or "characters":
                unit = CatalogUnit.Character;
                return true;
            case "request" or "requests" or "call" or "calls":
                unit = CatalogUnit.Request;
                return true;
            case "session" or "sessions":
                unit = CatalogUnit.Session;
                return true;
            default:
                unit = default;
                return false;
        }
    }
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
