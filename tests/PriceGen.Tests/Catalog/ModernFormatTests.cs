using System.Collections.Generic;
using System.Linq;
using PriceGen.Catalog;
using Xunit;

namespace PriceGen.Tests.Catalog;

/// <summary>Format v1 additions: input/output and cache rates, batch, tiers, units, details, lifecycle, quota.</summary>
public class ModernFormatTests
{
    private const string Header = "pricegen: 1\nprovider: Acme\ncurrency: USD\neffective: 2026-03-01\n";

    private static CatalogParseResult Parse(string body) => CatalogParser.Parse(Header + body);

    [Fact]
    public void Full_modern_entry()
    {
        var result = Parse("""
            chat:
              m:
                input: $1.25 / 1M tokens
                cached-input: $0.125 / 1M tokens
                cache-write: $1.5 / 1M tokens
                output: $10 / 1M tokens
                batch: 50%
                tiers:
                  - { above: 200K tokens, input: $2.50 / 1M tokens, output: $15 / 1M tokens }
                  - { above: 128000, input: $2 / 1M tokens }
                context-window: 1M
                max-output: 64K tokens
                encoding: o200k_base
                deprecated: 2026-06-01
                shutdown: 2026-12-01
                replacement: m2
            """);

        Assert.Empty(result.Problems);
        var model = Assert.Single(result.Catalog!.Models);
        Assert.Equal(new[] { "input", "output", "cached-input", "cache-write" }, model.Rates.Select(r => r.Role));
        Assert.Equal(new[] { "Input", "Output", "CachedInput", "CacheWrite" }, model.Rates.Select(r => r.MemberName));
        Assert.Equal("50", model.Batch!.PercentOff);
        Assert.Equal(new[] { 128_000L, 200_000L }, model.Tiers.Select(t => t.AboveTokens));
        Assert.Equal(new CatalogModelInfo(1_000_000, 64_000, "o200k_base", "2026-06-01", "2026-12-01", "m2"), model.Info);
        Assert.True(model.HasTokenPricing);
    }

    [Fact]
    public void All_rates_are_the_models_then_each_tiers_then_each_service_tiers()
    {
        var result = Parse("""
            chat:
              m:
                input: $1 / 1M tokens
                output: $2 / 1M tokens
                tiers:
                  - { above: 1K, input: $3 / 1M tokens }
                  - { above: 2K, input: $4 / 1M tokens, output: $5 / 1M tokens }
                batch: { input: $6 / 1M tokens }
                priority: { output: $7 / 1M tokens }
                flex: { input: $8 / 1M tokens, output: $9 / 1M tokens }
              plain: { usage: $10 / 1M tokens }
              empty-tiers: { input: $11 / 1M tokens, batch: 50%, flex: { output: $12 / 1M tokens } }
            """);

        Assert.Empty(result.Problems);
        var models = result.Catalog!.Models;
        Assert.Equal(new[] { "1", "2", "3", "4", "5", "6", "7", "8", "9" }, Prices(models[0]));
        Assert.Equal(new[] { "10" }, Prices(models[1]));
        Assert.Equal(new[] { "11", "12" }, Prices(models[2]));
    }

    private static List<string> Prices(CatalogModel model)
    {
        var prices = new List<string>();
        foreach (var rate in model.AllRates())
        {
            prices.Add(rate.Price.Text);
        }

        return prices;
    }

