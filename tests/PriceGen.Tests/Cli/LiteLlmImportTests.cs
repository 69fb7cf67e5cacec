using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using PriceGen.Catalog;
using PriceGen.Cli.Import;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Cli;

/// <summary>
/// The whole public LiteLLM catalog (../shared/data/litellm-model-prices.json, 2,668 entries) imported, validated,
/// compiled into one assembly and loaded: every per-token price equals the JSON number's text exactly.
/// </summary>
public class LiteLlmImportTests
{
    /// <summary>shared/data beside the repository (CI lays a copy of shared/ next to the clone), found by walking up.</summary>
    private static readonly string DataPath = FindSharedData();

    private static readonly Lazy<(IReadOnlyList<ImportedCatalog> Catalogs, ImportSummary Summary)> Imported =
        new(() => LiteLlmImporter.Import(File.ReadAllText(DataPath), new ImportOptions("2026-11-25")));

    [Fact]
    public void Every_entry_is_imported_or_accounted_for()
    {
        var (catalogs, summary) = Imported.Value;

        Assert.Equal(2668, summary.Entries);
        Assert.Equal(summary.Entries, summary.ImportedEntries + summary.SkippedEntries.Values.Sum());
        Assert.True(summary.ImportedModels > 2200, $"{summary.ImportedModels} models");
        Assert.True(catalogs.Count > 80, $"{catalogs.Count} catalogs");
        Assert.Contains("supports_vision", summary.UnrepresentedFields.Keys);
    }

    [Fact]
    public void A_dated_key_at_its_base_models_prices_becomes_a_snapshot_and_one_at_other_prices_stays_a_model()
    {
        var (catalogs, summary) = Imported.Value;
        var openai = CatalogParser.Parse(catalogs.Single(c => c.FileName == "openai.prices.yaml").Yaml).Catalog!;

        var gpt4o = openai.Models.Single(m => m.Id == "gpt-4o");
        Assert.Contains("gpt-4o-2024-08-06", gpt4o.Snapshots);
        Assert.DoesNotContain(openai.Models, m => m.Id == "gpt-4o-2024-08-06");
        Assert.DoesNotContain("gpt-4o-2024-05-13", gpt4o.Snapshots); // $5 / $15, not gpt-4o's $2.50 / $10
        Assert.Contains(openai.Models, m => m.Id == "gpt-4o-2024-05-13");
        Assert.True(summary.FoldedSnapshots > 50 && summary.DatedModelsKept > 0, $"{summary.FoldedSnapshots} folded, {summary.DatedModelsKept} kept");
    }

    [Fact]
    public void Every_imported_catalog_validates_without_problems()
    {
        foreach (var catalog in Imported.Value.Catalogs)
        {
            var result = CatalogParser.Parse(catalog.Yaml);
            Assert.True(result.Problems.Count == 0, $"{catalog.FileName}: {string.Join("; ", result.Problems.Select(p => $"{p.Id} {p.Span.StartLine + 1}:{p.Span.StartColumn + 1} {string.Join(", ", p.Arguments)}"))}");
            Assert.Equal(catalog.Models, result.Catalog!.Models.Count);
        }
    }

    [Fact]
    public void All_catalogs_compile_together_and_per_token_prices_equal_the_json_exactly()
    {
        var catalogs = Imported.Value.Catalogs;
        var driver = GeneratorHarness.Driver(catalogs.Select(c => new TestAdditionalText("/import/" + c.FileName, c.Yaml)))
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(null), out var compilation, out _);
        Assert.Equal(catalogs.Count, driver.GetRunResult().GeneratedTrees.Length);

        using var assembly = new MemoryStream();
        var emit = compilation.Emit(assembly);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        Assert.Empty(emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(20).Select(d => d.ToString()));

        var models = Assembly.Load(assembly.ToArray()).GetTypes()
            .Where(t => t.DeclaringType is null && t.GetProperty("Models", BindingFlags.Public | BindingFlags.Static) is not null)
            .SelectMany(t => (IEnumerable<ModelPrice>)t.GetProperty("Models")!.GetValue(null)!)
            .SelectMany(m => m.Snapshots.Prepend(m.Id).Select(id => (Key: (m.Provider, id), Model: m))) // a folded dated key prices as its base
            .ToDictionary(m => m.Key, m => m.Model);

