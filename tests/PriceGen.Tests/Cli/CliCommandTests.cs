using System.IO;
using System.Linq;
using PriceGen.Cli;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Cli;

/// <summary>The pricegen commands, with the same parser and diagnostics as the analyzer.</summary>
public class CliCommandTests
{
    [Fact]
    public void Help_names_the_tool_as_users_type_it()
    {
        var tool = Path.Combine(System.AppContext.BaseDirectory, "pricegen.dll");

        var output = DotNet.Run(System.AppContext.BaseDirectory, tool, "--help");

        Assert.Equal(0, output.ExitCode);
        Assert.Contains("Usage:\n  pricegen [command] [options]", output.Text.Replace("\r\n", "\n"));
        Assert.DoesNotContain("PriceGen.Cli", output.Text);
    }

    [Fact]
    public void Validate_passes_the_bundled_catalogs()
    {
        var output = new StringWriter();

        var exit = ValidateCommand.Run(Directory.GetFiles(Path.Combine(Paths.RepositoryRoot, "catalog"), "*.prices.yaml").Select(p => new FileInfo(p)).ToArray(), output);

        Assert.Equal(0, exit);
        Assert.EndsWith("5 catalog(s), 37 model(s), 0 problem(s)", output.ToString().TrimEnd());
    }

    [Fact]
    public void Validate_prints_problems_in_the_compiler_format_and_fails()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pricegen-cli-{System.Guid.NewGuid():N}.prices.yaml");
        File.WriteAllText(file, Paths.ReferenceCatalog.Replace("    usage: $0.002 / 1K tokens", "    usge: $0.002 / 1K tokens"));
        try
        {
            var output = new StringWriter();

            var exit = ValidateCommand.Run(new[] { new FileInfo(file) }, output);

            Assert.Equal(1, exit);
            Assert.Contains($"{file}(17,5): error PRICE104: unknown field 'usge'; did you mean 'usage'?", output.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Validate_reports_two_catalogs_generating_one_class()
    {
        var directory = Directory.CreateTempSubdirectory("pricegen-cli-").FullName;
        File.WriteAllText(Path.Combine(directory, "a.prices.yaml"), Paths.ReferenceCatalog);
        File.WriteAllText(Path.Combine(directory, "b.prices.yaml"), Paths.ReferenceCatalog);
        var output = new StringWriter();

        var exit = ValidateCommand.Run(new[] { new FileInfo(Path.Combine(directory, "b.prices.yaml")), new FileInfo(Path.Combine(directory, "a.prices.yaml")) }, output);

        Assert.Equal(1, exit);
        Assert.Contains("b.prices.yaml(6,11): error PRICE112: class 'OpenAIPrices' is already generated from 'a.prices.yaml'", output.ToString());
        Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [InlineData("text", "DALL·E (dall-e-2)  $0.020 / image  $0.018 / image  $0.016 / image")]
    [InlineData("markdown", "| Davinci (text-davinci-003) | $0.0200 / 1K tokens |")]
    [InlineData("csv", "fine-tuning,curie,Curie,training,$0.0030 / 1K tokens")]
    [InlineData("json", "\"training\": \"$0.0300 / 1K tokens\"")]
    public void Table_lays_the_catalog_out_as_the_price_page(string format, string expected)
    {
        var output = new StringWriter();

        var exit = TableCommand.Run(new FileInfo(Paths.ReferenceCatalogPath), format, output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains(expected, output.ToString());
    }

    [Fact]
    public void Import_writes_one_valid_catalog_per_provider_and_the_summary()
    {
        var json = Path.Combine(Path.GetTempPath(), $"pricegen-litellm-{System.Guid.NewGuid():N}.json");
        File.WriteAllText(json, """
            { "gpt-4o": { "litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05, "supports_vision": true },
              "claude": { "litellm_provider": "anthropic", "mode": "chat", "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05 },
              "rerank-1": { "litellm_provider": "cohere", "mode": "rerank", "input_cost_per_query": 0.002 } }
            """);
        var outDirectory = Directory.CreateTempSubdirectory("pricegen-import-");
        var output = new StringWriter();

        var exit = ImportCommand.Run(new FileInfo(json), outDirectory, null, "2026-11-25", output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Equal(new[] { "anthropic.prices.yaml", "openai.prices.yaml" }, outDirectory.GetFiles().Select(f => f.Name).OrderBy(n => n));
        Assert.Contains("Imported 2 models from 3 entries into 2 catalogs.", output.ToString());
        Assert.Contains("  mode 'rerank': 1", output.ToString());
        Assert.Contains("  supports_vision: 1", output.ToString());
        File.Delete(json);
        outDirectory.Delete(recursive: true);
    }
}
