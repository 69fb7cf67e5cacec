using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PriceGen.Catalog;
using PriceGen.Diagnostics;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Catalog;

/// <summary>
/// The corpus of broken catalogs under Catalog/Corpus: each file is the reference catalog (or a minimal one) with one
/// deliberate mistake, and its first line says which diagnostics it gets and where, 1-based as the compiler prints:
/// <code># expect: PRICE107 at 20:3 related 13:3; also PRICE102 at 9:3</code>
/// The test asserts exactly that set of problems — nothing missing, nothing extra, nothing twice.
/// Files are read as the compiler reads an additional file (BOM detection: UTF-8 with or without BOM, UTF-16).
/// </summary>
public class CatalogCorpusTests
{
    private static readonly Regex Expectation = new(
        @"^# expect: (?<id>PRICE\d{3}) at (?<at>\d+:\d+)(?: related (?<related>\d+:\d+))?(?<also>(?:; also PRICE\d{3} at \d+:\d+)*)\s*$",
        RegexOptions.CultureInvariant);

    private static readonly Regex Also = new(@"; also (?<id>PRICE\d{3}) at (?<at>\d+:\d+)", RegexOptions.CultureInvariant);

    public static string CorpusDirectory { get; } = Path.Combine(Paths.TestsDirectory, "Catalog", "Corpus");

