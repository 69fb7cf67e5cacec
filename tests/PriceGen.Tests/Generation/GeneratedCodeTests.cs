using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Generation;

/// <summary>What the generated code must do in a user's compilation.</summary>
public class GeneratedCodeTests
{
    private const string UsesEveryMember = """
        using System;
        using My.Pricing;

        public static class Consumer
        {
            public static decimal Total()
            {
                decimal total = OpenAIPrices.Chat.Gpt35Turbo.Usage.Cost(1500)
                    + OpenAIPrices.Instruct.Ada.Usage.Cost(1) + OpenAIPrices.Instruct.Babbage.Usage.Cost(1)
                    + OpenAIPrices.Instruct.Curie.Usage.Cost(1) + OpenAIPrices.Instruct.Davinci.Usage.Cost(1)
                    + OpenAIPrices.FineTuning.Ada.Training.Cost(1, 2) + OpenAIPrices.FineTuning.Davinci.Usage.Cost(1)
                    + OpenAIPrices.Embedding.Ada.Usage.PricePerToken
                    + OpenAIPrices.Image.DallE.Size1024x1024.Cost(1) + OpenAIPrices.Image.DallE.Size512x512.Cost(3)
                    + OpenAIPrices.Image.DallE.Size256x256.Cost(1)
                    + OpenAIPrices.Audio.Whisper.Usage.Cost(TimeSpan.FromSeconds(90.5));
                string id = OpenAIPrices.Chat.Gpt35Turbo.Id + OpenAIPrices.Instruct.Davinci.Name + OpenAIPrices.Provider + OpenAIPrices.Currency;
                PriceGen.ModelPrice model = OpenAIPrices.GetModel(id);
                if (OpenAIPrices.TryGetModel("whisper-1", out var found)) { total += found.Rates.Count; }
                return total + OpenAIPrices.Models.Count + OpenAIPrices.Effective.Year + model.Rates.Count + OpenAIPrices.Chat.Gpt35Turbo.Model.Rates.Count;
            }
        }
        """;

    [Fact]
    public void Every_member_of_the_contract_compiles_without_warnings()
    {
        var (_, output) = GeneratorHarness.Run(Paths.ReferenceCatalog, "/p/openai.prices.yaml", UsesEveryMember);

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
    }

    [Fact]
    public void Generated_code_compiles_next_to_user_types_that_shadow_system_names()
    {
        const string hostile = """
            namespace My.Pricing
            {
                public class System { }
                public class PriceGen { }
                public class Collections { }
                public class Decimal { }
            }
            """;

        var (_, output) = GeneratorHarness.Run(Paths.ReferenceCatalog, "/p/openai.prices.yaml", hostile);

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
    }

    [Fact]
    public void Models_named_like_the_provider_class_members_their_factories_use_compile()
    {
        // The section factories pass Provider, Currency and Effective; a model class of that name would hide them.
        const string catalog = """
            pricegen: 1
            provider: Acme
            currency: USD
            effective: 2024-01-01
            chat:
              provider:  { usage: $1 / 1M tokens }
              currency:  { usage: $2 / 1M tokens }
              effective: { usage: $3 / 1M tokens, description: Named like the class's date. }
            """;

        var (_, output) = GeneratorHarness.Run(catalog, "/p/acme.prices.yaml");

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
    }

    [Fact]
    public void Nothing_is_generated_without_the_runtime_library()
    {
        var references = GeneratorHarness.References.Where(r => !r.Display!.EndsWith("PriceGen.Runtime.dll")).ToList();
        var driver = GeneratorHarness.Driver(new[] { new TestAdditionalText("/p/openai.prices.yaml", Paths.ReferenceCatalog) })
            .RunGenerators(GeneratorHarness.Compilation(references));

        Assert.Empty(driver.GetRunResult().GeneratedTrees);
    }

    [Fact]
    public void Non_catalog_additional_files_are_ignored()
    {
        var (result, _) = GeneratorHarness.Run(Paths.ReferenceCatalog, "/p/openai.yaml");

        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void Yml_extension_is_a_catalog_too()
    {
        var (result, _) = GeneratorHarness.Run(Paths.ReferenceCatalog, "/p/openai.prices.yml");

        Assert.Single(result.GeneratedTrees);
    }

    [Fact]
    public void Two_catalogs_with_one_class_generate_once_from_the_first_path()
    {
        var second = Paths.ReferenceCatalog.Replace("gpt-3.5-turbo:", "gpt-4:");
        var driver = GeneratorHarness.Driver(new[]
        {
            new TestAdditionalText("/p/b.prices.yaml", second),
            new TestAdditionalText("/p/a.prices.yaml", Paths.ReferenceCatalog),
        }).RunGenerators(GeneratorHarness.Compilation(null));

        var generated = Assert.Single(driver.GetRunResult().Results.Single().GeneratedSources);
        Assert.Contains("private const string Ids = \"gpt-3.5-turbo\\n", generated.SourceText.ToString());
    }

    [Fact]
    public void Two_catalogs_of_one_provider_live_side_by_side_through_class()
    {
        var older = Paths.ReferenceCatalog.Replace("provider: OpenAI", "provider: OpenAI\nclass: OpenAI2023Prices");
        var driver = GeneratorHarness.Driver(new[]
        {
            new TestAdditionalText("/p/a.prices.yaml", older),
            new TestAdditionalText("/p/b.prices.yaml", Paths.ReferenceCatalog),
        });
        driver = driver.RunGeneratorsAndUpdateCompilation(
            GeneratorHarness.Compilation(null, "class C { decimal D = My.Pricing.OpenAI2023Prices.Chat.Gpt35Turbo.Usage.Price + My.Pricing.OpenAIPrices.Chat.Gpt35Turbo.Usage.Price; }"),
            out var output, out _);

        Assert.Equal(new[] { "OpenAI2023Prices.g.cs", "OpenAIPrices.g.cs" }, driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName).OrderBy(n => n));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_broken_entry_drops_only_that_entry()
    {
        var broken = Paths.ReferenceCatalog.Replace("usage: $0.0005 / 1K tokens", "usage: $0,0005 / 1K tokens");

        var (result, output) = GeneratorHarness.Run(broken, "/p/openai.prices.yaml", "class C { decimal D = My.Pricing.OpenAIPrices.Instruct.Curie.Usage.Price; }");
        var text = GeneratorHarness.GeneratedText(result, "OpenAIPrices.g.cs");

        Assert.DoesNotContain("text-babbage-001", text);
        Assert.Contains("text-curie-001", text);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_file_level_error_generates_nothing_for_that_file()
    {
        var (result, _) = GeneratorHarness.Run(Paths.ReferenceCatalog.Replace("pricegen: 1", "pricegen: 2"));

        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void Namespace_defaults_to_the_root_namespace()
    {
        var driver = GeneratorHarness.Driver(
            new[] { new TestAdditionalText("/p/openai.prices.yaml", Paths.ReferenceCatalog) },
            new Dictionary<string, string> { ["build_property.RootNamespace"] = "Acme.App" }).RunGenerators(GeneratorHarness.Compilation(null));

        Assert.Contains("namespace Acme.App;\n", driver.GetRunResult().GeneratedTrees.Single().ToString());
    }
}
