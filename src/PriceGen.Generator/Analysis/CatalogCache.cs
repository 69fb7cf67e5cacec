using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PriceGen.Catalog;

namespace PriceGen.Analysis;

/// <summary>
/// One parse per catalog text for every analyzer, kept across compilations while the text is unchanged
/// (the IDE hands the same <see cref="Microsoft.CodeAnalysis.Text.SourceText"/> to each new compilation).
/// </summary>
internal static class CatalogCache
{
    public static readonly SourceTextValueProvider<CatalogParseResult> Parses = new(text => CatalogParser.Parse(text.ToString()));
}
