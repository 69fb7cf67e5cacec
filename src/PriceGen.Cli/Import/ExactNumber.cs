using System.Globalization;
using System.Text.Json;

namespace PriceGen.Cli.Import;

/// <summary>JSON numbers as exact decimals, read from their text: "1.5e-06" is 0.0000015, never a double.</summary>
internal static class ExactNumber
{
    public static bool TryRead(JsonElement element, out decimal value)
    {
        value = 0m;
        return element.ValueKind == JsonValueKind.Number &&
            decimal.TryParse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Shortest invariant text of a decimal: 1.5000000 → "1.5", 20.00 → "20".</summary>
    public static string Text(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
