using System;

namespace PriceGen.Catalog;

/// <summary>
/// The C# name a model entry gets when it has no <c>member:</c>: the words of its name (else of its id), with a
/// <c>Model</c> suffix where the name would clash with its section class or with a member of its own class (CS0542).
/// Shared by the parser and the importer, so an importer can predict the names and settle collisions up front.
/// </summary>
internal static class ModelMemberNames
{
    /// <summary>Members every generated model class has; a model class may not be named like one of them.</summary>
    public static readonly string[] ModelClassMembers =
    {
        "Id", "Name", "Model", "Usage", "Training", "Input", "Output", "CachedInput", "CacheWrite", "Tokens", "Cost", "Info", "Batch", "Tiers",

        // The generated class's factories: a model class of that name would hide them from every model of its section.
        "ModelPrice", "TokenRate", "TrainingRate", "ImageRate", "DurationRate", "UnitRate",

        // The provider class's members the section factories pass: a model class of that name would hide them too.
        "Provider", "Currency", "Effective",
    };

    /// <summary>The derived name, or an empty string when neither the name nor the id has letters or digits.</summary>
    public static string Derive(CatalogSection section, string? name, string id)
    {
        var words = MemberNames.FromWords(name ?? id);
        if (words.Length == 0)
        {
            words = MemberNames.FromWords(id);
        }

        return words.Length > 0 && IsReserved(section, words) ? words + "Model" : words;
    }

    /// <summary>Whether a model class of <paramref name="section"/> cannot be called <paramref name="memberName"/>.</summary>
    public static bool IsReserved(CatalogSection section, string memberName) =>
        memberName == CatalogFormat.ClassNameOf(section) ||
        Array.IndexOf(ModelClassMembers, memberName) >= 0 ||
        (section == CatalogSection.Image && memberName.StartsWith("Size", StringComparison.Ordinal));
}
