namespace PriceGen;

/// <summary>
/// Recognizes the dated snapshot ids providers answer with: a base id, <c>-</c> and a date, written
/// <c>-YYYY-MM-DD</c> (<c>gpt-4o-2024-08-06</c>), <c>-YYYYMMDD</c> (<c>claude-sonnet-4-5-20250929</c>) or <c>-MMDD</c>
/// (<c>gpt-4-0613</c>). Only valid calendar dates count, so <c>gpt-4-1345</c> is not a snapshot of <c>gpt-4</c>.
/// </summary>
public static class DatedSnapshot
{
    /// <summary>
    /// Whether <paramref name="id"/> ends in a date suffix, and how long the id before it is. The longest form is tried
    /// first, so <c>x-2024-08-06</c> is <c>x</c> dated 2024-08-06. Allocates nothing.
    /// </summary>
    /// <param name="id">The id, such as <c>gpt-4o-2024-08-06</c>.</param>
    /// <param name="baseLength">The length of the base id (<c>gpt-4o</c>: 6); 0 when the result is <see langword="false"/>.</param>
    public static bool TryGetBaseLength(string? id, out int baseLength) => DatedSuffix.TryGetBaseLength(id, out baseLength);
}