    [Theory]
    [InlineData("  m: { usage: 1 / token, input: 1 / token }", "PRICE117", "both 'usage' and 'input'")]
    [InlineData("  m: { usage: 1 / token, output: 1 / token }", "PRICE117", "goes with 'input'")]
    [InlineData("  m: { output: 1 / token }", "PRICE102", "usage")]
    [InlineData("  m: { input: 1 / token, batch: 150% }", "PRICE105", "percentage")]
    [InlineData("  m: { input: 1 / token, batch: { inptu: 1 / token } }", "PRICE104", "did you mean 'input'")]
    [InlineData("  m: { input: 1 / token, tiers: [ { input: 2 / token } ] }", "PRICE102", "above")]
    [InlineData("  m: { input: 1 / token, tiers: [ { above: lots, input: 2 / token } ] }", "PRICE117", "token count")]
    [InlineData("  m: { input: 1 / token, tiers: [ { above: 1K, input: 2 / token }, { above: 1000, input: 3 / token } ] }", "PRICE117", "two tiers")]
    [InlineData("  m: { input: 1 / token, context-window: -5 }", "PRICE117", "token count")]
    [InlineData("  m: { input: 1 / token, deprecated: 2026-13-01 }", "PRICE111", "2026-13-01")]
    [InlineData("  m: { input: 1 / token, encoding: Cl100K }", "PRICE117", "encoding")]
    [InlineData("  m: { input: 1 / image }", "PRICE105", "per token, character, request")]
    [InlineData("  m: { input: 1 / token, output: 1 / request }", "PRICE105", "must be per token like 'input'")]
    [InlineData("  m: { input: 1 / character, batch: 50% }", "PRICE117", "applies to models priced per token")]
    [InlineData("  m: { input: 1 / token, tiers: [ { above: 1K, input: 2 / character } ] }", "PRICE105", "of a tier or a batch price is per token")]
    [InlineData("  m: { input: 1 / token, batch: { input: 1 / request } }", "PRICE105", "of a tier or a batch price is per token")]
    [InlineData("  m: { input: 1 / token, cache-write-1h: 1 / second }", "PRICE105", "'cache-write-1h' in section 'chat' is priced per token")]
    [InlineData("  m: { input: 1 / token, audio-input: 1 / image }", "PRICE105", "per token, second, minute, hour")]
    [InlineData("  m: { input: 1 / token, request: 1 / token }", "PRICE105", "priced per request")]
    [InlineData("  m: { input: 1 / token, code-interpreter: 1 / request }", "PRICE105", "priced per session")]
    [InlineData("  m: { input: 1 / token, web-search: { medum: 1 / 1K calls } }", "PRICE104", "did you mean 'medium'")]
    [InlineData("  m: { input: 1 / token, web-search: [1] }", "PRICE117", "one per search context size")]
    [InlineData("  m: { input: 1 / token, priority: 75% more }", "PRICE105", "surcharge such as +75%")]
    [InlineData("  m: { input: 1 / token, flex: { reasonning: 1 / token } }", "PRICE104", "did you mean 'reasoning'")]
    [InlineData("  m: { input: 1 / token, tiers: [ { above: 1K, reasoning: 2 / second } ] }", "PRICE105", "of a tier or a batch price is per token")]
    [InlineData("  m: { input: 1 / character, reasoning: 1 / token }", "PRICE117", "'reasoning' applies to models priced per token")]
    [InlineData("  m: { input: 1 / token, cache-write-1hr: 1 / token }", "PRICE104", "did you mean 'cache-write-1h'")]
    public void Invalid_modern_entries(string entry, string id, string messagePart)
    {
        var result = Parse("chat:\n" + entry + "\n");

        var problem = Assert.Single(result.Problems, p => p.Id == id);
        Assert.Contains(messagePart, string.Join(" ", problem.Arguments));
        Assert.Empty(result.Catalog!.Models);
    }

    [Fact]
    public void Quota_is_read_and_checked()
    {
        Assert.Equal("120", Parse("quota: { monthly-limit: $120, soft-limit: $100 }\n").Catalog!.Quota!.MonthlyLimit!.Value.Text);
        Assert.Contains(Parse("quota: { monthly-limit: $100, soft-limit: $120 }\n").Problems, p => p.Id == "PRICE117");
        Assert.Contains(Parse("quota: { monthly-limit: €100 }\n").Problems, p => p.Id == "PRICE105");
        Assert.Contains(Parse("quota: { monthy-limit: $100 }\n").Problems, p => p.Id == "PRICE104");
    }

    [Fact]
    public void Image_sizes_may_have_a_quality_tier()
    {
        var result = Parse("image:\n  d: { sizes: { hd/1024x1792: $0.12 / image, 1024x1024: $0.04 / image } }\n");

        Assert.Empty(result.Problems);
        Assert.Equal(new[] { "SizeHd1024x1792", "Size1024x1024" }, result.Catalog!.Models[0].Rates.Select(r => r.MemberName));
        Assert.Contains(Parse("image:\n  d: { sizes: { HD/1024x1792: $0.12 / image } }\n").Problems, p => p.Id == "PRICE114");
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("usd")]
    [InlineData("US")]
    public void Currency_must_be_an_iso_4217_code(string currency)
    {
        var result = CatalogParser.Parse(Header.Replace("USD", currency));

        Assert.Contains(result.Problems, p => p.Id == "PRICE110");
        Assert.Null(result.Catalog);
    }

    [Theory]
    [InlineData("Chat")]
    [InlineData("Models")]
    [InlineData("GetModel")]
    public void Class_may_not_clash_with_its_own_members(string name)
    {
        var result = CatalogParser.Parse(Header + $"class: {name}\n");

        Assert.Contains(result.Problems, p => p.Id == "PRICE109");
    }
}
