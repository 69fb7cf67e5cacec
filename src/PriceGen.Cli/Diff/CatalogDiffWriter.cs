using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using PriceGen.Catalog;

namespace PriceGen.Cli.Diff;

/// <summary>Writes <see cref="CatalogDiff"/>s as text lines, Markdown tables or JSON; every number culture-invariant.</summary>
internal static class CatalogDiffWriter
{
    public static readonly string[] Formats = { "text", "markdown", "json" };

    public const string NoChanges = "no changes";

    public static void Write(IReadOnlyList<CatalogDiff> diffs, string format, TextWriter output)
    {
        switch (format)
        {
            case "markdown":
                WriteMarkdown(diffs, output);
                break;
            case "json":
                WriteJson(diffs, output);
                break;
            default:
                WriteText(diffs, output);
                break;
        }
    }

    /// <summary>"rate added", "price down", … as printed; JSON writes them with hyphens.</summary>
    public static string Name(DimensionChangeKind kind) => kind switch
    {
        DimensionChangeKind.RateAdded => "rate added",
        DimensionChangeKind.RateRemoved => "rate removed",
        DimensionChangeKind.PriceUp => "price up",
        DimensionChangeKind.PriceDown => "price down",
        DimensionChangeKind.UnitChanged => "unit changed",
        _ => "rounding changed",
    };

    public static string Name(ModelChangeKind kind) => kind switch
    {
        ModelChangeKind.Added => "model added",
        ModelChangeKind.Removed => "model removed",
        _ => "model changed",
    };

