using System;
using System.Globalization;
using System.Text;

namespace PriceGen;

/// <summary>
/// The state of a <see cref="MonthlySpendingLimit"/> for one month, saved as a small JSON document so that a restart
/// loses no spending:
/// <code>
/// {
///   "format": "pricegen-spending/1",
///   "month": "2024-05",
///   "currency": "USD",
///   "spent": "12.345",
///   "softLimitReported": false
/// }
/// </code>
/// The amount is a JSON string of invariant digits, so that readers which turn JSON numbers into binary floating
/// point cannot round it. The document is written and read without a JSON library; any culture reads it the same.
/// </summary>
public sealed class SpendingSnapshot
{
    /// <summary>The value of the document's <c>format</c> field.</summary>
    public const string Format = "pricegen-spending/1";

    /// <summary>Creates a snapshot.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="spent"/> is negative.</exception>
    public SpendingSnapshot(CalendarMonth month, decimal spent, string currency, bool softLimitReported)
    {
        if (spent < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(spent), spent, "Spending cannot be negative.");
        }

        Month = month;
        Spent = spent;
        Currency = currency ?? throw new ArgumentNullException(nameof(currency));
        SoftLimitReported = softLimitReported;
    }

    /// <summary>The month the spending belongs to.</summary>
    public CalendarMonth Month { get; }

    /// <summary>What the month had spent.</summary>
    public decimal Spent { get; }

    /// <summary>ISO 4217 code of <see cref="Spent"/>.</summary>
    public string Currency { get; }

    /// <summary>Whether the month's soft-limit notification was already raised, so a restart does not raise it again.</summary>
    public bool SoftLimitReported { get; }

    /// <summary>The snapshot as the JSON document above, with <c>\n</c> line ends.</summary>
    public string ToJson()
    {
        var json = new StringBuilder();
        json.Append("{\n");
        json.Append("  \"format\": ").Append(FlatJson.Quote(Format)).Append(",\n");
        json.Append("  \"month\": ").Append(FlatJson.Quote(Month.ToString())).Append(",\n");
        json.Append("  \"currency\": ").Append(FlatJson.Quote(Currency)).Append(",\n");
        json.Append("  \"spent\": ").Append(FlatJson.Quote(Spent.ToString(CultureInfo.InvariantCulture))).Append(",\n");
        json.Append("  \"softLimitReported\": ").Append(SoftLimitReported ? "true" : "false").Append('\n');
        json.Append('}');
        return json.ToString();
    }

    /// <summary>Reads a document written by <see cref="ToJson"/> (any whitespace and field order; unknown fields are ignored).</summary>
    /// <exception cref="FormatException">The text is not such a document, or names another format.</exception>
    public static SpendingSnapshot FromJson(string json)
    {
        var fields = FlatJson.ParseObject(json ?? throw new ArgumentNullException(nameof(json)));
        var format = fields.RequiredString("format");
        if (format != Format)
        {
            throw new FormatException("The spending snapshot has format '" + format + "'; this version reads '" + Format + "'.");
        }

        var spentText = fields.RequiredString("spent");
        if (!decimal.TryParse(spentText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var spent))
        {
            throw new FormatException("The spending snapshot's 'spent' is '" + spentText + "', not an amount such as \"12.345\".");
        }

        return new SpendingSnapshot(
            CalendarMonth.Parse(fields.RequiredString("month")),
            spent,
            fields.RequiredString("currency"),
            fields.RequiredBoolean("softLimitReported"));
    }
}
