using System.IO;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PriceGen.Analysis;
using PriceGen.CodeFixes;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Analysis;

/// <summary>Issue 14: prices attributed by their context, PRICE005 for out-of-date ones, scale read from the code, no false alarms.</summary>
public class PriceContextTests
{
    private const string Usings = "using System;\nusing System.Collections.Generic;\nusing My.Pricing;\n";
    private const string Record = "record ModelPrice(string Id, decimal InPerMillion, decimal OutPerMillion);\n";

    /// <summary>The 2026 catalog has a quota, whose generated code needs TimeProvider (Microsoft.Bcl.TimeProvider on netstandard).</summary>
    private static readonly MetadataReference TimeProviderReference =
        MetadataReference.CreateFromFile(Path.Combine(System.AppContext.BaseDirectory, "Microsoft.Bcl.TimeProvider.dll"));

    private static T With2026<T>(T test)
        where T : AnalyzerTest<DefaultVerifier>
    {
        test.TestState.AdditionalReferences.Add(TimeProviderReference);
        if (test is CodeFixTest<DefaultVerifier> fix)
        {
            fix.FixedState.AdditionalReferences.Add(TimeProviderReference);
        }

        return test;
    }

    private static (string, string) Catalog2026 => ("/0/openai-2026-03.prices.yaml", File.ReadAllText(Path.Combine(Paths.RepositoryRoot, "catalog", "openai-2026-03.prices.yaml")));

    private static (string, string) CatalogGoogle => ("/0/google-2026-03.prices.yaml", File.ReadAllText(Path.Combine(Paths.RepositoryRoot, "catalog", "google-2026-03.prices.yaml")));

    [Fact]
    public Task Without_a_model_the_family_a_type_names_picks_among_equal_rates()
    {
        // $10 / 1M is gpt-4o's output rate and gemini-2.5-pro's: the class's family word decides, and a class that names
        // none lists both.
        var test = With2026(AnalyzerHarness.Test<HardCodedPriceAnalyzer>(
            Usings + "static class GptTokenRates { public static readonly decimal ChatGbt4oOut = {|#0:0.00001m|}; }\n" +
            "static class GeminiTokenRates { public static readonly decimal ProOutputPrice = {|#1:0.00001m|}; }\n" +
            "static class TokenRates { public static readonly decimal ProOutputPrice = {|#2:0.00001m|}; }\n",
            Catalog2026, CatalogGoogle));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE001", DiagnosticSeverity.Warning).WithLocation(0)
            .WithMessage("0.00001 is the catalog price of gpt-4o output per unit ($10 / 1M tokens) in OpenAI; use OpenAI2026Prices.Chat.Gpt4o.Output"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE001", DiagnosticSeverity.Warning).WithLocation(1)
            .WithMessage("0.00001 is the catalog price of gemini-2.5-pro output per unit ($10 / 1M tokens) in Google; use GeminiPrices.Chat.Gemini25Pro.Output"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE001", DiagnosticSeverity.Warning).WithLocation(2)
            .WithMessage("0.00001 is the catalog price of gemini-2.5-pro output per unit ($10 / 1M tokens) in Google; gpt-4o output per unit ($10 / 1M tokens) in OpenAI; use GeminiPrices.Chat.Gemini25Pro.Output or OpenAI2026Prices.Chat.Gpt4o.Output"));
        return test.RunAsync();
    }

    [Fact]
    public Task Outdated_price_says_what_the_catalog_says()
    {
        var test = With2026(AnalyzerHarness.Test<HardCodedPriceAnalyzer>(
            Usings + Record + "class C { ModelPrice P = new(\"gpt-4o\", {|#0:5.0m|}, {|#1:15.0m|}); }", Catalog2026));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE005", DiagnosticSeverity.Warning).WithLocation(0)
            .WithMessage("gpt-4o input is $2.50 / 1M tokens in OpenAI2026Prices; this is $5 / 1M"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE005", DiagnosticSeverity.Warning).WithLocation(1)
            .WithMessage("gpt-4o output is $10 / 1M tokens in OpenAI2026Prices; this is $15 / 1M"));
        return test.RunAsync();
    }

    [Fact]
    public Task Outdated_price_fix_uses_the_catalog_member() =>
        With2026(AnalyzerHarness.Test<HardCodedPriceAnalyzer, HardCodedPriceCodeFixProvider>(
            Usings + Record + "class C { ModelPrice P = new(\"gpt-4o\", {|PRICE005:5.0m|}, OpenAI2026Prices.Chat.Gpt4o.Output.Price); }",
            Usings + Record + "class C { ModelPrice P = new(\"gpt-4o\", OpenAI2026Prices.Chat.Gpt4o.Input.Price, OpenAI2026Prices.Chat.Gpt4o.Output.Price); }",
            Catalog2026)).RunAsync();

    [Fact]
    public Task A_sibling_model_id_names_the_rate_not_a_coincidence()
    {
        // 0.002 is also text-curie-001's price; the entry says gpt-3.5-turbo.
        var test = AnalyzerHarness.Test<HardCodedPriceAnalyzer>(
            Usings + "class Info { public string ModelString = \"\"; public decimal InputPricePer1kTokens; }\n" +
            "class C { Info I = new Info { ModelString = \"gpt-3.5-turbo\", InputPricePer1kTokens = {|#0:0.002m|} }; }");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE001", DiagnosticSeverity.Warning).WithLocation(0)
            .WithMessage("0.002 is the catalog price of gpt-3.5-turbo usage ($0.002 / 1K tokens) in OpenAI; use OpenAIPrices.Chat.Gpt35Turbo.Usage"));
        return test.RunAsync();
    }

