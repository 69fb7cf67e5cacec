using System;
using System.Linq;
using System.Reflection;
using PriceGen.Tests.Generated;
using Xunit;

namespace PriceGen.Tests.Runtime;

/// <summary>One usage, one cost: every billed dimension at its rate, through the classes generated from the catalogs.</summary>
public class UsageCostTests
{
    /// <summary>Issue 13's call: 1,000 fresh input, 5,000 cache reads, 1,500 writes for 5 minutes and 500 for one hour, 500 output.</summary>
    private static readonly Usage AnthropicCall = new(inputTokens: 8_000, outputTokens: 500, cachedInputTokens: 5_000, cacheWriteTokens: 1_500, cacheWrite1hTokens: 500);

    private static readonly Usage EveryDimension = new()
    {
        InputTokens = 10_000,
        CachedInputTokens = 1_000,
        CacheWriteTokens = 500,
        CacheWrite1hTokens = 500,
        AudioInputTokens = 1_000,
        CachedAudioInputTokens = 200,
        ImageInputTokens = 300,
        VideoInputSeconds = 12.5m,
        OutputTokens = 2_000,
        ReasoningTokens = 600,
        AudioOutputTokens = 100,
        ImageOutputTokens = 50,
        WebSearchCalls = 2,
        WebSearchContext = SearchContextSize.High,
        CodeInterpreterSessions = 1,
    };

    [Fact]
    public void Anthropic_cache_writes_are_billed_by_lifetime_as_Anthropic_bills_them()
    {
        var breakdown = AnthropicPrices.Chat.ClaudeSonnet45.Model.Breakdown(AnthropicCall);

        // 1,000 × $3 + 1,500 × $3.75 + 500 × $6 + 5,000 × $0.30 + 500 × $15, per 1M.
        Assert.Equal(0.020625m, breakdown.Total);
        Assert.Equal(0.003m, breakdown[PriceDimensions.Input]!.Amount);
        Assert.Equal(1_000m, breakdown[PriceDimensions.Input]!.Quantity);
        Assert.Equal(0.005625m, breakdown[PriceDimensions.CacheWrite]!.Amount);
        Assert.Equal(0.003m, breakdown[PriceDimensions.CacheWrite1h]!.Amount);
        Assert.Equal(0.0015m, breakdown[PriceDimensions.CachedInput]!.Amount);
        Assert.Equal(0.0075m, breakdown[PriceDimensions.Output]!.Amount);
        Assert.Equal(0.020625m, AnthropicPrices.Chat.ClaudeSonnet45.Cost(8_000, 500, 5_000, cacheWriteTokens: 1_500, cacheWrite1hTokens: 500));
    }

    [Fact]
    public void Every_dimension_is_billed_on_its_own_line()
    {
        var breakdown = AcmeDimensionPrices.Chat.AcmeOmni.Model.Breakdown(EveryDimension);

        Assert.Equal(
            new[] { "input", "cached-input", "cache-write", "cache-write-1h", "audio-input", "cached-audio-input", "image-input", "video-input", "output", "reasoning", "audio-output", "image-output", "request", "web-search/high", "code-interpreter" },
            breakdown.Lines.Select(l => l.Dimension));
        Assert.Equal(6_500m, breakdown[PriceDimensions.Input]!.Quantity);
        Assert.Equal(1_250m, breakdown[PriceDimensions.Output]!.Quantity);
        Assert.Equal(0.0125m, breakdown[PriceDimensions.VideoInput]!.Amount);
        Assert.Equal(0.06m, breakdown["web-search/high"]!.Amount);
        Assert.Equal(0.18825m, breakdown.Total);
        Assert.Equal(breakdown.Lines.Sum(l => l.Amount), breakdown.Total);
        Assert.Equal(0.18825m, AcmeDimensionPrices.Chat.AcmeOmni.Cost(EveryDimension));
    }

    [Fact]
    public void A_percentage_service_tier_scales_tokens_and_time_but_not_fees()
    {
        var fees = 0.001m + 0.06m + 0.03m;

        Assert.Equal(((0.18825m - fees) * 1.75m) + fees, AcmeDimensionPrices.Chat.AcmeOmni.Cost(WithTier(EveryDimension, ServiceTier.Priority)));
        Assert.Equal(0.139625m, AcmeDimensionPrices.Chat.AcmeOmni.Cost(WithTier(EveryDimension, ServiceTier.Batch)));
        Assert.Equal(1.75m, AcmeDimensionPrices.Chat.AcmeOmni.Model.Breakdown(WithTier(EveryDimension, ServiceTier.Priority))[PriceDimensions.Output]!.Factor);
        Assert.Equal(1m, AcmeDimensionPrices.Chat.AcmeOmni.Model.Breakdown(WithTier(EveryDimension, ServiceTier.Priority))[PriceDimensions.Request]!.Factor);
    }

