using System.Linq;
using PriceGen.Catalog;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Catalog;

public class CatalogParserTests
{
    [Fact]
    public void Reference_catalog_parses_without_problems()
    {
        var result = CatalogParser.Parse(Paths.ReferenceCatalog);

        Assert.Empty(result.Problems);
        var catalog = Assert.IsType<PriceCatalog>(result.Catalog);
        Assert.Equal("OpenAI", catalog.Provider);
        Assert.Equal("OpenAIPrices", catalog.ClassName);
        Assert.Equal("USD", catalog.Currency);
        Assert.Equal("2023-03-01", catalog.EffectiveText);
        Assert.Equal("https://openai.com/pricing", catalog.Source);
        Assert.Equal(12, catalog.Models.Count);
        Assert.Equal(
            new[] { "Chat.Gpt35Turbo", "Instruct.Ada", "Instruct.Babbage", "Instruct.Curie", "Instruct.Davinci", "FineTuning.Ada", "FineTuning.Babbage", "FineTuning.Curie", "FineTuning.Davinci", "Embedding.Ada", "Image.DallE", "Audio.Whisper" },
            catalog.Models.Select(m => CatalogFormat.ClassNameOf(m.Section) + "." + m.MemberName));
    }

    [Fact]
    public void Parsing_is_a_value_the_same_text_gives_an_equal_result()
    {
        var first = CatalogParser.Parse(Paths.ReferenceCatalog);
        var second = CatalogParser.Parse(Paths.ReferenceCatalog);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, CatalogParser.Parse(Paths.ReferenceCatalog.Replace("$0.002 /", "$0.003 /")));
    }

    [Fact]
    public void Rates_keep_the_scale_they_were_written_with()
    {
        var davinci = CatalogParser.Parse(Paths.ReferenceCatalog).Catalog!.Models.Single(m => m.Id == "text-davinci-003");

        var usage = Assert.Single(davinci.Rates);
        Assert.Equal("0.0200", usage.Price.Text);
        Assert.Equal(0.02m, usage.Price.Value);
        Assert.Equal(1000, usage.Quantity);
        Assert.Equal(CatalogUnit.Token, usage.Unit);
    }

    [Theory]
    [InlineData("gpt-3.5-turbo", "Gpt35Turbo")]
    [InlineData("DALL·E", "DallE")]
    [InlineData("OpenAI", "OpenAI")]
    [InlineData("Acme AI", "AcmeAi")]
    [InlineData("最快的", "最快的")]
    [InlineData("text-embedding-ada-002", "TextEmbeddingAda002")]
    [InlineData("3d-model", "_3dModel")]
    [InlineData("gpt-4o-mini", "Gpt4oMini")]
    [InlineData("claude_3_opus", "Claude3Opus")]
    [InlineData("  ", "")]
    [InlineData("iPhone", "IPhone")]
    [InlineData("İstanbul", "İstanbul")]
    [InlineData("--", "")]
    public void Member_names_follow_the_naming_rules(string name, string expected)
    {
        Assert.Equal(expected, MemberNames.FromWords(name));
    }

    [Theory]
    [InlineData("$0.002 / 1K tokens", "0.002", 1000, "Token")]
    [InlineData("0.002/1K tokens", "0.002", 1000, "Token")]
    [InlineData("$1.5 / 1M tokens", "1.5", 1_000_000, "Token")]
    [InlineData("$0.020 / image", "0.020", 1, "Image")]
    [InlineData("$0.006 / minute", "0.006", 1, "Minute")]
    [InlineData("$0.36 / hour", "0.36", 1, "Hour")]
    [InlineData("$0.0001 / 1 second", "0.0001", 1, "Second")]
    [InlineData("$3 / 1000 tokens", "3", 1000, "Token")]
    [InlineData("$0 / token", "0", 1, "Token")]
    [InlineData("$0.002 / 1k tokens", "0.002", 1000, "Token")]
    [InlineData("  $ 0.5\t/  2K   calls ", "0.5", 2000, "Request")]
    [InlineData("$1 / 1Ksessions", "1", 1000, "Session")]
    [InlineData("1 / 9223372036854775807 characters", "1", long.MaxValue, "Character")]
    [InlineData("1 / 9223372036854775K tokens", "1", 9_223_372_036_854_775_000, "Token")]
    [InlineData("1 / 0007 images", "1", 7, "Image")]
    public void Valid_rates(string text, string price, long quantity, string unit)
    {
        Assert.True(RateSyntax.TryParse(text, out var rate, out var error), error);
        Assert.Equal(price, rate.Price.Text);
        Assert.Equal(quantity, rate.Quantity);
        Assert.Equal(unit, rate.Unit.ToString());
    }

    [Theory]
    [InlineData("$0.002", "expected '/ COUNT UNIT'")]
    [InlineData("-0.002 / 1K tokens", "negative")]
    [InlineData("1.5e-06 / token", "exponent")]
    [InlineData("$0,002 / 1K tokens", "decimal separator")]
    [InlineData("99999999999999999999999999999 / token", "too large for decimal")]
    [InlineData("0.00000000000000000000000000001 / token", "decimal places")]
    [InlineData("$0.002 / 0K tokens", "positive")]
    [InlineData("$0.002 / 1K tokenz", "unknown unit 'tokenz'")]
    [InlineData("$.5 / token", "plain decimal")]
    [InlineData("/ token", "price is missing")]
    [InlineData("$0.002 / 99999999999999999999K tokens", "too large")]
    [InlineData("1 / 9223372036854775808 tokens", "the count is too large")]
    [InlineData("1 / 9223372036854776K tokens", "the count is too large")]
    [InlineData("$0.002 / 1 K tokens", "unknown unit 'K tokens'")]
    [InlineData("$0.002 /  Tokens ", "unknown unit 'Tokens'")]
    [InlineData("$0.002 / 1K", "unknown unit ''")]
    [InlineData("$0.002 per 1K tokens", "expected '/ COUNT UNIT'")]
    [InlineData("$ / token", "price is missing")]
    public void Invalid_rates_say_what_is_wrong(string text, string expected)
    {
        Assert.False(RateSyntax.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_currency_symbol_must_agree_with_the_catalog()
    {
        var result = CatalogParser.Parse(Paths.ReferenceCatalog.Replace("usage: $0.002 / 1K tokens", "usage: €0.002 / 1K tokens"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("PRICE105", problem.Id);
        Assert.Contains("does not match the catalog's currency USD", problem.Arguments[1]);
        Assert.DoesNotContain(result.Catalog!.Models, m => m.Id == "gpt-3.5-turbo");
    }

    [Fact]
    public void Reserved_member_names_get_a_suffix()
    {
        var result = CatalogParser.Parse("pricegen: 1\nprovider: X\ncurrency: USD\neffective: 2024-01-01\nchat:\n  chat: { usage: 1 / token }\n  model: { usage: 1 / token }\n  usage: { usage: 1 / token }\n");

        Assert.Empty(result.Problems);
        Assert.Equal(new[] { "ChatModel", "ModelModel", "UsageModel" }, result.Catalog!.Models.Select(m => m.MemberName));
    }

    [Fact]
    public void Class_overrides_the_generated_class_name()
    {
        var result = CatalogParser.Parse(Paths.ReferenceCatalog.Replace("provider: OpenAI", "provider: OpenAI\nclass: OpenAI2023Prices"));

        Assert.Equal("OpenAI2023Prices", result.Catalog!.ClassName);
    }
}
