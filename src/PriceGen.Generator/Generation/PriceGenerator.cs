using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PriceGen.Catalog;
using PriceGen.Generation.Plan;

namespace PriceGen.Generation;

/// <summary>
/// *.prices.yaml additional files in, one pricing class per catalog out.
/// <code>
/// AdditionalTexts ─Where(IsCatalog)─Select(Parse)─► ParsedCatalogs ─Select─► Catalogs ─┬─────────────────────┐
///                                                        (spans, problems)   (span-free)└─Collect─► ClassOwners ─┤
/// AnalyzerConfigOptions ─► Options ─────────────────────────────────────────────────────────────────────────────┤
/// Compilation, ParseOptions ─► Features ─┬──────────────────────────────────────────────────────────────────────┴► Plans ─► AddSource
///                                        └─► NotNullWhen polyfill (once, when the compilation has no accessible one)
/// </code>
/// Catalog problems are reported by <c>CatalogAnalyzer</c>, not here, so each is reported once and can be configured
/// like any analyzer diagnostic. An unrelated C# edit changes none of the values above, and an edit of a catalog that
/// moves text without changing its meaning (a blank line, a comment) stops at <c>Catalogs</c>: nothing is re-emitted.
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
            .Select((pair, _) => ReadFeatures(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Features);

        var parsed = context.AdditionalTextsProvider
            .Where(text => CatalogFiles.IsCatalog(text.Path))
            .Select((text, cancellationToken) => new CatalogFile(
                text.Path,
                CatalogParser.Parse(text.GetText(cancellationToken)?.ToString() ?? string.Empty, cancellationToken)))
            .WithTrackingName(TrackingNames.ParsedCatalogs);

        // Without the source map: from here on a value changes only when the catalog's meaning does.
        var catalogs = parsed
            .Select((file, _) => (file.Path, file.Result.Catalog))
            .WithTrackingName(TrackingNames.Catalogs);

        var owners = catalogs
            .Select((file, _) => (file.Path, file.Catalog?.ClassName))
            .Collect()
            .Select((all, _) => CatalogFiles.ClassOwners(all))
            .WithTrackingName(TrackingNames.ClassOwners);

        var plans = catalogs
            .Combine(owners)
            .Combine(options)
            .Combine(features)
            .Select((input, _) =>
            {
                var ((((path, catalog), classOwners), generationOptions), compilationFeatures) = input;
                return catalog is null ? null : ApiPlanner.Plan(path, catalog, classOwners, generationOptions, compilationFeatures);
            })
            .WithTrackingName(TrackingNames.Plans);

        context.RegisterSourceOutput(plans, static (output, plan) =>
        {
            if (plan is { Generates: true })
            {
                output.AddSource(plan.HintName, PriceEmitter.EmitText(plan));
            }
        });

        var polyfill = features
            .Select((f, _) => f.RuntimeReferenced && f.SupportsNullable && !f.HasNotNullWhen)
            .WithTrackingName(TrackingNames.Polyfills);
        context.RegisterSourceOutput(polyfill, static (output, needed) =>
        {
            if (needed)
            {
                output.AddSource(Polyfills.NotNullWhenHintName, Polyfills.NotNullWhen);
            }
        });
    }

    private static CompilationFeatures ReadFeatures(Compilation compilation, ParseOptions parseOptions)
    {
        var language = parseOptions is CSharpParseOptions csharp ? csharp.LanguageVersion : LanguageVersion.CSharp7_3;
        return new CompilationFeatures(
            RuntimeReferenced: compilation.GetTypeByMetadataName("PriceGen.ModelPrice") is not null,
            HasNotNullWhen: HasAccessibleType(compilation, "System.Diagnostics.CodeAnalysis.NotNullWhenAttribute"),
            SupportsNullable: language >= LanguageVersion.CSharp8,
            SupportsFileScopedNamespace: language >= LanguageVersion.CSharp10);
    }

    /// <summary>
    /// Whether the compilation can use the type: netstandard2.0 has no <c>NotNullWhenAttribute</c>, and the runtime's own
    /// copy is internal, so there it is absent although a type of that name is referenced.
    /// </summary>
    private static bool HasAccessibleType(Compilation compilation, string metadataName)
    {
        foreach (var type in compilation.GetTypesByMetadataName(metadataName))
        {
            if (compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
            {
                return true;
            }
        }

        return false;
    }
}
