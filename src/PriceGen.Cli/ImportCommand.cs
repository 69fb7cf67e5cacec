using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using PriceGen.Cli.Import;

namespace PriceGen.Cli;

/// <summary><c>pricegen import litellm FILE.json --out DIR [--provider NAME…] [--effective DATE]</c>.</summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "LiteLLM's model_prices_and_context_window.json." };
        var outDirectory = new Option<DirectoryInfo>("--out") { Description = "Directory to write one <provider>.prices.yaml per provider into.", Required = true };
        var providers = new Option<string[]>("--provider") { Description = "Import only these providers (litellm_provider values).", AllowMultipleArgumentsPerToken = true };
        var effective = new Option<string>("--effective") { Description = "The 'effective:' date written to every catalog (default: today, UTC).", DefaultValueFactory = _ => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        var litellm = new Command("litellm", "Import LiteLLM's public price catalog, exactly.") { file, outDirectory, providers, effective };
        litellm.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(outDirectory)!, parse.GetValue(providers), parse.GetValue(effective)!, output, error));
        return new Command("import", "Import a public price catalog as PriceGen catalogs.") { litellm };
    }

    public static int Run(FileInfo file, DirectoryInfo outDirectory, string[]? providers, string effective, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine($"{file.FullName}: error: file not found");
            return 1;
        }

        if (!DateTime.TryParseExact(effective, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            error.WriteLine($"error: --effective '{effective}' is not an ISO date such as 2026-11-25");
            return 2;
        }

        var (catalogs, summary) = LiteLlmImporter.Import(File.ReadAllText(file.FullName), new ImportOptions(effective, providers, file.Name));
        outDirectory.Create();
        foreach (var catalog in catalogs)
        {
            File.WriteAllText(Path.Combine(outDirectory.FullName, catalog.FileName), catalog.Yaml);
        }

        WriteSummary(summary, catalogs.Count, output);
        var written = CatalogFileSet.Load(catalogs.Select(c => Path.Combine(outDirectory.FullName, c.FileName)));
        foreach (var diagnostic in written.Diagnostics)
        {
            error.WriteLine(CatalogFileSet.Format(diagnostic));
        }

        return written.HasErrors ? 1 : 0;
    }

    public static void WriteSummary(ImportSummary summary, int catalogs, TextWriter output)
    {
        output.WriteLine($"Imported {summary.ImportedModels} models from {summary.Entries} entries into {catalogs} catalogs.");
        output.WriteLine($"{summary.FoldedSnapshots} dated keys at their base model's prices became its snapshots; {summary.DatedModelsKept} at other prices stay models of their own.");
        output.WriteLine();
        output.WriteLine("Entries not imported (reason: count):");
        foreach (var skipped in summary.SkippedEntries.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {skipped.Key}: {skipped.Value}");
        }

        // Prices first: each one left out misprices the models that have it; the rest describe models, not costs.
        foreach (var (title, prices) in new[] { ("Price fields not imported (field: entries; docs/importing.md says why):", true), ("Other fields, not prices: capabilities, limits, notes (field: entries):", false) })
        {
            output.WriteLine();
            output.WriteLine(title);
            foreach (var field in summary.UnrepresentedFields.Where(f => ImportSummary.IsPriceField(f.Key) == prices).OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  {field.Key}: {field.Value}");
            }
        }
    }
}
