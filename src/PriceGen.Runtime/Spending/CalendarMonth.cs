using System;
using System.Globalization;

namespace PriceGen;

/// <summary>
/// A calendar month in UTC — the period of a <see cref="MonthlySpendingLimit"/>, as providers reset monthly quotas.
/// Written as <c>2024-05</c>.
/// </summary>
public readonly struct CalendarMonth : IEquatable<CalendarMonth>, IComparable<CalendarMonth>
{
    /// <summary>The month <paramref name="month"/> (1–12) of <paramref name="year"/> (1–9998).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year or month is out of range.</exception>
    public CalendarMonth(int year, int month)
    {
        // 9998 at most, so that every month has a next month that DateTimeOffset can represent.
        if (year is < 1 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "A year is between 1 and 9998.");
        }

        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "A month is between 1 and 12.");
        }

        Year = year;
        Month = month;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month of the year, 1 for January.</summary>
    public int Month { get; }

    /// <summary>The first instant of the month, UTC midnight on the 1st.</summary>
    public DateTimeOffset Start => new(Year, Month, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The month after this one.</summary>
    public CalendarMonth Next => Month == 12 ? new CalendarMonth(Year + 1, 1) : new CalendarMonth(Year, Month + 1);

    /// <summary>The UTC calendar month that <paramref name="instant"/> falls in, whatever its offset.</summary>
    public static CalendarMonth Containing(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new CalendarMonth(utc.Year, utc.Month);
    }

    /// <summary>Reads a month written as <c>yyyy-MM</c>, such as <c>2024-05</c>.</summary>
    /// <exception cref="FormatException">The text is not a month in that form.</exception>
    public static CalendarMonth Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (text.Length == 7 && text[4] == '-' &&
            int.TryParse(text.Substring(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) &&
            int.TryParse(text.Substring(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) &&
            year is >= 1 and <= 9998 && month is >= 1 and <= 12)
        {
            return new CalendarMonth(year, month);
        }

        throw new FormatException("'" + text + "' is not a month written as yyyy-MM, such as 2024-05.");
    }

    /// <summary>The month as <c>yyyy-MM</c>, culture-invariantly.</summary>
    public override string ToString() =>
        Year.ToString("0000", CultureInfo.InvariantCulture) + "-" + Month.ToString("00", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public bool Equals(CalendarMonth other) => Year == other.Year && Month == other.Month;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CalendarMonth other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (Year * 12) + Month;

    /// <inheritdoc/>
    public int CompareTo(CalendarMonth other) => GetHashCode().CompareTo(other.GetHashCode());

    /// <summary>Whether two months are the same month.</summary>
    public static bool operator ==(CalendarMonth left, CalendarMonth right) => left.Equals(right);

    /// <summary>Whether two months differ.</summary>
    public static bool operator !=(CalendarMonth left, CalendarMonth right) => !left.Equals(right);
}
