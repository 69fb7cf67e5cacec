using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PriceGen.Analysis;
using PriceGen.Catalog;
using PriceGen.Cli.Import;
using PriceGen.Generation;
using PriceGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PriceGen.Tests.Analysis;

/// <summary>
/// PRICE001/PRICE005 over tests/PriceCorpus, every literal marked with what it should get (README there): recall of
/// the marked prices and false alarms anywhere, with the bundled catalogs and with the whole LiteLLM import added,
/// where nearly any small number equals some rate.
/// </summary>
public class PriceCorpusTests
{
    private const double RequiredRecall = 0.95;
    private const string Namespace = "Corpus.Pricing";

    private readonly ITestOutputHelper _output;

    public PriceCorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Bundled_catalogs_find_95_percent_of_the_prices_and_raise_no_false_alarm() =>
        AssertScore(Score(BundledCatalogs(), large: false), "bundled catalogs");

    [Fact]
    public void With_the_litellm_import_find_95_percent_of_the_prices_and_raise_no_false_alarm()
    {
        var json = File.ReadAllText(FindLiteLlm());
        var (imported, _) = LiteLlmImporter.Import(json, new ImportOptions("2026-11-25"));
        var catalogs = BundledCatalogs().Concat(imported.Select(c => ("/import/" + c.FileName, c.Yaml))).ToList();
        Assert.True(catalogs.Count > 80, $"{catalogs.Count} catalogs");
        AssertScore(Score(catalogs, large: true), $"bundled catalogs + LiteLLM import ({catalogs.Count} catalogs)");
    }

    [Fact]
    public void Every_corpus_file_marks_its_literals()
    {
        foreach (var file in CorpusFiles())
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file));
            Assert.Contains(tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>(), l => Marker(l) is not null);
        }
    }

    private void AssertScore(CorpusScore score, string catalogs)
    {
        var recall = (double)score.Found / score.Expected;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{catalogs}: recall {score.Found}/{score.Expected} ({recall:P1}), false alarms {score.FalseAlarms.Count} on {score.Negatives} literals that are not prices");
        _output.WriteLine(summary);
        foreach (var miss in score.Misses)
        {
            _output.WriteLine("miss: " + miss);
        }

        foreach (var alarm in score.FalseAlarms)
        {
            _output.WriteLine("false alarm: " + alarm);
        }

        Assert.True(recall >= RequiredRecall && score.FalseAlarms.Count == 0,
            summary + "\n" + string.Join("\n", score.Misses.Select(m => "miss: " + m).Concat(score.FalseAlarms.Select(f => "false alarm: " + f))));
    }

    private static CorpusScore Score(IReadOnlyList<(string Path, string Text)> catalogs, bool large)
    {
        var trees = CorpusFiles()
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: Path.GetFileName(file)))
            .ToList();
        var generated = BundledCatalogs().Select(c => (c.Path, Catalog: CatalogParser.Parse(c.Text).Catalog!))
            .Select(c => CSharpSyntaxTree.ParseText(
                PriceEmitter.Emit(PriceGen.Generation.Plan.ApiPlanner.Plan(c.Path, c.Catalog, PriceGen.Common.EquatableArray<PriceGen.Catalog.ClassOwner>.Empty, new GenerationOptions(Namespace, IsPublic: false), CompilationFeatures.Modern)),
                CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest),
                path: c.Catalog.ClassName + ".g.cs"));
        var compilation = CSharpCompilation.Create(
            "Corpus",
            trees.Concat(generated),
            GeneratorHarness.References.Add(MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "Microsoft.Bcl.TimeProvider.dll"))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the corpus does not compile:\n" + string.Join("\n", errors.Take(10)));

        var options = new AnalyzerOptions(
            catalogs.Select(c => (AdditionalText)new TestAdditionalText(c.Path, c.Text)).ToImmutableArray(),
            new TestOptionsProvider(new Dictionary<string, string> { ["build_property.PriceGenNamespace"] = Namespace }));
        var diagnostics = compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HardCodedPriceAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync().Result
            .ToLookup(d => (d.Location.SourceTree?.FilePath, d.Location.SourceSpan.Start));

        var score = new CorpusScore();
        foreach (var tree in trees)
        {
            foreach (var literal in tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>())
            {
                var expected = Expectation(literal, large);
                var reported = diagnostics[(tree.FilePath, literal.SpanStart)].ToList();
                var where = $"{tree.FilePath}({literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1}) {literal}";
                if (expected is null)
                {
                    score.Negatives++;
                    score.FalseAlarms.AddRange(reported.Select(d => $"{where}: {d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}"));
                    continue;
                }

                score.Expected++;
                var (id, model) = expected.Value;
                var hit = reported.FirstOrDefault(d => d.Id == id && (model is null || d.GetMessage(CultureInfo.InvariantCulture).Contains(model + " ", StringComparison.Ordinal)));
                if (hit is not null)
                {
                    score.Found++;
                }
                else
                {
                    score.Misses.Add($"{where}: expected {id} {model}" + (reported.Count > 0 ? "; got " + string.Join(", ", reported.Select(d => d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture))) : string.Empty));
                }

                score.FalseAlarms.AddRange(reported.Where(d => d != hit).Select(d => $"{where}: {d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}"));
            }
        }

        return score;
    }

    /// <summary>The marker's expectation: null for "none" (and for an unmarked literal), else the id and the model to name.</summary>
    private static (string Id, string? Model)? Expectation(LiteralExpressionSyntax literal, bool large)
    {
        var marker = Marker(literal);
        if (marker is null)
        {
            return null;
        }

        var parts = marker.Split(';').Select(p => p.Trim()).ToList();
        var chosen = large && parts.FirstOrDefault(p => p.StartsWith("large:", StringComparison.Ordinal)) is { } largePart
            ? largePart.Substring("large:".Length).Trim()
            : parts[0];
        if (chosen == "none")
        {
            return null;
        }

        var words = chosen.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(words[0].StartsWith("PRICE", StringComparison.Ordinal), $"bad marker '{marker}' in {literal.SyntaxTree.FilePath}");
        return (words[0], words.Length > 1 ? words[1] : null);
    }

    private static string? Marker(LiteralExpressionSyntax literal) =>
        literal.Token.TrailingTrivia.Concat(literal.GetLastToken().GetNextToken().LeadingTrivia)
            .Where(t => t.IsKind(SyntaxKind.MultiLineCommentTrivia))
            .Select(t => t.ToString())
            .Where(t => t.StartsWith("/*!", StringComparison.Ordinal))
            .Select(t => t.Substring(3, t.Length - 5).Trim())
            .FirstOrDefault();

    private static IEnumerable<string> CorpusFiles() =>
        Directory.GetFiles(Path.Combine(Paths.RepositoryRoot, "tests", "PriceCorpus"), "*.cs").OrderBy(f => f, StringComparer.Ordinal);

    private static List<(string Path, string Text)> BundledCatalogs() =>
        Directory.GetFiles(Path.Combine(Paths.RepositoryRoot, "catalog"), "*.prices.yaml")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => ("/catalog/" + Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();

    private static string FindLiteLlm()
    {
        for (var directory = new DirectoryInfo(Paths.RepositoryRoot); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", "litellm-model-prices.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/data/litellm-model-prices.json is not beside the repository or any folder above it");
    }

    private sealed class CorpusScore
    {
        public int Expected { get; set; }

        public int Found { get; set; }

        public int Negatives { get; set; }

        public List<string> Misses { get; } = new();

        public List<string> FalseAlarms { get; } = new();
    }
}
