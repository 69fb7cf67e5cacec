using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PriceGen.Cli;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Cli;

/// <summary><c>pricegen diff</c>: models paired by id, prices compared per unit exactly, exit 0 / 1 / 2.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private static readonly string Catalog2023 = Path.Combine(Paths.RepositoryRoot, "catalog", "openai-2023-03.prices.yaml");
    private static readonly string Catalog2026 = Path.Combine(Paths.RepositoryRoot, "catalog", "openai-2026-03.prices.yaml");

    private readonly string _directory = Directory.CreateTempSubdirectory("pricegen-diff-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_bundled_2023_and_2026_catalogs_differ_model_by_model()
    {
        var (exit, text, _) = Diff(Catalog2023, Catalog2026);

        Assert.Equal(1, exit);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("  class: OpenAIPrices -> OpenAI2026Prices", lines);
        Assert.Contains("  effective: 2023-03-01 -> 2026-03-01", lines);
        Assert.Contains("  gpt-3.5-turbo: rate removed: usage $0.002 / 1K tokens", lines);
        Assert.Contains("  gpt-3.5-turbo: rate added: input $0.50 / 1M tokens", lines);
        Assert.Contains("  gpt-3.5-turbo: rate added: output $1.50 / 1M tokens", lines);
        Assert.Contains("  gpt-3.5-turbo: renamed: gpt-3.5-turbo -> GPT-3.5 Turbo", lines);
        Assert.Contains("  text-davinci-003: model removed (instruct): usage $0.0200 / 1K tokens", lines);
        Assert.Contains("  gpt-4o: model added (chat): input $2.50 / 1M tokens, output $10 / 1M tokens, cached-input $1.25 / 1M tokens, batch 50% off", lines);
        Assert.Contains("  gpt-4-1106-preview: deprecated: none -> 2026-03-26", lines);
        Assert.Contains("  dall-e-2: model removed (image): 1024x1024 $0.020 / image, 512x512 $0.018 / image, 256x256 $0.016 / image", lines);
        Assert.Equal("11 model(s) added, 10 removed, 2 changed", lines.Last(l => l.Length > 0));
    }

    [Fact]
    public void A_catalog_against_itself_has_no_changes()
    {
        var (exit, text, error) = Diff(Catalog2026, Catalog2026);

        Assert.Equal(0, exit);
        Assert.Equal("no changes", text.Trim());
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Comments_blank_lines_and_spelling_of_numbers_are_no_change()
    {
        var edited = Write("edited.prices.yaml", Paths.ReferenceCatalog
            .Replace("chat:\n", "# a new comment\n\nchat:\n")
            .Replace("usage: $0.0200 / 1K tokens", "usage: $20 / 1M tokens   # same price per token")
            .Replace("$0.006 / minute", "$0.0001 / second")
            .Replace("$0.0020 / 1K tokens", "$0.002 / 1000 tokens"));

        var (exit, text, _) = Diff(Paths.ReferenceCatalogPath, edited);

        Assert.Contains("# same price per token", File.ReadAllText(edited));
        Assert.Equal(0, exit);
        Assert.Equal("no changes", text.Trim());
    }

    [Fact]
    public void A_price_change_is_compared_per_unit_and_shows_new_over_old()
    {
        var edited = Write("edited.prices.yaml", Paths.ReferenceCatalog
            .Replace("usage: $0.0200 / 1K tokens", "usage: $5 / 1M tokens")
            .Replace("fastest model.\n    usage: $0.0004 / 1K tokens", "fastest model.\n    usage: $0.60 / 1M tokens")
            .Replace("$0.006 / minute", "$0.006 / 1M characters")
            .Replace("512x512: $0.018 / image", "512x512: $0 / image"));

        var (exit, text, _) = Diff(Paths.ReferenceCatalogPath, edited);

        Assert.Equal(1, exit);
        Assert.Contains("  text-davinci-003: price down: usage $0.0200 / 1K tokens -> $5 / 1M tokens (×0.25, -75%)", text);
        Assert.Contains("  text-ada-001: price up: usage $0.0004 / 1K tokens -> $0.60 / 1M tokens (×1.5, +50%)", text);
        Assert.Contains("  whisper-1: unit changed: usage $0.006 / minute -> $0.006 / 1M characters", text);
        Assert.Contains("  dall-e-2: price down: 512x512 $0.018 / image -> $0 / image (×0, -100%)", text);
        // The embedding model kept its price, written as text-ada-001's was.
        Assert.DoesNotContain("text-embedding-ada-002", text);
        Assert.EndsWith("0 model(s) added, 0 removed, 4 changed", text.TrimEnd());
    }

    [Fact]
    public void New_dimensions_and_service_tiers_are_compared_like_any_price()
    {
        var anthropic = File.ReadAllText(Path.Combine(Paths.RepositoryRoot, "catalog", "anthropic-2026-03.prices.yaml"));
        var old = Write("old.prices.yaml", anthropic);
        var @new = Write("new.prices.yaml", anthropic
            .Replace("    cache-write-1h: $10 / 1M tokens", "    cache-write-1h: $12 / 1M tokens")
            .Replace("    name: Claude Haiku 4.5\n", "    name: Claude Haiku 4.5\n    priority: +75%\n")
            .Replace("    name: Claude Opus 4.1\n", "    name: Claude Opus 4.1\n    reasoning: $75 / 1M tokens\n"));

        var (exit, text, _) = Diff(old, @new);

        Assert.Equal(1, exit);
        Assert.Contains("  claude-opus-4-5: price up: cache-write-1h $10 / 1M tokens -> $12 / 1M tokens (×1.2, +20%)", text);
        Assert.Contains("  claude-haiku-4-5: rate added: priority +75%", text);
        Assert.Contains("  claude-opus-4-1: rate added: reasoning $75 / 1M tokens", text);
    }

    [Fact]
    public void Another_rounding_of_the_same_price_is_a_change()
    {
        var sameRate = Write("same-rate.prices.yaml", Paths.ReferenceCatalog.Replace("rounding: nearest-second", "rounding: up-to-second"));
        var newRate = Write("new-rate.prices.yaml", Paths.ReferenceCatalog.Replace("rounding: nearest-second", "rounding: up-to-second").Replace("$0.006 / minute", "$0.18 / hour"));

        var (exit, text, _) = Diff(Paths.ReferenceCatalogPath, sameRate);
        var (_, both, _) = Diff(Paths.ReferenceCatalogPath, newRate);

        Assert.Equal(1, exit);
        Assert.Contains("  whisper-1: rounding changed: usage $0.006 / minute, rounding nearest-second -> up-to-second", text);
        Assert.Contains("  whisper-1: price down: usage $0.006 / minute -> $0.18 / hour (×0.5, -50%)", both);
        Assert.Contains("  whisper-1: rounding changed: usage $0.18 / hour, rounding nearest-second -> up-to-second", both);
    }

    [Fact]
    public void Tiers_and_batch_prices_are_dimensions_of_their_own()
    {
        var old = Write("old.prices.yaml", TieredCatalog("batch: 50%", "{ above: 200K tokens, input: $2.50 / 1M tokens }"));
        var @new = Write("new.prices.yaml", TieredCatalog("batch: { input: $0.50 / 1M tokens }", "{ above: 200K tokens, input: $3 / 1M tokens, output: $20 / 1M tokens }"));

        var (exit, text, _) = Diff(old, @new);

        Assert.Equal(1, exit);
        Assert.Contains("  pro: rate removed: batch 50% off", text);
        Assert.Contains("  pro: price up: above 200K tokens: input $2.50 / 1M tokens -> $3 / 1M tokens (×1.2, +20%)", text);
        Assert.Contains("  pro: rate added: above 200K tokens: output $20 / 1M tokens", text);
        Assert.Contains("  pro: rate added: batch: input $0.50 / 1M tokens", text);
        Assert.DoesNotContain("pro: price up: input", text);
    }

    [Fact]
    public void A_smaller_batch_discount_is_a_price_up()
    {
        var old = Write("old.prices.yaml", TieredCatalog("batch: 50%", "{ above: 200K tokens, input: $2.50 / 1M tokens }"));
        var @new = Write("new.prices.yaml", TieredCatalog("batch: 40%", "{ above: 200K tokens, input: $2.50 / 1M tokens }"));

        var (exit, text, _) = Diff(old, @new);

        Assert.Equal(1, exit);
        Assert.Contains("  pro: price up: batch 50% off -> 40% off (×1.2, +20%)", text);
    }

    [Fact]
    public void Markdown_is_a_table_per_catalog()
    {
        var (exit, text, _) = Diff(Catalog2023, Catalog2026, "markdown");

        Assert.Equal(1, exit);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("# Price changes", lines[0]);
        Assert.Contains("## OpenAI (OpenAI2026Prices)", lines);
        Assert.Contains("- class: OpenAIPrices → OpenAI2026Prices", lines);
        Assert.Contains("| Model | Change | Price | Old | New | New / old |", lines);
        Assert.Contains("| gpt-3.5-turbo | rate removed | usage | $0.002 / 1K tokens |  |  |", lines);
        Assert.Contains("| gpt-3.5-turbo | rate added | input |  | $0.50 / 1M tokens |  |", lines);
        Assert.Contains("| gpt-3.5-turbo | renamed | name | gpt-3.5-turbo | GPT-3.5 Turbo |  |", lines);
        Assert.Contains("| dall-e-3 | model added | hd/1024x1792 |  | $0.120 / image |  |", lines);
    }

    [Fact]
    public void Json_has_exact_decimal_prices_and_ratios()
    {
        var edited = Write("edited.prices.yaml", Paths.ReferenceCatalog.Replace("usage: $0.0200 / 1K tokens", "usage: $5 / 1M tokens"));

        var (exit, text, _) = Diff(Paths.ReferenceCatalogPath, edited, "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.True(root.GetProperty("changed").GetBoolean());
        Assert.Equal(1, root.GetProperty("modelsChanged").GetInt32());
        var catalog = Assert.Single(root.GetProperty("catalogs").EnumerateArray());
        Assert.Equal("changed", catalog.GetProperty("change").GetString());
        Assert.Equal("OpenAIPrices", catalog.GetProperty("new").GetProperty("class").GetString());
        var model = Assert.Single(catalog.GetProperty("models").EnumerateArray());
        Assert.Equal("text-davinci-003", model.GetProperty("id").GetString());
        Assert.Equal("instruct", model.GetProperty("section").GetString());
        var price = Assert.Single(model.GetProperty("prices").EnumerateArray());
        Assert.Equal("usage", price.GetProperty("key").GetString());
        Assert.Equal("price-down", price.GetProperty("change").GetString());
        // Decimals keep the catalog's digits: 0.0200, not 0.02 and not a double's 0.020000000000000000416.
        Assert.Equal("0.0200", price.GetProperty("old").GetProperty("price").GetRawText());
        Assert.Equal(1000, price.GetProperty("old").GetProperty("quantity").GetInt64());
        Assert.Equal("token", price.GetProperty("old").GetProperty("unit").GetString());
        Assert.Equal("$5 / 1M tokens", price.GetProperty("new").GetProperty("written").GetString());
        Assert.Equal(0.25m, price.GetProperty("ratio").GetDecimal());
    }

    [Fact]
    public void Json_of_identical_catalogs_says_unchanged()
    {
        var (exit, text, _) = Diff(Catalog2023, Catalog2023, "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(text);
        Assert.False(json.RootElement.GetProperty("changed").GetBoolean());
        Assert.Equal("unchanged", json.RootElement.GetProperty("catalogs")[0].GetProperty("change").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("catalogs")[0].GetProperty("models").GetArrayLength());
    }

    [Fact]
    public void Directories_pair_catalogs_by_provider_and_class()
    {
        var old = Directory.CreateDirectory(Path.Combine(_directory, "old")).FullName;
        var @new = Directory.CreateDirectory(Path.Combine(_directory, "new")).FullName;
        File.Copy(Catalog2023, Path.Combine(old, "openai.prices.yaml"));
        File.Copy(Catalog2026, Path.Combine(old, "openai-2026.prices.yaml"));
        File.Copy(Path.Combine(Paths.RepositoryRoot, "catalog", "google-2026-03.prices.yaml"), Path.Combine(old, "google.prices.yaml"));
        // Renamed files, one price changed, one catalog gone: pairing follows provider and class, not file names.
        File.WriteAllText(Path.Combine(@new, "openai-2023.prices.yaml"), File.ReadAllText(Catalog2023).Replace("usage: $0.0200 / 1K tokens", "usage: $0.0100 / 1K tokens"));
        Directory.CreateDirectory(Path.Combine(@new, "nested"));
        File.Copy(Catalog2026, Path.Combine(@new, "nested", "openai.prices.yaml"));

        var (exit, text, _) = Diff(old, @new);

        Assert.Equal(1, exit);
        Assert.Contains($"OpenAI: {Path.Combine(old, "openai.prices.yaml")} -> {Path.Combine(@new, "openai-2023.prices.yaml")}", text);
        Assert.Contains("  text-davinci-003: price down: usage $0.0200 / 1K tokens -> $0.0100 / 1K tokens (×0.5, -50%)", text);
        Assert.Contains($"catalog removed: Google (GeminiPrices) {Path.Combine(old, "google.prices.yaml")}", text);
        Assert.Contains("  gemini-2.5-pro: model removed (chat)", text);
        Assert.DoesNotContain("openai-2026.prices.yaml ->", text);
        Assert.EndsWith("0 model(s) added, 3 removed, 1 changed", text.TrimEnd());
    }

    [Fact]
    public void A_broken_catalog_is_reported_where_it_is_broken_and_exits_with_2()
    {
        var broken = Write("broken.prices.yaml", Paths.ReferenceCatalog.Replace("    usage: $0.002 / 1K tokens", "    usage: $0.002 / 1K tokns"));

        var (exit, text, error) = Diff(Paths.ReferenceCatalogPath, broken);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, text);
        Assert.Contains($"{broken}(17,12): error PRICE105:", error);
    }

    [Fact]
    public void A_missing_file_or_a_file_against_a_directory_exits_with_2()
    {
        var missing = Path.Combine(_directory, "missing.prices.yaml");

        var (exit, _, error) = Diff(Catalog2023, missing);
        var (mixedExit, _, mixedError) = Diff(Catalog2023, _directory);

        Assert.Equal(2, exit);
        Assert.Contains($"{missing}: error: file or directory not found", error);
        Assert.Equal(2, mixedExit);
        Assert.Contains("error: OLD and NEW must both be catalog files or both be directories", mixedError);
    }

    [Fact]
    public void A_command_line_diff_cannot_run_exits_with_2()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "pricegen.dll");

        var missingArgument = DotNet.Run(AppContext.BaseDirectory, tool, "diff", Catalog2023);
        var badFormat = DotNet.Run(AppContext.BaseDirectory, tool, "diff", Catalog2023, Catalog2023, "--format", "csv");
        var same = DotNet.Run(AppContext.BaseDirectory, tool, "diff", Catalog2023, Catalog2023);

        Assert.Equal(2, missingArgument.ExitCode);
        Assert.Equal(2, badFormat.ExitCode);
        Assert.Equal((0, "no changes"), (same.ExitCode, same.Text.Trim()));
    }

    private static (int Exit, string Output, string Error) Diff(string old, string @new, string format = "text")
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = DiffCommand.Run(old, @new, format, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string TieredCatalog(string batch, string tier) => $"""
        pricegen: 1
        provider: Example
        currency: USD
        effective: 2026-03-01
        chat:
          pro:
            input: $1.25 / 1M tokens
            output: $10 / 1M tokens
            {batch}
            tiers:
              - {tier}
        """;
}
