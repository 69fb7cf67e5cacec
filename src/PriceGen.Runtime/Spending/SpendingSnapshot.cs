using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

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
/// point cannot round it. The document is written and read with System.Text.Json; any culture reads it the same.
/// </summary>
public sealed class SpendingSnapshot
{
    /// <summary>The value of the document's <c>format</c> field.</summary>
    public const string Format = "pricegen-spending/1";

    // Two-space indent and \n line ends on every platform; quotes and backslashes escaped as \" and \\ (the default
    // encoder's \u0022 would change the documented text), non-ASCII currency text kept as it is.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

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
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteString("month", Month.ToString());
            writer.WriteString("currency", Currency);
            writer.WriteString("spent", Spent.ToString(CultureInfo.InvariantCulture));
            writer.WriteBoolean("softLimitReported", SoftLimitReported);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a document written by <see cref="ToJson"/> (any whitespace and field order; unknown fields are ignored).</summary>
    /// <exception cref="FormatException">The text is not such a document, or names another format.</exception>
    public static SpendingSnapshot FromJson(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException error)
        {
            throw new FormatException("The spending snapshot is not one JSON object: " + error.Message, error);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The spending snapshot is a JSON " + root.ValueKind.ToString().ToLowerInvariant() + ", not an object.");
            }

            var format = RequiredString(root, "format");
            if (format != Format)
            {
                throw new FormatException("The spending snapshot has format '" + format + "'; this version reads '" + Format + "'.");
            }

            var spentText = RequiredString(root, "spent");
            if (!decimal.TryParse(spentText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var spent))
            {
                throw new FormatException("The spending snapshot's 'spent' is '" + spentText + "', not an amount such as \"12.345\".");
            }

            return new SpendingSnapshot(
                CalendarMonth.Parse(RequiredString(root, "month")),
                spent,
                RequiredString(root, "currency"),
                RequiredBoolean(root, "softLimitReported"));
        }
    }

    private static JsonElement Required(JsonElement root, string name, JsonValueKind kind, string expected)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            throw new FormatException("The JSON document has no '" + name + "' field.");
        }

        if (value.ValueKind != kind && !(kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False))
        {
            throw new FormatException("The JSON field '" + name + "' must be " + expected + ".");
        }

        return value;
    }

    private static string RequiredString(JsonElement root, string name) => Required(root, name, JsonValueKind.String, "a string").GetString()!;

    private static bool RequiredBoolean(JsonElement root, string name) => Required(root, name, JsonValueKind.True, "true or false").GetBoolean();
}
