using System;

namespace PriceGen;

/// <summary>
/// Rough token counts without a tokenizer, from OpenAI's rules of thumb for English text: "1,000 tokens is about 750
/// words" (a word is about 4/3 tokens) and a token is about four characters. These are estimates for budgets and
/// guards; the count a provider bills comes from the model's own tokenizer (the <c>PriceGen.Tokenizers</c> package).
/// Both round up, so a budget built on them errs on the high side.
/// </summary>
public static class TokenEstimate
{
    /// <summary>
    /// Estimated tokens of <paramref name="text"/> from its words: words × 4 / 3, rounded up. A word is a run of
    /// characters between whitespace.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static long FromWords(string text) => CeilingDivide(CountWords(text) * 4L, 3L);

    /// <summary>
    /// Estimated tokens of <paramref name="text"/> from its length: characters / 4, rounded up. Characters are Unicode
    /// code points, so an emoji written as a surrogate pair counts once.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static long FromCharacters(string text) => CeilingDivide(CountCodePoints(text), 4L);

    private static long CountWords(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        long words = 0;
        var inWord = false;
        foreach (var character in text)
        {
            var isSpace = char.IsWhiteSpace(character);
            if (!isSpace && !inWord)
            {
                words++;
            }

            inWord = !isSpace;
        }

        return words;
    }

    private static long CountCodePoints(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        long codePoints = text.Length;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (char.IsSurrogatePair(text[i], text[i + 1]))
            {
                codePoints--;
                i++;
            }
        }

        return codePoints;
    }

    private static long CeilingDivide(long dividend, long divisor) => (dividend + divisor - 1) / divisor;
}
