using System;
using System.Collections.Generic;

using PriceGen.Common;

namespace PriceGen.Analysis;

/// <summary>
/// What an identifier says about a number: whether it names a price (price, cost, rate, tariff, "per … token"),
/// names something that is not one though it sounds close (fee, commission, tax, exchange rate, budget, limit,
/// temperature, top_p, factor…), the unit it is per (<c>Per1K</c>, <c>PerMillion</c>, <c>PerToken</c>), the rate it is
/// (input, output, cached), or a currency other than USD. Words split at '_', case changes and digits, so
/// <c>_costTable</c>, <c>InputPricePer1kTokens</c> and <c>USD_PER_TOKEN</c> match while <c>Generate</c>,
/// <c>Accurate</c> and <c>Epsilon</c> do not.
/// </summary>
internal static class PriceNames
{
    private static readonly HashSet<string> PriceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "price", "prices", "pricing", "priced", "cost", "costs", "rate", "rates", "tariff", "tariffs", "usd", "dollars", "amount", "charge", "charges",
    };

    /// <summary>Words that make a name not a model price even beside a price word (<c>UserCostLimit</c>, <c>ExchangeRate</c>).</summary>
    private static readonly HashSet<string> NotPriceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "fee", "fees", "commission", "commissions", "tax", "taxes", "vat", "exchange", "fx", "budget", "budgets",
        "limit", "limits", "cap", "threshold", "temperature", "temp", "top", "penalty", "factor", "multiplier",
        "markup", "margin", "discount", "ratio", "percent", "percentage", "weight", "probability", "score", "sample",
        "sampling", "learning", "frame", "bit", "refresh", "retry", "success", "error", "taker", "maker",
        "spread", "interest", "opacity", "alpha", "epsilon", "timeout", "delay", "interval", "version", "multiplicator",
        "scale", "scaling", "conversion", "words", "balance", "credit", "credits", "quota", "allowance",
    };

    private static readonly HashSet<string> CurrencyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "eur", "euro", "euros", "gbp", "pound", "pounds", "sterling", "jpy", "yen", "inr", "rupee", "rupees", "cny",
        "rmb", "yuan", "chf", "franc", "francs", "cad", "aud", "brl", "reais", "krw", "rub", "ruble", "rubles",
        "sek", "nok", "dkk", "pln", "zloty", "lira", "mxn", "peso", "pesos",
    };

    /// <summary>What the words of one name say, worked out once per name: every literal asks about the same names.</summary>
    private sealed record NameFacts(bool IsPriceLike, bool IsNotPrice, bool NamesOtherCurrency, bool IsCount, decimal? PerUnit, string[]? Roles);

    private static readonly BoundedMemo<NameFacts> Facts = new(identifier => new NameFacts(
        HasWord(identifier, PriceWords) || ComputePerUnit(identifier) is not null,
        HasWord(identifier, NotPriceWords),
        HasWord(identifier, CurrencyWords),
        ComputeIsCount(identifier),
        ComputePerUnit(identifier),
        ComputeRoles(identifier)));

    /// <summary>Whether one of the words names a price.</summary>
    public static bool IsPriceLike(string? identifier) => !string.IsNullOrEmpty(identifier) && Facts[identifier!].IsPriceLike;

    /// <summary>Whether one of the words names something priced-sounding that is not a model's price (a fee, a budget).</summary>
    public static bool IsNotPrice(string? identifier) => !string.IsNullOrEmpty(identifier) && Facts[identifier!].IsNotPrice;

    /// <summary>Whether a word names a currency other than USD (<c>PricesEur</c>, <c>YenTable</c>).</summary>
    public static bool NamesOtherCurrency(string? identifier) => !string.IsNullOrEmpty(identifier) && Facts[identifier!].NamesOtherCurrency;

    /// <summary>Whether a word counts what a rate multiplies: tokens, characters, minutes, images.</summary>
    public static bool IsCount(string? identifier) => !string.IsNullOrEmpty(identifier) && Facts[identifier!].IsCount;

    /// <summary>The units a name says a price is per: 1 (<c>PerToken</c>), 1,000 (<c>Per1K</c>), 1,000,000 (<c>PerMillion</c>, <c>Per1M</c>, <c>PerMTok</c>).</summary>
    public static decimal? PerUnit(string? identifier) => string.IsNullOrEmpty(identifier) ? null : Facts[identifier!].PerUnit;

    /// <summary>The catalog roles a name points at: input (in, prompt), output (out, completion), cached input, training.</summary>
    public static string[]? Roles(string? identifier) => string.IsNullOrEmpty(identifier) ? null : Facts[identifier!].Roles;

    private static bool ComputeIsCount(string? identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return false;
        }

        foreach (var word in Words(identifier!))
        {
            if (word.StartsWith("token", StringComparison.OrdinalIgnoreCase) ||
                word.Equals("chars", StringComparison.OrdinalIgnoreCase) ||
                word.StartsWith("character", StringComparison.OrdinalIgnoreCase) ||
                word.StartsWith("minute", StringComparison.OrdinalIgnoreCase) ||
                word.StartsWith("second", StringComparison.OrdinalIgnoreCase) ||
                word.StartsWith("image", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static decimal? ComputePerUnit(string? identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return null;
        }

        var words = new List<string>(Words(identifier!));
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].ToLowerInvariant();
            if (word is "mtok" or "mtoks" or "mtokens" || (word == "m" && i + 1 < words.Count && words[i + 1].StartsWith("tok", StringComparison.OrdinalIgnoreCase)))
            {
                return 1_000_000m;
            }

            if (word is not "per" || i + 1 >= words.Count)
            {
                continue;
            }

            var next = words[i + 1].ToLowerInvariant();
            var after = i + 2 < words.Count ? words[i + 2].ToLowerInvariant() : string.Empty;
            switch (next)
            {
                case "token" or "tokens" or "tok":
                    return 1m;
                case "k" or "thousand" or "kilo" or "1000" or "ktok" or "ktokens":
                    return 1_000m;
                case "m" or "million" or "mil" or "1000000" or "mtok" or "mtokens":
                    return 1_000_000m;
                case "1" when after is "k" or "ktok" or "ktokens":
                    return 1_000m;
                case "1" when after is "m" or "mtok" or "mtokens" or "million":
                    return 1_000_000m;
            }
        }

        return null;
    }

    private static string[]? ComputeRoles(string? identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return null;
        }

        var cached = false;
        string[]? roles = null;
        foreach (var word in Words(identifier!))
        {
            switch (word.ToLowerInvariant())
            {
                case "cached" or "cache" or "cacheread":
                    cached = true;
                    break;
                case "input" or "in" or "prompt":
                    roles ??= new[] { "input", "usage" };
                    break;
                case "output" or "out" or "completion" or "completions" or "response" or "generation" or "generated":
                    roles ??= new[] { "output", "usage" };
                    break;
                case "training" or "train":
                    roles ??= new[] { "training" };
                    break;
            }
        }

        return cached ? new[] { "cached-input" } : roles;
    }

    private static bool HasWord(string identifier, HashSet<string> set)
    {
        var sawPer = false;
        foreach (var word in Words(identifier))
        {
            if (set.Contains(word) || (word.Length > 3 && word.EndsWith("s", StringComparison.OrdinalIgnoreCase) && set.Contains(word.Substring(0, word.Length - 1))))
            {
                return true;
            }

            if (ReferenceEquals(set, PriceWords))
            {
                if (word.Equals("per", StringComparison.OrdinalIgnoreCase))
                {
                    sawPer = true;
                }
                else if (sawPer && word.StartsWith("token", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
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
                var word = identifier.Substring(start, i - start).Trim('_', '@', ' ', '-', '.');
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
        if (current is '_' or ' ' or '-' || previous is '_' or ' ' or '-')
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
