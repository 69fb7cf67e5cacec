using System.Collections.Generic;

namespace PriceGen;

/// <summary>Helpers for the lookups that generated catalogs expose.</summary>
public static class ModelLookup
{
    /// <summary>
    /// The exception <c>GetModel</c> throws for an unknown id, naming the closest known id when one is a plausible typo.
    /// Built only on the failure path, so a successful lookup never enumerates the catalog.
    /// </summary>
    public static KeyNotFoundException NotFound(string? id, string provider, IEnumerable<ModelPrice> models)
    {
        var ids = new List<string>();
        foreach (var model in models)
        {
            ids.Add(model.Id);
        }

        var typo = id is null ? null : EditDistance.ClosestMatch(id, ids);
        var nearest = typo ?? Nearest(id ?? string.Empty, ids);
        var message = "'" + id + "' is not a model in the " + provider + " price catalog" +
            (typo is not null ? "; did you mean '" + typo + "'?"
                : nearest is not null ? "; the closest known id is '" + nearest + "'."
                : "; the catalog lists no models.");
        return new KeyNotFoundException(message);
    }

    /// <summary>The id at the smallest edit distance, however far (when no typo suggestion was plausible).</summary>
    private static string? Nearest(string id, List<string> ids)
    {
        string? nearest = null;
        var best = int.MaxValue;
        foreach (var candidate in ids)
        {
            var distance = EditDistance.Between(id, candidate, System.Math.Max(id.Length, candidate.Length));
            if (distance < best)
            {
                (nearest, best) = (candidate, distance);
            }
        }

        return nearest;
    }
}
