using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PriceGen.Analysis;
using PriceGen.Catalog;
using PriceGen.Generation;
using PriceGen.Generation.Plan;

namespace PriceGen.Cli;

/// <summary>
/// Catalog files read from disk and checked exactly as the analyzer checks them in a project: each parsed by
/// <see cref="CatalogParser"/>, and two catalogs generating one class reported as PRICE112.
/// </summary>
internal sealed class CatalogFileSet
{
    private CatalogFileSet(IReadOnlyList<(string Path, CatalogParseResult Result)> files, IReadOnlyList<Diagnostic> diagnostics)
    {
        Files = files;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<(string Path, CatalogParseResult Result)> Files { get; }

    /// <summary>Every problem, in path order then position order, as the compiler would report it.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public static CatalogFileSet Load(IEnumerable<string> paths)
    {
        var files = CatalogFiles.InPathOrder(paths.Distinct(), p => p)
            .Select(path => (path, CatalogParser.Parse(ReadText(path))))
            .ToList();
        var maps = files.ToDictionary(f => f.path, f => f.Item2.Map);
        var plans = ApiPlanner.PlanAll(files.Select(f => (f.path, f.Item2.Catalog)), new GenerationOptions(null, IsPublic: false), CompilationFeatures.Modern)
            .ToDictionary(p => p.Path, p => p.Plan);
        var shared = SharedModelIds.Find(plans.Select(p => (p.Key, p.Value, maps[p.Key])));
        var diagnostics = files
            .SelectMany(f => CatalogAnalyzer.Diagnose(f.path, f.Item2, plans.TryGetValue(f.path, out var plan) ? plan : null, owner => maps[owner]))
            .Concat(shared.Values.SelectMany(d => d))
            .OrderBy(d => d.Location.GetLineSpan().Path, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToList();
        return new CatalogFileSet(files, diagnostics);
    }

    /// <summary><c>path(line,col): error PRICE104: message</c>, as <c>dotnet build</c> prints it.</summary>
    public static string Format(Diagnostic diagnostic) => Microsoft.CodeAnalysis.CSharp.CSharpDiagnosticFormatter.Instance.Format(diagnostic, CultureInfo.InvariantCulture);

    /// <summary>Reads text with BOM detection (UTF-8, UTF-16), as the compiler reads additional files.</summary>
    private static string ReadText(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
