using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using PriceGen.Catalog;

namespace PriceGen.Cli.Import;

/// <summary>
/// Turns LiteLLM's public price catalog (one JSON object per model, prices as floats per unit) into one PriceGen
/// catalog per provider. Every number is read from its JSON text as an exact decimal and written per 1M tokens or
/// characters, so "1.5e-06" per token becomes "$1.5 / 1M tokens". Whatever has no place in the format is counted in
/// the <see cref="ImportSummary"/>, never dropped silently.
/// </summary>
internal static class LiteLlmImporter
{
    private static readonly Dictionary<string, string> Sections = new(StringComparer.Ordinal)
    {
        ["chat"] = "chat",
        ["responses"] = "chat",
        ["completion"] = "instruct",
        ["embedding"] = "embedding",
        ["image_generation"] = "image",
        ["audio_transcription"] = "audio",
        ["audio_speech"] = "audio",
    };

    /// <summary>Per-token fields and the catalog field each becomes.</summary>
    private static readonly Dictionary<string, string> TokenFields = new(StringComparer.Ordinal)
    {
        ["input_cost_per_token"] = "input",
        ["output_cost_per_token"] = "output",
        ["cache_read_input_token_cost"] = "cached-input",
        ["cache_creation_input_token_cost"] = "cache-write",
    };

    private static readonly Regex TierField = new(@"^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost)_above_(\d+)k_tokens$", RegexOptions.CultureInvariant);

    /// <summary>
    /// <c>[prefix/][quality/]WIDTH-x-HEIGHT/model</c>: <c>azure/hd/1024-x-1792/dall-e-3</c>. A quality is one of the
    /// tiers providers name; any other leading segment belongs to the model id.
    /// </summary>
    private static readonly Regex SizedImageKey = new(@"^(?:(?<prefix>[^/]+)/(?!(?:standard|hd|low|medium|high|premium|auto)/(?!\d)))??(?:(?<quality>standard|hd|low|medium|high|premium|auto)/)?(?<width>[1-9]\d{0,5})-x-(?<height>[1-9]\d{0,5})/(?<model>.+)$", RegexOptions.CultureInvariant);

    private static readonly Regex IsoDate = new(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant);

