using System;
using System.Linq;
using PriceGen.Tests.Generated;
using Xunit;

namespace PriceGen.Tests.Runtime;

/// <summary>
/// Every row of the seed price page (../shared/seed/openai-pricing-2023-03.zh.md), through the classes this test
/// project generates from catalog/openai-2023-03.prices.yaml — the same path a user's project takes.
/// </summary>
public class SeedPriceTests
{
    [Fact]
    public void Issue_examples_hold()
    {
        Assert.Equal(0.003m, OpenAIPrices.Chat.Gpt35Turbo.Usage.Cost(1500));
        Assert.Equal(0.054m, OpenAIPrices.Image.DallE.Size512x512.Cost(3));
        Assert.Equal(0.009m, OpenAIPrices.Audio.Whisper.Usage.Cost(TimeSpan.FromSeconds(90.4)));
        Assert.Equal(0.0091m, OpenAIPrices.Audio.Whisper.Usage.Cost(TimeSpan.FromSeconds(90.5)));
    }

    public static TheoryData<string, string, decimal, long> TokenRows => new()
    {
        // id, role, listed price per 1K tokens, as on the page
        { "gpt-3.5-turbo", "usage", 0.002m, 1000 },
        { "text-ada-001", "usage", 0.0004m, 1000 },
        { "text-babbage-001", "usage", 0.0005m, 1000 },
        { "text-curie-001", "usage", 0.0020m, 1000 },
        { "text-davinci-003", "usage", 0.0200m, 1000 },
        { "ada", "training", 0.0004m, 1000 },
        { "ada", "usage", 0.0016m, 1000 },
        { "babbage", "training", 0.0006m, 1000 },
        { "babbage", "usage", 0.0024m, 1000 },
        { "curie", "training", 0.0030m, 1000 },
        { "curie", "usage", 0.0120m, 1000 },
        { "davinci", "training", 0.0300m, 1000 },
        { "davinci", "usage", 0.1200m, 1000 },
        { "text-embedding-ada-002", "usage", 0.0004m, 1000 },
    };

    [Theory]
    [MemberData(nameof(TokenRows))]
    public void Token_rows_price_exactly(string id, string role, decimal listedPrice, long perTokens)
    {
        var rate = Assert.IsAssignableFrom<TokenRate>(OpenAIPrices.GetModel(id).FindRate(role));

        Assert.Equal(listedPrice, rate.Price);
        Assert.Equal(listedPrice.ToString(System.Globalization.CultureInfo.InvariantCulture), rate.Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(perTokens, rate.Quantity);
        Assert.Equal(listedPrice / 1000m, rate.PricePerToken);
        Assert.Equal(listedPrice, rate.Cost(1000));
        Assert.Equal(listedPrice * 1_234_567m / 1000m, rate.Cost(1_234_567));
        Assert.Equal(0m, rate.Cost(0));
        Assert.Equal($"${listedPrice.ToString(System.Globalization.CultureInfo.InvariantCulture)} / 1K tokens", rate.ToString());
    }

    [Theory]
    [InlineData("1024x1024", 0.020)]
    [InlineData("512x512", 0.018)]
    [InlineData("256x256", 0.016)]
    public void Image_rows_price_per_image(string size, double listed)
    {
        var price = (decimal)listed;
        var rate = OpenAIPrices.Image.DallE.Model.FindImageSize(size)!;

        Assert.Equal(price, rate.Price);
        Assert.Equal(price * 7, rate.Cost(7));
        Assert.Equal(size, rate.Size);
    }

    [Fact]
    public void Image_sizes_are_members()
    {
        Assert.Equal(1024, OpenAIPrices.Image.DallE.Size1024x1024.Width);
        Assert.Equal(0.020m, OpenAIPrices.Image.DallE.Size1024x1024.Cost(1));
        Assert.Equal(0.018m, OpenAIPrices.Image.DallE.Size512x512.Cost(1));
        Assert.Equal(0.016m, OpenAIPrices.Image.DallE.Size256x256.Cost(1));
    }

    [Theory]
    [InlineData(60.0, "0.006")]
    [InlineData(0.4, "0")]
    [InlineData(0.5, "0.0001")]
    [InlineData(1.0, "0.0001")]
    [InlineData(90.4, "0.009")]
    [InlineData(90.5, "0.0091")]
    [InlineData(3600.0, "0.36")]
    public void Whisper_rounds_to_the_nearest_second(double seconds, string expected)
    {
        var cost = OpenAIPrices.Audio.Whisper.Usage.Cost(TimeSpan.FromSeconds(seconds));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cost);
    }

    [Fact]
    public void Fine_tuning_training_multiplies_epochs()
    {
        Assert.Equal(0.0300m * 100 * 4, OpenAIPrices.FineTuning.Davinci.Training.Cost(100_000, epochs: 4));
        Assert.Equal(0.12m, OpenAIPrices.FineTuning.Davinci.Usage.Cost(1000));
    }

    [Fact]
    public void Negative_quantities_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenAIPrices.Chat.Gpt35Turbo.Usage.Cost(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenAIPrices.Image.DallE.Size256x256.Cost(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenAIPrices.Audio.Whisper.Usage.Cost(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenAIPrices.FineTuning.Ada.Training.Cost(10, epochs: -1));
    }

    [Fact]
    public void Catalog_metadata_and_lookup()
    {
        Assert.Equal("OpenAI", OpenAIPrices.Provider);
        Assert.Equal("USD", OpenAIPrices.Currency);
        Assert.Equal(new DateTime(2023, 3, 1), OpenAIPrices.Effective);
        Assert.Equal(
            new[] { "gpt-3.5-turbo", "text-ada-001", "text-babbage-001", "text-curie-001", "text-davinci-003", "ada", "babbage", "curie", "davinci", "text-embedding-ada-002", "dall-e-2", "whisper-1" },
            OpenAIPrices.Models.Select(m => m.Id));
        Assert.True(OpenAIPrices.TryGetModel("whisper-1", out var whisper));
        Assert.Same(OpenAIPrices.Audio.Whisper.Model, whisper);
        Assert.False(OpenAIPrices.TryGetModel("GPT-3.5-TURBO", out _));
        Assert.Equal("Davinci", OpenAIPrices.Instruct.Davinci.Name);
        Assert.Equal("text-davinci-003", OpenAIPrices.Instruct.Davinci.Id);
        Assert.Equal("DALL·E", OpenAIPrices.Image.DallE.Name);
        Assert.Equal(ModelKind.FineTuning, OpenAIPrices.FineTuning.Ada.Model.Kind);
    }

    [Fact]
    public void GetModel_names_the_closest_id()
    {
        var error = Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => OpenAIPrices.GetModel("gpt-3.5-turob"));

        Assert.Equal("'gpt-3.5-turob' is not a model in the OpenAI price catalog; did you mean 'gpt-3.5-turbo'?", error.Message);
    }
}
