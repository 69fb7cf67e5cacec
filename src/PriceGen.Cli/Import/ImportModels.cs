using System.Collections.Generic;
using System.Linq;

namespace PriceGen.Cli.Import;

/// <summary>What the import was asked for.</summary>
internal sealed record ImportOptions(string Effective, IReadOnlyCollection<string>? Providers = null, string Source = "LiteLLM model_prices_and_context_window.json");

/// <summary>One catalog written by an import: a provider's models as catalog YAML.</summary>
internal sealed record ImportedCatalog(string Provider, string FileName, string Yaml, int Models);

/// <summary>
/// What the import could not represent, so nothing is dropped silently: fields per name with counts, and entries
/// skipped per reason with counts.
/// </summary>
internal sealed class ImportSummary
{
    public int Entries { get; set; }

    public int ImportedModels { get; set; }

    /// <summary>Entries that became a model or an image size of one; with the skipped ones, every entry is accounted for.</summary>
    public int ImportedEntries { get; set; }

    public SortedDictionary<string, int> UnrepresentedFields { get; } = new(System.StringComparer.Ordinal);

    public SortedDictionary<string, int> SkippedEntries { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Keys that are another key plus a date, at the same prices: written as snapshots of that model.</summary>
    public int FoldedSnapshots { get; set; }

    /// <summary>Keys that are another key plus a date at other prices: kept as models of their own.</summary>
    public int DatedModelsKept { get; set; }

    /// <summary>Whether a LiteLLM field is a price (<c>…_cost_…</c>, <c>tiered_pricing</c>) rather than a capability, a limit or a note.</summary>
    public static bool IsPriceField(string field) =>
        field.IndexOf("cost", System.StringComparison.Ordinal) >= 0 || field.IndexOf("pricing", System.StringComparison.Ordinal) >= 0;

    public void Unrepresented(string field) => UnrepresentedFields[field] = UnrepresentedFields.TryGetValue(field, out var count) ? count + 1 : 1;

    public void Skipped(string reason) => SkippedEntries[reason] = SkippedEntries.TryGetValue(reason, out var count) ? count + 1 : 1;
}

/// <summary>A model as it will be written: rates by field, batch, tiers and details.</summary>
internal sealed class ImportedModel
{
    public ImportedModel(string id, string section)
    {
        Id = id;
        Section = section;
    }

    public string Id { get; }

    public string Section { get; }

    public string? Member { get; set; }

    /// <summary>Rate fields in writing order: input, output, cached-input, cache-write, usage.</summary>
    public List<KeyValuePair<string, string>> Rates { get; } = new();

    public SortedDictionary<string, string> Sizes { get; } = new(System.StringComparer.Ordinal);

    public List<KeyValuePair<string, string>> Batch { get; } = new();

    public List<KeyValuePair<string, string>> Priority { get; } = new();

    public List<KeyValuePair<string, string>> Flex { get; } = new();

    /// <summary>Tier threshold in tokens → rate fields.</summary>
    public SortedDictionary<long, List<KeyValuePair<string, string>>> Tiers { get; } = new();

    public long? ContextWindow { get; set; }

    public long? MaxOutput { get; set; }

    public string? Deprecated { get; set; }

    /// <summary>Dated keys of LiteLLM folded into this model (<c>snapshots: [..]</c>): the same prices under another id.</summary>
    public List<string> Snapshots { get; } = new();

    /// <summary>Whether two imported models bill the same way, so one can be a snapshot of the other.</summary>
    public bool PricesEqual(ImportedModel other) =>
        Section == other.Section &&
        Rates.SequenceEqual(other.Rates) &&
        Sizes.SequenceEqual(other.Sizes) &&
        Batch.SequenceEqual(other.Batch) &&
        Priority.SequenceEqual(other.Priority) &&
        Flex.SequenceEqual(other.Flex) &&
        Tiers.Count == other.Tiers.Count && Tiers.Zip(other.Tiers, (a, b) => a.Key == b.Key && a.Value.SequenceEqual(b.Value)).All(same => same);
}
