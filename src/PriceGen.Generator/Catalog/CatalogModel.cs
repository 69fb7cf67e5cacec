using PriceGen.Common;

namespace PriceGen.Catalog;

/// <summary>The catalog sections, one per model kind; the names match <c>PriceGen.ModelKind</c>.</summary>
internal enum CatalogSection
{
    Chat,
    Instruct,
    FineTuning,
    Embedding,
    Image,
    Audio,
}

/// <summary>What a rate is charged per; the names match <c>PriceGen.RateUnit</c>.</summary>
internal enum CatalogUnit
{
    Token,
    Image,
    Second,
    Minute,
    Hour,
}

/// <summary>Rounding of audio durations; the names match <c>PriceGen.DurationRounding</c>.</summary>
internal enum CatalogRounding
{
    Exact,
    NearestSecond,
    UpToSecond,
}

/// <summary>Which runtime type a rate becomes.</summary>
internal enum RateKind
{
    Token,
    Training,
    Image,
    Duration,
}

/// <summary>A price as written (<see cref="Text"/> keeps its scale: "0.0200") and as a value.</summary>
internal readonly record struct CatalogPrice(decimal Value, string Text);

/// <summary>A parsed rate: <c>[$]PRICE / [COUNT] UNIT</c>.</summary>
internal sealed record CatalogRate(
    string Role,
    string MemberName,
    RateKind Kind,
    CatalogPrice Price,
    long Quantity,
    CatalogUnit Unit,
    string Written,
    CatalogRounding Rounding,
    int Width,
    int Height,
    CatalogSpan Span);

/// <summary>One model entry of a section.</summary>
internal sealed record CatalogModel(
    string Id,
    CatalogSection Section,
    string Name,
    string? Description,
    string MemberName,
    EquatableArray<CatalogRate> Rates,
    CatalogSpan IdSpan);

/// <summary>A whole catalog as its generated class will expose it. Value-equatable all the way down.</summary>
internal sealed record PriceCatalog(
    string Provider,
    string ClassName,
    string Currency,
    int EffectiveYear,
    int EffectiveMonth,
    int EffectiveDay,
    string? Source,
    EquatableArray<CatalogModel> Models,
    CatalogSpan ClassNameSpan)
{
    public string EffectiveText => EffectiveYear.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-" +
        EffectiveMonth.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + "-" +
        EffectiveDay.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// What one parse of a catalog text yields: the catalog (null after a file-level error) and every problem, located.
/// Path-free, so one result can be cached per text and shared by every file and compilation that has that text.
/// </summary>
internal sealed record CatalogParseResult(PriceCatalog? Catalog, EquatableArray<CatalogProblem> Problems);
