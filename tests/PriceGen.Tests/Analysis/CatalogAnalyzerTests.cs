using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PriceGen.Analysis;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Analysis;

/// <summary>Catalog problems reach the build as diagnostics located in the YAML file, once each.</summary>
public class CatalogAnalyzerTests
{
    private const string Path = "/0/openai-2023-03.prices.yaml";

    [Fact]
    public Task A_clean_catalog_reports_nothing() =>
        AnalyzerHarness.Test<CatalogAnalyzer>("class C { }").RunAsync();

    [Fact]
    public Task Unknown_field_is_located_in_the_yaml_file()
    {
        var broken = Paths.ReferenceCatalog.Replace("    usage: $0.002 / 1K tokens", "    usge: $0.002 / 1K tokens");
        var test = AnalyzerHarness.Test<CatalogAnalyzer>("class C { }", (Path, broken));
        var line = LineOf(broken, "    usge:");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE104", DiagnosticSeverity.Error)
            .WithSpan(Path, line, 5, line, 9)
            .WithMessage("unknown field 'usge'; did you mean 'usage'?"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE102", DiagnosticSeverity.Error)
            .WithSpan(Path, LineOf(broken, "  gpt-3.5-turbo:"), 3, LineOf(broken, "  gpt-3.5-turbo:"), 16)
            .WithMessage("chat model 'gpt-3.5-turbo' is missing required field 'usage'"));
        return test.RunAsync();
    }

