using System;
using System.IO;
using System.Linq;
using PriceGen.Tests.Generated;
using PriceGen.Tokenizers;
using PriceGen.Tokenizers.Bpe;
using Xunit;

namespace PriceGen.Tests.Tokenizers;

public class P50kBaseTests
{
    [Fact]
    public void The_derived_p50k_base_is_openais_p50k_base_rank_by_rank()
    {
        // OpenAI's p50k_base.tiktoken ("base64 rank" a line), as the SharpToken package embeds it.
        using var stream = typeof(SharpToken.GptEncoding).Assembly.GetManifestResourceStream("SharpToken.data.p50k_base.tiktoken")!;
        using var reader = new StreamReader(stream);
        var official = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.TrimEnd('\r').Split(' '))
            .ToDictionary(fields => int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), fields => Convert.FromBase64String(fields[0]));

        var derived = EncodingData.Load(TokenEncodings.P50kBase);

        Assert.Equal(50_280, official.Count);
        Assert.Equal(50_281, derived.Length);
        Assert.Null(derived[EncodingData.P50kEndOfText]); // <|endoftext|>, a special token, not a mergeable one
        Assert.False(official.ContainsKey(EncodingData.P50kEndOfText));
        for (var rank = 0; rank < derived.Length; rank++)
        {
            if (rank != EncodingData.P50kEndOfText)
            {
                Assert.Equal(official[rank], derived[rank]);
            }
        }
    }

    [Fact]
    public void Runs_of_spaces_are_single_tokens_in_p50k_base_but_not_in_r50k_base()
    {
        var p50k = TokenCounter.For("text-davinci-003");
        var r50k = TokenCounter.For("davinci");
        var code = "def f():\n" + new string(' ', 8) + "return 1";

        Assert.Equal(new[] { 50257 + 6 }, p50k.Encode(new string(' ', 8)));
        Assert.True(p50k.Count(code) < r50k.Count(code));
        Assert.Equal(r50k.Encode("hello world, 2 + 2 = 4"), p50k.Encode("hello world, 2 + 2 = 4"));
    }

    [Fact]
    public void Counts_equal_sharptokens_p50k_base()
    {
        var reference = SharpToken.GptEncoding.GetEncoding("p50k_base");
        var counter = TokenCounter.For("code-davinci-002");
        var texts = new[]
        {
            "hello world",
            "    for (var i = 0; i < n; i++)\n        {\n            total += i;\n        }\n",
            "\t\t  mixed \t whitespace   runs                              of forty spaces",
            "お誕生日おめでとう 2 + 2 = 4 antidisestablishmentarianism",
            new string(' ', 120) + "x" + new string(' ', 300),
        };

        foreach (var text in texts)
        {
            Assert.Equal(reference.Encode(text), counter.Encode(text));
        }
    }

    [Theory]
    [InlineData("text-davinci-002")]
    [InlineData("text-davinci-003")]
    [InlineData("code-davinci-002")]
    [InlineData("code-cushman-001")]
    public void Davinci_and_codex_ids_count_with_p50k_base(string id)
    {
        var counter = TokenCounter.For(id);

        Assert.Equal("p50k_base", counter.Encoding);
        Assert.Equal(new[] { 31373, 995 }, counter.Encode("hello world"));
    }

    [Fact]
    public void The_seeds_davinci_is_counted_and_priced()
    {
        var counter = TokenCounter.For(OpenAIPrices.Instruct.Davinci.Model);

        Assert.Equal("text-davinci-003", counter.ModelId);
        Assert.Equal("p50k_base", counter.Encoding);
        Assert.Equal(5, counter.Count("antidisestablishmentarianism"));
        Assert.Equal(OpenAIPrices.Instruct.Davinci.Model.Cost(5, 100), counter.EstimateCost("antidisestablishmentarianism", 100));
    }
}
