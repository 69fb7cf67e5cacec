using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using PriceGen.Catalog;
using PriceGen.Cli.Diff;

namespace PriceGen.Cli;

/// <summary><c>pricegen diff OLD NEW [--format text|markdown|json]</c>: exit 0 when nothing changed, 1 when something did, 2 on trouble.</summary>
internal static class DiffCommand
{
    public const string Name = "diff";

    public const int Unchanged = 0;
    public const int Changed = 1;

    /// <summary>A command line, file or catalog that cannot be compared; 1 already means "the catalogs differ", as for diff(1).</summary>
    public const int Trouble = 2;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var old = new Argument<string>("old") { Description = "The old catalog file (*.prices.yaml), or a directory of catalogs." };
        var @new = new Argument<string>("new") { Description = "The new catalog file, or a directory: catalogs are then paired by provider and class name." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(CatalogDiffWriter.Formats);
        var command = new Command(Name, "Show what changed between two catalogs: models added and removed, and every price, model by model.") { old, @new, format };
        command.SetAction(parse => Run(parse.GetValue(old)!, parse.GetValue(@new)!, parse.GetValue(format)!, output, error));
        return command;
    }

    public static int Run(string oldPath, string newPath, string format, TextWriter output, TextWriter error)
    {
        var bothFiles = File.Exists(oldPath) && File.Exists(newPath);
        if (!bothFiles && !(Directory.Exists(oldPath) && Directory.Exists(newPath)))
        {
            foreach (var path in new[] { oldPath, newPath }.Where(p => !File.Exists(p) && !Directory.Exists(p)))
            {
                error.WriteLine($"{Path.GetFullPath(path)}: error: file or directory not found");
            }

            if (new[] { oldPath, newPath }.All(p => File.Exists(p) || Directory.Exists(p)))
            {
                error.WriteLine("error: OLD and NEW must both be catalog files or both be directories");
            }

            return Trouble;
        }

        var oldFiles = bothFiles ? new[] { oldPath } : CatalogsIn(oldPath);
        var newFiles = bothFiles ? new[] { newPath } : CatalogsIn(newPath);
        var oldSet = CatalogFileSet.Load(oldFiles.Select(Path.GetFullPath));
        var newSet = CatalogFileSet.Load(newFiles.Select(Path.GetFullPath));
        foreach (var diagnostic in oldSet.Diagnostics.Concat(newSet.Diagnostics))
        {
            error.WriteLine(CatalogFileSet.Format(diagnostic));
        }

        if (oldSet.HasErrors || newSet.HasErrors)
        {
            return Trouble;
        }

        IReadOnlyList<CatalogDiff> diffs = bothFiles
            ? [CatalogDiffer.Compare(oldPath, oldSet.Files[0].Result.Catalog, newPath, newSet.Files[0].Result.Catalog)]
            : Paired(Catalogs(oldFiles, oldSet), Catalogs(newFiles, newSet));
        CatalogDiffWriter.Write(diffs, format, output);
        return diffs.Any(d => d.HasChanges) ? Changed : Unchanged;
    }

    /// <summary>The catalog files under <paramref name="directory"/>, as the paths to print: the directory as given, then the file's relative path.</summary>
    private static string[] CatalogsIn(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(CatalogFiles.IsCatalog)
            .Select(file => Path.Join(directory, Path.GetRelativePath(directory, file)))
            .OrderBy(file => file, System.StringComparer.Ordinal)
            .ToArray();

    /// <summary>Each file's catalog by the path to print; the set was loaded from full paths, in ordinal order.</summary>
    private static List<(string Path, PriceCatalog Catalog)> Catalogs(string[] files, CatalogFileSet set)
    {
        var byFullPath = set.Files.ToDictionary(f => f.Path, f => f.Result.Catalog!);
        return files.Select(file => (file, byFullPath[Path.GetFullPath(file)])).ToList();
    }

    /// <summary>
    /// Old and new catalogs paired by provider and class name, as the generator keys them (PRICE112 keeps each pair
    /// unique on a side): old ones in path order, then catalogs only in the new directory.
    /// </summary>
    private static List<CatalogDiff> Paired(List<(string Path, PriceCatalog Catalog)> old, List<(string Path, PriceCatalog Catalog)> @new)
    {
        var newByKey = @new.ToDictionary(c => (c.Catalog.Provider, c.Catalog.ClassName));
        var oldKeys = old.Select(c => (c.Catalog.Provider, c.Catalog.ClassName)).ToHashSet();
        var diffs = old
            .Select(before => newByKey.TryGetValue((before.Catalog.Provider, before.Catalog.ClassName), out var after)
                ? CatalogDiffer.Compare(before.Path, before.Catalog, after.Path, after.Catalog)
                : CatalogDiffer.Compare(before.Path, before.Catalog, null, null))
            .ToList();
        diffs.AddRange(@new.Where(c => !oldKeys.Contains((c.Catalog.Provider, c.Catalog.ClassName))).Select(after => CatalogDiffer.Compare(null, null, after.Path, after.Catalog)));
        return diffs;
    }
}
