using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.ML.Tokenizers;
using PriceGen.Tokenizers;
using PriceGen.Tokenizers.Bpe;
using Xunit;

namespace PriceGen.Tests.Tokenizers;

/// <summary>
/// PriceGen's merge against two references: its own textbook scan merge (on pieces of any length) and
/// Microsoft.ML.Tokenizers' whole tokenizer (on texts small enough for its quadratic merge), plus tiktoken's own test
/// vectors (tiktoken/tests/test_encoding.py).
/// </summary>
public class BoundedMergeTests
{
    public static readonly TheoryData<string> MlEncodings = new() { "r50k_base", "cl100k_base", "o200k_base" };

    // tiktoken's test_catastrophically_repetitive units.
    private static readonly string[] RepetitiveUnits = { "^", "0", "a", "'s", " ", "\n" };

    [Theory]
    [InlineData("r50k_base", "hello world", new[] { 31373, 995 })]
    [InlineData("p50k_base", "hello world", new[] { 31373, 995 })]
    [InlineData("cl100k_base", "hello world", new[] { 15339, 1917 })]
    [InlineData("cl100k_base", " \u00850", new[] { 220, 126, 227, 15 })]
    [InlineData("cl100k_base", "\U0001F44D", new[] { 9468, 239, 235 })]
    [InlineData("cl100k_base", "rer", new[] { 38149 })]
    [InlineData("cl100k_base", "'rer", new[] { 2351, 81 })]
    [InlineData("cl100k_base", "today\n ", new[] { 31213, 198, 220 })]
    [InlineData("cl100k_base", "today\n \n", new[] { 31213, 27907 })]
    [InlineData("cl100k_base", "today\n  \n", new[] { 31213, 14211 })]
    [InlineData("r50k_base", "0", new[] { 15 })]
    [InlineData("r50k_base", "00000000", new[] { 8269 })]
    [InlineData("r50k_base", "000000000", new[] { 10535, 830 })]
    [InlineData("r50k_base", "000000000000000", new[] { 8269, 24598 })]
    [InlineData("r50k_base", "0000000000000000", new[] { 25645 })]
    [InlineData("r50k_base", "00000000000000000", new[] { 8269, 10535, 830 })]
    [InlineData("r50k_base", "", new int[0])]
    public void Tiktoken_test_vectors(string encoding, string text, int[] expected)
    {
        var counter = TokenCounter.For("any-model", encoding);

        Assert.Equal(expected, counter.Encode(text));
        Assert.Equal(expected.Length, counter.Count(text));
    }

    [Fact]
    public void A_lone_surrogate_counts_as_the_replacement_character_as_in_tiktoken()
    {
        var counter = TokenCounter.For("any-model", "cl100k_base");

        Assert.Equal(counter.Encode("\uFFFD"), counter.Encode("\uD83D"));
    }

    [Theory]
    [MemberData(nameof(MlEncodings))]
    public void Tokens_equal_microsoft_ml_tokenizers_on_varied_text(string encoding)
    {
        var reference = TiktokenTokenizer.CreateForEncoding(encoding);
        var counter = TokenCounter.For("any-model", encoding);

        foreach (var text in VariedTexts())
        {
            Assert.Equal(reference.EncodeToIds(text), counter.Encode(text));
            Assert.Equal(reference.CountTokens(text), counter.Count(text));
        }
    }

    [Theory]
    [MemberData(nameof(MlEncodings))]
    public void Long_runs_equal_microsoft_ml_tokenizers(string encoding)
    {
        var reference = TiktokenTokenizer.CreateForEncoding(encoding);
        var counter = TokenCounter.For("any-model", encoding);

        // Past the 100-byte bound, so the heap merge does the work, and small enough for the quadratic reference.
        foreach (var unit in RepetitiveUnits.Concat(new[] { "x", "ab", "é", "日本", "\U0001F600" }))
        {
            foreach (var text in Wrapped(Repeat(unit, 1_500)))
            {
                Assert.Equal(reference.EncodeToIds(text), counter.Encode(text));
            }
        }
    }

