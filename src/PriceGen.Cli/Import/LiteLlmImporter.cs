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

    /// <summary>Fields that price a part of a request, the catalog field each becomes, and the unit LiteLLM prices it per.</summary>
    private static readonly Dictionary<string, (string Field, RequestUnit Unit)> RequestFields = new(StringComparer.Ordinal)
    {
        ["input_cost_per_token"] = ("input", RequestUnit.Token),
        ["output_cost_per_token"] = ("output", RequestUnit.Token),
        ["cache_read_input_token_cost"] = ("cached-input", RequestUnit.Token),
        ["input_cost_per_token_cache_hit"] = ("cached-input", RequestUnit.Token),
        ["cache_creation_input_token_cost"] = ("cache-write", RequestUnit.Token),
        ["cache_creation_input_token_cost_above_1hr"] = ("cache-write-1h", RequestUnit.Token),
        ["output_cost_per_reasoning_token"] = ("reasoning", RequestUnit.Token),
        ["input_cost_per_audio_token"] = ("audio-input", RequestUnit.Token),
        ["cache_read_input_audio_token_cost"] = ("cached-audio-input", RequestUnit.Token),
        ["cache_read_input_token_cost_per_audio_token"] = ("cached-audio-input", RequestUnit.Token),
        ["output_cost_per_audio_token"] = ("audio-output", RequestUnit.Token),
        ["input_cost_per_image_token"] = ("image-input", RequestUnit.Token),
        ["output_cost_per_image_token"] = ("image-output", RequestUnit.Token),
        ["input_cost_per_audio_per_second"] = ("audio-input", RequestUnit.Second),
        ["input_cost_per_video_per_second"] = ("video-input", RequestUnit.Second),
        ["input_cost_per_request"] = ("request", RequestUnit.Request),
        ["code_interpreter_cost_per_session"] = ("code-interpreter", RequestUnit.Session),
    };

    /// <summary>The service tiers LiteLLM writes as a suffix of a request field: <c>input_cost_per_token_priority</c>.</summary>
    private static readonly (string Suffix, string Tier)[] ServiceTierSuffixes =
    {
        ("_batches", "batch"), ("_batch_requests", "batch"), ("_priority", "priority"), ("_flex", "flex"),
    };

    /// <summary>A long-context rate: a request field, then <c>_above_200k_tokens</c>.</summary>
    private static readonly Regex TierField = new(@"^(?<field>.+)_above_(?<thousands>\d+)k_tokens$", RegexOptions.CultureInvariant);

    /// <summary><c>search_context_cost_per_query</c>'s keys and the context sizes of <c>web-search</c>.</summary>
    private static readonly (string Key, string Size)[] SearchContextSizes =
    {
        ("search_context_size_low", "low"), ("search_context_size_medium", "medium"), ("search_context_size_high", "high"),
    };

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
        var perToken = fields.TryGetProperty("input_cost_per_token", out _) || fields.TryGetProperty("tiered_pricing", out _);
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

        if (perToken && name == "search_context_cost_per_query")
        {
            return TryApplyWebSearch(model, field.Value);
        }

        if (perToken && name == "tiered_pricing")
        {
            return TryApplyTieredPricing(model, field.Value);
        }

        if (!ExactNumber.TryRead(field.Value, out var value) || value < 0m)
        {
            return false;
        }

        if (perToken && TryApplyRequestRate(model, name, value, all))
        {
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

    /// <summary>
    /// A request field, plain (<c>input_cost_per_audio_token</c>), of a long-context tier (<c>…_above_200k_tokens</c>)
    /// or of a service tier (<c>…_priority</c>, <c>…_flex</c>, <c>…_batches</c>). False when the format has no place for
    /// it: a tier of a service tier, an unknown field, or a second price for a dimension that differs from the first.
    /// </summary>
    private static bool TryApplyRequestRate(ImportedModel model, string name, decimal value, JsonElement all)
    {
        var rates = model.Rates;
        foreach (var (suffix, serviceTier) in ServiceTierSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && RequestFields.ContainsKey(name.Substring(0, name.Length - suffix.Length)))
            {
                name = name.Substring(0, name.Length - suffix.Length);
                rates = serviceTier switch { "batch" => model.Batch, "priority" => model.Priority, _ => model.Flex };
                break;
            }
        }

        if (RequestFields.TryGetValue(name, out var plain))
        {
            // Audio per second and per token are one dimension: the token price wins, as the API reports tokens.
            if (plain.Field == "audio-input" && plain.Unit == RequestUnit.Second && all.TryGetProperty("input_cost_per_audio_token", out _))
            {
                return false;
            }

            return Add(rates, plain.Field, RateText(value, plain.Unit));
        }

        if (rates == model.Rates && TierField.Match(name) is { Success: true } tier && RequestFields.TryGetValue(tier.Groups["field"].Value, out var tiered))
        {
            var above = long.Parse(tier.Groups["thousands"].Value, CultureInfo.InvariantCulture) * 1000;
            if (!model.Tiers.TryGetValue(above, out var tierRates))
            {
                model.Tiers.Add(above, tierRates = new List<KeyValuePair<string, string>>());
            }

            return Add(tierRates, tiered.Field, RateText(value, tiered.Unit));
        }

        return false;
    }

    /// <summary>Adds a rate, unless the dimension already has one; the same price twice (two names of one price) is not a conflict.</summary>
    private static bool Add(List<KeyValuePair<string, string>> rates, string field, string rate)
    {
        var index = rates.FindIndex(r => r.Key == field);
        if (index >= 0)
        {
            return rates[index].Value == rate;
        }

        rates.Add(new(field, rate));
        return true;
    }

    /// <summary><c>{ search_context_size_low: 0.03, … }</c> per query becomes <c>web-search: { low: $30 / 1K calls, … }</c>.</summary>
    private static bool TryApplyWebSearch(ImportedModel model, JsonElement sizes)
    {
        if (sizes.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var prices = new List<string>();
        foreach (var (key, size) in SearchContextSizes)
        {
            if (sizes.TryGetProperty(key, out var price) && ExactNumber.TryRead(price, out var perQuery) && perQuery >= 0m)
            {
                prices.Add(size + ": " + RateText(perQuery, RequestUnit.Request).Replace("requests", "calls"));
            }
        }

        if (prices.Count == 0 || sizes.EnumerateObject().Count() != prices.Count)
        {
            return false;
        }

        return Add(model.Rates, "web-search", "{ " + string.Join(", ", prices) + " }");
    }

    /// <summary>
    /// <c>tiered_pricing: [ { input_cost_per_token, output_cost_per_token, range: [0, 256000] }, { …, range: [256000, 1000000] } ]</c>:
    /// the range from 0 is the base rates, each later range a tier above its start.
    /// </summary>
    private static bool TryApplyTieredPricing(ImportedModel model, JsonElement ranges)
    {
        if (ranges.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var parsed = new List<(long From, List<KeyValuePair<string, string>> Rates)>();
        foreach (var range in ranges.EnumerateArray())
        {
            if (range.ValueKind != JsonValueKind.Object || !range.TryGetProperty("range", out var bounds) || bounds.ValueKind != JsonValueKind.Array ||
                bounds.GetArrayLength() == 0 || !ExactNumber.TryRead(bounds[0], out var from) || from < 0m || from != decimal.Truncate(from))
            {
                return false;
            }

            var rates = new List<KeyValuePair<string, string>>();
            foreach (var field in range.EnumerateObject())
            {
                if (field.Name == "range")
                {
                    continue;
                }

                if (!RequestFields.TryGetValue(field.Name, out var plain) || plain.Unit != RequestUnit.Token ||
                    !ExactNumber.TryRead(field.Value, out var value) || value < 0m || !Add(rates, plain.Field, RateText(value, plain.Unit)))
                {
                    return false;
                }
            }

            parsed.Add(((long)from, rates));
        }

        if (!parsed.Any(p => p.From == 0) || parsed.Select(p => p.From).Distinct().Count() != parsed.Count)
        {
            return false;
        }

        foreach (var (from, rates) in parsed)
        {
            var target = from == 0 ? model.Rates : model.Tiers.TryGetValue(from, out var existing) ? existing : model.Tiers[from] = new List<KeyValuePair<string, string>>();
            foreach (var rate in rates)
            {
                if (!Add(target, rate.Key, rate.Value))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string RateText(decimal perUnit, RequestUnit unit) => unit switch
    {
        RequestUnit.Token => PerMillion(perUnit, "tokens"),
        RequestUnit.Second => "$" + ExactNumber.Text(perUnit) + " / second",
        RequestUnit.Session => "$" + ExactNumber.Text(perUnit) + " / session",
        _ => "$" + ExactNumber.Text(perUnit * 1_000m) + " / 1K requests",
    };

    private enum RequestUnit
    {
        Token,
        Second,
        Request,
        Session,
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
