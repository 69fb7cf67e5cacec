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

        var closest = id is null ? null : EditDistance.ClosestMatch(id, ids);
        var message = "'" + id + "' is not a model in the " + provider + " price catalog" +
            (closest is null ? "." : "; did you mean '" + closest + "'?");
        return new KeyNotFoundException(message);
    }
}