    private static (string, string) Catalog2023 => ("/0/openai-2023-03.prices.yaml", Paths.ReferenceCatalog);

    private static (string, string) CatalogJune2023 => ("/0/openai-2023-06.prices.yaml", File.ReadAllText(Path.Combine(Paths.RepositoryRoot, "catalog", "openai-2023-06.prices.yaml")));

    [Fact]
    public Task A_price_two_older_catalogs_had_is_the_dimension_the_latest_of_them_priced()
    {
        // $0.002 / 1K was gpt-3.5-turbo's one rate in March 2023 and its output rate from June 2023: output, last.
        var test = With2026(AnalyzerHarness.Test<HardCodedPriceAnalyzer>(
            Usings + "class Labels { public string Gpt35TurboPricing { get; } = {|#0:\"$0.002 / 1K tokens\"|}; }",
            Catalog2023, CatalogJune2023, Catalog2026));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE005", DiagnosticSeverity.Warning).WithLocation(0)
            .WithMessage("gpt-3.5-turbo output is $1.50 / 1M tokens in OpenAI2026Prices; this is the price before 2026-03-01"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_price_of_an_older_catalog_of_the_provider_is_the_price_before_the_newer_one()
    {
        // With the 2023 and the 2026 catalogs, gpt-3.5-turbo's $0.002 / 1K is history: the 2026 catalog prices it anew.
        var test = With2026(AnalyzerHarness.Test<HardCodedPriceAnalyzer>(
            Usings + "class Info { public string ModelString = \"\"; public decimal InputPricePer1kTokens; }\n" +
            "class C { Info I = new Info { ModelString = \"gpt-3.5-turbo\", InputPricePer1kTokens = {|#0:0.002m|} }; }",
            Catalog2023, Catalog2026));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE005", DiagnosticSeverity.Warning).WithLocation(0)
            .WithMessage("gpt-3.5-turbo input is $0.50 / 1M tokens in OpenAI2026Prices; this is the price before 2026-03-01"));
        return test.RunAsync();
    }

    [Fact]
    public Task The_fix_of_an_older_price_keeps_the_unit_the_literal_was_written_in() =>
        With2026(AnalyzerHarness.Test<HardCodedPriceAnalyzer, HardCodedPriceCodeFixProvider>(
            Usings + "class Info { public string ModelString = \"\"; public decimal InputPricePer1kTokens; }\n" +
            "class C { Info I = new Info { ModelString = \"gpt-3.5-turbo\", InputPricePer1kTokens = {|PRICE005:0.002m|} }; }",
            Usings + "class Info { public string ModelString = \"\"; public decimal InputPricePer1kTokens; }\n" +
            "class C { Info I = new Info { ModelString = \"gpt-3.5-turbo\", InputPricePer1kTokens = OpenAI2026Prices.Chat.Gpt35Turbo.Input.PricePerToken * 1000m }; }",
            Catalog2023, Catalog2026)).RunAsync();

    [Fact]
    public Task A_price_the_newest_catalog_still_has_is_not_history() =>
        With2026(AnalyzerHarness.Test<HardCodedPriceAnalyzer>(
            Usings + "class Info { public string ModelString = \"\"; public decimal InputPricePer1MTokens; }\n" +
            "class C { Info I = new Info { ModelString = \"gpt-3.5-turbo\", InputPricePer1MTokens = {|PRICE001:0.50m|} }; }",
            Catalog2023, Catalog2026)).RunAsync();

    [Fact]
    public Task A_model_the_catalogs_do_not_know_gets_no_coincidental_match() => AnalyzerHarness.Test<HardCodedPriceAnalyzer>(
        Usings + "class Info { public string ModelString = \"\"; public decimal InputPricePer1kTokens; }\n" +
        "class C { Info I = new Info { ModelString = \"gpt-4\", InputPricePer1kTokens = 0.03m }; }").RunAsync();

    [Fact]
    public Task Scale_in_the_name_keeps_the_arithmetic_in_the_fix() =>
        With2026(AnalyzerHarness.Test<HardCodedPriceAnalyzer, HardCodedPriceCodeFixProvider>(
            Usings + "class C { decimal Gpt4oInputPricePer1K = {|PRICE001:0.0025m|}; decimal Cost(int tokens) => tokens / 1000m * Gpt4oInputPricePer1K; }",
            Usings + "class C { decimal Gpt4oInputPricePer1K = OpenAI2026Prices.Chat.Gpt4o.Input.PricePerToken * 1000m; decimal Cost(int tokens) => tokens / 1000m * Gpt4oInputPricePer1K; }",
            Catalog2026)).RunAsync();

    [Fact]
    public Task Scale_in_the_expression_keeps_its_divisor_in_the_fix() =>
        With2026(AnalyzerHarness.Test<HardCodedPriceAnalyzer, HardCodedPriceCodeFixProvider>(
            Usings + "class C { decimal Gpt4oCost(int inputTokens) => inputTokens * ({|PRICE001:2.50m|} / 1_000_000m); }",
            Usings + "class C { decimal Gpt4oCost(int inputTokens) => inputTokens * (OpenAI2026Prices.Chat.Gpt4o.Input.Price / 1_000_000m); }",
            Catalog2026)).RunAsync();

    [Fact]
    public Task Fixed_code_computes_the_same_cost()
    {
        // The fix's replacement, evaluated: per 1K from a per-1M catalog, and the listed price under its own divisor.
        Assert.Equal(0.0025m, PriceGen.Tests.Generated.OpenAI2026Prices.Chat.Gpt4o.Input.PricePerToken * 1000m);
        Assert.Equal(2.50m / 1_000_000m, PriceGen.Tests.Generated.OpenAI2026Prices.Chat.Gpt4o.Input.Price / 1_000_000m);
        return Task.CompletedTask;
    }

    [Fact]
    public Task Numbers_that_scale_a_price_are_not_prices() => AnalyzerHarness.Test<HardCodedPriceAnalyzer>(Usings + """
        class C
        {
            decimal GetInputCost(string model) => 1m;
            decimal Batch(string model) => GetInputCost(model) * 0.0004m;
            decimal PerThousand(decimal price) => price * 0.0020m;
            double Minutes(double seconds) => seconds / 0.006;
        }
        """).RunAsync();

    [Fact]
    public Task Fees_budgets_and_sampling_settings_are_not_prices() => AnalyzerHarness.Test<HardCodedPriceAnalyzer>(Usings + """
        class Exchange { decimal TakerFee = 0.002m; decimal UserCostLimit = 0.0200m; decimal ExchangeRate = 0.006m; }
        class Sampling { double Temperature = 0.02; double TopP = 0.018; }
        class Defaults { Dictionary<string, double> Thresholds = new() { ["text-davinci-003"] = 0.0200 }; }
        """).RunAsync();

    [Fact]
    public Task Tables_in_another_currency_are_not_catalog_prices() => AnalyzerHarness.Test<HardCodedPriceAnalyzer>(Usings + """
        // Resale prices in EUR.
        class Resale { Dictionary<string, decimal> PricePer1K = new() { ["gpt-3.5-turbo"] = 0.002m }; }
        class PricesGbp { decimal Davinci = 0.0200m; }
        """).RunAsync();

    [Fact]
    public Task Strings_and_attributes_are_read_as_prices() => With2026(AnalyzerHarness.Test<HardCodedPriceAnalyzer>(Usings + """
        class RateAttribute : Attribute { public RateAttribute(string input, string output) { } }
        enum Model { [Rate({|PRICE001:"$2.50"|}, {|PRICE005:"$12.00"|})] Gpt4o }
        class Labels { string Gpt4oMiniPricing = {|PRICE001:"$0.15 / 1M tokens"|}; string Coupon = "$5 off"; }
        """, Catalog2026)).RunAsync();

    [Fact]
    public Task Tuple_patterns_if_chains_and_discard_arms() => AnalyzerHarness.Test<HardCodedPriceAnalyzer>(Usings + """
        enum ImageModel { Dalle2 }
        enum Size { Small, Large }
        class C
        {
            double Image(ImageModel m, Size s) => (m, s) switch { (ImageModel.Dalle2, Size.Large) => {|PRICE001:0.020|}, _ => 0 };
            decimal Input(string model) => model switch { "gpt-3.5-turbo" => {|PRICE001:0.002m|}, _ => {|PRICE001:0.0005m|} };
            (decimal, decimal) PricesFor(string id)
            {
                if (id.StartsWith("text-davinci-003")) return ({|PRICE001:0.02m|}, {|PRICE001:0.02m|});
                return (0m, 0m);
            }
        }
        """).RunAsync();
}

/// <summary>Issue 14: Azure OpenAI deployment names are the user's own names, never PRICE002.</summary>
public class AzureDeploymentNameTests
{
    private const string AzureSdk = """
        namespace Azure.AI.OpenAI
        {
            public class CompletionsOptions { }
            public class OpenAIClient { public object GetCompletions(string deploymentOrModelName, CompletionsOptions options) => options; }
            public class AzureOpenAIClient { public object GetChatClient(string deploymentName) => deploymentName; }
        }
        """;

