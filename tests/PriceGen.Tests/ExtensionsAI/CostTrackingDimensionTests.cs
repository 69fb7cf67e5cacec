using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PriceGen.Extensions.AI;
using PriceGen.Tests.Generated;
using Xunit;

namespace PriceGen.Tests.ExtensionsAI;

/// <summary>What the adapters report beyond input and output is priced at its own rate, or reported, never zero.</summary>
public class CostTrackingDimensionTests
{
    private static readonly ModelCatalog Catalogs = ModelCatalog.From(OpenAI2026Prices.Models).With(AnthropicPrices.Models).With(AcmeDimensionPrices.Models);

    private static async Task<InMemoryCostLedger> Call(string model, UsageDetails usage)
    {
        var inner = new FakeChatClient { Respond = _ => FakeChatClient.Answer(model, usage) };
        var ledger = new InMemoryCostLedger();
        await inner.AsBuilder().UseCostTracking(Catalogs, null, ledger).Build().GetResponseAsync("Hello");
        return ledger;
    }

    [Fact]
    public async Task Anthropic_cache_writes_named_in_additional_counts_are_billed_as_cache_writes()
    {
        // What Anthropic's adapter reports: input counts reads and writes; the writes only in AdditionalCounts.
        var usage = FakeChatClient.Usage(8_000, 500, cached: 5_000);
        usage.AdditionalCounts = new() { ["CacheCreationInputTokens"] = 2_000 };

        var record = Assert.Single((await Call("claude-sonnet-4-5-20250929", usage)).Records);

        // Without the raw response's split every write is a 5-minute write: 1,000 × $3 + 2,000 × $3.75 + 5,000 × $0.30 + 500 × $15, per 1M.
        Assert.Equal(0.0195m, record.Cost);
        Assert.Equal(2_000, record.Usage!.CacheWriteTokens);
        Assert.Equal(0.0075m, record.Breakdown![PriceDimensions.CacheWrite]!.Amount);
    }

    [Fact]
    public async Task OpenAI_reasoning_and_audio_counts_are_billed_at_their_rates()
    {
        // Microsoft.Extensions.AI.OpenAI writes the usage details as additional counts under these names.
        var usage = FakeChatClient.Usage(10_000, 2_000, cached: 1_000);
        usage.ReasoningTokenCount = 600;
        usage.AdditionalCounts = new() { ["InputTokenDetails.AudioTokenCount"] = 1_000, ["OutputTokenDetails.AudioTokenCount"] = 100 };

        var record = Assert.Single((await Call("acme-omni", usage)).Records);

        // 8,000 × $2 + 1,000 × $0.50 + 1,000 × $40 + 1,300 × $8 + 600 × $10 + 100 × $80, per 1M, and $1 / 1K requests.
        Assert.Equal(0.016m + 0.0005m + 0.04m + 0.0104m + 0.006m + 0.008m + 0.001m, record.Cost);
        Assert.Equal(new[] { "input", "cached-input", "audio-input", "output", "reasoning", "audio-output", "request" }, record.Breakdown!.Lines.Select(l => l.Dimension));
    }

    [Fact]
    public async Task A_dimension_the_catalog_does_not_price_is_reported_not_priced_at_zero()
    {
        var usage = FakeChatClient.Usage(1_000, 100);
        usage.AdditionalCounts = new() { ["InputTokenDetails.AudioTokenCount"] = 400 };

        var ledger = await Call("gpt-4o-2024-08-06", usage);

        Assert.Empty(ledger.Records);
        Assert.Equal(UnpricedReason.UnpricedDimension, Assert.Single(ledger.Unpriced).Reason);
    }
}
