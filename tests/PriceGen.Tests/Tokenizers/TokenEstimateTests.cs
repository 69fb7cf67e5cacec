using System;
using System.Linq;
using Xunit;

namespace PriceGen.Tests.Tokenizers;

public class TokenEstimateTests
{
    [Fact]
    public void Seven_hundred_fifty_words_are_about_a_thousand_tokens()
    {
        // The seed price page: "1,000 tokens is about 750 words".
        var text = string.Join(" ", Enumerable.Repeat("word", 750));

        Assert.Equal(1000, TokenEstimate.FromWords(text));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n\t ", 0)]
    [InlineData("one", 2)]               // 4/3, rounded up
    [InlineData("one two three", 4)]     // exactly 4
    [InlineData(" one  two\nthree\tfour ", 6)] // 16/3, rounded up; any whitespace separates words
    public void Words_times_four_thirds_rounded_up(string text, long expected)
    {
        Assert.Equal(expected, TokenEstimate.FromWords(text));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("abcd", 1)]
    [InlineData("abcde", 2)]
    [InlineData("Hello, world!", 4)]         // 13 characters
    [InlineData("\U0001F600\U0001F600\U0001F600\U0001F600", 1)] // four emoji, eight UTF-16 units, four characters
    public void Characters_divided_by_four_rounded_up(string text, long expected)
    {
        Assert.Equal(expected, TokenEstimate.FromCharacters(text));
    }

    [Fact]
    public void Null_text_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => TokenEstimate.FromWords(null!));
        Assert.Throws<ArgumentNullException>(() => TokenEstimate.FromCharacters(null!));
    }
}
