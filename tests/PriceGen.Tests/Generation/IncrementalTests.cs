using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PriceGen.Generation;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Generation;

/// <summary>The pipeline re-runs nothing it need not: the property that keeps the IDE fast.</summary>
public class IncrementalTests
{
    private static readonly string[] AllSteps =
    {
        TrackingNames.Options, TrackingNames.Features, TrackingNames.ParsedCatalogs, TrackingNames.Catalogs, TrackingNames.ClassOwners, TrackingNames.Plans, TrackingNames.Polyfills,
    };

    [Fact]
    public void An_unrelated_csharp_edit_reruns_nothing()
    {
        var compilation = GeneratorHarness.Compilation(null, "class A { }");
        var driver = GeneratorHarness.Driver(new[] { new TestAdditionalText("/p/openai.prices.yaml", Paths.ReferenceCatalog) })
            .RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { int x = 1; }", CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest)));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertEveryOutputCachedOrUnchanged(result);
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void An_unrelated_edit_reruns_nothing_at_ten_thousand_models()
    {
        var catalog = new TestAdditionalText("/p/synthetic.prices.yaml", PriceGen.Benchmarks.SyntheticCatalog.Generate(10_000));
        var compilation = GeneratorHarness.Compilation(null, "class A { }");
        var driver = GeneratorHarness.Driver(new[] { catalog }).RunGenerators(compilation);
        Assert.Single(driver.GetRunResult().GeneratedTrees);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest)));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertEveryOutputCachedOrUnchanged(result);
    }

    [Fact]
    public void The_benchmark_catalogs_are_what_the_generator_of_synthetic_catalogs_makes()
    {
        var directory = System.IO.Path.Combine(Paths.RepositoryRoot, "benchmarks", "PriceGen.Benchmarks", "Catalogs");

        Assert.Equal(PriceGen.Benchmarks.SyntheticCatalog.Generate(2_000, "Synthetic 2000"), System.IO.File.ReadAllText(System.IO.Path.Combine(directory, "synthetic-2000.prices.yaml")));
        Assert.Equal(PriceGen.Benchmarks.SyntheticCatalog.Generate(10_000, "Synthetic 10000"), System.IO.File.ReadAllText(System.IO.Path.Combine(directory, "synthetic-10000.prices.yaml")));
    }

    [Fact]
    public void A_catalog_edit_regenerates_only_that_catalog()
    {
        var first = new TestAdditionalText("/p/a.prices.yaml", Paths.ReferenceCatalog);
        var second = new TestAdditionalText("/p/b.prices.yaml", Paths.ReferenceCatalog.Replace("provider: OpenAI", "provider: Acme AI"));
        var driver = GeneratorHarness.Driver(new AdditionalText[] { first, second }).RunGenerators(GeneratorHarness.Compilation(null));

        var editedSecond = new TestAdditionalText(second.Path, second.GetText().ToString().Replace("$0.002 / 1K tokens", "$0.003 / 1K tokens"));
        driver = driver.ReplaceAdditionalText(second, editedSecond);
        var result = driver.RunGenerators(GeneratorHarness.Compilation(null)).GetRunResult().Results.Single();

        var units = result.TrackedSteps[TrackingNames.Plans].SelectMany(run => run.Outputs).ToList();
        Assert.Equal(2, units.Count);
        Assert.Single(units, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(units, o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached);
        Assert.Contains("0.003m", result.GeneratedSources.Single(s => s.HintName == "AcmeAiPrices.g.cs").SourceText.ToString());
    }

    [Theory]
    [InlineData("a blank line at the top", "\n")]
    [InlineData("a comment at the top", "# prices as of March 2023\n")]
    [InlineData("a comment and blank lines between entries", null)]
    public void A_catalog_edit_that_moves_text_without_changing_meaning_reemits_nothing(string what, string? prefix)
    {
        var catalog = new TestAdditionalText("/p/openai.prices.yaml", Paths.ReferenceCatalog);
        var driver = GeneratorHarness.Driver(new[] { catalog }).RunGenerators(GeneratorHarness.Compilation(null));
        var original = catalog.GetText().ToString();
        var edited = prefix is not null
            ? prefix + original
            : original.Replace("\nchat:\n", "\n\n# the chat models\n\nchat:\n");
        Assert.NotEqual(original, edited);

        driver = driver.ReplaceAdditionalText(catalog, new TestAdditionalText(catalog.Path, edited));
        var result = driver.RunGenerators(GeneratorHarness.Compilation(null)).GetRunResult().Results.Single();

        // The parse re-ran (its spans moved); everything after it is equal, so no source is produced again.
        Assert.Contains(result.TrackedSteps[TrackingNames.ParsedCatalogs].SelectMany(run => run.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        foreach (var step in new[] { TrackingNames.Catalogs, TrackingNames.Plans })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(run => run.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{what}: {step} was {o.Reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{what}: an output was {o.Reason}"));
    }

    [Fact]
    public void Every_step_value_is_free_of_compilation_objects()
    {
        var driver = GeneratorHarness.Driver(new[] { new TestAdditionalText("/p/openai.prices.yaml", Paths.ReferenceCatalog) })
            .RunGenerators(GeneratorHarness.Compilation(null));

        foreach (var step in AllSteps)
        {
            foreach (var output in driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(run => run.Outputs))
            {
                AssertHoldsNoCompilerObjects(output.Value, step, depth: 0);
            }
        }
    }

    internal static void AssertEveryOutputCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (var step in AllSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} did not run at all");
            foreach (var output in result.TrackedSteps[step].SelectMany(run => run.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {output.Reason}");
            }
        }
    }

    private static void AssertHoldsNoCompilerObjects(object? value, string step, int depth)
    {
        if (value is null || depth > 8 || value is string || value.GetType().IsPrimitive || value is decimal || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or Microsoft.CodeAnalysis.Text.SourceText,
            $"{step} holds a {value.GetType().Name}");
        if (value is System.Collections.IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertHoldsNoCompilerObjects(item, step, depth + 1);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
        {
            AssertHoldsNoCompilerObjects(field.GetValue(value), step, depth + 1);
        }
    }
}
