using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PriceGen.Generation;

/// <summary>Reads the MSBuild properties that <c>PriceGen.props</c> makes compiler-visible.</summary>
internal static class GenerationOptionsReader
{
    public const string NamespaceProperty = "build_property.PriceGenNamespace";
    public const string VisibilityProperty = "build_property.PriceGenVisibility";
    public const string RootNamespaceProperty = "build_property.RootNamespace";

    public static GenerationOptions Read(AnalyzerConfigOptions options)
    {
        var ns = Value(options, NamespaceProperty) ?? Value(options, RootNamespaceProperty);
        var visibility = Value(options, VisibilityProperty);
        var isPublic = string.Equals(visibility, "public", StringComparison.OrdinalIgnoreCase);
        return ns is null || IsValidNamespace(ns)
            ? new GenerationOptions(ns, isPublic)
            : new GenerationOptions(null, isPublic) { InvalidNamespace = ns };
    }

    /// <summary>Dotted C# identifiers: <c>My.Pricing</c>, not <c>My-Pricing</c> or <c>My..Pricing</c>.</summary>
    public static bool IsValidNamespace(string ns) => Array.TrueForAll(ns.Split('.'), Catalog.MemberNames.IsValidIdentifier);

    private static string? Value(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
