using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace PriceGen.Catalog;

/// <summary>
/// The naming rules of the format: the words of a name (maximal runs of letters and digits) joined, each with a
/// capital first letter; a word in one case is lower-cased after its first letter, a mixed-case word is kept
/// ("gpt-3.5-turbo" → Gpt35Turbo, "DALL·E" → DallE, "OpenAI" → OpenAI). All casing is invariant, so the result
/// is the same in every culture (no Turkish dotless i).
/// </summary>
internal static class MemberNames
{
    /// <summary>The identifier for a name, or an empty string when the name has no letters or digits.</summary>
    public static string FromWords(string name)
    {
        // Built in a buffer of this thread (a name per model, by the thousand), one character per letter or digit of the
        // name, after a place kept for the '_' that a name starting with a digit gets.
        var buffer = name.Length < WordBufferLength ? (t_words ??= new char[WordBufferLength]) : new char[name.Length + 1];
        var length = 1;
        var index = 0;
        while (index < name.Length)
        {
            if (!char.IsLetterOrDigit(name[index]))
            {
                index++;
                continue;
            }

            var start = index;
            while (index < name.Length && char.IsLetterOrDigit(name[index]))
            {
                index++;
            }

            length = AppendWord(buffer, length, name, start, index);
        }

        if (length == 1)
        {
            return string.Empty;
        }

        if (char.IsDigit(buffer[1]))
        {
            buffer[0] = '_';
            return new string(buffer, 0, length);
        }

        return new string(buffer, 1, length - 1);
    }

    private const int WordBufferLength = 256;

    [System.ThreadStatic]
    private static char[]? t_words;

    /// <summary>Whether <paramref name="name"/> can be used as a C# type or member name as written.</summary>
    public static bool IsValidIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>Writes the word <paramref name="start"/>..<paramref name="end"/> of <paramref name="name"/> at <paramref name="length"/>; returns the new length.</summary>
    private static int AppendWord(char[] buffer, int length, string name, int start, int end)
    {
        bool hasUpper = false, hasLower = false;
        for (var i = start; i < end; i++)
        {
            hasUpper |= char.IsUpper(name[i]);
            hasLower |= char.IsLower(name[i]);
        }

        var mixedCase = hasUpper && hasLower;
        buffer[length++] = char.ToUpperInvariant(name[start]);
        for (var i = start + 1; i < end; i++)
        {
            buffer[length++] = mixedCase ? name[i] : char.ToLowerInvariant(name[i]);
        }

        return length;
    }

    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
