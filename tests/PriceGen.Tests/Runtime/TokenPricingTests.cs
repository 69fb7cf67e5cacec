using System;
using Xunit;

namespace PriceGen.Tests.Runtime;

public class TokenPricingTests
{
    private static TokenRate PerMillion(decimal price, string role = "input") => new(role, price, 1_000_000, "USD");

    // gemini-1.5-pro-like: $1.25 in / $5 out per 1M, cached $0.3125; above 128K prompt tokens $2.50 / $10 / $0.625.
    private static readonly TokenPricing Tiered = new(
        PerMillion(1.25m), PerMillion(5m, "output"), PerMillion(0.3125m, "cached-input"),
        tiers: new[] { new PricingTier(128_000, PerMillion(2.50m), PerMillion(10m, "output"), PerMillion(0.625m, "cached-input")) },
        batch: BatchPricing.PercentOff(50m));

    [Fact]
    public void Input_and_output_are_priced_separately()
    {
        Assert.Equal(0.125m + 0.5m, Tiered.Cost(100_000, 100_000));
        Assert.Equal(0.00125m, Tiered.Cost(1_000, 0));
    }

    [Fact]
    public void Cached_tokens_are_part_of_the_input_and_billed_at_the_cached_rate()
    {
        var pricing = new TokenPricing(PerMillion(1.25m), cachedInput: PerMillion(0.3125m));

        Assert.Equal((600_000 * 1.25m + 400_000 * 0.3125m) / 1_000_000m, pricing.Cost(1_000_000, 0, cachedInputTokens: 400_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tiered.Cost(10, 0, cachedInputTokens: 11));
    }

    [Theory]
    [InlineData(128_000, 1.25, 5)]      // exactly the threshold: not above it
    [InlineData(128_001, 2.50, 10)]     // strictly more: the whole request at the tier
    public void A_prompt_strictly_above_the_threshold_is_priced_entirely_at_the_tier(long prompt, double input, double output)
    {
        var expected = (prompt * (decimal)input + 1_000 * (decimal)output) / 1_000_000m;

        Assert.Equal(expected, Tiered.Cost(prompt, 1_000));
    }

    [Fact]
    public void The_highest_matching_tier_wins()
    {
        var pricing = new TokenPricing(PerMillion(1m), tiers: new[] { new PricingTier(200_000, PerMillion(3m)), new PricingTier(100_000, PerMillion(2m)) });

        Assert.Equal(3m, pricing.Cost(1_000_000, 0));
        Assert.Equal(150_000 * 2m / 1_000_000m, pricing.Cost(150_000, 0));
        Assert.Equal(100_000 * 1m / 1_000_000m, pricing.Cost(100_000, 0));
    }

    [Fact]
    public void Batch_discount_applies_to_the_tiered_cost()
    {
        Assert.Equal(Tiered.Cost(200_000, 10_000) / 2, Tiered.Cost(200_000, 10_000, batch: true));
    }

    [Fact]
    public void Explicit_batch_rates_replace_the_regular_ones()
    {
        var pricing = new TokenPricing(PerMillion(2.5m), PerMillion(10m, "output"), batch: BatchPricing.Rates(PerMillion(1.25m), PerMillion(5m, "output")));

        Assert.Equal(1.25m + 5m, pricing.Cost(1_000_000, 1_000_000, batch: true));
    }

    [Fact]
    public void Batch_without_batch_prices_is_an_error()
    {
        Assert.Throws<InvalidOperationException>(() => new TokenPricing(PerMillion(1m)).Cost(1, 1, batch: true));
    }

    [Fact]
    public void A_usage_model_prices_input_and_output_alike()
    {
        var model = new ModelPrice("gpt-3.5-turbo", "gpt-3.5-turbo", ModelKind.Chat, "OpenAI", "USD", null, new TokenRate("usage", 0.002m, 1000, "USD"));

        Assert.Equal(0.003m, model.Cost(1000, 500));
    }
}
