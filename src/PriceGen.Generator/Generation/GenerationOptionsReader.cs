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
        return new GenerationOptions(ns, string.Equals(visibility, "public", StringComparison.OrdinalIgnoreCase));
    }

    private static string? Value(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
