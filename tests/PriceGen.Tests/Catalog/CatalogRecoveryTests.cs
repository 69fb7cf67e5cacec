using System;
using System.Linq;
using PriceGen.Catalog;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Catalog;

/// <summary>
/// An error in one entry drops that entry and keeps the rest of the catalog, at the parser and through the generator
/// (so the IDE keeps IntelliSense while the user types); a file-level error generates nothing for that file.
/// </summary>
public class CatalogRecoveryTests
{
    private static readonly string[] ReferenceIds =
    {
        "gpt-3.5-turbo", "text-ada-001", "text-babbage-001", "text-curie-001", "text-davinci-003",
        "ada", "babbage", "curie", "davinci", "text-embedding-ada-002", "dall-e-2", "whisper-1",
    };

    /// <summary>The text-curie-001 entry of the reference catalog, as written.</summary>
    private const string CurieEntry = "  text-curie-001:\n    name: Curie\n    usage: $0.0020 / 1K tokens\n";

    /// <summary>One broken variant of <see cref="CurieEntry"/> per kind of entry-level mistake, and the id it gets.</summary>
    public static TheoryData<string, string> BrokenCurieEntries() => new()
    {
        { "PRICE105", "  text-curie-001:\n    name: Curie\n    usage: $0.0020 / 0K tokens\n" },
        { "PRICE105", "  text-curie-001:\n    name: Curie\n    usage: $0.0020 / 1K images\n" },
        { "PRICE104", "  text-curie-001:\n    name: Curie\n    usage: $0.0020 / 1K tokens\n    rounding: exact\n" },
        { "PRICE102", "  text-curie-001:\n    name: Curie\n" },
        { "PRICE109", "  text-curie-001:\n    name: Curie\n    member: 3Curie\n    usage: $0.0020 / 1K tokens\n" },
        { "PRICE108", "  text-curie-001:\n    name: Babbage\n    usage: $0.0020 / 1K tokens\n" },
        { "PRICE117", "  text-curie-001: $0.0020 / 1K tokens\n" },
        { "PRICE117", "  text-curie-001:\n    name: [Curie]\n    usage: $0.0020 / 1K tokens\n" },
    };

    [Theory]
    [MemberData(nameof(BrokenCurieEntries))]
    public void Parser_drops_only_the_broken_entry(string id, string brokenEntry)
    {
        var text = Reference().Replace(CurieEntry, brokenEntry, StringComparison.Ordinal);

        var result = CatalogParser.Parse(text);

        CatalogAssert.WellFormed(text, result);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(id, problem.Id);
        Assert.NotNull(result.Catalog);
        Assert.Equal(ReferenceIds.Where(i => i != "text-curie-001"), result.Catalog!.Models.Select(m => m.Id));
    }

    [Theory]
    [MemberData(nameof(BrokenCurieEntries))]
    public void Generator_generates_every_other_model(string id, string brokenEntry)
    {
        _ = id;
        var broken = Reference().Replace(CurieEntry, brokenEntry, StringComparison.Ordinal);
        var withoutCurie = Reference().Replace(CurieEntry, string.Empty, StringComparison.Ordinal);

        var (result, output) = GeneratorHarness.Run(broken);
        var (expected, _) = GeneratorHarness.Run(withoutCurie);

        CatalogAssert.GeneratorSucceeded(result, output, compile: true);
        var generated = GeneratorHarness.GeneratedText(result, "OpenAIPrices.g.cs");
        Assert.Equal(GeneratorHarness.GeneratedText(expected, "OpenAIPrices.g.cs"), generated);
        Assert.Contains("public static class Gpt35Turbo", generated, StringComparison.Ordinal);
        Assert.Contains("public static class Whisper", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("\"text-curie-001\"", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_broken_entries_in_several_sections_each_drop_alone()
    {
        var text = Reference()
            .Replace("usage: $0.002 / 1K tokens", "usage: $0,002 / 1K tokens", StringComparison.Ordinal)
            .Replace("curie:   { name: Curie,   training:", "curie:   { name: Curie,   trainng:", StringComparison.Ordinal)
            .Replace("      512x512:", "      512X512:", StringComparison.Ordinal);

        var result = CatalogParser.Parse(text);

        CatalogAssert.WellFormed(text, result);
        Assert.Equal(new[] { "PRICE105", "PRICE104", "PRICE102", "PRICE114" }, result.Problems.Select(p => p.Id));
        Assert.Equal(
            ReferenceIds.Except(new[] { "gpt-3.5-turbo", "curie", "dall-e-2" }),
            result.Catalog!.Models.Select(m => m.Id));
    }

    [Theory]
    [InlineData("pricegen: 1\n", "pricegen: 2\n")]
    [InlineData("currency: USD\n", "currency: usd\n")]
    [InlineData("effective: 2023-03-01\n", "effective: 2023-13-01\n")]
    [InlineData("provider: OpenAI\n", "")]
    [InlineData("  gpt-3.5-turbo:\n", "\tgpt-3.5-turbo:\n")]
    public void A_file_level_error_generates_nothing(string written, string broken)
    {
        var text = Reference().Replace(written, broken, StringComparison.Ordinal);
        Assert.NotEqual(Reference(), text);

        var parsed = CatalogParser.Parse(text);
        var (result, output) = GeneratorHarness.Run(text);

        CatalogAssert.WellFormed(text, parsed);
        Assert.Null(parsed.Catalog);
        Assert.NotEmpty(parsed.Problems);
        CatalogAssert.GeneratorSucceeded(result, output, compile: false);
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void The_good_catalog_next_to_a_broken_one_still_generates()
    {
        var good = new TestAdditionalText("/p/openai.prices.yaml", Reference());
        var broken = new TestAdditionalText("/p/acme.prices.yaml", "pricegen: 1\nprovider: Acme\ncurrency: USD\neffective: 2023-03-01\nchat: { a: { usage: [ } }\n");

        var result = GeneratorHarness.Driver(new[] { broken, good }).RunGenerators(GeneratorHarness.Compilation(null)).GetRunResult();

        Assert.Null(Assert.Single(result.Results).Exception);
        Assert.Equal(new[] { "OpenAIPrices.g.cs" }, result.Results[0].GeneratedSources.Select(s => s.HintName));
    }

    private static string Reference() => Paths.ReferenceCatalog.Replace("\r\n", "\n", StringComparison.Ordinal);
}
