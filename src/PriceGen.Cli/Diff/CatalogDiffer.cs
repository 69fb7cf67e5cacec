using System.Collections.Generic;
using System.Linq;
using PriceGen.Catalog;

namespace PriceGen.Cli.Diff;

/// <summary>Compares two catalogs: models paired by id, each model's prices paired by dimension key.</summary>
internal static class CatalogDiffer
{
    public static CatalogDiff Compare(string? oldPath, PriceCatalog? old, string? newPath, PriceCatalog? @new)
    {
        var oldModels = Index(old);
        var newModels = Index(@new);
        var models = new List<(int Order, ModelDiff Diff)>();
        foreach (var (id, (position, model)) in oldModels)
        {
            if (!newModels.ContainsKey(id))
            {
                models.Add((position, new ModelDiff(id, model.Section, ModelChangeKind.Removed, Dimensions(model, null), [])));
            }
        }

        foreach (var (id, (position, model)) in newModels)
        {
            if (!oldModels.TryGetValue(id, out var before))
            {
                models.Add((position, new ModelDiff(id, model.Section, ModelChangeKind.Added, Dimensions(null, model), Lifecycle(CatalogModelInfo.None, model.Info))));
            }
            else if (Compare(before.Model, model) is { } changed)
            {
                models.Add((position, changed));
            }
        }

        // Section order; in a section the new catalog's order, then the removed models in the old catalog's order.
        var ordered = models
            .OrderBy(m => m.Diff.Section)
            .ThenBy(m => m.Diff.Change == ModelChangeKind.Removed)
            .ThenBy(m => m.Order)
            .Select(m => m.Diff)
            .ToList();
        return new CatalogDiff(oldPath, newPath, old, @new, old is null || @new is null ? [] : Header(old, @new), ordered);
    }

    private static Dictionary<string, (int Position, CatalogModel Model)> Index(PriceCatalog? catalog)
    {
        var models = new Dictionary<string, (int, CatalogModel)>(System.StringComparer.Ordinal);
        for (var i = 0; catalog is not null && i < catalog.Models.Count; i++)
        {
            models.TryAdd(catalog.Models[i].Id, (i, catalog.Models[i]));
        }

        return models;
    }

    private static ModelDiff? Compare(CatalogModel old, CatalogModel @new)
    {
        var dimensions = Dimensions(old, @new);
        var info = new List<InfoChange>();
        AddIfChanged(info, "name", old.Name, @new.Name);
        AddIfChanged(info, "section", CatalogFormat.KeyOf(old.Section), CatalogFormat.KeyOf(@new.Section));
        info.AddRange(Lifecycle(old.Info, @new.Info));
        return dimensions.Count == 0 && info.Count == 0 ? null : new ModelDiff(@new.Id, @new.Section, ModelChangeKind.Changed, dimensions, info);
    }

    private static List<InfoChange> Lifecycle(CatalogModelInfo old, CatalogModelInfo @new)
    {
        var changes = new List<InfoChange>();
        AddIfChanged(changes, CatalogFormat.DeprecatedField, old.Deprecated, @new.Deprecated);
        AddIfChanged(changes, CatalogFormat.ShutdownField, old.Shutdown, @new.Shutdown);
        AddIfChanged(changes, CatalogFormat.ReplacementField, old.Replacement, @new.Replacement);
        return changes;
    }

    /// <summary>Every dimension that differs: those only the old model has, then the others in the new model's order.</summary>
    private static List<DimensionChange> Dimensions(CatalogModel? old, CatalogModel? @new)
    {
        var before = old is null ? [] : DiffDimensions.Of(old);
        var after = @new is null ? [] : DiffDimensions.Of(@new);
        var beforeByKey = before.GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.First());
        var afterKeys = new HashSet<string>(after.Select(d => d.Key));
        var changes = before
            .Where(d => !afterKeys.Contains(d.Key))
            .Select(d => new DimensionChange(DimensionChangeKind.RateRemoved, d.Key, d, null, null))
            .ToList();
        foreach (var dimension in after)
        {
            if (!beforeByKey.TryGetValue(dimension.Key, out var previous))
            {
                changes.Add(new DimensionChange(DimensionChangeKind.RateAdded, dimension.Key, null, dimension, null));
            }
            else
            {
                if (PriceComparison.Compare(previous, dimension) is ({ } kind, var ratio))
                {
                    changes.Add(new DimensionChange(kind, dimension.Key, previous, dimension, ratio));
                }

                if (PriceComparison.RoundingChanged(previous, dimension))
                {
                    changes.Add(new DimensionChange(DimensionChangeKind.RoundingChanged, dimension.Key, previous, dimension, null));
                }
            }
        }

        return changes;
    }

    private static List<InfoChange> Header(PriceCatalog old, PriceCatalog @new)
    {
        var header = new List<InfoChange>();
        AddIfChanged(header, CatalogFormat.ProviderField, old.Provider, @new.Provider);
        AddIfChanged(header, CatalogFormat.ClassField, old.ClassName, @new.ClassName);
        AddIfChanged(header, CatalogFormat.CurrencyField, old.Currency, @new.Currency);
        AddIfChanged(header, CatalogFormat.EffectiveField, old.EffectiveText, @new.EffectiveText);
        return header;
    }

    private static void AddIfChanged(List<InfoChange> changes, string field, string? old, string? @new)
    {
        if (old != @new)
        {
            changes.Add(new InfoChange(field, old, @new));
        }
    }
}
