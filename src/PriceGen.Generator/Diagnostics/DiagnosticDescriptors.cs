using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PriceGen.Diagnostics;

/// <summary>Every diagnostic PriceGen reports, with its message, severity and help page.</summary>
internal static class DiagnosticDescriptors
{
    public const string CodeCategory = "PriceGen.Usage";
    public const string CatalogCategory = "PriceGen.Catalog";
    private const string HelpRoot = "https://github.com/pricegen/pricegen/blob/main/docs/diagnostics/";

    // ---- Code in the project ------------------------------------------------------------------------------------

    public static readonly DiagnosticDescriptor HardCodedPrice = Code(
        DiagnosticIds.HardCodedPrice, DiagnosticSeverity.Warning,
        "Price is hard-coded instead of read from the price catalog",
        "{0} is the catalog price of {1}; use {2}",
        "A literal equal to a catalog rate goes stale the day the catalog changes. Use the generated member instead.");

    public static readonly DiagnosticDescriptor UnknownModelId = Code(
        DiagnosticIds.UnknownModelId, DiagnosticSeverity.Warning,
        "Model id is not in the price catalogs",
        "'{0}' is not a model in the price catalogs{1}",
        "A model id that no catalog lists is a typo or an unpriced model: the API call fails or cannot be costed.");

    public static readonly DiagnosticDescriptor ModelIdHasConstant = Code(
        DiagnosticIds.ModelIdHasConstant, DiagnosticSeverity.Info,
        "Model id literal has a generated constant",
        "'{0}' can be written as {1}",
        "The generated constant is checked by the compiler and renamed with the catalog.");

    public static readonly DiagnosticDescriptor RetiredModelId = Code(
        DiagnosticIds.RetiredModelId, DiagnosticSeverity.Warning,
        "Model is deprecated or shut down",
        "'{0}' {1}{2}",
        "The catalog marks this model as deprecated or shut down: requests to it fail, or soon will. Move to the replacement.");

    public static readonly DiagnosticDescriptor OutdatedPrice = Code(
        DiagnosticIds.OutdatedPrice, DiagnosticSeverity.Warning,
        "Price differs from the catalog's price of its model",
        "{0} {1} is {2} in {3}; this is {4}",
        "A literal that its context ties to a catalog model, but that differs from that model's rate at every scale it could be written at, is an out-of-date or mistyped price. Use the generated member instead.");

    // ---- The catalog file ---------------------------------------------------------------------------------------

    public static readonly DiagnosticDescriptor YamlSyntax = Catalog(DiagnosticIds.YamlSyntax, "Catalog is not valid YAML", "YAML syntax error: {0}");

    public static readonly DiagnosticDescriptor UnsupportedVersion = Catalog(DiagnosticIds.UnsupportedVersion, "Catalog format version is missing or unsupported", "{0}");

    public static readonly DiagnosticDescriptor MissingField = Catalog(DiagnosticIds.MissingField, "Required field is missing", "{0} is missing required field '{1}'");

    public static readonly DiagnosticDescriptor UnknownSection = Catalog(DiagnosticIds.UnknownSection, "Unknown catalog section", "unknown section or field '{0}'{1}");

    public static readonly DiagnosticDescriptor UnknownField = Catalog(DiagnosticIds.UnknownField, "Unknown field", "unknown field '{0}'{1}");

    public static readonly DiagnosticDescriptor InvalidRate = Catalog(DiagnosticIds.InvalidRate, "Invalid rate", "invalid rate '{0}': {1}");

    public static readonly DiagnosticDescriptor DuplicateKey = Catalog(DiagnosticIds.DuplicateKey, "Duplicate key", "duplicate key '{0}'; the first one is kept and this one is ignored");

    public static readonly DiagnosticDescriptor DuplicateModelId = Catalog(DiagnosticIds.DuplicateModelId, "Duplicate model id", "model id '{0}' is already listed in section '{1}'; a model id is unique in the catalog");

    public static readonly DiagnosticDescriptor MemberNameCollision = Catalog(DiagnosticIds.MemberNameCollision, "Two models get the same member name", "'{0}' and '{1}' would both be generated as {3}.{2}; set 'member:' on one of them");

    public static readonly DiagnosticDescriptor InvalidIdentifier = Catalog(DiagnosticIds.InvalidIdentifier, "Not a valid C# name", "'{0}' is not a valid C# name for {1}{2}");

