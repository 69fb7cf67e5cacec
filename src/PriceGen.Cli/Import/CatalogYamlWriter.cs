using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace PriceGen.Cli.Import;

/// <summary>Writes imported models as a catalog file, sections in format order, models by id.</summary>
internal static class CatalogYamlWriter
{
    private static readonly string[] SectionOrder = { "chat", "instruct", "fine-tuning", "embedding", "image", "audio" };

    private static readonly Regex PlainScalar = new(@"^[A-Za-z0-9][A-Za-z0-9._/+-]*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Text that YAML 1.1 or 1.2 tools read as a boolean, a number or a date when unquoted: <c>yes</c>, <c>Off</c>,
    /// <c>0x10</c>, <c>1e3</c>, <c>1_000</c>, <c>1:30</c>, <c>.inf</c>, <c>2024-06-13</c>. PriceGen reads them as text, but
    /// a catalog is also read by editors and other tools, so the writer quotes them.
    /// </summary>
    private static readonly Regex TypedLooking = new(
        @"^(?:(?i:y|n|yes|no|true|false|on|off)|[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?|0[xX][0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[-+]?\.(?i:inf)|\.(?i:nan)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?)$",
        RegexOptions.CultureInvariant);

    public static string Write(string provider, ImportOptions options, IReadOnlyList<ImportedModel> models)
    {
        var yaml = new StringBuilder();
        yaml.Append("# Imported by `pricegen import litellm` from ").Append(options.Source).Append(".\n");
        yaml.Append("# Prices are exact: each figure is the JSON number's text, scaled to 1M units.\n");
        yaml.Append("pricegen: 1\n");
        yaml.Append("provider: ").Append(Scalar(provider)).Append('\n');
        yaml.Append("currency: USD\n");
        yaml.Append("effective: ").Append(options.Effective).Append('\n');
        yaml.Append("source: ").Append(Scalar(options.Source)).Append('\n');
        foreach (var section in SectionOrder)
        {
            var inSection = models.Where(m => m.Section == section).OrderBy(m => m.Id, System.StringComparer.Ordinal).ToList();
            if (inSection.Count == 0)
            {
                continue;
            }

            yaml.Append('\n').Append(section).Append(":\n");
            foreach (var model in inSection)
            {
                WriteModel(yaml, model);
            }
        }

        return yaml.ToString();
    }

    private static void WriteModel(StringBuilder yaml, ImportedModel model)
    {
        yaml.Append("  ").Append(Scalar(model.Id)).Append(":\n");
        Field(yaml, "member", model.Member);
        if (model.Snapshots.Count > 0)
        {
            yaml.Append("    snapshots: [").Append(string.Join(", ", model.Snapshots.Select(Scalar))).Append("]\n");
        }

        foreach (var rate in model.Rates)
        {
            Field(yaml, rate.Key, rate.Value);
        }

        if (model.Sizes.Count > 0)
        {
            yaml.Append("    sizes:\n");
            foreach (var size in model.Sizes)
            {
                yaml.Append("      ").Append(size.Key).Append(": ").Append(size.Value).Append('\n');
            }
        }

        foreach (var (name, rates) in new[] { ("batch", model.Batch), ("priority", model.Priority), ("flex", model.Flex) })
        {
            if (rates.Count > 0)
            {
                yaml.Append("    ").Append(name).Append(": { ").Append(string.Join(", ", rates.Select(r => r.Key + ": " + r.Value))).Append(" }\n");
            }
        }

        if (model.Tiers.Count > 0)
        {
            yaml.Append("    tiers:\n");
            foreach (var tier in model.Tiers)
            {
                yaml.Append("      - { above: ").Append(Tokens(tier.Key)).Append(", ")
                    .Append(string.Join(", ", tier.Value.Select(r => r.Key + ": " + r.Value))).Append(" }\n");
            }
        }

        Field(yaml, "context-window", model.ContextWindow?.ToString(CultureInfo.InvariantCulture));
        Field(yaml, "max-output", model.MaxOutput?.ToString(CultureInfo.InvariantCulture));
        Field(yaml, "deprecated", model.Deprecated);
    }

    private static void Field(StringBuilder yaml, string name, string? value)
    {
        if (value is not null)
        {
            yaml.Append("    ").Append(name).Append(": ").Append(value).Append('\n');
        }
    }

    private static string Tokens(long count) =>
        count % 1000 == 0 ? (count / 1000).ToString(CultureInfo.InvariantCulture) + "K tokens" : count.ToString(CultureInfo.InvariantCulture) + " tokens";

    /// <summary>A YAML scalar: plain when it reads back as the same text everywhere, else double-quoted with escapes.</summary>
    public static string Scalar(string value)
    {
        if (PlainScalar.IsMatch(value) && !PriceGen.Catalog.YamlScalar.MeansNull(value) && !TypedLooking.IsMatch(value))
        {
            return value;
        }

        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                _ when char.IsControl(c) => quoted.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }
}