    public static IReadOnlyList<string> FileNames { get; } = Directory.EnumerateFiles(CorpusDirectory, "*.prices.yaml")
        .Select(path => Path.GetFileName(path))
        .OrderBy(name => name, StringComparer.Ordinal)
        .ToList();

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var name in FileNames)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Broken_catalog_gets_its_located_diagnostic(string file)
    {
        var text = Read(file);
        var expected = ExpectedProblems(text);

        var result = CatalogParser.Parse(text);

        CatalogAssert.WellFormed(text, result, file);
        var actual = result.Problems.Select(p => Located(p.Id, p.Span, p.RelatedSpan)).OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.OrderBy(p => p, StringComparer.Ordinal), actual);
    }

    [Theory]
    [InlineData("001-tab-indentation.prices.yaml", "YAML syntax error: While scanning a plain scalar, found a tab character")]
    [InlineData("002-unclosed-flow-mapping.prices.yaml", "YAML syntax error: While parsing a flow mapping, did not find expected ',' or '}'")]
    [InlineData("016-version-1.0.prices.yaml", "format version '1.0' is not supported; this version of PriceGen reads 'pricegen: 1'")]
    [InlineData("032-unknown-section-chta.prices.yaml", "unknown section or field 'chta'; did you mean 'chat'?")]
    [InlineData("037-unknown-field-usge.prices.yaml", "unknown field 'usge'; did you mean 'usage'?")]
    [InlineData("043-rate-no-slash.prices.yaml", "expected '/ COUNT UNIT' after the price, as in '$0.002 / 1K tokens'")]
    [InlineData("048-rate-comma-decimal.prices.yaml", "use '.' as the decimal separator")]
    [InlineData("051-rate-zero-count.prices.yaml", "the count must be positive")]
    [InlineData("053-rate-euro-with-usd.prices.yaml", "'€' does not match the catalog's currency USD")]
    [InlineData("054-rate-image-unit-in-chat.prices.yaml", "'usage' in section 'chat' is priced per token, character, request, not per image")]
    [InlineData("068-duplicate-id-chat-instruct.prices.yaml", "model id 'gpt-3.5-turbo' is already listed in section 'chat'")]
    [InlineData("071-member-collision-gpt-4.prices.yaml", "'GPT 4' and 'gpt-4' would both be generated as Chat.Gpt4; set 'member:' on one of them")]
    [InlineData("083-currency-lowercase.prices.yaml", "invalid currency 'usd': expected an ISO 4217 currency code such as USD or EUR")]
    [InlineData("089-date-slashes.prices.yaml", "invalid date '2023/03/01': expected an ISO date such as 2023-03-01")]
    [InlineData("095-rounding-wrong-case.prices.yaml", "unknown rounding 'Nearest-Second'; did you mean 'nearest-second'?")]
    [InlineData("098-size-capital-x.prices.yaml", "invalid image size '1024X1024': expected WIDTHxHEIGHT in pixels with a lower-case x")]
    public void Message_says_what_is_wrong_and_what_would_be_right(string file, string expected)
    {
        var problem = CatalogParser.Parse(Read(file)).Problems.First();

        var message = string.Format(CultureInfo.InvariantCulture, DiagnosticDescriptors.ById[problem.Id].MessageFormat.ToString(CultureInfo.InvariantCulture), problem.Arguments.ToArray<object>());
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_covers_every_parser_diagnostic_several_times()
    {
        var parserIds = new[]
        {
            "PRICE100", "PRICE101", "PRICE102", "PRICE103", "PRICE104", "PRICE105", "PRICE106", "PRICE107", "PRICE108",
            "PRICE109", "PRICE110", "PRICE111", "PRICE113", "PRICE114", "PRICE116", "PRICE117", "PRICE119",
        };

        var counts = FileNames
            .Select(file => ExpectedId(Read(file)))
            .GroupBy(id => id)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.True(counts.Values.Sum() >= 60, $"the corpus has {counts.Values.Sum()} catalogs");
        foreach (var id in parserIds)
        {
            Assert.True(counts.TryGetValue(id, out var count) && count >= 3, $"{id} is expected by {(counts.TryGetValue(id, out var n) ? n : 0)} corpus files");
        }
    }

    [Fact]
    public void Corpus_files_keep_their_bytes()
    {
        // CRLF, BOM and UTF-16 files must reach the tests as written (.gitattributes marks the corpus -text).
        var bytes = FileNames.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(CorpusDirectory, f)));

        Assert.Contains(bytes, b => b.Key.Contains("crlf", StringComparison.Ordinal) && ContainsCrLf(b.Value));
        Assert.Contains(bytes, b => b.Key.Contains("bom", StringComparison.Ordinal) && b.Value.Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.Contains(bytes, b => b.Key.Contains("utf16", StringComparison.Ordinal) && b.Value.Take(2).SequenceEqual(new byte[] { 0xFF, 0xFE }));
        foreach (var (file, content) in bytes.Select(b => (b.Key, b.Value)))
        {
            Assert.Equal(file.Contains("crlf", StringComparison.Ordinal), ContainsCrLf(content));
        }

        static bool ContainsCrLf(byte[] content) => content.Zip(content.Skip(1)).Any(p => p.First == '\r' && p.Second == '\n');
    }

    [Fact]
    public void Entry_level_mistakes_still_generate_compilable_code()
    {
        // A corpus file whose mistake drops only an entry still has a catalog: the generator must turn what is left
        // into code that compiles. Each file is generated into its own namespace, and all of it compiled once.
        var compilation = GeneratorHarness.Compilation(null);
        var generated = new List<SyntaxTree>();
        foreach (var file in FileNames)
        {
            var text = Read(file);
            if (CatalogParser.Parse(text).Catalog is null)
            {
                continue;
            }

            var @namespace = "Corpus.C" + file.Substring(0, 3);
            var driver = GeneratorHarness.Driver(
                new[] { new TestAdditionalText("/corpus/" + file, text) },
                new Dictionary<string, string> { ["build_property.PriceGenNamespace"] = @namespace });
            var result = driver.RunGenerators(compilation).GetRunResult();
            CatalogAssert.GeneratorSucceeded(result, compilation, compile: false, file);
            generated.AddRange(result.GeneratedTrees.Select(tree => CSharpSyntaxTree.ParseText(
                tree.GetText(), (CSharpParseOptions)tree.Options, path: file + ".g.cs")));
        }

        Assert.True(generated.Count >= 20, $"only {generated.Count} corpus files generate code");
        var errors = compilation.AddSyntaxTrees(generated).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "generated code does not compile:\n" + string.Join("\n", errors.Take(10)));
    }

    public static string Read(string file)
    {
        using var stream = File.OpenRead(Path.Combine(CorpusDirectory, file));
        return SourceText.From(stream).ToString();
    }

    private static string ExpectedId(string text) => ParseHeader(text).Groups["id"].Value;

    private static List<string> ExpectedProblems(string text)
    {
        var header = ParseHeader(text);
        var expected = new List<string> { header.Groups["id"].Value + " at " + header.Groups["at"].Value + (header.Groups["related"].Success ? " related " + header.Groups["related"].Value : string.Empty) };
        expected.AddRange(Also.Matches(header.Groups["also"].Value).Select(m => m.Groups["id"].Value + " at " + m.Groups["at"].Value));
        return expected;
    }

    private static Match ParseHeader(string text)
    {
        var end = text.IndexOfAny(new[] { '\r', '\n' });
        var first = end < 0 ? text : text.Substring(0, end);
        var match = Expectation.Match(first);
        Assert.True(match.Success, $"the first line '{first}' is not '# expect: PRICE1xx at LINE:COLUMN [related LINE:COLUMN][; also PRICE1xx at LINE:COLUMN]'");
        return match;
    }

    private static string Located(string id, CatalogSpan span, CatalogSpan? related) =>
        $"{id} at {span.StartLine + 1}:{span.StartColumn + 1}" +
        (related is { } r ? $" related {r.StartLine + 1}:{r.StartColumn + 1}" : string.Empty);
}
