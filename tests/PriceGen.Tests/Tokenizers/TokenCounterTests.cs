using System;
using PriceGen.Tests.Generated;
using PriceGen.Tokenizers;
using Xunit;

namespace PriceGen.Tests.Tokenizers;

public class TokenCounterTests
{
    // Expected counts are the ones printed in OpenAI's cookbook notebook "How to count tokens with tiktoken"
    // (examples/How_to_count_tokens_with_tiktoken.ipynb): its encode("tiktoken is great!") example and its
    // compare_encodings(...) table for three strings, which lists the tokens of each string per encoding.
    [Theory]
    [InlineData("cl100k_base", "tiktoken is great!", 6)]
    [InlineData("o200k_base", "tiktoken is great!", 6)]
    [InlineData("r50k_base", "antidisestablishmentarianism", 5)]
    [InlineData("cl100k_base", "antidisestablishmentarianism", 6)]
    [InlineData("o200k_base", "antidisestablishmentarianism", 6)]
    [InlineData("r50k_base", "2 + 2 = 4", 5)]
    [InlineData("cl100k_base", "2 + 2 = 4", 7)]
    [InlineData("o200k_base", "2 + 2 = 4", 7)]
    [InlineData("r50k_base", "お誕生日おめでとう", 14)]
    [InlineData("cl100k_base", "お誕生日おめでとう", 9)]
    [InlineData("o200k_base", "お誕生日おめでとう", 8)]
    [InlineData("cl100k_base", "", 0)]
    public void Counts_match_the_openai_cookbook(string encoding, string text, long expected)
    {
        var counter = TokenCounter.For("any-model", encoding);

        Assert.Equal(encoding, counter.Encoding);
        Assert.Equal(expected, counter.Count(text));
    }

    [Theory]
    [InlineData("gpt-3.5-turbo", "cl100k_base")]
    [InlineData("text-embedding-ada-002", "cl100k_base")]
    [InlineData("text-ada-001", "r50k_base")]
    [InlineData("text-babbage-001", "r50k_base")]
    [InlineData("text-curie-001", "r50k_base")]
    [InlineData("ada", "r50k_base")]
    [InlineData("babbage", "r50k_base")]
    [InlineData("curie", "r50k_base")]
    [InlineData("davinci", "r50k_base")]
    public void Seed_catalog_models_use_their_documented_encodings(string id, string encoding)
    {
        var counter = TokenCounter.For(OpenAIPrices.GetModel(id));

        Assert.Equal(encoding, counter.Encoding);
        Assert.Same(OpenAIPrices.GetModel(id), counter.Model);
    }

    [Theory]
    [InlineData("gpt-4o", "o200k_base")]
    [InlineData("gpt-4o-mini", "o200k_base")]
    [InlineData("gpt-4o-2024-08-06", "o200k_base")]
    [InlineData("gpt-4", "cl100k_base")]
    [InlineData("gpt-4-turbo", "cl100k_base")]
    [InlineData("gpt-3.5-turbo-0125", "cl100k_base")]
    [InlineData("text-embedding-3-small", "cl100k_base")]
    [InlineData("text-davinci-001", "r50k_base")]
    [InlineData("ft:gpt-3.5-turbo:acme::abc123", "cl100k_base")]
    [InlineData("ft:davinci-002", null)]
    [InlineData("text-davinci-003", "p50k_base")]
    [InlineData("claude-3-haiku", null)]
    public void Default_encodings_of_well_known_ids(string id, string? encoding)
    {
        Assert.Equal(encoding, TokenEncodings.DefaultFor(id));
    }

    [Fact]
    public void The_catalog_encoding_wins_over_the_default()
    {
        var model = new ModelPrice("gpt-3.5-turbo", "Turbo", ModelKind.Chat, "OpenAI", "USD", null, null,
            new ModelInfo(encoding: "o200k_base"), new TokenRate("usage", 0.002m, 1000, "USD"));

        var counter = TokenCounter.For(model);

        Assert.Equal("o200k_base", counter.Encoding);
        Assert.Equal(8, counter.Count("お誕生日おめでとう"));
    }

    [Fact]
    public void A_catalog_encoding_makes_an_unknown_id_countable()
    {
        var model = new ModelPrice("acme-chat", "Acme", ModelKind.Chat, "Acme", "USD", null, null,
            new ModelInfo(encoding: "CL100K_BASE"), new TokenRate("usage", 1m, 1_000_000, "USD"));

        var counter = TokenCounter.For(model);

        Assert.Equal("cl100k_base", counter.Encoding);
        Assert.Equal(6, counter.Count("tiktoken is great!"));
        Assert.Equal(0.000006m, counter.EstimateCost("tiktoken is great!"));
    }

    [Fact]
    public void Estimates_the_exact_catalog_cost_of_a_prompt()
    {
        var counter = TokenCounter.For(OpenAIPrices.Chat.Gpt35Turbo.Model);

        var cost = counter.EstimateCost("tiktoken is great!", expectedOutputTokens: 100);

        // 6 prompt tokens + 100 output tokens at $0.002 / 1K tokens.
        Assert.Equal(0.000212m, cost);
        Assert.Equal(OpenAIPrices.Chat.Gpt35Turbo.Model.Cost(6, 100), cost);
    }

    [Fact]
    public void An_unknown_encoding_is_not_supported()
    {
        var error = Assert.Throws<NotSupportedException>(() => TokenCounter.For("gpt-3.5-turbo", "p51k_base"));

        Assert.Contains("'p51k_base'", error.Message);
        Assert.False(TokenEncodings.IsAvailable("p51k_base"));
        Assert.True(TokenEncodings.IsAvailable("p50k_base"));
        Assert.Equal(
            "The encoding 'p51k_base' of the model 'gpt-3.5-turbo' is not available: PriceGen.Tokenizers counts with " +
            "o200k_base, cl100k_base, p50k_base, r50k_base. Use TokenEstimate for a rough count instead.",
            error.Message);
        Assert.True(TokenEncodings.IsAvailable("o200k_base"));
    }

    [Fact]
    public void A_model_with_no_known_encoding_is_not_supported()
    {
        var error = Assert.Throws<NotSupportedException>(() => TokenCounter.For(OpenAIPrices.Audio.Whisper.Model));

        Assert.StartsWith("No tokenizer encoding is known for the model 'whisper-1'", error.Message);
    }

    [Fact]
    public void A_counter_made_from_an_id_counts_but_cannot_price()
    {
        var counter = TokenCounter.For("gpt-4o-mini");

        Assert.Equal(6, counter.Count("tiktoken is great!"));
        Assert.Null(counter.Model);
        var error = Assert.Throws<InvalidOperationException>(() => counter.EstimateCost("tiktoken is great!"));
        Assert.Contains("'gpt-4o-mini'", error.Message);
    }

    [Fact]
    public void Counting_is_thread_safe()
    {
        var counter = TokenCounter.For(OpenAIPrices.Chat.Gpt35Turbo.Model);
        var counts = new long[64];

        System.Threading.Tasks.Parallel.For(0, counts.Length, i => counts[i] = counter.Count("antidisestablishmentarianism " + i));

        for (var i = 0; i < counts.Length; i++)
        {
            Assert.Equal(counter.Count("antidisestablishmentarianism " + i), counts[i]);
        }
    }
}
