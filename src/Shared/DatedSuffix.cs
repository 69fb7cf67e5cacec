// Shared by the runtime (DatedSnapshot, the lookups) and the analyzers (a dated snapshot id is a known id), so an id
// resolves the same way at compile time and at run time.
namespace PriceGen;

/// <summary>The date suffix of a snapshot id: <c>-YYYY-MM-DD</c>, <c>-YYYYMMDD</c> or <c>-MMDD</c>, a valid calendar date.</summary>
internal static class DatedSuffix
{
    /// <summary>
    /// Whether <paramref name="id"/> ends in a date suffix, and how long the id before it is. The longest form is tried
    /// first, so <c>x-2024-08-06</c> is <c>x</c> dated 2024-08-06. Allocates nothing.
    /// </summary>
    /// <param name="id">The id, such as <c>gpt-4o-2024-08-06</c>.</param>
    /// <param name="baseLength">The length of the base id (<c>gpt-4o</c>: 6); 0 when the result is <see langword="false"/>.</param>
    public static bool TryGetBaseLength(string? id, out int baseLength)
    {
        baseLength = 0;
        if (id is null)
        {
            return false;
        }

        var length = id.Length;

        // -YYYY-MM-DD: 11 characters.
        if (length > 11 && id[length - 11] == '-' && id[length - 6] == '-' && id[length - 3] == '-' &&
            TryDigits(id, length - 10, 4, out var year) && TryDigits(id, length - 5, 2, out var month) && TryDigits(id, length - 2, 2, out var day) &&
            IsDate(year, month, day))
        {
            baseLength = length - 11;
            return true;
        }

        // -YYYYMMDD: 9 characters.
        if (length > 9 && id[length - 9] == '-' &&
            TryDigits(id, length - 8, 4, out year) && TryDigits(id, length - 4, 2, out month) && TryDigits(id, length - 2, 2, out day) &&
            IsDate(year, month, day))
        {
            baseLength = length - 9;
            return true;
        }

        // -MMDD: 5 characters; without a year, February 29 is a date (of some year).
        if (length > 5 && id[length - 5] == '-' &&
            TryDigits(id, length - 4, 2, out month) && TryDigits(id, length - 2, 2, out day) &&
            IsDate(2000, month, day))
        {
            baseLength = length - 5;
            return true;
        }

        return false;
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool IsDate(int year, int month, int day) =>
        year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= DaysIn(year, month);

    private static int DaysIn(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };
}
