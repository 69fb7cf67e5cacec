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

        var gpt4 = openai.Models.Single(m => m.Id == "gpt-4");
        Assert.Contains("gpt-4-0613", gpt4.Snapshots);
        Assert.DoesNotContain(openai.Models, m => m.Id == "gpt-4-0613");

        // LiteLLM gives gpt-4o priority-tier prices and its dated key none: it bills differently, so it stays a model.
        Assert.DoesNotContain("gpt-4o-2024-08-06", openai.Models.Single(m => m.Id == "gpt-4o").Snapshots);
        Assert.Null(openai.Models.Single(m => m.Id == "gpt-4o-2024-08-06").Priority);
        Assert.NotNull(openai.Models.Single(m => m.Id == "gpt-4o").Priority);
        Assert.Contains(openai.Models, m => m.Id == "gpt-4o-2024-05-13"); // $5 / $15, not gpt-4o's $2.50 / $10
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
        var checkedByDimension = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in json.RootElement.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Object ||
                !entry.Value.TryGetProperty("litellm_provider", out var provider) ||
                !models.TryGetValue((provider.GetString()!, entry.Name), out var model) || model.Tokens is not { } tokens)
            {
                continue;
            }

            foreach (var (dimension, rate, number) in ImportedPrices(entry.Value, tokens))
            {
                Assert.True(rate is not null, $"{entry.Name}: {dimension} was not imported");
                Assert.True(Exact(number) == rate!.PricePerUnit, $"{entry.Name}: {dimension} is {rate.PricePerUnit}, the JSON says {number.GetRawText()}");
                checkedByDimension[dimension] = checkedByDimension.TryGetValue(dimension, out var n) ? n + 1 : 1;
            }
        }

        // Every dimension the shared file prices was compared, and as often as the file has it.
        Assert.True(checkedByDimension["input"] > 1900, $"only {checkedByDimension["input"]} token-priced models checked");
        foreach (var (dimension, atLeast) in new[]
        {
            ("audio-input", 100), ("audio-output", 40), ("reasoning", 40), ("image-input", 10), ("image-output", 20), ("cache-write-1h", 30),
            ("cached-audio-input", 5), ("video-input", 25), ("request", 4), ("web-search/medium", 60), ("priority: input", 40), ("flex: output", 8),
            ("batch: input", 1), ("above 200K: input", 20), ("above 200K: cache-write-1h", 2), ("above 128K: audio-input", 20), ("above 256K: input", 5),
        })
        {
            Assert.True(checkedByDimension.TryGetValue(dimension, out var count) && count >= atLeast, $"{dimension}: {count} checked, expected at least {atLeast}");
        }

        Assert.True(models.Count > 2200);
    }

    /// <summary>
    /// The import's contract, written out independently of the importer: each LiteLLM price field, the rate of the
    /// generated model it must equal (per token, second, request or session), and the JSON number. A second field for
    /// a dimension already priced (an older name) is checked only when it is the first.
    /// </summary>
    private static IEnumerable<(string Dimension, Rate? Rate, JsonElement Number)> ImportedPrices(JsonElement entry, TokenPricing tokens)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["input_cost_per_token"] = "input", ["output_cost_per_token"] = "output", ["cache_read_input_token_cost"] = "cached-input",
            ["input_cost_per_token_cache_hit"] = "cached-input", ["cache_creation_input_token_cost"] = "cache-write",
            ["cache_creation_input_token_cost_above_1hr"] = "cache-write-1h", ["output_cost_per_reasoning_token"] = "reasoning",
            ["input_cost_per_audio_token"] = "audio-input", ["cache_read_input_audio_token_cost"] = "cached-audio-input",
            ["cache_read_input_token_cost_per_audio_token"] = "cached-audio-input", ["output_cost_per_audio_token"] = "audio-output",
            ["input_cost_per_image_token"] = "image-input", ["output_cost_per_image_token"] = "image-output",
            ["input_cost_per_audio_per_second"] = "audio-input", ["input_cost_per_video_per_second"] = "video-input",
            ["input_cost_per_request"] = "request", ["code_interpreter_cost_per_session"] = "code-interpreter",
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in entry.EnumerateObject())
        {
            var name = field.Name;
            string? prefix = null;
            ServiceTierPricing? service = null;
            foreach (var (suffix, tier, pricing) in new[] { ("_batches", "batch", (ServiceTierPricing?)tokens.Batch), ("_batch_requests", "batch", tokens.Batch), ("_priority", "priority", tokens.Priority), ("_flex", "flex", tokens.Flex) })
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal) && fields.ContainsKey(name[..^suffix.Length]))
                {
                    (name, prefix, service) = (name[..^suffix.Length], tier + ": ", pricing);
                }
            }

            if (name == "search_context_cost_per_query")
            {
                foreach (var size in field.Value.EnumerateObject())
                {
                    var context = size.Name.Replace("search_context_size_", string.Empty);
                    yield return ("web-search/" + context, tokens.RateOf("web-search/" + context), size.Value);
                }
            }
            else if (name == "tiered_pricing")
            {
                foreach (var range in field.Value.EnumerateArray())
                {
                    var from = (long)Exact(range.GetProperty("range")[0]);
                    foreach (var price in range.EnumerateObject().Where(p => p.Name != "range"))
                    {
                        var dimension = fields[price.Name];
                        yield return from == 0
                            ? (dimension, tokens.RateOf(dimension), price.Value)
                            : ($"above {from / 1000}K: {dimension}", tokens.Tiers.Single(t => t.AboveInputTokens == from).RateOf(dimension), price.Value);
                    }
                }
            }
            else if (fields.TryGetValue(name, out var dimension))
            {
                // Audio per second beside audio per token: one dimension, priced per token.
                if (name == "input_cost_per_audio_per_second" && entry.TryGetProperty("input_cost_per_audio_token", out _))
                {
                    continue;
                }

                if (seen.Add(prefix + dimension))
                {
                    yield return (prefix + dimension, prefix is null ? tokens.RateOf(dimension) : service?.RateOf(dimension), field.Value);
                }
            }
            else if (prefix is null && System.Text.RegularExpressions.Regex.Match(name, @"^(.+)_above_(\d+)k_tokens$") is { Success: true } tier && fields.TryGetValue(tier.Groups[1].Value, out var tiered))
            {
                var above = long.Parse(tier.Groups[2].Value, CultureInfo.InvariantCulture) * 1000;
                yield return ($"above {above / 1000}K: {tiered}", tokens.Tiers.Single(t => t.AboveInputTokens == above).RateOf(tiered), field.Value);
            }
        }
    }

    [Fact]
    public void Every_price_field_is_imported_or_in_the_documented_list()
    {
        var documented = File.ReadAllText(Path.Combine(Paths.RepositoryRoot, "docs", "importing.md"));
        var section = documented[documented.IndexOf("### Price fields not imported", StringComparison.Ordinal)..];

        var undocumented = Imported.Value.Summary.UnrepresentedFields.Keys.Where(ImportSummary.IsPriceField).Where(f => !section.Contains("`" + f + "`", StringComparison.Ordinal)).ToList();

        Assert.Empty(undocumented);
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
    public void Every_dimension_of_an_entry_is_imported()
    {
        const string json = """
            { "claude": { "litellm_provider": "anthropic", "mode": "chat", "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
                          "cache_read_input_token_cost": 3e-07, "cache_creation_input_token_cost": 3.75e-06, "cache_creation_input_token_cost_above_1hr": 6e-06,
                          "input_cost_per_token_above_200k_tokens": 6e-06, "cache_creation_input_token_cost_above_1hr_above_200k_tokens": 1.2e-05,
                          "search_context_cost_per_query": { "search_context_size_low": 0.01, "search_context_size_medium": 0.01, "search_context_size_high": 0.01 } },
              "gpt": { "litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 2.5e-06, "input_cost_per_token_cache_hit": 1.25e-06,
                       "cache_read_input_token_cost": 1.25e-06, "input_cost_per_audio_token": 4e-05, "output_cost_per_reasoning_token": 1e-05,
                       "input_cost_per_token_priority": 4.25e-06, "output_cost_per_token_flex": 5e-06, "input_cost_per_request": 0.005,
                       "input_cost_per_audio_per_second": 0.0001, "code_interpreter_cost_per_session": 0.03 },
              "qwen": { "litellm_provider": "dashscope", "mode": "chat", "tiered_pricing": [
                        { "input_cost_per_token": 5e-08, "output_cost_per_token": 4e-07, "range": [0, 256000.0] },
                        { "input_cost_per_token": 2.5e-07, "output_cost_per_token": 2e-06, "range": [256000.0, 1000000.0] } ] } }
            """;

        var (catalogs, summary) = LiteLlmImporter.Import(json, new ImportOptions("2026-11-25"));
        string Yaml(string provider) => catalogs.Single(c => c.Provider == provider).Yaml;

        Assert.Contains("    cache-write-1h: $6 / 1M tokens\n", Yaml("anthropic"));
        Assert.Contains("    web-search: { low: $10 / 1K calls, medium: $10 / 1K calls, high: $10 / 1K calls }\n", Yaml("anthropic"));
        Assert.Contains("      - { above: 200K tokens, input: $6 / 1M tokens, cache-write-1h: $12 / 1M tokens }\n", Yaml("anthropic"));
        Assert.Contains("    cached-input: $1.25 / 1M tokens\n", Yaml("openai"));
        Assert.Contains("    audio-input: $40 / 1M tokens\n", Yaml("openai"));
        Assert.Contains("    reasoning: $10 / 1M tokens\n", Yaml("openai"));
        Assert.Contains("    request: $5 / 1K requests\n", Yaml("openai"));
        Assert.Contains("    code-interpreter: $0.03 / session\n", Yaml("openai"));
        Assert.Contains("    priority: { input: $4.25 / 1M tokens }\n", Yaml("openai"));
        Assert.Contains("    flex: { output: $5 / 1M tokens }\n", Yaml("openai"));
        Assert.Contains("    input: $0.05 / 1M tokens\n", Yaml("dashscope"));
        Assert.Contains("      - { above: 256K tokens, input: $0.25 / 1M tokens, output: $2 / 1M tokens }\n", Yaml("dashscope"));

        // Audio per second beside audio per token is one dimension twice: the token price is kept, the other reported.
        Assert.Equal(new[] { "input_cost_per_audio_per_second" }, summary.UnrepresentedFields.Keys);
        Assert.All(catalogs, c => Assert.Empty(CatalogParser.Parse(c.Yaml).Problems));
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
