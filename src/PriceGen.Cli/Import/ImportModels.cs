using System.Collections.Generic;

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

    /// <summary>Tier threshold in tokens → rate fields.</summary>
    public SortedDictionary<long, List<KeyValuePair<string, string>>> Tiers { get; } = new();

    public long? ContextWindow { get; set; }

    public long? MaxOutput { get; set; }

    public string? Deprecated { get; set; }
}
