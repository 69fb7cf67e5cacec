using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PriceGen.Catalog;
using PriceGen.Diagnostics;

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

    private protected override void RegisterActions(CompilationStartAnalysisContext start, CatalogIndex index)
    {
        var invalidNamespace = Generation.GenerationOptionsReader.Read(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions).InvalidNamespace;
        start.RegisterAdditionalFileAction(fileContext =>
        {
            var catalog = index.Catalogs.FirstOrDefault(c => c.File.Path == fileContext.AdditionalFile.Path);
            if (catalog is null)
            {
                return;
            }

            var path = catalog.File.Path;
            foreach (var problem in catalog.Result.Problems)
            {
                fileContext.ReportDiagnostic(ToDiagnostic(problem, path));
            }

            if (catalog.Result.Catalog is { } parsed)
            {
                if (!catalog.OwnsClass)
                {
                    var owner = index.Catalogs.First(c => c.OwnsClass && c.Result.Catalog!.ClassName == parsed.ClassName);
                    fileContext.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.DuplicateClass,
                        parsed.ClassNameSpan.ToLocation(path),
                        new[] { owner.Result.Catalog!.ClassNameSpan.ToLocation(owner.File.Path) },
                        parsed.ClassName,
                        System.IO.Path.GetFileName(owner.File.Path)));
                }

                if (invalidNamespace is not null)
                {
                    fileContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidNamespace, parsed.ClassNameSpan.ToLocation(path), invalidNamespace));
                }

                if (!index.RuntimeReferenced)
                {
                    fileContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RuntimeNotReferenced, parsed.ClassNameSpan.ToLocation(path)));
                }
            }
        });
    }

    /// <summary>A parse problem as a diagnostic located in the catalog file; the CLI formats the same way.</summary>
    internal static Diagnostic ToDiagnostic(CatalogProblem problem, string path) =>
        Diagnostic.Create(
            DiagnosticDescriptors.ById[problem.Id],
            problem.Span.ToLocation(path),
            problem.RelatedSpan is { } related ? new[] { related.ToLocation(path) } : null,
            problem.Arguments.Cast<object>().ToArray());
}
