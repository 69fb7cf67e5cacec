using System;
using System.Collections.Generic;
using System.Linq;

namespace PriceGen.Catalog;

/// <summary>The names of format v1: header fields, sections and the fields each section allows.</summary>
internal static class CatalogFormat
{
    public const string SupportedVersion = "1";

    public const string VersionField = "pricegen";
    public const string ProviderField = "provider";
    public const string ClassField = "class";
    public const string CurrencyField = "currency";
    public const string EffectiveField = "effective";
    public const string SourceField = "source";

    public const string NameField = "name";
    public const string DescriptionField = "description";
    public const string MemberField = "member";
    public const string UsageField = "usage";
    public const string TrainingField = "training";
    public const string SizesField = "sizes";
    public const string RoundingField = "rounding";
    public const string InputField = "input";
    public const string OutputField = "output";
    public const string CachedInputField = "cached-input";
    public const string CacheWriteField = "cache-write";
    public const string CacheWrite1hField = "cache-write-1h";
    public const string ReasoningField = "reasoning";
    public const string AudioInputField = "audio-input";
    public const string CachedAudioInputField = "cached-audio-input";
    public const string AudioOutputField = "audio-output";
    public const string ImageInputField = "image-input";
    public const string ImageOutputField = "image-output";
    public const string VideoInputField = "video-input";
    public const string RequestField = "request";
    public const string WebSearchField = "web-search";
    public const string CodeInterpreterField = "code-interpreter";
    public const string PriorityField = "priority";
    public const string FlexField = "flex";
    public const string BatchField = "batch";
    public const string TiersField = "tiers";
    public const string AboveField = "above";
    public const string ContextWindowField = "context-window";
    public const string MaxOutputField = "max-output";
    public const string EncodingField = "encoding";
    public const string DeprecatedField = "deprecated";
    public const string ShutdownField = "shutdown";
    public const string ReplacementField = "replacement";
    public const string AliasesField = "aliases";
    public const string SnapshotsField = "snapshots";

    /// <summary>The <c>snapshots:</c> value that makes every id plus a date a snapshot of the model.</summary>
    public const string DatedSnapshots = "dated";
    public const string QuotaField = "quota";
    public const string MonthlyLimitField = "monthly-limit";
    public const string SoftLimitField = "soft-limit";

    /// <summary>The four token rates of format v1.0, which the runtime's positional constructors take.</summary>
    public static readonly string[] TokenRateFields = { InputField, OutputField, CachedInputField, CacheWriteField };

    /// <summary>
    /// Every rate that prices a part of one request, in the order the generated class lists them: the names of the
    /// runtime's <c>PriceDimensions</c>. Tiers and service tiers take the same fields.
    /// </summary>
    public static readonly string[] RequestRateFields =
    {
        InputField, OutputField, CachedInputField, CacheWriteField, CacheWrite1hField, ReasoningField, AudioInputField, CachedAudioInputField,
        AudioOutputField, ImageInputField, ImageOutputField, VideoInputField, RequestField, CodeInterpreterField,
    };

    /// <summary>The search context sizes of <c>web-search: { low: …, medium: …, high: … }</c>.</summary>
    public static readonly string[] SearchContextSizes = { "low", "medium", "high" };

    /// <summary>The service tiers beside the standard one, each written like <c>batch</c>.</summary>
    public static readonly string[] ServiceTierFields = { BatchField, PriorityField, FlexField };

    /// <summary>Fields that only make sense for a model priced per token: every request dimension past format v1.0's four, web search, service tiers and tiers.</summary>
    public static readonly string[] TokenPricedOnlyFields =
        RequestRateFields.Except(TokenRateFields).Append(WebSearchField).Concat(ServiceTierFields).Append(TiersField).ToArray();

    /// <summary>Fields every entry may have besides its rates.</summary>
    public static readonly string[] CommonFields =
    {
        NameField, DescriptionField, MemberField, AliasesField, SnapshotsField, ContextWindowField, MaxOutputField, EncodingField, DeprecatedField, ShutdownField, ReplacementField,
    };

    /// <summary>Members and nested classes of every generated provider class; 'class:' may not name it like one of them (CS0542).</summary>
    public static readonly string[] ProviderClassMembers =
    {
        "Provider", "Currency", "EffectiveDate", "Effective", "Models", "TryGetModel", "TryResolve", "GetModel", "Lookup", "Quota",
        "Chat", "Instruct", "FineTuning", "Embedding", "Image", "Audio",
        "ModelPrice", "TokenRate", "TrainingRate", "ImageRate", "DurationRate", "UnitRate", "Create",
    };

    /// <summary>Whether 'class:' would clash with a member of the generated class: the list above, or a lookup factory <c>Create0</c>, <c>Create1</c>, ….</summary>
    public static bool IsProviderClassMember(string name) =>
        Array.IndexOf(ProviderClassMembers, name) >= 0 ||
        (name.Length > "Create".Length && name.StartsWith("Create", StringComparison.Ordinal) && name.Substring("Create".Length).All(char.IsDigit));

    public static readonly string[] HeaderFields = { VersionField, ProviderField, ClassField, CurrencyField, EffectiveField, SourceField, QuotaField };

