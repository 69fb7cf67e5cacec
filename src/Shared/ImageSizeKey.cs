// Shared by the catalog parser, the runtime ImageRate and the importer, so an image size is spelled one way:
// WIDTHxHEIGHT with an optional lower-case quality tier first, "1024x1024" or "hd/1024x1792".
using System.Globalization;

namespace PriceGen;

internal static class ImageSizeKey
{
    /// <summary>The longest quality tier a key may name (<c>hd</c>, <c>standard</c>, …).</summary>
    public const int MaxQualityLength = 32;

    public static string Format(int width, int height, string? quality) =>
        (quality is null ? string.Empty : quality + "/") +
        width.ToString(CultureInfo.InvariantCulture) + "x" + height.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a key that <see cref="Format"/> would write; positive sizes without signs, spaces or leading zeros.</summary>
    public static bool TryParse(string key, out string? quality, out int width, out int height)
    {
        width = height = 0;
        quality = null;
        var slash = key.IndexOf('/');
        if (slash >= 0)
        {
            quality = key.Substring(0, slash);
            key = key.Substring(slash + 1);
            if (quality.Length is 0 or > MaxQualityLength || !IsLowerAscii(quality))
            {
                return false;
            }
        }

        var x = key.IndexOf('x');
        return x > 0 &&
            IsPositiveNumber(key.Substring(0, x)) && IsPositiveNumber(key.Substring(x + 1)) &&
            int.TryParse(key.Substring(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out width) &&
            int.TryParse(key.Substring(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out height);
    }

    private static bool IsLowerAscii(string text)
    {
        foreach (var c in text)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPositiveNumber(string text)
    {
        if (text.Length is 0 or > 6 || text[0] == '0')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