    /// <summary>"×0.25, -75%": new/old with up to four decimals, and the change in percent with up to two.</summary>
    public static string Ratio(decimal? ratio) => ratio is { } value
        ? "×" + value.ToString("0.####", CultureInfo.InvariantCulture) + ", " +
          ((value - 1m) * 100m).ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture) + "%"
        : "was free";

    /// <summary>"10 model(s) added, 9 removed, 5 changed", or <see cref="NoChanges"/>.</summary>
    public static string Summary(IReadOnlyList<CatalogDiff> diffs) => diffs.Any(d => d.HasChanges)
        ? $"{diffs.Sum(d => d.Count(ModelChangeKind.Added))} model(s) added, {diffs.Sum(d => d.Count(ModelChangeKind.Removed))} removed, {diffs.Sum(d => d.Count(ModelChangeKind.Changed))} changed"
        : NoChanges;

    private static string Title(CatalogDiff diff) => diff.Old is null ? $"catalog added: {diff.Catalog.Provider} ({diff.Catalog.ClassName}) {diff.NewPath}"
        : diff.New is null ? $"catalog removed: {diff.Catalog.Provider} ({diff.Catalog.ClassName}) {diff.OldPath}"
        : $"{diff.Catalog.Provider}: {diff.OldPath} -> {diff.NewPath}";

    private static string Describe(DimensionChange change) => change.Kind switch
    {
        DimensionChangeKind.RateAdded => $"{change.Key} {change.New!.Written}",
        DimensionChangeKind.RateRemoved => $"{change.Key} {change.Old!.Written}",
        DimensionChangeKind.PriceUp or DimensionChangeKind.PriceDown => $"{change.Key} {change.Old!.Written} -> {change.New!.Written} ({Ratio(change.Ratio)})",
        DimensionChangeKind.UnitChanged => $"{change.Key} {change.Old!.Written} -> {change.New!.Written}",
        _ => $"{change.Key} {change.New!.Written}, rounding {Rounding(change.Old!)} -> {Rounding(change.New!)}",
    };

    private static string Describe(InfoChange change) =>
        $"{(change.Field == "name" ? "renamed" : change.Field)}: {change.Old ?? "none"} -> {change.New ?? "none"}";

    private static string Rounding(PriceDimension dimension) => CatalogFormat.Roundings.First(r => r.Value == dimension.Rate!.Rounding).Key;

    private static void WriteText(IReadOnlyList<CatalogDiff> diffs, TextWriter output)
    {
        foreach (var diff in diffs.Where(d => d.HasChanges))
        {
            output.WriteLine(Title(diff));
            foreach (var change in diff.Header)
            {
                output.WriteLine($"  {Describe(change)}");
            }

            foreach (var model in diff.Models)
            {
                if (model.Change != ModelChangeKind.Changed)
                {
                    // An added or removed model on one line, with every price it has (had).
                    var prices = string.Join(", ", model.Dimensions.Select(Describe));
                    output.WriteLine($"  {model.Id}: {Name(model.Change)} ({CatalogFormat.KeyOf(model.Section)}): {prices}");
                }
                else
                {
                    foreach (var change in model.Dimensions)
                    {
                        output.WriteLine($"  {model.Id}: {Name(change.Kind)}: {Describe(change)}");
                    }
                }

                foreach (var change in model.Info)
                {
                    output.WriteLine($"  {model.Id}: {Describe(change)}");
                }
            }

            output.WriteLine();
        }

        output.WriteLine(Summary(diffs));
    }

    private static void WriteMarkdown(IReadOnlyList<CatalogDiff> diffs, TextWriter output)
    {
        output.WriteLine("# Price changes");
        foreach (var diff in diffs.Where(d => d.HasChanges))
        {
            output.WriteLine();
            output.WriteLine($"## {Escape(diff.Catalog.Provider)} ({Escape(diff.Catalog.ClassName)})");
            output.WriteLine();
            output.WriteLine(diff.Old is null ? $"Catalog added: `{diff.NewPath}`" : diff.New is null ? $"Catalog removed: `{diff.OldPath}`" : $"`{diff.OldPath}` → `{diff.NewPath}`");
            if (diff.Header.Count > 0)
            {
                output.WriteLine();
                foreach (var change in diff.Header)
                {
                    output.WriteLine($"- {change.Field}: {Escape(change.Old ?? "none")} → {Escape(change.New ?? "none")}");
                }
            }

            if (diff.Models.Count == 0)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine("| Model | Change | Price | Old | New | New / old |");
            output.WriteLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var model in diff.Models)
            {
                foreach (var change in model.Dimensions)
                {
                    var what = model.Change == ModelChangeKind.Changed ? Name(change.Kind) : Name(model.Change);
                    var ratio = change.Kind is DimensionChangeKind.PriceUp or DimensionChangeKind.PriceDown ? Ratio(change.Ratio) : string.Empty;
                    Row(model.Id, what, change.Key, Cell(change, change.Old), Cell(change, change.New), ratio);
                }

                foreach (var change in model.Info)
                {
                    Row(model.Id, change.Field == "name" ? "renamed" : change.Field, change.Field, change.Old, change.New, string.Empty);
                }
            }
        }

        output.WriteLine();
        output.WriteLine(Summary(diffs));

        static string? Cell(DimensionChange change, PriceDimension? side) =>
            side is null ? null : change.Kind == DimensionChangeKind.RoundingChanged ? $"{side.Written}, rounding {Rounding(side)}" : side.Written;

        void Row(params string?[] cells) => output.WriteLine("| " + string.Join(" | ", cells.Select(c => Escape(c ?? string.Empty))) + " |");

        static string Escape(string text) => text.Replace("|", "\\|");
    }

    /// <summary>Prices and percentages as exact JSON numbers (a decimal's own digits, never a double); ratios rounded as in text.</summary>
    private static void WriteJson(IReadOnlyList<CatalogDiff> diffs, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteBoolean("changed", diffs.Any(d => d.HasChanges));
            json.WriteNumber("modelsAdded", diffs.Sum(d => d.Count(ModelChangeKind.Added)));
            json.WriteNumber("modelsRemoved", diffs.Sum(d => d.Count(ModelChangeKind.Removed)));
            json.WriteNumber("modelsChanged", diffs.Sum(d => d.Count(ModelChangeKind.Changed)));
            json.WriteStartArray("catalogs");
            foreach (var diff in diffs)
            {
                json.WriteStartObject();
                json.WriteString("change", diff.Change);
                WriteCatalog(json, "old", diff.OldPath, diff.Old);
                WriteCatalog(json, "new", diff.NewPath, diff.New);
                json.WriteStartArray("header");
                foreach (var change in diff.Header)
                {
                    WriteInfo(json, change);
                }

                json.WriteEndArray();
                json.WriteStartArray("models");
                foreach (var model in diff.Models)
                {
                    json.WriteStartObject();
                    json.WriteString("id", model.Id);
                    json.WriteString("section", CatalogFormat.KeyOf(model.Section));
                    json.WriteString("change", Kebab(Name(model.Change)));
                    json.WriteStartArray("prices");
                    foreach (var change in model.Dimensions)
                    {
                        json.WriteStartObject();
                        json.WriteString("key", change.Key);
                        json.WriteString("change", Kebab(Name(change.Kind)));
                        WriteDimension(json, "old", change.Old);
                        WriteDimension(json, "new", change.New);
                        if (change.Ratio is { } ratio)
                        {
                            json.WriteNumber("ratio", ratio);
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteStartArray("info");
                    foreach (var change in model.Info)
                    {
                        WriteInfo(json, change);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));

        static string Kebab(string name) => name.Replace(' ', '-');
    }

    private static void WriteCatalog(Utf8JsonWriter json, string name, string? path, PriceCatalog? catalog)
    {
        if (catalog is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("path", path);
        json.WriteString("provider", catalog.Provider);
        json.WriteString("class", catalog.ClassName);
        json.WriteString("currency", catalog.Currency);
        json.WriteString("effective", catalog.EffectiveText);
        json.WriteEndObject();
    }

    private static void WriteDimension(Utf8JsonWriter json, string name, PriceDimension? dimension)
    {
        if (dimension is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("written", dimension.Written);
        if (dimension.Rate is { } rate)
        {
            json.WriteNumber("price", rate.Price.Value);
            json.WriteNumber("quantity", rate.Quantity);
            json.WriteString("unit", rate.Unit.ToString().ToLowerInvariant());
        }
        else
        {
            json.WriteNumber("percentOff", dimension.PercentOff!.Value);
        }

        json.WriteEndObject();
    }

    private static void WriteInfo(Utf8JsonWriter json, InfoChange change)
    {
        json.WriteStartObject();
        json.WriteString("field", change.Field);
        json.WriteString("old", change.Old);
        json.WriteString("new", change.New);
        json.WriteEndObject();
    }
}
