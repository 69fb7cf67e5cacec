using System.Linq;
using Microsoft.CodeAnalysis;
using PriceGen.Catalog;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Catalog;

/// <summary>A name that would make the generated code uncompilable is a catalog error, never a compiler error.</summary>
public class CatalogNameClashTests
{
    private const string Catalog =
        "pricegen: 1\nprovider: Acme\ncurrency: USD\neffective: 2023-03-01\n{0}" +
        "chat:\n  a: {{ usage: $1 / token }}\ninstruct:\n  b: {{ usage: $1 / token }}\nfine-tuning:\n  c: {{ training: $1 / token, usage: $1 / token }}\n" +
        "embedding:\n  d: {{ usage: $1 / token }}\nimage:\n  e: {{ sizes: {{ 1x1: $1 / image }} }}\naudio:\n  f: {{ usage: $1 / minute }}\n";

    [Theory]
    [InlineData("Provider")]
    [InlineData("Currency")]
    [InlineData("EffectiveDate")]
    [InlineData("Effective")]
    [InlineData("Models")]
    [InlineData("TryGetModel")]
    [InlineData("GetModel")]
    [InlineData("Lookup")]
    [InlineData("Chat")]
    [InlineData("Instruct")]
    [InlineData("FineTuning")]
    [InlineData("Embedding")]
    [InlineData("Image")]
    [InlineData("Audio")]
    public void A_class_named_like_one_of_its_members_is_PRICE109(string className)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Catalog, "class: " + className + "\n");

        var result = CatalogParser.Parse(text);
        var (run, output) = GeneratorHarness.Run(text);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("PRICE109", problem.Id);
        Assert.Equal(text.IndexOf("class: ", System.StringComparison.Ordinal) + 7, problem.Span.Start);
        Assert.Empty(run.GeneratedTrees);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData("class: AcmePrices\n")]
    [InlineData("class: Model\n")]
    [InlineData("class: List\n")]
    [InlineData("")]
    public void Other_class_names_generate_code_that_compiles(string classLine)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Catalog, classLine);

        var (run, output) = GeneratorHarness.Run(text);

        Assert.Empty(CatalogParser.Parse(text).Problems);
        Assert.Single(run.GeneratedTrees);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}
