using PriceGen.Catalog;

namespace PriceGen.Generation;

/// <summary>The MSBuild options that shape the output (<c>PriceGenNamespace</c>, <c>PriceGenVisibility</c>).</summary>
internal sealed record GenerationOptions(string? Namespace, bool IsPublic)
{
    /// <summary>The namespace as written when it is not a valid C# namespace (nothing is generated then).</summary>
    public string? InvalidNamespace { get; init; }
}

/// <summary>What the emitter needs to know about the consuming compilation, reduced to equatable flags.</summary>
/// <param name="RuntimeReferenced">Whether <c>PriceGen.Runtime</c> is referenced: without it nothing is generated (PRICE115).</param>
/// <param name="HasNotNullWhen">Whether an accessible <c>NotNullWhenAttribute</c> exists; else PriceGen adds an internal one.</param>
/// <param name="SupportsNullable">C# 8 or later: nullable annotations.</param>
/// <param name="SupportsFileScopedNamespace">C# 10 or later: <c>namespace N;</c>.</param>
internal sealed record CompilationFeatures(bool RuntimeReferenced, bool HasNotNullWhen, bool SupportsNullable, bool SupportsFileScopedNamespace)
{
    /// <summary>What the CLI assumes, having no compilation: a modern project that references the runtime.</summary>
    public static readonly CompilationFeatures Modern = new(RuntimeReferenced: true, HasNotNullWhen: true, SupportsNullable: true, SupportsFileScopedNamespace: true);
}

/// <summary>A parsed catalog with its path: the value the pipeline caches per additional file.</summary>
internal sealed record CatalogFile(string Path, CatalogParseResult Result)
{
    public string? ClassName => Result.Catalog?.ClassName;
}