    [Theory]
    [InlineData("r50k_base")]
    [InlineData("p50k_base")]
    [InlineData("cl100k_base")]
    [InlineData("o200k_base")]
    public void Catastrophically_repetitive_text_round_trips_and_equals_the_scan_merge(string encoding)
    {
        var vocabulary = EncodingData.Load(encoding);
        var ranks = new PairRanks(new TokenRanks(vocabulary));
        var counter = TokenCounter.For("any-model", encoding);

        foreach (var unit in RepetitiveUnits)
        {
            foreach (var text in Wrapped(Repeat(unit, 10_000)))
            {
                var tokens = counter.Encode(text);

                // tiktoken's test: decoding the tokens gives the text back.
                Assert.Equal(text, Encoding.UTF8.GetString(tokens.SelectMany(token => vocabulary[token]!).ToArray()));
                Assert.Equal(tokens.Count, counter.Count(text));
            }

            // A long piece of the run, merged by both algorithms (the scan merge is quadratic: 3,000 repeats).
            var piece = Encoding.UTF8.GetBytes(Repeat(unit, 3_000));
            Assert.Equal(Merged(piece, ranks, byHeap: false), Merged(piece, ranks, byHeap: true));
        }
    }

    [Theory]
    [InlineData("r50k_base")]
    [InlineData("o200k_base")]
    public void The_heap_merge_equals_the_scan_merge_on_random_pieces(string encoding)
    {
        var ranks = new PairRanks(new TokenRanks(EncodingData.Load(encoding)));
        var random = new Random(15);
        var alphabets = new[] { "ab", "abc ", "0123456789", "xyz'", "aeiou rstln", "日本語" };

        for (var round = 0; round < 300; round++)
        {
            var alphabet = alphabets[round % alphabets.Length];
            var length = random.Next(1, round < 200 ? 120 : 1_000);
            var text = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var piece = Encoding.UTF8.GetBytes(text);
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);

            Assert.Equal(Merged(piece, ranks, byHeap: false), Merged(piece, ranks, byHeap: true));
            Assert.Equal(Merged(bytes, ranks, byHeap: false), Merged(bytes, ranks, byHeap: true));
        }
    }

    [Fact]
    public void Special_tokens_count_as_one_as_microsoft_ml_tokenizers_counts_them()
    {
        var reference = TiktokenTokenizer.CreateForEncoding("cl100k_base");
        var counter = TokenCounter.For("gpt-4");
        const string Text = "hello <|endoftext|> world<|fim_prefix|>x<|endofprompt|>";

        Assert.Equal(reference.EncodeToIds(Text), counter.Encode(Text));
        Assert.Contains(100257, counter.Encode(Text));
    }

    private static List<int> Merged(byte[] piece, PairRanks ranks, bool byHeap)
    {
        var tokens = new List<int>();
        var count = byHeap
            ? BytePairMerge.MergeByHeap(piece, ranks, tokens, default)
            : BytePairMerge.MergeByScan(piece, ranks, tokens);
        Assert.Equal(tokens.Count, count);
        return tokens;
    }

    private static string Repeat(string unit, int times) => string.Concat(Enumerable.Repeat(unit, times));

    // tiktoken's variants of a repetitive text: as is, with a leading space, and also with a trailing newline.
    private static IEnumerable<string> Wrapped(string text)
    {
        yield return text;
        yield return " " + text;
        yield return " " + text + "\n";
    }

    private static IEnumerable<string> VariedTexts()
    {
        yield return "The quick brown fox jumps over the lazy dog. It's 12:45 — they'll've said \"hi\"!";
        yield return "public static long Count(string text) { return text.Length * 3 / 4; } // O(n)";
        yield return "   leading and trailing spaces   \n\n\t\ttabs\r\nCRLF  \u00A0nbsp\u2003em-space ";
        yield return "請考試我的軟件！12345 お誕生日おめでとう Ünïcödé naïve café Привет мир";
        yield return "emoji 👍🏽 family 👨‍👩‍👧 flags 🇫🇷🇯🇵 math 𝐀𝐁𝐂 12345678901234567890";
        yield return "URLs https://example.com/a/very/long/path?with=query&and=fragments#x and e-mail a.b@c.de";
        yield return "ALLCAPSWORDS CamelCaseIdentifiersLikeThisOne snake_case_too kebab-case-also";
        yield return "'s 't 're 've 'm 'll 'd 'S 'T 'RE 'VE 'M 'LL 'D don't WON'T";
        yield return "{\"json\": [1, 2.5, -3e10, true, null], \"nested\": {\"k\": \"v\"}}";

        var random = new Random(1515);
        const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \n\t.,;:!?'\"-()[]{}<>|/\\@#$%^&*_=+~`éüßñ日本語한국어😀👍";
        var chars = Alphabet.EnumerateRunes().Select(rune => rune.ToString()).ToArray();
        for (var i = 0; i < 40; i++)
        {
            var length = random.Next(1, 600);
            yield return string.Concat(Enumerable.Range(0, length).Select(_ => chars[random.Next(chars.Length)]));
        }
    }
}
