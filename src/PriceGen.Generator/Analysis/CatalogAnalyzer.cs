using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PriceGen.Catalog;
using PriceGen.Diagnostics;
using PriceGen.Generation.Plan;

namespace PriceGen.Analysis;

/// <summary>
/// Reports every problem of every catalog (PRICE1xx) at its line and column in the YAML file, once per file, live in
/// the IDE and in the build. The generator reports nothing; it just leaves out what is broken.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CatalogAnalyzer : CatalogAnalyzerBase
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.CatalogDescriptors.ToImmutableArray();

    private protected override void RegisterActions(CompilationStartAnalysisContext start, CatalogIndex index) =>
        start.RegisterAdditionalFileAction(fileContext =>
        {
            var catalog = index.Catalogs.FirstOrDefault(c => c.File.Path == fileContext.AdditionalFile.Path);
            if (catalog is not null)
            {
                foreach (var diagnostic in Diagnose(catalog.File.Path, catalog.Result, catalog.Plan, owner => index.Catalogs.First(c => c.File.Path == owner).Result.Map)
                    .Concat(index.SharedIdsOf(catalog.File.Path)))
                {
                    fileContext.ReportDiagnostic(diagnostic);
                }
            }
        });

    /// <summary>
    /// Every diagnostic of one catalog file: its parse problems, then why its plan generates no class (PRICE112, 118,
    /// 115). The CLI reports through the same method, so a catalog reads the same in the build and in <c>pricegen validate</c>.
    /// </summary>
    /// <param name="path">The catalog file.</param>
    /// <param name="result">Its parse.</param>
    /// <param name="plan">Its plan, or null when it did not parse.</param>
    /// <param name="sourceMapOf">The source map of another catalog, by path: the owner of a class this one also claims.</param>
    internal static IEnumerable<Diagnostic> Diagnose(string path, CatalogParseResult result, CatalogPlan? plan, Func<string, CatalogSourceMap> sourceMapOf)
    {
        foreach (var problem in result.Problems)
        {
            yield return ToDiagnostic(problem, path);
        }

        if (plan is null)
        {
            yield break;
        }

        var at = result.Map.ClassName.ToLocation(path);
        if (plan.ClassOwnerPath is { } owner)
        {
            yield return Diagnostic.Create(DiagnosticDescriptors.DuplicateClass, at, new[] { sourceMapOf(owner).ClassName.ToLocation(owner) }, plan.ClassName, System.IO.Path.GetFileName(owner));
        }

        if (plan.InvalidNamespace is { } invalidNamespace)
        {
            yield return Diagnostic.Create(DiagnosticDescriptors.InvalidNamespace, at, invalidNamespace);
        }

        if (plan.RuntimeMissing)
        {
            yield return Diagnostic.Create(DiagnosticDescriptors.RuntimeNotReferenced, at);
        }
    }

    /// <summary>A parse problem as a diagnostic located in the catalog file; the CLI formats the same way.</summary>
    internal static Diagnostic ToDiagnostic(CatalogProblem problem, string path) =>
        Diagnostic.Create(
            DiagnosticDescriptors.ById[problem.Id],
            problem.Span.ToLocation(path),
            problem.RelatedSpan is { } related ? new[] { related.ToLocation(path) } : null,
            problem.Arguments.Cast<object>().ToArray());
}