    [Fact]
    public Task Duplicate_model_id_points_at_the_first()
    {
        var broken = Paths.ReferenceCatalog.Replace("  text-ada-001:\n", "  gpt-3.5-turbo:\n");
        var test = AnalyzerHarness.Test<CatalogAnalyzer>("class C { }", (Path, broken));
        var second = LineOf(broken, "  gpt-3.5-turbo:", occurrence: 2);
        var first = LineOf(broken, "  gpt-3.5-turbo:");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE107", DiagnosticSeverity.Error)
            .WithSpan(Path, second, 3, second, 16)
            .WithSpan(Path, first, 3, first, 16)
            .WithMessage("model id 'gpt-3.5-turbo' is already listed in section 'chat'; a model id is unique in the catalog"));
        return test.RunAsync();
    }

    [Fact]
    public Task An_id_two_providers_claim_is_a_warning_at_both()
    {
        const string Acme = "pricegen: 1\nprovider: Acme\ncurrency: USD\neffective: 2026-01-01\nchat:\n  acme-chat: { aliases: [gpt-35-turbo], input: $1 / 1M tokens }\n";
        var test = AnalyzerHarness.Test<CatalogAnalyzer>("class C { }", (Path, Paths.ReferenceCatalog), ("/0/acme.prices.yaml", Acme));
        var openAiLine = LineOf(Paths.ReferenceCatalog, "  gpt-3.5-turbo:");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE120", DiagnosticSeverity.Warning)
            .WithSpan("/0/acme.prices.yaml", 6, 3, 6, 12)
            .WithSpan(Path, openAiLine, 3, openAiLine, 16)
            .WithMessage("'gpt-35-turbo' is an alias of 'acme-chat' in this catalog and an alias of 'gpt-3.5-turbo' in OpenAI (openai-2023-03.prices.yaml); a lookup across both catalogs cannot tell whose price applies"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE120", DiagnosticSeverity.Warning)
            .WithSpan(Path, openAiLine, 3, openAiLine, 16)
            .WithSpan("/0/acme.prices.yaml", 6, 3, 6, 12)
            .WithMessage("'gpt-35-turbo' is an alias of 'gpt-3.5-turbo' in this catalog and an alias of 'acme-chat' in Acme (acme.prices.yaml); a lookup across both catalogs cannot tell whose price applies"));
        return test.RunAsync();
    }

    [Fact]
    public Task One_providers_catalogs_of_two_dates_are_a_price_history_not_a_conflict()
    {
        var older = Paths.ReferenceCatalog.Replace("provider: OpenAI", "provider: OpenAI\nclass: OpenAIPrices2022").Replace("effective: 2023-03-01", "effective: 2022-12-01");
        return AnalyzerHarness.Test<CatalogAnalyzer>("class C { }", (Path, Paths.ReferenceCatalog), ("/0/openai-2022.prices.yaml", older)).RunAsync();
    }

    [Fact]
    public Task Two_catalogs_claiming_one_class()
    {
        var test = AnalyzerHarness.Test<CatalogAnalyzer>("class C { }", ("/0/a.prices.yaml", Paths.ReferenceCatalog), ("/0/b.prices.yaml", Paths.ReferenceCatalog.Replace("gpt-3.5-turbo", "gpt-3.5-turbo-0301")));
        var line = LineOf(Paths.ReferenceCatalog, "provider: OpenAI");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE112", DiagnosticSeverity.Error)
            .WithSpan("/0/b.prices.yaml", line, 11, line, 17)
            .WithSpan("/0/a.prices.yaml", line, 11, line, 17)
            .WithMessage("class 'OpenAIPrices' is already generated from 'a.prices.yaml'; give this catalog its own 'class:' (for example OpenAIPrices2023)"));
        // Both catalogs' sources would define OpenAIPrices: the second is not generated, so drop it from the test compilation.
        test.TestState.Sources.RemoveAt(test.TestState.Sources.Count - 1);
        return test.RunAsync();
    }

    [Fact]
    public Task Missing_runtime_library_is_one_clear_error()
    {
        var test = AnalyzerHarness.Test<CatalogAnalyzer>("class C { }");
        test.TestState.AdditionalReferences.Clear();
        test.TestState.Sources.RemoveAt(test.TestState.Sources.Count - 1);
        var line = LineOf(Paths.ReferenceCatalog, "provider: OpenAI");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE115", DiagnosticSeverity.Error).WithSpan(Path, line, 11, line, 17));
        return test.RunAsync();
    }

    [Fact]
    public Task Invalid_namespace_generates_nothing_and_says_why()
    {
        var test = AnalyzerHarness.Test<CatalogAnalyzer>("class C { }");
        test.TestState.Sources.RemoveAt(test.TestState.Sources.Count - 1);
        test.TestState.AnalyzerConfigFiles.Clear();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.PriceGenNamespace = My-Pricing\n"));
        var line = LineOf(Paths.ReferenceCatalog, "provider: OpenAI");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE118", DiagnosticSeverity.Error).WithSpan(Path, line, 11, line, 17)
            .WithMessage("no code is generated from this catalog: the MSBuild property PriceGenNamespace ('My-Pricing') is not a valid C# namespace, such as My.Pricing"));
        return test.RunAsync();
    }

    [Fact]
    public Task Severity_is_configurable_like_any_analyzer()
    {
        var broken = Paths.ReferenceCatalog.Replace("rounding: nearest-second", "rounding: nearest");
        var test = AnalyzerHarness.Test<CatalogAnalyzer>("class C { }", (Path, broken));
        // A catalog is not a C# file, so its diagnostics follow global options (.globalconfig), not [*.cs] sections.
        test.TestState.AnalyzerConfigFiles.Add(("/severity.globalconfig", "is_global = true\ndotnet_diagnostic.PRICE113.severity = warning\n"));
        var line = LineOf(broken, "    rounding: nearest");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE113", DiagnosticSeverity.Warning)
            .WithSpan(Path, line, 15, line, 22)
            .WithMessage("unknown rounding 'nearest'; did you mean 'nearest-second'?"));
        return test.RunAsync();
    }

    /// <summary>1-based line of the <paramref name="occurrence"/>th line that starts with <paramref name="start"/>.</summary>
    private static int LineOf(string text, string start, int occurrence = 1)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(start) && --occurrence == 0)
            {
                return i + 1;
            }
        }

        throw new System.InvalidOperationException($"'{start}' not found");
    }
}
