using System.Collections.Generic;

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

    /// <summary>Members every generated model class has; a model class may not be named like one of them.</summary>
    public static readonly string[] ModelClassMembers = { "Id", "Name", "Model", "Usage", "Training" };

    /// <summary>
    /// Members of every generated provider class besides the section classes; the class itself may not be named like
    /// one of them or like a section class (CS0542).
    /// </summary>
    public static readonly string[] ProviderClassMembers = { "Provider", "Currency", "EffectiveDate", "Effective", "Models", "TryGetModel", "GetModel", "AllModels" };

    public static readonly string[] HeaderFields = { VersionField, ProviderField, ClassField, CurrencyField, EffectiveField, SourceField };

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
    public static string[] FieldsOf(CatalogSection section) => section switch
    {
        CatalogSection.FineTuning => new[] { NameField, DescriptionField, MemberField, TrainingField, UsageField },
        CatalogSection.Image => new[] { NameField, DescriptionField, MemberField, SizesField },
        CatalogSection.Audio => new[] { NameField, DescriptionField, MemberField, UsageField, RoundingField },
        _ => new[] { NameField, DescriptionField, MemberField, UsageField },
    };

    /// <summary>The generated nested class of a section.</summary>
    public static string ClassNameOf(CatalogSection section) => section.ToString();

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
