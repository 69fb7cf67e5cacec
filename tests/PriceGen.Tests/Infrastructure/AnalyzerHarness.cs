using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PriceGen.Catalog;
using PriceGen.Generation;

namespace PriceGen.Tests.Infrastructure;

/// <summary>
/// Analyzer and code-fix tests in the shape of the Banned API tests: catalogs as additional files, options as
/// analyzer config files, and the source the generator would add for each catalog, so fixed code must compile.
/// </summary>
internal static class AnalyzerHarness
{
    public const string Namespace = "My.Pricing";
    public const string CatalogPath = "/0/openai-2023-03.prices.yaml";

    public static ReferenceAssemblies ReferenceAssemblies { get; } = ReferenceAssemblies.Net.Net80;

    public static CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> Test<TAnalyzer, TFix>(string source, string? fixedSource = null, params (string Path, string Text)[] catalogs)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies,
            TestCode = source,
        };
        Configure(test.TestState, catalogs);
        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
            Configure(test.FixedState, catalogs);
        }

        return test;
    }

    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Test<TAnalyzer>(string source, params (string Path, string Text)[] catalogs)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies, TestCode = source };
        Configure(test.TestState, catalogs);
        return test;
    }

    private static void Configure(SolutionState state, (string Path, string Text)[] catalogs)
    {
        if (catalogs.Length == 0)
        {
            catalogs = new[] { (CatalogPath, Paths.ReferenceCatalog) };
        }

        state.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(ModelPrice).Assembly.Location));
        state.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.PriceGenNamespace = {Namespace}\n"));
        foreach (var (path, text) in catalogs)
        {
            state.AdditionalFiles.Add((path, text));
            if (CatalogParser.Parse(text).Catalog is { } catalog)
            {
                var plan = PriceGen.Generation.Plan.ApiPlanner.Plan(path, catalog, PriceGen.Common.EquatableArray<ClassOwner>.Empty,
                    new GenerationOptions(Namespace, IsPublic: false), CompilationFeatures.Modern);
                state.Sources.Add(($"/0/Generated/{plan.HintName}", PriceEmitter.Emit(plan)));
            }
        }
    }
}
