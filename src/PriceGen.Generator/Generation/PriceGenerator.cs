using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PriceGen.Catalog;

namespace PriceGen.Generation;

/// <summary>
/// *.prices.yaml additional files in, one pricing class per catalog out.
/// <code>
/// AdditionalTexts ─Where(IsCatalog)─Select(Parse)──────────────► ParsedCatalogs ─┬──────────────────────────┐
///                                                                                └─Collect─► ClassOwners ─┤
/// AnalyzerConfigOptions ─► Options ───────────────────────────────────────────────────────────────────────┤
/// Compilation, ParseOptions ─► Features ──────────────────────────────────────────────────────────────────┴► GenerationUnits ─► AddSource
/// </code>
/// Catalog problems are reported by <c>CatalogAnalyzer</c>, not here, so each is reported once and can be configured
/// like any analyzer diagnostic. An unrelated C# edit changes none of the values above, so nothing is re-emitted.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PriceGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select((provider, _) => GenerationOptionsReader.Read(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var features = context.CompilationProvider
            .Combine(context.ParseOptionsProvider)
            .Select((pair, _) => new CompilationFeatures(
                RuntimeReferenced: pair.Left.GetTypeByMetadataName("PriceGen.ModelPrice") is not null,
                HasNotNullWhen: pair.Left.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.NotNullWhenAttribute") is not null,
                SupportsNullable: pair.Right is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 }))
            .WithTrackingName(TrackingNames.Features);

        var catalogs = context.AdditionalTextsProvider
            .Where(text => CatalogFiles.IsCatalog(text.Path))
            .Select((text, cancellationToken) => new CatalogFile(
                text.Path,
                CatalogParser.Parse(text.GetText(cancellationToken)?.ToString() ?? string.Empty)))
            .WithTrackingName(TrackingNames.ParsedCatalogs);

        var owners = catalogs
            .Select((file, _) => (file.Path, file.ClassName))
            .Collect()
            .Select((all, _) => CatalogFiles.ClassOwners(all))
            .WithTrackingName(TrackingNames.ClassOwners);

        var units = catalogs
            .Combine(owners)
            .Combine(options)
            .Combine(features)
            .Select((input, _) =>
            {
                var (((file, classOwners), generationOptions), compilationFeatures) = input;
                var catalog = file.Result.Catalog;
                var ownsClass = catalog is not null && classOwners.Any(o => o.ClassName == catalog.ClassName && o.Path == file.Path);
                return catalog is not null && ownsClass && compilationFeatures.RuntimeReferenced && generationOptions.InvalidNamespace is null
                    ? new GenerationUnit(catalog.ClassName + ".g.cs", CatalogFiles.FileName(file.Path), catalog, generationOptions, compilationFeatures)
                    : null;
            })
            .WithTrackingName(TrackingNames.GenerationUnits);

        context.RegisterSourceOutput(units, static (output, unit) =>
        {
            if (unit is not null)
            {
                output.AddSource(unit.HintName, PriceEmitter.Emit(unit));
            }
        });
    }
}
