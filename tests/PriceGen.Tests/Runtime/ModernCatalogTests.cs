using System;
using System.Linq;
using System.Reflection;
using PriceGen.Tests.Generated;
using Xunit;

namespace PriceGen.Tests.Runtime;

/// <summary>catalog/openai-2026-03 and google-2026-03 through the classes this project generates from them.</summary>
public class ModernCatalogTests
{
    [Fact]
    public void Two_catalogs_of_one_provider_live_side_by_side()
    {
        Assert.Equal("OpenAI", OpenAI2026Prices.Provider);
        Assert.Equal("OpenAI", OpenAIPrices.Provider);
        Assert.Equal(0.002m, OpenAIPrices.Chat.Gpt35Turbo.Usage.Price);
        Assert.Equal(0.50m, OpenAI2026Prices.Chat.Gpt35Turbo.Input.Price);
        Assert.Equal(new DateTime(2026, 3, 1), OpenAI2026Prices.Effective);
    }

    [Fact]
    public void Input_output_and_cached_input_are_members_and_priced_exactly()
    {
        Assert.Equal(2.50m, OpenAI2026Prices.Chat.Gpt4o.Input.Price);
        Assert.Equal(10m, OpenAI2026Prices.Chat.Gpt4o.Output.Price);
        Assert.Equal(1.25m, OpenAI2026Prices.Chat.Gpt4o.CachedInput.Price);
        Assert.Equal(0.0000025m, OpenAI2026Prices.Chat.Gpt4o.Input.PricePerToken);
        Assert.Equal(0.030m, OpenAI2026Prices.Chat.Gpt4o.Cost(10_000, 1_000, cachedInputTokens: 4_000));
        Assert.Equal(0.015m, OpenAI2026Prices.Chat.Gpt4o.Cost(10_000, 1_000, cachedInputTokens: 4_000, batch: true));
        Assert.Equal(0.030m, OpenAI2026Prices.GetModel("gpt-4o").Cost(10_000, 1_000, 4_000));
    }

    [Fact]
    public void Explicit_batch_rates_apply()
    {
        Assert.Equal(1m + 4m, OpenAI2026Prices.Chat.Gpt41.Cost(1_000_000, 1_000_000, batch: true));
        Assert.Equal(2m + 8m, OpenAI2026Prices.Chat.Gpt41.Cost(1_000_000, 1_000_000));
        Assert.Throws<InvalidOperationException>(() => OpenAI2026Prices.Chat.Gpt52.Cost(1, 1, batch: true));
    }

    [Theory]
    [InlineData(200_000, "0.27")]  // at the threshold: base rates, 0.25 + 0.02
    [InlineData(200_001, "0.5300025")] // strictly above: everything at the tier, 200,001 × 2.50/1M + 2,000 × 15/1M
    public void A_long_prompt_is_priced_entirely_at_the_tier(long inputTokens, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), GeminiPrices.Chat.Gemini25Pro.Cost(inputTokens, 2_000));
    }

    [Fact]
    public void Units_beyond_tokens()
    {
        Assert.Equal(0.15m, OpenAI2026Prices.Audio.Tts.Input.Cost(10_000));
        Assert.Equal(RateUnit.Character, OpenAI2026Prices.Audio.Tts.Input.Unit);
        Assert.Equal(0.0091m, OpenAI2026Prices.Audio.Whisper.Input.Cost(TimeSpan.FromSeconds(90.5)));
        Assert.Equal(0.24m, OpenAI2026Prices.Image.DallE3.SizeHd1024x1792.Cost(2));
        Assert.Equal("hd", OpenAI2026Prices.Image.DallE3.SizeHd1024x1792.Quality);
        Assert.Equal("hd/1024x1792", OpenAI2026Prices.Image.DallE3.SizeHd1024x1792.Size);
    }

    [Fact]
    public void Details_and_quota()
    {
        var info = OpenAI2026Prices.Chat.Gpt4o.Model.Info;
        Assert.Equal(128_000, info.ContextWindow);
        Assert.Equal(16_384, info.MaxOutputTokens);
        Assert.Equal("o200k_base", info.Encoding);
        Assert.Equal(120m, OpenAI2026Prices.Quota.MonthlyLimit);
        Assert.Equal(100m, OpenAI2026Prices.Quota.SoftLimit);
    }

    [Fact]
    public void Quota_creates_a_spending_limit_with_its_amounts()
    {
        var limit = OpenAI2026Prices.Quota.CreateLimit();

        Assert.Equal(120m, limit.HardLimit);
        Assert.Equal(100m, limit.SoftLimit);
        Assert.Equal("USD", limit.Currency);
        Assert.True(limit.TryCharge(119.99m));
        Assert.False(limit.TryCharge(0.02m));
    }

    [Fact]
    public void GetModel_names_the_closest_id_even_when_it_is_no_typo()
    {
        var error = Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => GeminiPrices.GetModel("claude-3-opus"));

        Assert.StartsWith("'claude-3-opus' is not a model in the Google price catalog; the closest known id is '", error.Message);
    }

    [Fact]
    public void Retired_models_are_obsolete_with_dates_and_replacement()
    {
        var type = typeof(OpenAI2026Prices.Chat).GetNestedType("Gpt4TurboPreview")!;
        var obsolete = type.GetCustomAttribute<ObsoleteAttribute>();

        Assert.NotNull(obsolete);
        Assert.Equal("OpenAI gpt-4-1106-preview is deprecated as of 2026-03-26; use gpt-4.1 (OpenAI2026Prices.Chat.Gpt41).", obsolete!.Message);
        Assert.Null(typeof(OpenAI2026Prices.Chat.Gpt41).GetCustomAttribute<ObsoleteAttribute>());
        Assert.True(OpenAI2026Prices.TryGetModel("gpt-4-1106-preview", out var retired));
        Assert.Equal(new DateTime(2026, 3, 26), retired!.Info.Deprecated);
        Assert.Equal("gpt-4.1", retired.Info.Replacement);
        Assert.True(retired.Info.IsRetired);
    }
}
