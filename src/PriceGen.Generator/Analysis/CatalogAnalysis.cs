using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PriceGen.Catalog;

namespace PriceGen.Analysis;

/// <summary>
/// Shares one <see cref="CatalogIndex"/> per compilation between PriceGen's analyzers, and one parse per catalog text
/// across compilations.
/// </summary>
internal static class CatalogAnalysis
{
    private static readonly ConditionalWeakTable<Compilation, CatalogIndex> Indexes = new();

    /// <summary>The index of <paramref name="compilation"/>; <paramref name="tryGetParse"/> is the start context's cached <c>TryGetValue</c>.</summary>
    public static CatalogIndex GetIndex(
        Compilation compilation,
        AnalyzerOptions options,
        Func<SourceText, CatalogParseResult?> tryGetParse,
        CancellationToken cancellationToken) =>
        Indexes.GetValue(compilation, c => CatalogIndex.Build(
            c,
            options,
            file => file.GetText(cancellationToken) is { } text ? tryGetParse(text) : null,
            cancellationToken));
}
