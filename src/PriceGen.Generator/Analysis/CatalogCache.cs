using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using PriceGen.Catalog;

namespace PriceGen.Analysis;

/// <summary>
/// One parse per catalog text for every analyzer, kept across compilations while the text is unchanged (the IDE hands
/// the same <see cref="SourceText"/> to each new compilation). A <see cref="ConditionalWeakTable{TKey, TValue}"/> rather
/// than Roslyn's <c>SourceTextValueProvider</c>, whose callback gets no cancellation token: a 16 MiB catalog must stop
/// parsing when the IDE cancels the analysis, and a cancelled parse leaves nothing cached.
/// </summary>
internal static class CatalogCache
{
    private static readonly ConditionalWeakTable<SourceText, CatalogParseResult> Parses = new();

    public static CatalogParseResult Parse(SourceText text, CancellationToken cancellationToken)
    {
        if (Parses.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var parsed = CatalogParser.Parse(text.ToString(), cancellationToken);
        return Parses.GetValue(text, _ => parsed);
    }
}