        using var json = JsonDocument.Parse(File.ReadAllText(DataPath));
        var checkedPrices = 0;
        foreach (var entry in json.RootElement.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Object ||
                !entry.Value.TryGetProperty("litellm_provider", out var provider) ||
                !entry.Value.TryGetProperty("input_cost_per_token", out var input) ||
                !models.TryGetValue((provider.GetString()!, entry.Name), out var model))
            {
                continue;
            }

            Assert.Equal(Exact(input), model.Tokens!.Input.PricePerToken);
            if (entry.Value.TryGetProperty("output_cost_per_token", out var output) && model.Tokens.Output is { } outputRate)
            {
                Assert.Equal(Exact(output), outputRate.PricePerToken);
            }

            if (entry.Value.TryGetProperty("cache_read_input_token_cost", out var cached))
            {
                Assert.Equal(Exact(cached), model.Tokens.CachedInput!.PricePerToken);
            }

            checkedPrices++;
        }

        Assert.True(checkedPrices > 1900, $"only {checkedPrices} token-priced models checked");
        Assert.True(models.Count > 2200);
    }

    [Fact]
    public void Numbers_are_converted_from_their_text_never_through_double()
    {
        const string json = """
            { "m": { "litellm_provider": "p", "mode": "chat", "input_cost_per_token": 1.5e-06, "output_cost_per_token": 0.1234567890123456789,
                     "input_cost_per_token_above_200k_tokens": 3e-06, "input_cost_per_token_batches": 7.5e-07, "deprecation_date": "2026-01-31" } }
            """;

        var yaml = Assert.Single(LiteLlmImporter.Import(json, new ImportOptions("2026-11-25")).Catalogs).Yaml;

        Assert.Contains("    input: $1.5 / 1M tokens\n", yaml);
        Assert.Contains("    output: $123456.7890123456789 / 1M tokens\n", yaml);
        Assert.Contains("    batch: { input: $0.75 / 1M tokens }\n", yaml);
        Assert.Contains("      - { above: 200K tokens, input: $3 / 1M tokens }\n", yaml);
        Assert.Contains("    deprecated: 2026-01-31\n", yaml);
    }

    [Fact]
    public void Sized_image_keys_become_sizes_of_one_model()
    {
        const string json = """
            {
              "256-x-256/dall-e-2": { "litellm_provider": "openai", "mode": "image_generation", "input_cost_per_pixel": 2.4414e-07, "output_cost_per_pixel": 0.0 },
              "hd/1024-x-1792/dall-e-3": { "litellm_provider": "openai", "mode": "image_generation", "input_cost_per_pixel": 6.539e-08 },
              "azure/standard/1024-x-1024/dall-e-3": { "litellm_provider": "azure", "mode": "image_generation", "input_cost_per_image": 0.04 }
            }
            """;

        var catalogs = LiteLlmImporter.Import(json, new ImportOptions("2026-11-25")).Catalogs;
        var openai = catalogs.Single(c => c.Provider == "openai").Yaml;

        Assert.Contains("  dall-e-2:\n    sizes:\n      256x256: $0.01599995904 / image\n", openai); // 2.4414e-07 × 65,536 pixels, exactly
        Assert.Contains("      hd/1024x1792: $0.11999117312 / image\n", openai);
        Assert.Contains("  azure/dall-e-3:\n    sizes:\n      standard/1024x1024: $0.04 / image\n", catalogs.Single(c => c.Provider == "azure").Yaml);
    }

    private static string FindSharedData()
    {
        for (var directory = new DirectoryInfo(Paths.RepositoryRoot); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", "litellm-model-prices.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/data/litellm-model-prices.json is not beside the repository or any folder above it");
    }

    private static decimal Exact(JsonElement number) => decimal.Parse(number.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
