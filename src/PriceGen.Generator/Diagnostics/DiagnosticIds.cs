namespace PriceGen.Diagnostics;

/// <summary>
/// Every PriceGen diagnostic id, in one place. The code fixes and the CLI read them from here; an id never changes
/// once shipped (users suppress and configure by id).
/// </summary>
internal static class DiagnosticIds
{
    // Code in the project (analyzers).
    public const string HardCodedPrice = "PRICE001";
    public const string UnknownModelId = "PRICE002";
    public const string ModelIdHasConstant = "PRICE003";
    public const string RetiredModelId = "PRICE004";
    public const string OutdatedPrice = "PRICE005";

    // The catalog file itself.
    public const string YamlSyntax = "PRICE100";
    public const string UnsupportedVersion = "PRICE101";
    public const string MissingField = "PRICE102";
    public const string UnknownSection = "PRICE103";
    public const string UnknownField = "PRICE104";
    public const string InvalidRate = "PRICE105";
    public const string DuplicateKey = "PRICE106";
    public const string DuplicateModelId = "PRICE107";
    public const string MemberNameCollision = "PRICE108";
    public const string InvalidIdentifier = "PRICE109";
    public const string InvalidCurrency = "PRICE110";
    public const string InvalidDate = "PRICE111";
    public const string DuplicateClass = "PRICE112";
    public const string UnknownRounding = "PRICE113";
    public const string InvalidImageSize = "PRICE114";
    public const string RuntimeNotReferenced = "PRICE115";
    public const string LimitExceeded = "PRICE116";
    public const string InvalidValue = "PRICE117";
    public const string InvalidNamespace = "PRICE118";
    public const string ConflictingAlias = "PRICE119";
    public const string SharedModelId = "PRICE120";
}
