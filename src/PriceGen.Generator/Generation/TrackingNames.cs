namespace PriceGen.Generation;

/// <summary>Names of the pipeline steps, so tests can assert which ones ran.</summary>
internal static class TrackingNames
{
    public const string Options = nameof(Options);
    public const string Features = nameof(Features);
    public const string ParsedCatalogs = nameof(ParsedCatalogs);
    public const string Catalogs = nameof(Catalogs);
    public const string ClassOwners = nameof(ClassOwners);
    public const string Plans = nameof(Plans);
    public const string Polyfills = nameof(Polyfills);
}