    [Fact]
    public void Explicit_service_tier_rates_replace_only_the_dimensions_they_name()
    {
        var usage = new Usage(inputTokens: 10_000, outputTokens: 1_000, cachedInputTokens: 2_000, serviceTier: ServiceTier.Flex);

        // 8,000 × $1 + 2,000 × $0.50 (cached input keeps its rate) + 1,000 × $4, per 1M, and the request fee.
        Assert.Equal(0.014m, AcmeDimensionPrices.Chat.AcmeOmni.Cost(usage));
    }

    [Fact]
    public void A_long_context_tier_prices_every_dimension_it_names()
    {
        var usage = new Usage(inputTokens: 250_000, outputTokens: 1_000, cacheWrite1hTokens: 1_000);

        var breakdown = AcmeDimensionPrices.Chat.AcmeOmni.Model.Breakdown(usage);

        Assert.Equal(200_000, breakdown.ContextTier!.AboveInputTokens);
        Assert.Equal(1.017m, breakdown.Total);
        Assert.Equal(8m, breakdown[PriceDimensions.CacheWrite1h]!.Rate.Price);
    }

    [Fact]
    public void Sonnet_above_200K_input_tokens_is_billed_at_the_long_context_rates()
    {
        var usage = new Usage(inputTokens: 300_000, outputTokens: 1_000, cachedInputTokens: 100_000, cacheWriteTokens: 10_000, cacheWrite1hTokens: 10_000);

        // 180,000 × $6 + 100,000 × $0.60 + 10,000 × $7.50 + 10,000 × $12 + 1,000 × $22.50, per 1M.
        Assert.Equal(1.08m + 0.06m + 0.075m + 0.12m + 0.0225m, AnthropicPrices.Chat.ClaudeSonnet45.Cost(usage));
    }

    [Fact]
    public void Reasoning_tokens_are_output_unless_the_model_prices_them_apart()
    {
        var usage = new Usage(inputTokens: 1_000, outputTokens: 3_000, reasoningTokens: 2_000);

        Assert.Equal(OpenAI2026Prices.Chat.Gpt4o.Cost(1_000, 3_000), OpenAI2026Prices.Chat.Gpt4o.Model.Cost(usage));
        Assert.Equal(2_000m, OpenAI2026Prices.Chat.Gpt4o.Model.Breakdown(usage)[PriceDimensions.Reasoning]!.Quantity);

        // 1,000 × $2 + 1,000 × $8 + 2,000 × $10 (its own reasoning rate), per 1M, and the $1 / 1K requests fee.
        Assert.Equal(0.031m, AcmeDimensionPrices.Chat.AcmeOmni.Model.Cost(usage));
    }

    [Theory]
    [InlineData("audio-input")]
    [InlineData("audio-output")]
    [InlineData("image-output")]
    [InlineData("cache-write-1h")]
    [InlineData("code-interpreter")]
    [InlineData("web-search/medium")]
    [InlineData("video-input")]
    public void A_dimension_the_model_does_not_price_is_an_error_that_names_it(string dimension)
    {
        var usage = dimension switch
        {
            "audio-input" => new Usage(inputTokens: 100, audioInputTokens: 10),
            "audio-output" => new Usage(inputTokens: 100, outputTokens: 10, audioOutputTokens: 10),
            "image-output" => new Usage(inputTokens: 100, outputTokens: 10, imageOutputTokens: 10),
            "cache-write-1h" => new Usage(inputTokens: 100, cacheWrite1hTokens: 10),
            "code-interpreter" => new Usage(inputTokens: 100, codeInterpreterSessions: 1),
            "web-search/medium" => new Usage(inputTokens: 100, webSearchCalls: 1),
            _ => new Usage(inputTokens: 100, videoInputSeconds: 3m),
        };

        var error = Assert.Throws<UnpricedDimensionException>(() => OpenAI2026Prices.Chat.Gpt4o.Model.Cost(usage));

        Assert.Equal(dimension, error.Dimension);
        Assert.Contains("OpenAI gpt-4o has no '" + dimension + "' price", error.Message);
    }

    [Fact]
    public void Audio_priced_per_second_is_billed_from_seconds_and_refuses_token_counts()
    {
        Assert.Equal(0.0025m + 0.000001m, AcmeDimensionPrices.Chat.AcmeListen.Cost(new Usage(inputTokens: 1, audioInputSeconds: 25m)));

        var error = Assert.Throws<UnpricedDimensionException>(() => AcmeDimensionPrices.Chat.AcmeListen.Cost(new Usage(inputTokens: 100, audioInputTokens: 50)));

        Assert.Contains("/ second", error.Message);
        Assert.Equal(0.01m, AcmeDimensionPrices.Chat.AcmeListen.Cost(new Usage(webSearchCalls: 1, webSearchContext: SearchContextSize.High)));
    }

