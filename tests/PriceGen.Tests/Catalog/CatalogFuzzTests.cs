using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PriceGen.Catalog;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Catalog;

/// <summary>
/// Seeded random mutations of the reference catalog — byte flips, truncations, duplicated, deleted and swapped lines,
/// changed indentation, YAML punctuation, random scalars in rate fields — through the parser (every one) and the
/// generator (every <see cref="GeneratorEvery"/>th). Never an exception, never a problem outside the text or reported
/// twice, never no catalog without a problem, bounded time per input, and what is generated compiles.
/// The default run is <see cref="DefaultIterations"/> mutations; set PRICEGEN_FUZZ_ITERATIONS for a longer one and
/// PRICEGEN_FUZZ_SEED to start elsewhere. A failure names the seed that reproduces it. A second test does the same
/// with small generated documents full of anchors and aliases (half as many).
/// </summary>
public class CatalogFuzzTests
{
    public const string IterationsVariable = "PRICEGEN_FUZZ_ITERATIONS";
    public const string SeedVariable = "PRICEGEN_FUZZ_SEED";
    public const int DefaultIterations = 20_000;
    private const int GeneratorEvery = 20;
    private const int CompileEvery = GeneratorEvery * 43;
    private const int AnalyzerEvery = GeneratorEvery * 5;

    private static readonly System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> Analyzers =
        System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(
            new PriceGen.Analysis.CatalogAnalyzer(), new PriceGen.Analysis.HardCodedPriceAnalyzer(), new PriceGen.Analysis.ModelIdAnalyzer());
    private static readonly TimeSpan MaxTimePerInput = TimeSpan.FromSeconds(2);

    private static readonly Regex RateText = new(@"\$\d+(\.\d+)? / (\d+K )?[a-z]+", RegexOptions.CultureInvariant);

    private static readonly string[] Punctuation =
    {
        ":", ": ", "-", "- ", "{", "}", "[", "]", ",", "&a ", "*a", "&a", "!", "!!str ", "|", ">", "'", "\"", "#", "?", "? ",
        "%", "@", "`", "\t", "\r", "\n", "\r\n", "\u0085", "\u2028", "\uFEFF", "\0", "---\n", "...\n", "<<: ", "\\", "\ud83d", "😀",
    };

    private static readonly string[] RateScalars =
    {
        "$0.002 / 1K tokens", "$-0.002 / 1K tokens", "\u22120.002 / token", "1e-6 / token", "$0,002 / 1K tokens", "0.002",
        "$0.002 / 0K tokens", "$0.002 / 1K", "/ token", "$", "€0.002 / 1K tokens", "¥1 / image", "$0.002 / image",
        "$0.002 / minute", "$0.002 / hour", "$0.002 / 1M seconds", "$79228162514264337593543950336 / token",
        "$0.0000000000000000000000000001 / token", "$0.00000000000000000000000000001 / token", "$1 / 99999999999999999999 tokens",
        "$1 / 9223372036854775807 tokens", "$1 / 9223372036854775M tokens", "$.5 / token", "$5. / token", "$1..2 / token",
        "\"$0.002 / 1K tokens\"", "'$0.002 / 1K tokens'", "~", "null", "", "[$0.002 / token]", "{ usage: $1 / token }",
        "$0.002 // token", "$0.002 / 1k tokens", "$0.002 / 1 K tokens", "$0.002 per 1K tokens", "0x10 / token",
    };