    public static (IReadOnlyList<ImportedCatalog> Catalogs, ImportSummary Summary) Import(string json, ImportOptions options)
    {
        var summary = new ImportSummary();
        var byProvider = new SortedDictionary<string, Dictionary<string, ImportedModel>>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            if (entry.Name == "sample_spec")
            {
                continue;
            }

            summary.Entries++;
            if (entry.Value.ValueKind != JsonValueKind.Object ||
                !entry.Value.TryGetProperty("litellm_provider", out var providerElement) || providerElement.ValueKind != JsonValueKind.String)
            {
                summary.Skipped("no litellm_provider");
                continue;
            }

            var provider = providerElement.GetString()!;
            if (options.Providers is { Count: > 0 } wanted && !wanted.Contains(provider, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var mode = entry.Value.TryGetProperty("mode", out var modeElement) && modeElement.ValueKind == JsonValueKind.String ? modeElement.GetString()! : "(none)";
            if (!Sections.TryGetValue(mode, out var section))
            {
                summary.Skipped($"mode '{mode}'");
                continue;
            }

            if (!byProvider.TryGetValue(provider, out var models))
            {
                byProvider.Add(provider, models = new Dictionary<string, ImportedModel>(StringComparer.Ordinal));
            }

            if (section == "image" && SizedImageKey.Match(entry.Name) is { Success: true } sized)
            {
                ImportImageSize(entry.Value, sized, models, summary);
            }
            else
            {
                ImportModel(entry.Name, section, entry.Value, models, summary);
            }
        }

        var catalogs = new List<ImportedCatalog>();
        foreach (var provider in byProvider)
        {
            var models = FoldDatedSnapshots(provider.Value, summary);
            if (models.Count == 0)
            {
                continue;
            }

            AssignMembers(models);
            summary.ImportedModels += models.Count;
            catalogs.Add(new ImportedCatalog(provider.Key, FileNameOf(provider.Key), CatalogYamlWriter.Write(provider.Key, options, models), models.Count));
        }

        return (catalogs, summary);
    }

    private static void ImportModel(string id, string section, JsonElement fields, Dictionary<string, ImportedModel> models, ImportSummary summary)
    {
        if (models.TryGetValue(id, out var existing) && existing.Section != section)
        {
            summary.Skipped("id listed under two modes");
            return;
        }

        var model = existing ?? new ImportedModel(id, section);
        var perToken = fields.TryGetProperty("input_cost_per_token", out _);
        foreach (var field in fields.EnumerateObject())
        {
            if (!Apply(model, section, perToken, field, fields))
            {
                summary.Unrepresented(field.Name);
            }
        }

        var priced = model.Sizes.Count > 0 || model.Rates.Any(r => r.Key is "input" or "usage") || (section == "audio" && model.Rates.Count > 0);
        if (!priced)
        {
            summary.Skipped($"{section} entry without an input price the format can hold");
            return;
        }

        models[id] = model;
        summary.ImportedEntries++;
    }

    /// <summary>Maps one field; false when the format has no place for it.</summary>
    private static bool Apply(ImportedModel model, string section, bool perToken, JsonProperty field, JsonElement all)
    {
        var name = field.Name;
        switch (name)
        {
            case "litellm_provider" or "mode":
                return true;
            case "max_input_tokens" when field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetInt64(out var input) && input > 0:
                model.ContextWindow = input;
                return true;
            case "max_output_tokens" when field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetInt64(out var output) && output > 0:
                model.MaxOutput = output;
                return true;
            case "max_tokens":
                // Legacy: LiteLLM repeats max_output_tokens (or max_input_tokens) here.
                return all.TryGetProperty("max_output_tokens", out _) || all.TryGetProperty("max_input_tokens", out _);
            case "deprecation_date" when field.Value.ValueKind == JsonValueKind.String && IsoDate.IsMatch(field.Value.GetString()!):
                model.Deprecated = field.Value.GetString();
                return true;
        }

        if (!ExactNumber.TryRead(field.Value, out var value) || value < 0m)
        {
            return false;
        }

        if (TokenFields.TryGetValue(name, out var rateField))
        {
            model.Rates.Add(new(rateField, PerMillion(value, "tokens")));
            return true;
        }

        if (name is "input_cost_per_token_batches" or "output_cost_per_token_batches")
        {
            model.Batch.Add(new(name.StartsWith("input", StringComparison.Ordinal) ? "input" : "output", PerMillion(value, "tokens")));
            return true;
        }

        if (TierField.Match(name) is { Success: true } tier)
        {
            var above = long.Parse(tier.Groups[2].Value, CultureInfo.InvariantCulture) * 1000;
            if (!model.Tiers.TryGetValue(above, out var rates))
            {
                model.Tiers.Add(above, rates = new List<KeyValuePair<string, string>>());
            }

            rates.Add(new(TokenFields[tier.Groups[1].Value], PerMillion(value, "tokens")));
            return true;
        }

        if (!perToken && name is "input_cost_per_character" or "output_cost_per_character")
        {
            model.Rates.Add(new(name.StartsWith("input", StringComparison.Ordinal) ? "input" : "output", PerMillion(value, "characters")));
            return true;
        }

        if (section == "audio" && !perToken && name is "input_cost_per_second" or "output_cost_per_second")
        {
            model.Rates.Add(new(name.StartsWith("input", StringComparison.Ordinal) ? "input" : "output", "$" + ExactNumber.Text(value) + " / second"));
            return true;
        }

        if (section == "image" && !perToken && (name == "input_cost_per_image" ||
            (name == "output_cost_per_image" && !all.TryGetProperty("input_cost_per_image", out _))))
        {
            model.Rates.Add(new("usage", "$" + ExactNumber.Text(value) + " / image"));
            return true;
        }

        return false;
    }

    /// <summary><c>[quality/]WIDTH-x-HEIGHT/model</c>: a size of <c>model</c>, priced per image or per pixel.</summary>
    private static void ImportImageSize(JsonElement fields, Match key, Dictionary<string, ImportedModel> models, ImportSummary summary)
    {
        var id = (key.Groups["prefix"].Success ? key.Groups["prefix"].Value + "/" : string.Empty) + key.Groups["model"].Value;
        int width = int.Parse(key.Groups["width"].Value, CultureInfo.InvariantCulture), height = int.Parse(key.Groups["height"].Value, CultureInfo.InvariantCulture);
        var size = ImageSizeKey.Format(width, height, key.Groups["quality"].Success ? key.Groups["quality"].Value : null);
        decimal? price = null;
        foreach (var field in fields.EnumerateObject())
        {
            if (field.Name is "litellm_provider" or "mode")
            {
                continue;
            }

            if (price is null && field.Name == "input_cost_per_image" && ExactNumber.TryRead(field.Value, out var perImage))
            {
                price = perImage;
            }
            else if (price is null && field.Name == "input_cost_per_pixel" && ExactNumber.TryRead(field.Value, out var perPixel) && !fields.TryGetProperty("input_cost_per_image", out _))
            {
                price = perPixel * width * height; // exact: LiteLLM derives its per-pixel figures from the per-image price
            }
            else if (!(field.Name == "output_cost_per_pixel" && ExactNumber.TryRead(field.Value, out var zero) && zero == 0m) && field.Name != "input_cost_per_pixel")
            {
                summary.Unrepresented(field.Name);
            }
        }

        if (price is null)
        {
            summary.Skipped("image size without a price");
            return;
        }

        if (!models.TryGetValue(id, out var model))
        {
            models.Add(id, model = new ImportedModel(id, "image"));
        }
        else if (model.Section != "image")
        {
            summary.Skipped("image size of a model in another mode");
            return;
        }

        model.Sizes[size] = "$" + ExactNumber.Text(price.Value) + " / image";
        summary.ImportedEntries++;
    }

    /// <summary>
    /// A key that is another key of the provider plus a date (<c>gpt-4o-2024-08-06</c> beside <c>gpt-4o</c>) becomes a
    /// listed snapshot of that model when it bills the same way; at other prices it stays a model of its own, which an
    /// exact id always wins over (LiteLLM's dated keys are what providers answer with, so they must resolve).
    /// </summary>
    private static List<ImportedModel> FoldDatedSnapshots(Dictionary<string, ImportedModel> models, ImportSummary summary)
    {
        var kept = new List<ImportedModel>();
        foreach (var model in models.Values.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            if (DatedSuffix.TryGetBaseLength(model.Id, out var baseLength) && models.TryGetValue(model.Id.Substring(0, baseLength), out var baseModel))
            {
                if (model.PricesEqual(baseModel) && model.Sizes.Count == 0)
                {
                    baseModel.Snapshots.Add(model.Id);
                    summary.FoldedSnapshots++;
                    continue;
                }

                summary.DatedModelsKept++;
            }

            kept.Add(model);
        }

        return kept;
    }

    /// <summary>Explicit <c>member:</c> names where two ids of one section would get the same C# name.</summary>
    private static void AssignMembers(List<ImportedModel> models)
    {
        foreach (var section in models.GroupBy(m => m.Section))
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var model in section.OrderBy(m => m.Id, StringComparer.Ordinal))
            {
                var derived = ModelMemberNames.Derive(CatalogFormatSection(section.Key), null, model.Id);
                var member = derived.Length == 0 ? "Model" + (taken.Count + 1).ToString(CultureInfo.InvariantCulture) : derived;
                for (var n = 2; !taken.Add(member); n++)
                {
                    member = derived + "_" + n.ToString(CultureInfo.InvariantCulture);
                }

                if (member != derived)
                {
                    model.Member = member;
                }
            }
        }
    }

    private static CatalogSection CatalogFormatSection(string key) => CatalogFormat.Sections[key];

    private static string PerMillion(decimal perUnit, string unit) => "$" + ExactNumber.Text(perUnit * 1_000_000m) + " / 1M " + unit;

    private static string FileNameOf(string provider) =>
        Regex.Replace(provider.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-') + ".prices.yaml";
}