    public static readonly DiagnosticDescriptor InvalidCurrency = Catalog(DiagnosticIds.InvalidCurrency, "Invalid currency code", "invalid currency '{0}': expected an ISO 4217 currency code such as USD or EUR");

    public static readonly DiagnosticDescriptor InvalidDate = Catalog(DiagnosticIds.InvalidDate, "Invalid date", "invalid date '{0}': expected an ISO date such as 2023-03-01");

    public static readonly DiagnosticDescriptor DuplicateClass = Catalog(DiagnosticIds.DuplicateClass, "Two catalogs generate the same class", "class '{0}' is already generated from '{1}'; give this catalog its own 'class:' (for example {0}2023)");

    public static readonly DiagnosticDescriptor UnknownRounding = Catalog(DiagnosticIds.UnknownRounding, "Unknown rounding", "unknown rounding '{0}'{1}");

    public static readonly DiagnosticDescriptor InvalidImageSize = Catalog(DiagnosticIds.InvalidImageSize, "Invalid image size", "invalid image size '{0}': expected WIDTHxHEIGHT in pixels with a lower-case x, such as 1024x1024");

    public static readonly DiagnosticDescriptor RuntimeNotReferenced = Catalog(DiagnosticIds.RuntimeNotReferenced, "PriceGen.Runtime is not referenced", "no code is generated from this catalog because the project does not reference PriceGen.Runtime; add the PriceGen package, or a reference to PriceGen.Runtime");

    public static readonly DiagnosticDescriptor LimitExceeded = Catalog(DiagnosticIds.LimitExceeded, "Catalog exceeds a safety limit", "the catalog exceeds a safety limit: {0}");

    public static readonly DiagnosticDescriptor InvalidValue = Catalog(DiagnosticIds.InvalidValue, "Value has the wrong shape", "{0}");

    public static readonly DiagnosticDescriptor InvalidNamespace = Catalog(DiagnosticIds.InvalidNamespace, "PriceGenNamespace is not a valid namespace", "no code is generated from this catalog: the MSBuild property PriceGenNamespace ('{0}') is not a valid C# namespace, such as My.Pricing");

    public static readonly DiagnosticDescriptor ConflictingAlias = Catalog(DiagnosticIds.ConflictingAlias, "Alias or snapshot names another model", "'{0}' ({1}) is already {2}; an id, alias or snapshot names one model of the catalog");

    public static readonly DiagnosticDescriptor SharedModelId = new(
        DiagnosticIds.SharedModelId, "Two providers' catalogs claim one model id",
        "'{0}' is {1} in this catalog and {2} in {3} ({4}); a lookup across both catalogs cannot tell whose price applies",
        CatalogCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        "Catalogs of different providers in one compilation claim the same id, as an id, alias or snapshot. Catalogs of one provider with different effective dates are a price history, not a conflict.",
        HelpRoot + DiagnosticIds.SharedModelId + ".md");

    /// <summary>Every descriptor, keyed by id: catalog problems carry only the id and message arguments.</summary>
    public static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById = new[]
    {
        HardCodedPrice, UnknownModelId, ModelIdHasConstant, RetiredModelId,
        YamlSyntax, UnsupportedVersion, MissingField, UnknownSection, UnknownField, InvalidRate, DuplicateKey,
        DuplicateModelId, MemberNameCollision, InvalidIdentifier, InvalidCurrency, InvalidDate, DuplicateClass,
        UnknownRounding, InvalidImageSize, RuntimeNotReferenced, LimitExceeded, InvalidValue, InvalidNamespace, ConflictingAlias,
        SharedModelId,
    }.ToImmutableDictionary(d => d.Id);

    public static IEnumerable<DiagnosticDescriptor> CatalogDescriptors
    {
        get
        {
            foreach (var descriptor in ById.Values)
            {
                if (descriptor.Category == CatalogCategory)
                {
                    yield return descriptor;
                }
            }
        }
    }

    private static DiagnosticDescriptor Code(string id, DiagnosticSeverity severity, string title, string message, string description) =>
        new(id, title, message, CodeCategory, severity, isEnabledByDefault: true, description, HelpRoot + id + ".md");

    private static DiagnosticDescriptor Catalog(string id, string title, string message) =>
        new(id, title, message, CatalogCategory, DiagnosticSeverity.Error, isEnabledByDefault: true,
            "A problem in a *.prices.yaml catalog. A problem in an entry leaves that entry out of the generated code; a problem in the header or the YAML itself leaves out the whole file. The help page says which.",
            HelpRoot + id + ".md");
}