    [Fact]
    public void Mutated_reference_catalogs_never_break_the_parser_or_the_generator()
    {
        var iterations = EnvironmentNumber(IterationsVariable) ?? DefaultIterations;
        var firstSeed = EnvironmentNumber(SeedVariable) ?? 0;
        var reference = Paths.ReferenceCatalog.Replace("\r\n", "\n", StringComparison.Ordinal);
        var compilation = GeneratorHarness.Compilation(null);
        var toCompile = new ConcurrentBag<(int Seed, SyntaxTree Tree)>();
        var failures = new ConcurrentBag<(int Seed, Exception Exception)>();

        // Seeds are independent: run them on every core, in contiguous ranges so each worker's inputs stay reproducible.
        Parallel.ForEach(Partitioner.Create(firstSeed, firstSeed + iterations, Math.Max(1, iterations / (4 * Environment.ProcessorCount))), range =>
        {
            var stopwatch = new Stopwatch();
            for (var seed = range.Item1; seed < range.Item2; seed++)
            {
                try
                {
                    Check(seed, Mutate(reference, new Random(seed)), compilation, toCompile, stopwatch);
                }
                catch (Exception exception)
                {
                    failures.Add((seed, exception));
                    return;
                }
            }
        });

        if (!failures.IsEmpty)
        {
            var (seed, exception) = failures.OrderBy(f => f.Seed).First();
            throw new InvalidOperationException(
                $"Mutation seed {seed} failed (rerun with {SeedVariable}={seed} {IterationsVariable}=1): {exception.Message}\n" +
                $"Input: {Escape(Mutate(reference, new Random(seed)))}",
                exception);
        }

        // Everything sampled, compiled once: each file is in its own namespace, and an error names its seed.
        var trees = toCompile.OrderBy(t => t.Seed).Select(t => t.Tree).ToList();
        Assert.True(trees.Count > 0 || iterations < 10 * CompileEvery, "no sampled mutation generated code to compile");
        var errors = compilation.AddSyntaxTrees(trees).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "generated code does not compile:\n" + string.Join("\n", errors.Take(10)));
    }

    private static void Check(int seed, string text, Compilation compilation, ConcurrentBag<(int, SyntaxTree)> toCompile, Stopwatch stopwatch)
    {
        stopwatch.Restart();
        var result = CatalogParser.Parse(text);
        Assert.True(stopwatch.Elapsed < MaxTimePerInput, $"parsing took {stopwatch.Elapsed}");
        CatalogAssert.WellFormed(text, result);

        if (seed % GeneratorEvery != 0)
        {
            return;
        }

        Assert.True(result.Equals(CatalogParser.Parse(text)), "a second parse of the same text differs");

        var driver = GeneratorHarness.Driver(
            new[] { new TestAdditionalText($"/fuzz/f{seed}.prices.yaml", text) },
            new Dictionary<string, string> { ["build_property.PriceGenNamespace"] = $"Fuzz.F{seed}" });
        stopwatch.Restart();
        var run = driver.RunGenerators(compilation).GetRunResult();
        Assert.True(stopwatch.Elapsed < MaxTimePerInput, $"the generator took {stopwatch.Elapsed}");
        CatalogAssert.GeneratorSucceeded(run, compilation, compile: false);
        Assert.Equal(result.Catalog is null ? 0 : 1, run.GeneratedTrees.Length);

        // The analyzers on the same text: no exception (AD0001), and every diagnostic is in the catalog file.
        if (seed % AnalyzerEvery == 0)
        {
            AnalyzerSucceeded(seed, text, compilation, result);
        }

        // Compile a sample: what the generator makes of a damaged catalog must still be valid C#.
        if (run.GeneratedTrees.Length > 0 && seed % CompileEvery == 0)
        {
            foreach (var tree in run.GeneratedTrees)
            {
                toCompile.Add((seed, CSharpSyntaxTree.ParseText(tree.GetText(), (CSharpParseOptions)tree.Options, path: $"fuzz-seed-{seed}.g.cs")));
            }
        }
    }

    private static void AnalyzerSucceeded(int seed, string text, Compilation compilation, CatalogParseResult result)
    {
        var path = $"/fuzz/a{seed}.prices.yaml";
        var failures = new ConcurrentBag<string>();
        var options = new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(
            new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(new TestAdditionalText(path, text))),
            (exception, analyzer, _) => failures.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var withSource = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "class FuzzUse { decimal Cost(int t) => t / 1000m * 0.002m; void Send([PriceGen.ModelId] string m) { } void M() { Send(\"gpt-3.5-turob\"); Send(\"whisper-1\"); } }",
            CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest)));

        var diagnostics = withSource.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync().Result;

        Assert.True(failures.IsEmpty, $"seed {seed}: {string.Join("\n", failures)}");
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var catalogDiagnostics = diagnostics.Where(d => d.Id.StartsWith("PRICE1", StringComparison.Ordinal)).ToList();
        Assert.All(catalogDiagnostics, d => Assert.Equal(path, d.Location.GetLineSpan().Path));
        Assert.Equal(result.Problems.Count, catalogDiagnostics.Count);
    }

    [Fact]
    public void Generated_yaml_with_anchors_and_aliases_never_breaks_the_parser()
    {
        // Small documents built from the catalog's own words, nested mappings, anchors and aliases: they reach the
        // alias handling and the section and entry readers far more often than mutations of the reference do.
        var iterations = (EnvironmentNumber(IterationsVariable) ?? DefaultIterations) / 2;
        var firstSeed = EnvironmentNumber(SeedVariable) ?? 0;
        for (var seed = firstSeed; seed < firstSeed + iterations; seed++)
        {
            var text = GenerateYaml(new Random(seed));
            try
            {
                var result = CatalogParser.Parse(text);
                CatalogAssert.WellFormed(text, result);
                Assert.DoesNotContain(result.Problems, p => p.RelatedSpan == p.Span);
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException(
                    $"Generated document seed {seed} failed (rerun with {SeedVariable}={seed} {IterationsVariable}=2): {exception.Message}\nInput: {Escape(text)}",
                    exception);
            }
        }
    }

    [Fact]
    public void Mutations_are_reproducible_and_varied()
    {
        var reference = Paths.ReferenceCatalog;

        Assert.Equal(Mutate(reference, new Random(42)), Mutate(reference, new Random(42)));
        var results = Enumerable.Range(0, 500).Select(seed => CatalogParser.Parse(Mutate(reference, new Random(seed)))).ToList();

        // The mutations reach well past the YAML reader: catalogs survive, and many different diagnostics are met.
        Assert.True(results.Count(r => r.Catalog is not null) > 50, "too few mutations keep a catalog");
        Assert.True(results.Count(r => r.Catalog is null) > 50, "too few mutations break the file");
        Assert.True(results.SelectMany(r => r.Problems).Select(p => p.Id).Distinct().Count() >= 10, "too few kinds of diagnostic");
    }

    private static readonly string[] Keys =
    {
        "pricegen", "provider", "currency", "effective", "source", "class", "chat", "instruct", "fine-tuning", "embedding",
        "image", "audio", "name", "description", "member", "usage", "training", "sizes", "rounding", "1024x1024", "a", "b",
        "gpt-4", "GPT 4", "x",
    };

    private static readonly string[] Values =
    {
        "1", "2", "Acme", "USD", "usd", "2023-03-01", "$1 / token", "$0,1 / token", "$1 / image", "$1 / minute",
        "nearest-second", "up", "Chat", "Usage", "3x", "~", "", "\"q\"", "'s'", "|\n  lit", "[a, b]", "{ a: b }", "!!str 1",
        "*a1", "*a2", "&a1 v", "&a2 { usage: $1 / token }", "&a3 [x]", "*a3",
    };

    /// <summary>A document of up to four levels of block mappings over the catalog's words, with anchors and aliases.</summary>
    internal static string GenerateYaml(Random random)
    {
        var builder = new StringBuilder();
        if (random.Next(2) == 0)
        {
            builder.Append("pricegen: 1\nprovider: Acme\ncurrency: USD\neffective: 2023-03-01\n");
        }

        AppendMapping(builder, random, 0);
        return builder.ToString();

        static void AppendMapping(StringBuilder builder, Random random, int depth)
        {
            var count = 1 + random.Next(4);
            for (var i = 0; i < count; i++)
            {
                builder.Append(' ', depth * 2).Append(Keys[random.Next(Keys.Length)]).Append(':');
                if (depth < 3 && random.Next(3) == 0)
                {
                    if (random.Next(4) == 0)
                    {
                        builder.Append(" &m").Append(random.Next(3));
                    }

                    builder.Append('\n');
                    AppendMapping(builder, random, depth + 1);
                }
                else if (random.Next(6) == 0)
                {
                    builder.Append(" *m").Append(random.Next(3)).Append('\n');
                }
                else
                {
                    builder.Append(' ').Append(Values[random.Next(Values.Length)]).Append('\n');
                }
            }
        }
    }

    /// <summary>One to three mutations of <paramref name="text"/>, all drawn from <paramref name="random"/>.</summary>
    internal static string Mutate(string text, Random random)
    {
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            text = random.Next(10) switch
            {
                0 => FlipByte(text, random),
                1 => Truncate(text, random),
                2 => EditLines(text, random, (lines, at) => lines.Insert(random.Next(lines.Count + 1), lines[at])),
                3 => EditLines(text, random, (lines, at) => lines.RemoveAt(at)),
                4 => EditLines(text, random, (lines, at) =>
                {
                    var other = random.Next(lines.Count);
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                }),
                5 => EditLines(text, random, (lines, at) => lines[at] = Reindent(lines[at], lines[random.Next(lines.Count)], random)),
                6 or 7 => ReplaceRate(text, random),
                8 => Insert(text, random, Punctuation[random.Next(Punctuation.Length)]),
                _ => random.Next(4) == 0 ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : TypoInKey(text, random),
            };
        }

        return text;
    }

    private static string FlipByte(string text, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0)
        {
            return text;
        }

        bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        return Encoding.UTF8.GetString(bytes);
    }

    private static string Truncate(string text, Random random) => text.Substring(0, random.Next(text.Length + 1));

    private static string EditLines(string text, Random random, Action<List<string>, int> edit)
    {
        var lines = text.Split('\n').ToList();
        edit(lines, random.Next(lines.Count));
        return string.Join("\n", lines);
    }

    /// <summary>More or less indentation, another line's indentation, or a tab in it.</summary>
    private static string Reindent(string line, string other, Random random)
    {
        var content = line.TrimStart(' ', '\t');
        var indentation = line.Substring(0, line.Length - content.Length);
        indentation = random.Next(4) switch
        {
            0 => indentation + new string(' ', 1 + random.Next(3)),
            1 => indentation.Substring(0, Math.Max(0, indentation.Length - 1 - random.Next(3))),
            2 => other.Substring(0, other.Length - other.TrimStart(' ', '\t').Length),
            _ => indentation.Length > 0 ? "\t" + indentation.Substring(1) : "\t",
        };
        return indentation + content;
    }

    private static string ReplaceRate(string text, Random random)
    {
        var rates = RateText.Matches(text);
        if (rates.Count == 0)
        {
            return Insert(text, random, RateScalars[random.Next(RateScalars.Length)]);
        }

        var rate = rates[random.Next(rates.Count)];
        var scalar = random.Next(3) == 0 ? RandomScalar(random) : RateScalars[random.Next(RateScalars.Length)];
        return text.Substring(0, rate.Index) + scalar + text.Substring(rate.Index + rate.Length);
    }

    /// <summary>A short random string over the characters a rate (and YAML) cares about.</summary>
    private static string RandomScalar(Random random)
    {
        const string alphabet = "0123456789.,$€£¥-+eEkKM/ tokensimagehourminutesecond\u2212:#{}[]&*!|>'\"\\";
        var builder = new StringBuilder();
        var length = random.Next(random.Next(8) == 0 ? 200 : 24);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private static string Insert(string text, Random random, string what)
    {
        var at = random.Next(text.Length + 1);
        return text.Substring(0, at) + what + text.Substring(at);
    }

    /// <summary>A letter of a key deleted, doubled or upper-cased: 'usge', 'namee', 'Provider'.</summary>
    private static string TypoInKey(string text, Random random)
    {
        var keys = Regex.Matches(text, @"(?m)^\s*([a-z][a-z0-9.-]*):|[{,]\s*([a-z]+):");
        if (keys.Count == 0)
        {
            return text;
        }

        var key = keys[random.Next(keys.Count)];
        var group = key.Groups[1].Success ? key.Groups[1] : key.Groups[2];
        var at = group.Index + random.Next(group.Length);
        return random.Next(3) switch
        {
            0 => text.Remove(at, 1),
            1 => text.Insert(at, text[at].ToString()),
            _ => text.Substring(0, at) + char.ToUpperInvariant(text[at]) + text.Substring(at + 1),
        };
    }

    private static int? EnvironmentNumber(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Escape(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text.Length > 6000 ? text.Substring(0, 6000) : text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when c < ' ' || c > '~' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
