using System.Linq;
using PriceGen.Catalog;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Catalog;

/// <summary><c>aliases: [..]</c> and <c>snapshots: dated | [..]</c> of a model entry.</summary>
public class ModelIdentityParserTests
{
    private const string Header = "pricegen: 1\nprovider: Acme\ncurrency: USD\neffective: 2024-01-01\n";

    private static CatalogModel Single(string text)
    {
        var result = CatalogParser.Parse(text);
        CatalogAssert.WellFormed(text, result);
        Assert.Empty(result.Problems);
        return Assert.Single(result.Catalog!.Models);
    }

    [Fact]
    public void Reads_aliases_and_dated_snapshots()
    {
        var model = Single(Header + "chat:\n  gpt-4o:\n    aliases: [openai/gpt-4o, gpt-4o-latest]\n    snapshots: dated\n    input: $2.50 / 1M tokens\n");

        Assert.Equal(new[] { "openai/gpt-4o", "gpt-4o-latest" }, model.Aliases.ToArray());
        Assert.True(model.HasDatedSnapshots);
        Assert.Empty(model.Snapshots);
    }

    [Fact]
    public void A_quoted_dated_is_dated()
    {
        Assert.True(Single(Header + "chat:\n  a: { snapshots: \"dated\", input: $1 / 1M tokens }\n").HasDatedSnapshots);
    }

    [Fact]
    public void Reads_a_block_list_of_snapshots()
    {
        var model = Single(Header + "chat:\n  gemini-1.5-pro:\n    snapshots:\n      - gemini-1.5-pro-001\n      - gemini-1.5-pro-002\n    input: $3.50 / 1M tokens\n");

        Assert.Equal(new[] { "gemini-1.5-pro-001", "gemini-1.5-pro-002" }, model.Snapshots.ToArray());
        Assert.False(model.HasDatedSnapshots);
        Assert.Empty(model.Aliases);
    }

    [Fact]
    public void A_model_without_them_has_none()
    {
        var model = Single(Header + "chat:\n  a: { input: $1 / 1M tokens }\n");

        Assert.Empty(model.Aliases);
        Assert.Empty(model.Snapshots);
        Assert.False(model.HasDatedSnapshots);
    }

    [Fact]
    public void Models_with_the_same_aliases_are_equal_values()
    {
        const string text = Header + "chat:\n  a: { aliases: [b], snapshots: dated, input: $1 / 1M tokens }\n";
        var first = CatalogParser.Parse(text).Catalog!;
        var second = CatalogParser.Parse(text).Catalog!;
        var other = CatalogParser.Parse(text.Replace("[b]", "[c]")).Catalog!;
        var undated = CatalogParser.Parse(text.Replace("snapshots: dated, ", string.Empty)).Catalog!;

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.NotEqual(first, undated);
    }

    [Theory]
    [InlineData("aliases: [\"\"]", "\"\"", "each alias of model 'a' must be a non-empty single-line model id")]
    [InlineData("aliases: [~]", "~", "each alias of model 'a' must be a non-empty single-line model id")]
    [InlineData("aliases: [{ x: y }]", "{ x: y }", "each alias of model 'a' must be a non-empty single-line model id")]
    [InlineData("aliases: [\" b\"]", "\" b\"", "each alias of model 'a' must be a non-empty single-line model id")]
    [InlineData("snapshots: [\"\"]", "\"\"", "each snapshot of model 'a' must be a non-empty single-line model id")]
    [InlineData("snapshots: daily", "daily", "'snapshots' is 'dated' (the id plus a date, such as a-2024-08-06) or a list of snapshot ids such as [a-001], not 'daily'")]
    [InlineData("snapshots: { dated: true }", "{ dated: true }", "'snapshots' is 'dated' (the id plus a date, such as a-2024-08-06) or a list of snapshot ids such as [a-001], not a mapping")]
    [InlineData("aliases: { b: c }", "{ b: c }", "'aliases' must be a list of model ids, such as [a-latest]")]
    [InlineData("snapshots: [a-001, a-001]", "a-001", "'a-001' is already an id of model 'a'; list each id once")]
    [InlineData("aliases: [b], snapshots: [b]", "b", "'b' is already an id of model 'a'; list each id once")]
    [InlineData("snapshots: [a]", "a", "'a' is the model's own id; an snapshot is another id of the same model")]
    public void A_bad_value_is_reported_where_it_is_and_drops_the_entry(string field, string offending, string message)
    {
        var text = Header + "chat:\n  a: { " + field + ", input: $1 / 1M tokens }\n  z: { input: $1 / 1M tokens }\n";

        var result = CatalogParser.Parse(text);

        CatalogAssert.WellFormed(text, result);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("PRICE117", problem.Id);
        Assert.Equal(message, problem.Arguments[0]);
        Assert.Equal(text.LastIndexOf(offending, System.StringComparison.Ordinal), problem.Span.Start);
        if (!offending.StartsWith('{'))
        {
            Assert.Equal(offending.Length, problem.Span.Length);
        }
        Assert.Equal("z", Assert.Single(result.Catalog!.Models).Id);
    }

