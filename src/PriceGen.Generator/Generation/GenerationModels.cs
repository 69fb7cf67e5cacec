using PriceGen.Catalog;

namespace PriceGen.Generation;

/// <summary>The MSBuild options that shape the output (<c>PriceGenNamespace</c>, <c>PriceGenVisibility</c>).</summary>
internal sealed record GenerationOptions(string? Namespace, bool IsPublic)
{
    /// <summary>The namespace as written when it is not a valid C# namespace (nothing is generated then).</summary>
    public string? InvalidNamespace { get; init; }
}

/// <summary>What the emitter needs to know about the consuming compilation, reduced to equatable flags.</summary>
internal sealed record CompilationFeatures(bool RuntimeReferenced, bool HasNotNullWhen, bool SupportsNullable);

/// <summary>A parsed catalog with its path: the value the pipeline caches per additional file.</summary>
internal sealed record CatalogFile(string Path, CatalogParseResult Result)
{
    public string? ClassName => Result.Catalog?.ClassName;
}

/// <summary>Everything one generated file depends on, and nothing more.</summary>
internal sealed record GenerationUnit(string HintName, string FileName, PriceCatalog Catalog, GenerationOptions Options, CompilationFeatures Features);