    [Fact]
    public void A_service_tier_the_model_has_no_prices_for_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => OpenAI2026Prices.Chat.Gpt4o.Model.Cost(new Usage(inputTokens: 1, serviceTier: ServiceTier.Priority)));
        Assert.Throws<InvalidOperationException>(() => AnthropicPrices.Chat.ClaudeHaiku45.Model.Cost(new Usage(inputTokens: 1, serviceTier: ServiceTier.Flex)));
    }

    [Fact]
    public void Parts_that_exceed_their_whole_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AnthropicPrices.Chat.ClaudeSonnet45.Model.Cost(new Usage(inputTokens: 1_000, cachedInputTokens: 600, cacheWrite1hTokens: 500)));
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenAI2026Prices.Chat.Gpt4o.Model.Cost(new Usage(inputTokens: 1_000, outputTokens: 10, reasoningTokens: 11)));
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenAI2026Prices.Chat.Gpt4o.Model.Cost(new Usage(inputTokens: -1)));
    }

    [Fact]
    public void The_generated_Cost_gains_exactly_the_token_dimensions_the_model_prices()
    {
        Assert.Equal(new[] { "inputTokens", "outputTokens", "cachedInputTokens", "batch" }, CostParameters(typeof(OpenAI2026Prices.Chat.Gpt4o)));
        Assert.Equal(new[] { "inputTokens", "outputTokens", "cachedInputTokens", "batch", "cacheWriteTokens", "cacheWrite1hTokens" }, CostParameters(typeof(AnthropicPrices.Chat.ClaudeSonnet45)));
        Assert.Equal(
            new[] { "inputTokens", "outputTokens", "cachedInputTokens", "batch", "cacheWriteTokens", "cacheWrite1hTokens", "reasoningTokens", "audioInputTokens", "cachedAudioInputTokens", "audioOutputTokens", "imageInputTokens", "imageOutputTokens" },
            CostParameters(typeof(AcmeDimensionPrices.Chat.AcmeOmni)));

        // Cost(Usage) where token counts cannot say everything the model prices (fees, seconds, service tiers).
        Assert.Null(typeof(OpenAI2026Prices.Chat.Gpt4o).GetMethod("Cost", new[] { typeof(Usage) }));
        Assert.NotNull(typeof(AcmeDimensionPrices.Chat.AcmeOmni).GetMethod("Cost", new[] { typeof(Usage) }));

        // (10,000 × $2 + 5,000 × $8 + 5,000 × $10) per 1M, half off in batch, and the request fee in full.
        Assert.Equal(0.056m, AcmeDimensionPrices.Chat.AcmeOmni.Cost(10_000, 10_000, reasoningTokens: 5_000, batch: true));
    }

    [Fact]
    public void A_breakdown_reads_as_a_bill()
    {
        var text = AnthropicPrices.Chat.ClaudeSonnet45.Model.Breakdown(AnthropicCall).ToString();

        Assert.Contains("cache-write-1h: 500 × $6 / 1M tokens = $0.003", text);
        Assert.EndsWith("total: $0.020625", text);
    }

    [Fact]
    public void Usage_is_a_value()
    {
        Assert.Equal(AnthropicCall, new Usage { InputTokens = 8_000, OutputTokens = 500, CachedInputTokens = 5_000, CacheWriteTokens = 1_500, CacheWrite1hTokens = 500 });
        Assert.NotEqual(AnthropicCall, new Usage(inputTokens: 8_000, outputTokens: 500, cachedInputTokens: 5_000, cacheWriteTokens: 2_000));
        Assert.Equal("input 8000, output 500, cached-input 5000, cache-write 1500, cache-write-1h 500", AnthropicCall.ToString());
    }

    private static Usage WithTier(Usage usage, ServiceTier tier) => new()
    {
        InputTokens = usage.InputTokens, OutputTokens = usage.OutputTokens, CachedInputTokens = usage.CachedInputTokens, CacheWriteTokens = usage.CacheWriteTokens,
        CacheWrite1hTokens = usage.CacheWrite1hTokens, ReasoningTokens = usage.ReasoningTokens, AudioInputTokens = usage.AudioInputTokens,
        CachedAudioInputTokens = usage.CachedAudioInputTokens, AudioOutputTokens = usage.AudioOutputTokens, ImageInputTokens = usage.ImageInputTokens,
        ImageOutputTokens = usage.ImageOutputTokens, VideoInputSeconds = usage.VideoInputSeconds, WebSearchCalls = usage.WebSearchCalls,
        WebSearchContext = usage.WebSearchContext, CodeInterpreterSessions = usage.CodeInterpreterSessions, ServiceTier = tier,
    };

    private static string[] CostParameters(Type modelClass) =>
        modelClass.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == "Cost" && m.GetParameters().FirstOrDefault()?.ParameterType == typeof(long))
            .Single()
            .GetParameters().Select(p => p.Name!).ToArray();
}