    [Fact]
    public void An_alias_of_two_models_is_PRICE119_at_the_second_with_the_first_as_additional_location()
    {
        var text = Header + "chat:\n  a: { aliases: [shared], input: $1 / 1M tokens }\n  b: { aliases: [shared], input: $2 / 1M tokens }\n";

        var result = CatalogParser.Parse(text);

        CatalogAssert.WellFormed(text, result);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("PRICE119", problem.Id);
        Assert.Equal(new[] { "shared", "an alias of 'b'", "an alias of 'a'" }, problem.Arguments.ToArray());
        Assert.Equal(text.LastIndexOf("shared", System.StringComparison.Ordinal), problem.Span.Start);
        Assert.Equal(text.IndexOf("shared", System.StringComparison.Ordinal), problem.RelatedSpan!.Value.Start);
        Assert.Equal("a", Assert.Single(result.Catalog!.Models).Id);
        Assert.Equal(
            "'shared' (an alias of 'b') is already an alias of 'a'; an id, alias or snapshot names one model of the catalog",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, PriceGen.Diagnostics.DiagnosticDescriptors.ConflictingAlias.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Arguments.ToArray<object>()));
    }

    [Fact]
    public void A_snapshot_listed_as_a_model_of_its_own_is_no_conflict_with_dated_snapshots()
    {
        var text = Header + "chat:\n  gpt-4o: { snapshots: dated, input: $2.50 / 1M tokens }\n  gpt-4o-2024-05-13: { input: $5 / 1M tokens }\n";

        var result = CatalogParser.Parse(text);

        Assert.Empty(result.Problems);
        Assert.Equal(new[] { "gpt-4o", "gpt-4o-2024-05-13" }, result.Catalog!.Models.Select(m => m.Id));
    }

    [Fact]
    public void The_bundled_catalogs_list_what_the_issue_asks()
    {
        var openAi2026 = CatalogParser.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(Paths.RepositoryRoot, "catalog", "openai-2026-03.prices.yaml"))).Catalog!;
        var openAi2023 = CatalogParser.Parse(Paths.ReferenceCatalog).Catalog!;

        Assert.True(openAi2026.Models.Single(m => m.Id == "gpt-4o").HasDatedSnapshots);
        Assert.Equal(5m, openAi2026.Models.Single(m => m.Id == "gpt-4o-2024-05-13").RateFor("input")!.Price.Value);
        Assert.Equal(new[] { "gpt-35-turbo" }, openAi2026.Models.Single(m => m.Id == "gpt-3.5-turbo").Aliases.ToArray());
        Assert.Equal(new[] { "gpt-35-turbo" }, openAi2023.Models.Single(m => m.Id == "gpt-3.5-turbo").Aliases.ToArray());
        Assert.True(openAi2023.Models.Single(m => m.Id == "gpt-3.5-turbo").HasDatedSnapshots);
    }
}
