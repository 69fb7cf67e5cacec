using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PriceGen.Analysis.Prices;

/// <summary>
/// A literal that could be a price, read from its token alone: <c>0.002m</c>, <c>2.5</c>, <c>5m</c> (an integer, a
/// price only where context names a model), or a string <c>"$2.50"</c> / <c>"$0.002 / 1K tokens"</c>.
/// </summary>
internal readonly record struct PriceLiteral(decimal Value, string Type, bool IsInteger, decimal? WrittenScale)
{
    public bool IsString => Type == "string";

    public static bool TryRead(LiteralExpressionSyntax literal, out PriceLiteral price)
    {
        price = default;
        var token = literal.Token;
        if (literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return TryReadString(token.ValueText, out price);
        }

        var integer = token.Text.IndexOfAny(RealMarks) < 0 || token.Text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        switch (token.Value)
        {
            case decimal m when m > 0m:
                price = new PriceLiteral(m, "decimal", integer, null);
                return true;
            case double d when d is > 0 and < 1e15:
                price = new PriceLiteral((decimal)d, "double", integer, null); // exact for literals of up to 15 significant digits
                return true;
            case float f when f is > 0 and < 1e7f:
                price = new PriceLiteral((decimal)f, "float", integer, null);
                return true;
            case int i when i > 0:
                price = new PriceLiteral(i, "int", true, null);
                return true;
            default:
                return false;
        }
    }

    private static readonly char[] RealMarks = { '.', 'e', 'E' };

    /// <summary>"$2.50", "$0.002 / 1K tokens", "$15 / 1M": a dollar sign is required, so "0.5" or "v2.5" never is one.</summary>
    private static bool TryReadString(string text, out PriceLiteral price)
    {
        price = default;
        var s = text.Trim();
        if (s.Length < 2 || s[0] != '$')
        {
            return false;
        }

        var end = 1;
        while (end < s.Length && (char.IsDigit(s[end]) || s[end] is '.' or ',' or '_'))
        {
            end++;
        }

        if (!decimal.TryParse(s.Substring(1, end - 1).Replace(",", string.Empty).Replace("_", string.Empty), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0m)
        {
            return false;
        }

        decimal? scale = null;
        var rest = s.Substring(end).Trim();
        if (rest.StartsWith("/", StringComparison.Ordinal))
        {
            rest = rest.Substring(1).Trim().ToLowerInvariant();
            scale = rest.StartsWith("1m", StringComparison.Ordinal) || rest.StartsWith("1,000,000", StringComparison.Ordinal) || rest.StartsWith("million", StringComparison.Ordinal) ? 1_000_000m
                : rest.StartsWith("1k", StringComparison.Ordinal) || rest.StartsWith("1,000", StringComparison.Ordinal) || rest.StartsWith("1000", StringComparison.Ordinal) || rest.StartsWith("thousand", StringComparison.Ordinal) ? 1_000m
                : rest.StartsWith("token", StringComparison.Ordinal) ? 1m
                : null;
        }
        else if (rest.Length > 0 && !rest.StartsWith("per", StringComparison.OrdinalIgnoreCase))
        {
            return false; // "$5 off", "$2.50 coupon": not a rate
        }

        price = new PriceLiteral(value, "string", false, scale);
        return true;
    }
}
