using System;
using System.Collections.Generic;

namespace PriceGen.Analysis;

/// <summary>
/// Whether an identifier names a price: one of its words is price, cost, rate, fee, tariff (or a plural), or it reads
/// "per … token". Words split at '_', case changes and digits, so <c>_costTable</c>, <c>InputPricePer1kTokens</c> and
/// <c>USD_PER_TOKEN</c> match while <c>Generate</c>, <c>Accurate</c> and <c>Epsilon</c> do not.
/// </summary>
internal static class PriceNames
{
    private static readonly HashSet<string> PriceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "price", "prices", "pricing", "cost", "costs", "rate", "rates", "fee", "fees", "tariff", "tariffs",
    };

    public static bool IsPriceLike(string? identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return false;
        }

        var sawPer = false;
        foreach (var word in Words(identifier!))
        {
            if (PriceWords.Contains(word))
            {
                return true;
            }

            if (word.Equals("per", StringComparison.OrdinalIgnoreCase))
            {
                sawPer = true;
            }
            else if (sawPer && word.StartsWith("token", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal static IEnumerable<string> Words(string identifier)
    {
        var start = 0;
        for (var i = 1; i <= identifier.Length; i++)
        {
            if (i == identifier.Length || IsBoundary(identifier, i))
            {
                var word = identifier.Substring(start, i - start).Trim('_', '@');
                if (word.Length > 0)
                {
                    yield return word;
                }

                start = i;
            }
        }
    }

    private static bool IsBoundary(string text, int i)
    {
        char previous = text[i - 1], current = text[i];
        if (current == '_' || previous == '_')
        {
            return true;
        }

        if (char.IsDigit(previous) != char.IsDigit(current))
        {
            return true;
        }

        // fooBar | FOOBar (the 'B' before a lower-case letter starts a word)
        return (char.IsLower(previous) && char.IsUpper(current)) ||
            (char.IsUpper(previous) && char.IsUpper(current) && i + 1 < text.Length && char.IsLower(text[i + 1]));
    }
}