    public static readonly IReadOnlyDictionary<string, CatalogSection> Sections = new Dictionary<string, CatalogSection>
    {
        ["chat"] = CatalogSection.Chat,
        ["instruct"] = CatalogSection.Instruct,
        ["fine-tuning"] = CatalogSection.FineTuning,
        ["embedding"] = CatalogSection.Embedding,
        ["image"] = CatalogSection.Image,
        ["audio"] = CatalogSection.Audio,
    };

    /// <summary>Every top-level key, for "did you mean".</summary>
    public static IEnumerable<string> TopLevelKeys
    {
        get
        {
            foreach (var header in HeaderFields)
            {
                yield return header;
            }

            foreach (var section in Sections.Keys)
            {
                yield return section;
            }
        }
    }

    /// <summary>The fields an entry of <paramref name="section"/> may have, common ones first.</summary>
    public static string[] FieldsOf(CatalogSection section) => FieldsBySection[(int)section];

    // Built once: the parser asks for every entry of every catalog.
    private static readonly string[][] FieldsBySection = ((CatalogSection[])System.Enum.GetValues(typeof(CatalogSection)))
        .Select(section =>
        {
            var rates = new[] { UsageField }.Concat(RequestRateFields).Concat(new[] { WebSearchField, BatchField, PriorityField, FlexField, TiersField });
            var specific = section switch
            {
                CatalogSection.FineTuning => new[] { TrainingField },
                CatalogSection.Image => new[] { SizesField },
                CatalogSection.Audio => new[] { RoundingField },
                _ => System.Array.Empty<string>(),
            };
            return CommonFields.Concat(specific).Concat(rates).ToArray();
        })
        .ToArray();

    /// <summary>The units a rate field of <paramref name="section"/> may be per; the first is named in errors.</summary>
    public static CatalogUnit[] UnitsOf(CatalogSection section, string field) => (section, field) switch
    {
        (_, AudioInputField) => PerTokenSecondMinuteHour,
        (_, VideoInputField) => PerSecondMinuteHourToken,
        (_, RequestField or WebSearchField) => PerRequest,
        (_, CodeInterpreterField) => PerSession,
        (_, CacheWrite1hField or ReasoningField or CachedAudioInputField or AudioOutputField or ImageInputField or ImageOutputField) => PerToken,
        (_, "(per-token)") => PerToken,
        (CatalogSection.FineTuning, TrainingField) => PerToken,
        (CatalogSection.Image, SizesField) => PerImage,
        (CatalogSection.Image, UsageField) => PerImageToken,
        (CatalogSection.Image, _) => PerTokenImage,
        (CatalogSection.Audio, _) => PerSecondMinuteHourCharacterToken,
        _ => PerTokenCharacterRequest,
    };

    // One array per set of units, shared: the parser asks for every rate.
    private static readonly CatalogUnit[] PerTokenSecondMinuteHour = { CatalogUnit.Token, CatalogUnit.Second, CatalogUnit.Minute, CatalogUnit.Hour };
    private static readonly CatalogUnit[] PerSecondMinuteHourToken = { CatalogUnit.Second, CatalogUnit.Minute, CatalogUnit.Hour, CatalogUnit.Token };
    private static readonly CatalogUnit[] PerRequest = { CatalogUnit.Request };
    private static readonly CatalogUnit[] PerSession = { CatalogUnit.Session };
    private static readonly CatalogUnit[] PerToken = { CatalogUnit.Token };
    private static readonly CatalogUnit[] PerImage = { CatalogUnit.Image };
    private static readonly CatalogUnit[] PerImageToken = { CatalogUnit.Image, CatalogUnit.Token };
    private static readonly CatalogUnit[] PerTokenImage = { CatalogUnit.Token, CatalogUnit.Image };
    private static readonly CatalogUnit[] PerSecondMinuteHourCharacterToken = { CatalogUnit.Second, CatalogUnit.Minute, CatalogUnit.Hour, CatalogUnit.Character, CatalogUnit.Token };
    private static readonly CatalogUnit[] PerTokenCharacterRequest = { CatalogUnit.Token, CatalogUnit.Character, CatalogUnit.Request };

    /// <summary>The generated nested class of a section.</summary>
    public static string ClassNameOf(CatalogSection section) => (uint)section < (uint)SectionClassNames.Length ? SectionClassNames[(int)section] : section.ToString();

    // Asked for every model; an enum's ToString allocates each time.
    private static readonly string[] SectionClassNames = ((CatalogSection[])System.Enum.GetValues(typeof(CatalogSection))).Select(s => s.ToString()).ToArray();

    /// <summary>The YAML key of a section.</summary>
    public static string KeyOf(CatalogSection section)
    {
        foreach (var pair in Sections)
        {
            if (pair.Value == section)
            {
                return pair.Key;
            }
        }

        return section.ToString();
    }

    public static readonly IReadOnlyDictionary<string, CatalogRounding> Roundings = new Dictionary<string, CatalogRounding>
    {
        ["exact"] = CatalogRounding.Exact,
        ["nearest-second"] = CatalogRounding.NearestSecond,
        ["up-to-second"] = CatalogRounding.UpToSecond,
    };
}
