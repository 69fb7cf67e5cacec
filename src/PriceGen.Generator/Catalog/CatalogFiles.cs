using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PriceGen.Common;

namespace PriceGen.Catalog;

/// <summary>Which additional files are catalogs, and which catalog owns a class name when two claim it.</summary>
internal static class CatalogFiles
{
    public static bool IsCatalog(string path) =>
        path.EndsWith(".prices.yaml", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".prices.yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Additional files arrive in no stable order: everything that depends on order sorts by path first.</summary>
    public static IOrderedEnumerable<T> InPathOrder<T>(IEnumerable<T> files, Func<T, string> path) =>
        files.OrderBy(path, StringComparer.Ordinal);

    /// <summary>For each generated class name, the path of the catalog that generates it: the first by path wins.</summary>
    public static EquatableArray<ClassOwner> ClassOwners(IEnumerable<(string Path, string? ClassName)> catalogs)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, className) in InPathOrder(catalogs, c => c.Path))
        {
            if (className is not null && !owners.ContainsKey(className))
            {
                owners.Add(className, path);
            }
        }

        return owners.Select(o => new ClassOwner(o.Key, o.Value)).OrderBy(o => o.ClassName, StringComparer.Ordinal).ToEquatableArray();
    }

    public static string FileName(string path) => Path.GetFileName(path);
}

/// <summary>The catalog that generates a class.</summary>
internal sealed record ClassOwner(string ClassName, string Path);
