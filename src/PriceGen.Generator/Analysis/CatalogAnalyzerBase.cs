using Microsoft.CodeAnalysis.Diagnostics;

namespace PriceGen.Analysis;

/// <summary>
/// What every PriceGen analyzer does first: skip generated code, run concurrently, and get the compilation's shared
/// <see cref="CatalogIndex"/> (one parse per catalog text). A derived analyzer registers its actions only when the
/// compilation has catalogs.
/// </summary>
public abstract class CatalogAnalyzerBase : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var index = CatalogAnalysis.GetIndex(start.Compilation, start.Options, start.CancellationToken);
            if (index.HasCatalogs)
            {
                RegisterActions(start, index);
            }
        });
    }

    /// <summary>Registers the analyzer's actions for a compilation that has at least one catalog.</summary>
    private protected abstract void RegisterActions(CompilationStartAnalysisContext start, CatalogIndex index);
}
