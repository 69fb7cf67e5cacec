using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Generation;

/// <summary>The emitted source for the reference catalog, compared with committed golden files.</summary>
public class GoldenFileTests
{
    [Fact]
    public void Reference_catalog_internal_in_a_namespace()
    {
        var (result, _) = GeneratorHarness.Run(Paths.ReferenceCatalog, "/project/catalog/openai-2023-03.prices.yaml");

        Golden.AssertMatches("OpenAIPrices.internal.g.cs", GeneratorHarness.GeneratedText(result, "OpenAIPrices.g.cs"));
    }

    [Fact]
    public void Reference_catalog_public_without_namespace_for_CSharp_7_3()
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new PriceGen.Generation.PriceGenerator().AsSourceGenerator() },
            new[] { new TestAdditionalText("/project/openai-2023-03.prices.yaml", Paths.ReferenceCatalog) },
            CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp7_3),
            new TestOptionsProvider(new Dictionary<string, string> { ["build_property.PriceGenVisibility"] = "public" }));
        var compilation = GeneratorHarness.Compilation(null)
            .WithOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var text = GeneratorHarness.GeneratedText(driver.GetRunResult(), "OpenAIPrices.g.cs");

        Golden.AssertMatches("OpenAIPrices.public-csharp7.3.g.cs", text);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
