using System.Globalization;
using System.Text;
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
        var result = new StringBuilder(name.Length);
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

            AppendWord(result, name, start, index);
        }

        if (result.Length > 0 && char.IsDigit(result[0]))
        {
            result.Insert(0, '_');
        }

        return result.ToString();
    }

    /// <summary>Whether <paramref name="name"/> can be used as a C# type or member name as written.</summary>
    public static bool IsValidIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    private static void AppendWord(StringBuilder result, string name, int start, int end)
    {
        bool hasUpper = false, hasLower = false;
        for (var i = start; i < end; i++)
        {
            hasUpper |= char.IsUpper(name[i]);
            hasLower |= char.IsLower(name[i]);
        }

        var mixedCase = hasUpper && hasLower;
        result.Append(char.ToUpperInvariant(name[start]));
        for (var i = start + 1; i < end; i++)
        {
            result.Append(mixedCase ? name[i] : char.ToLowerInvariant(name[i]));
        }
    }

    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
