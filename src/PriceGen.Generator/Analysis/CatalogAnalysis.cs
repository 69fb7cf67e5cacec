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

    /// <summary>The index of <paramref name="compilation"/>, each catalog parsed once per text (<see cref="CatalogCache"/>).</summary>
    public static CatalogIndex GetIndex(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        Indexes.GetValue(compilation, c => CatalogIndex.Build(
            c,
            options,
            file => file.GetText(cancellationToken) is { } text ? CatalogCache.Parse(text, cancellationToken) : null,
            cancellationToken));
}
