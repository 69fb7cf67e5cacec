namespace PriceGen.Generation;

/// <summary>Names of the pipeline steps, so tests can assert which ones ran.</summary>
internal static class TrackingNames
{
    public const string Options = nameof(Options);
    public const string Features = nameof(Features);
    public const string ParsedCatalogs = nameof(ParsedCatalogs);
    public const string ClassOwners = nameof(ClassOwners);
    public const string GenerationUnits = nameof(GenerationUnits);
}
