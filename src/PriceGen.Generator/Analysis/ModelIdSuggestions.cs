using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace PriceGen.Analysis;

/// <summary>
/// "Did you mean" for model ids without scanning the catalog per string: every id is indexed under itself and each
/// of its one-character deletions (lower-cased), so a typo one edit away — a wrong, missing, extra or swapped
/// character — finds its candidates by hash lookups. Only when that finds nothing are the ids of a similar length
/// scanned, and each answer is remembered for the compilation.
/// </summary>
internal sealed class ModelIdSuggestions
{
    private readonly Dictionary<string, List<string>> _byDeletion = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<string>> _byLength = new();
    private readonly Dictionary<string, int> _rank = new(StringComparer.Ordinal); // the order given: preferred ids first
    private readonly ConcurrentDictionary<string, string?> _answers = new(StringComparer.Ordinal);

    /// <summary>Catalogs up to this many ids also get suggestions two or three edits away.</summary>
    private const int MaxScannedIds = 500;

    private readonly int _idCount;

    /// <param name="ids">
    /// Every id, the preferred first: among ids as close to a typo, the earlier one is suggested (a model's own id before
    /// an alias of another model: <c>claude-sonnet-45-2</c> → claude-sonnet-4-5, not the alias claude-sonnet-4-0).
    /// </param>
    public ModelIdSuggestions(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            if (_rank.ContainsKey(id))
            {
                continue;
            }

            _rank.Add(id, _idCount);
            _idCount++;
            var key = id.ToLowerInvariant();
            Add(key, id);
            for (var i = 0; i < key.Length; i++)
            {
                Add(key.Remove(i, 1), id);
            }

            if (!_byLength.TryGetValue(id.Length, out var sameLength))
            {
                _byLength.Add(id.Length, sameLength = new List<string>());
            }

            sameLength.Add(id);
        }
    }

    /// <summary>The id <paramref name="typed"/> most plausibly meant (as <see cref="EditDistance.ClosestMatch"/> decides), or null.</summary>
    public string? Suggest(string typed) => _answers.GetOrAdd(typed, Compute);

    private string? Compute(string typed)
    {
        var key = typed.ToLowerInvariant();
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        AddCandidates(key, candidates);
        for (var i = 0; i < key.Length; i++)
        {
            AddCandidates(key.Remove(i, 1), candidates);
        }

        if (candidates.Count > 0 && EditDistance.ClosestMatch(typed, candidates.OrderBy(c => _rank[c])) is { } near)
        {
            return near;
        }

        // Two or three edits away: a scan, bounded so that a large catalog never costs more per string than a small
        // one (past that size, suggestions are the one-edit typos found above).
        if (_idCount > MaxScannedIds)
        {
            return null;
        }

        var limit = Math.Max(1, Math.Min(3, typed.Length / 3));
        var similar = Enumerable.Range(typed.Length - limit, (2 * limit) + 1)
            .SelectMany(length => _byLength.TryGetValue(length, out var ids) ? ids : Enumerable.Empty<string>())
            .OrderBy(c => _rank[c]);
        return EditDistance.ClosestMatch(typed, similar);
    }

    private void AddCandidates(string key, HashSet<string> candidates)
    {
        if (_byDeletion.TryGetValue(key, out var ids))
        {
            candidates.UnionWith(ids);
        }
    }

    private void Add(string key, string id)
    {
        if (!_byDeletion.TryGetValue(key, out var ids))
        {
            _byDeletion.Add(key, ids = new List<string>());
        }

        if (!ids.Contains(id))
        {
            ids.Add(id);
        }
    }
}
