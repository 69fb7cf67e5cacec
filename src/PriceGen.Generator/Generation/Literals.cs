using System.Globalization;
using System.Text;

namespace PriceGen.Generation;

/// <summary>Every figure and string the emitter writes goes through here, culture-invariantly.</summary>
internal static class Literals
{
    /// <summary>A C# string literal, escaped.</summary>
    public static string String(string value)
    {
        if (!NeedsEscape(value))
        {
            return "\"" + value + "\"";
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// <see cref="String"/> for an interpolated line of <see cref="SourceWriter"/>: the literal is written into its
    /// buffer, not made as a string first (an id is quoted for every model).
    /// </summary>
    public static QuotedText Quoted(string value) => new(value);

    /// <summary><see cref="Decimal"/> for an interpolated line of <see cref="SourceWriter"/>, written into its buffer.</summary>
    public static DecimalText DecimalOf(string invariantText) => new(invariantText);

    /// <summary>A nullable string literal.</summary>
    public static string NullableString(string? value) => value is null ? "null" : String(value);

    /// <summary>A decimal literal with the scale the catalog wrote ("0.0200" → <c>0.0200m</c>).</summary>
    public static string Decimal(string invariantText) => invariantText + DecimalSuffix;

    /// <summary>The suffix of a decimal literal, also for <see cref="DecimalOf"/>.</summary>
    internal const char DecimalSuffix = 'm';

    /// <summary>An integer literal.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text for an XML doc comment: escaped, and on one line.</summary>
    public static string Xml(string value)
    {
        if (IsPlainXml(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r' or '\n' or '\u0085' or '\u2028' or '\u2029': builder.Append(' '); break;
                default:
                    if (!char.IsControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether <see cref="String"/> must escape a character of <paramref name="value"/>: most ids need nothing.</summary>
    internal static bool NeedsEscape(string value)
    {
        foreach (var c in value)
        {
            if (c is '"' or '\\' or '\u0085' or '\u2028' or '\u2029' || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <see cref="Xml"/> would return <paramref name="value"/> unchanged.</summary>
    private static bool IsPlainXml(string value)
    {
        foreach (var c in value)
        {
            if (c is '&' or '<' or '>' or '\u0085' or '\u2028' or '\u2029' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A string to write as a C# string literal: <see cref="Quoted"/>.</summary>
    internal readonly struct QuotedText
    {
        public QuotedText(string value) => Value = value;

        public string Value { get; }
    }

    /// <summary>A catalog decimal to write as a C# decimal literal: <see cref="DecimalOf"/>.</summary>
    internal readonly struct DecimalText
    {
        public DecimalText(string invariantText) => InvariantText = invariantText;

        public string InvariantText { get; }
    }
}
