// Shared by the runtime (GetModel's "did you mean") and the analyzers (PRICE002, PRICE103/104),
// so a suggestion reads the same at compile time and at run time.
using System;
using System.Collections.Generic;

namespace PriceGen;

internal static class EditDistance
{
    /// <summary>
    /// Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions),
    /// stopping early once the distance exceeds <paramref name="limit"/>; returns <c>limit + 1</c> then.
    /// </summary>
    public static int Between(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previousPrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + substitution);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previousPrevious[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previousPrevious, previous, current) = (previous, current, previousPrevious);
        }

        return Math.Min(previous[b.Length], limit + 1);
    }

    /// <summary>
    /// The candidate a user most plausibly meant: an exact case-insensitive match first, else the
    /// closest one within a third of the word's length (at least 1, at most 3 edits), where a candidate that the
    /// word begins (three letters or more: "nearest" for "nearest-second") counts as one edit away.
    /// Ties keep the earliest candidate.
    /// </summary>
    public static string? ClosestMatch(string typed, IEnumerable<string> candidates)
    {
        var limit = Math.Max(1, Math.Min(3, typed.Length / 3));
        string? best = null;
        var bestDistance = limit + 1;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, typed, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            var distance = typed.Length >= 3 && candidate.StartsWith(typed, StringComparison.OrdinalIgnoreCase)
                ? 1
                : Between(typed, candidate, limit);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }
}
