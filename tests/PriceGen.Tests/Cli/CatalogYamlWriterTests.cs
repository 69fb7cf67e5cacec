using System.Linq;
using PriceGen.Catalog;
using PriceGen.Cli.Import;
using Xunit;

namespace PriceGen.Tests.Cli;

/// <summary>What the importer writes reads back as what it meant: no id turns into null, a boolean or a number.</summary>
public class CatalogYamlWriterTests
{
    [Theory]
    [InlineData("Null")]
    [InlineData("NULL")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("yes")]
    [InlineData("No")]
    [InlineData("true")]
    [InlineData("OFF")]
    [InlineData("0x10")]
    [InlineData("1e3")]
    [InlineData("1_000")]
    [InlineData("1:30")]
    [InlineData(".inf")]
    [InlineData("2024-06-13")]
    [InlineData("- x")]
    [InlineData("a: b")]
    [InlineData("#hash")]
    [InlineData("quote\"and\\backslash")]
    [InlineData("gpt-4o")]
    public void A_model_id_round_trips_through_import_and_parse(string id)
    {
        var model = new ImportedModel(id, "chat") { Member = "Imported" };
        model.Rates.Add(new("usage", "$1.5 / 1M tokens"));

        var yaml = CatalogYamlWriter.Write("Acme", new ImportOptions("2026-03-01"), new[] { model });
        var parsed = CatalogParser.Parse(yaml);

        Assert.True(parsed.Problems.Count == 0, string.Join("\n", parsed.Problems.Select(p => p.Id + " " + string.Join("|", p.Arguments))) + "\n" + yaml);
        Assert.Equal(id, Assert.Single(parsed.Catalog!.Models).Id);
    }

    [Theory]
    [InlineData("gpt-4o")]
    [InlineData("claude-sonnet-4-5")]
    [InlineData("openai/gpt-4o")]
    public void An_ordinary_id_stays_plain(string id) => Assert.Equal(id, CatalogYamlWriter.Scalar(id));
}