    [Fact]
    public Task Deployment_names_are_not_model_ids()
    {
        // Even with the methods listed as sinks (a method without a parameter sinks its model-named parameters).
        var test = AnalyzerHarness.Test<ModelIdAnalyzer>(AzureSdk + """
            class C
            {
                const string model = "gpt-35-turbo";
                void Run(Azure.AI.OpenAI.OpenAIClient client, Azure.AI.OpenAI.AzureOpenAIClient azure)
                {
                    client.GetCompletions("gpt35t", new Azure.AI.OpenAI.CompletionsOptions());
                    azure.GetChatClient(model);
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig",
            "root = true\n\n[*.cs]\npricegen.model_id_sinks = M:Azure.AI.OpenAI.OpenAIClient.GetCompletions(System.String,Azure.AI.OpenAI.CompletionsOptions) M:Azure.AI.OpenAI.AzureOpenAIClient.GetChatClient(System.String)\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_model_parameter_beside_them_stays_a_sink() => AnalyzerHarness.Test<ModelIdAnalyzer>("""
        class Client { public void Send([PriceGen.ModelId] string model, string deploymentName) { } }
        class C { void Run(Client c) => c.Send({|PRICE002:"gpt-35-turbp"|}, "my-gpt35-deployment"); }
        """).RunAsync();
}
