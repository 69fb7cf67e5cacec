using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PriceGen.Analysis;
using PriceGen.CodeFixes;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Analysis;

/// <summary>PRICE004: a deprecated or shut-down model's id at a model-id sink, with a fix to its replacement.</summary>
public class RetiredModelTests
{
    private const string Usings = "using System;\nusing PriceGen;\nusing My.Pricing;\n";

    private const string Catalog = """
        pricegen: 1
        provider: OpenAI
        currency: USD
        effective: 2026-03-01
        chat:
          gpt-4.1: { input: $2 / 1M tokens, output: $8 / 1M tokens }
          gpt-4-1106-preview: { input: $10 / 1M tokens, output: $30 / 1M tokens, deprecated: 2026-03-26, replacement: gpt-4.1 }
          gpt-3.5-turbo-0301: { input: $1.5 / 1M tokens, shutdown: 2024-06-13 }
        """;

    private static (string, string) CatalogFile => ("/0/openai.prices.yaml", Catalog);

    [Fact]
    public Task Retired_ids_are_reported_with_dates_and_replacement()
    {
        var test = AnalyzerHarness.Test<ModelIdAnalyzer>(
            Usings + "class Client { public void Send([ModelId] string model) { } void M() { Send({|#0:\"gpt-4-1106-preview\"|}); Send({|#1:\"gpt-3.5-turbo-0301\"|}); Send({|PRICE003:\"gpt-4.1\"|}); } }",
            CatalogFile);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE004", DiagnosticSeverity.Warning).WithLocation(0)
            .WithMessage("'gpt-4-1106-preview' is deprecated as of 2026-03-26; use 'gpt-4.1'"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE004", DiagnosticSeverity.Warning).WithLocation(1)
            .WithMessage("'gpt-3.5-turbo-0301' shuts down on 2024-06-13"));
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_moves_to_the_replacement_constant()
    {
        var test = AnalyzerHarness.Test<ModelIdAnalyzer, ModelIdCodeFixProvider>(
            Usings + "class Client { public void Send([ModelId] string model) { } void M() { Send({|PRICE004:\"gpt-4-1106-preview\"|}); } }",
            Usings + "class Client { public void Send([ModelId] string model) { } void M() { Send(OpenAIPrices.Chat.Gpt41.Id); } }",
            CatalogFile);
        return test.RunAsync();
    }

    [Fact]
    public Task Using_the_generated_class_of_a_retired_model_warns_natively()
    {
        var test = AnalyzerHarness.Test<ModelIdAnalyzer>(
            Usings + "class C { public string Id = {|CS0618:OpenAIPrices.Chat.Gpt41106Preview|}.Id; }",
            CatalogFile);
        test.CompilerDiagnostics = CompilerDiagnostics.Warnings;
        return test.RunAsync();
    }
}
