using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using PriceGen.Benchmarks;
using PriceGen.Catalog;
using PriceGen.Cli.Import;
using PriceGen.Diagnostics;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Catalog;

/// <summary>
/// The fast reader against YamlDotNet: on every catalog of the repository, the LiteLLM import, the synthetic catalogs
/// and hundreds of mutations of them, <see cref="BlockYamlReader"/> either declines or yields exactly the nodes (values,
/// offsets, sizes) that YamlDotNet's events give, and the parse result (catalog, map, located problems) is the same
/// with the fast path as without it.
/// </summary>
public class BlockYamlReaderTests
{
    public static TheoryData<string> CatalogFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "catalog", "tests", "benchmarks", "samples" })
        {
            var root = Path.Combine(Paths.RepositoryRoot, folder);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(root, "*.prices.y*ml", SearchOption.AllDirectories)
                .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
                .OrderBy(p => p, StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(Paths.RepositoryRoot, path));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CatalogFiles))]
    public void Every_catalog_of_the_repository_reads_the_same_on_both_paths(string file)
    {
        var text = File.ReadAllText(Path.Combine(Paths.RepositoryRoot, file));

        AssertSameOnBothPaths(text);
        AssertSameOnBothPaths("\uFEFF" + text);
        AssertSameOnBothPaths(text.Replace("\n", "\r\n", StringComparison.Ordinal));
    }

    [Fact]
    public void The_reference_catalogs_and_the_synthetic_ones_take_the_fast_path()
    {
        var texts = Directory.EnumerateFiles(Path.Combine(Paths.RepositoryRoot, "catalog"), "*.prices.yaml").Select(File.ReadAllText)
            .Append(SyntheticCatalog.Generate(600))
            .Append(SyntheticCatalog.PlainChat(600));

        foreach (var text in texts)
        {
            Assert.True(BlockYamlReader.TryRead(text, CancellationToken.None, out _), text.Substring(0, Math.Min(text.Length, 200)));
            AssertSameOnBothPaths(text);
        }
    }

    [Fact]
    public void The_LiteLLM_import_reads_the_same_on_both_paths()
    {
        var json = LiteLlmJson();
        Assert.True(json is not null, "shared/data/litellm-model-prices.json is not beside the repository");
        var accepted = 0;
        foreach (var catalog in LiteLlmImporter.Import(json, new ImportOptions("2026-11-25")).Catalogs)
        {
            accepted += AssertSameOnBothPaths(catalog.Yaml) ? 1 : 0;
        }

        Assert.True(accepted > 0, "no imported catalog took the fast path");
    }

    public static TheoryData<int> MutationSeeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 0; seed < 24; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    /// <summary>Characters, lines and indentation deleted, inserted, duplicated and moved at random (fixed seeds): 24 × 30 variants.</summary>
    [Theory]
    [MemberData(nameof(MutationSeeds))]
    public void Mutated_catalogs_are_declined_or_read_the_same_on_both_paths(int seed)
    {
        var random = new Random(seed);
        var bases = Directory.EnumerateFiles(Path.Combine(Paths.RepositoryRoot, "catalog"), "*.prices.yaml").OrderBy(p => p, StringComparer.Ordinal).Select(File.ReadAllText)
            .Append(SyntheticCatalog.Generate(24))
            .Append(SyntheticCatalog.PlainChat(12))
            .ToList();
        var accepted = 0;
        for (var variant = 0; variant < 30; variant++)
        {
            var text = bases[random.Next(bases.Count)];
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                text = Mutate(text, random);
            }

            accepted += AssertSameOnBothPaths(text) ? 1 : 0;
        }

        // Both outcomes are exercised: many mutants are still in the subset (a space, a moved line), many are not.
        Assert.InRange(accepted, 1, 29);
    }

    [Theory]
    [InlineData("pricegen: 1\nprovider: 'It''s' # quoted\ncurrency: \"USD\"\n")]
    [InlineData("# header\n\npricegen: 1\n\n# between\nchat:\n  # inside\n  a:\n    usage:   $1 / token   # trailing\n\n  b: { usage: $1 / token , output: x }\nsource:")]
    [InlineData("pricegen: 1\nchat:\n  a:\n    aliases: [ x , y-1 ]\n    tiers:\n      - { above: 1K, input: $1 / token }\n      - plain\n    name:\nother: 1\n")]
    [InlineData("pricegen: 1\na:\n  b:\n    c:\n      d: e\nf: g")]
    [InlineData("pricegen: 1\ndescription: a, b [c] {d} e#f:g h\nname: ~\n")]
    public void Text_in_the_subset_takes_the_fast_path_and_reads_the_same(string text)
    {
        Assert.True(BlockYamlReader.TryRead(text, CancellationToken.None, out _));
        AssertSameOnBothPaths(text);
    }

    [Theory]
    [InlineData("pricegen: 1\nchat:\n  a: { usage: $1 / token }\n  a: { usage: $2 / token }\n")]
    [InlineData("pricegen: 1\nchat:\n  a: { usage: $1 / token, usage: $2 / token }\n")]
    [InlineData("pricegen: 1\nchat:\n  a: &x { usage: $1 / token }\n  b: *x\n")]
    [InlineData("pricegen: 1\ndescription: one\n  two\n")]
    [InlineData("pricegen: 1\nchat:\n\ta: { usage: $1 / token }\n")]
    [InlineData("pricegen: 1\nchat:\n  a: { usage: $1 / token\n")]
    [InlineData("pricegen: 1\nchat:\n  a: { usage: { x: y } }\n")]
    [InlineData("pricegen: 1\nchat:\n - a\n  b: c\n")]
    [InlineData("pricegen: 1\nchat:\n  a: b: c\n")]
    [InlineData("pricegen: 1\n---\nchat: x\n")]
    [InlineData("pricegen: 1\ntiers:\n- { above: 1 }\n")]
    [InlineData("pricegen: 1\nname: \"a \\\" b\"\n")]
    [InlineData("pricegen: 1\nname: |\n  block\n")]
    [InlineData("")]
    public void Text_outside_the_subset_or_wrong_is_declined(string text)
    {
        Assert.False(BlockYamlReader.TryRead(text, CancellationToken.None, out _));
        AssertSameOnBothPaths(text);
    }

    [Fact]
    public void A_catalog_past_the_node_budget_is_declined_and_reported_by_the_YamlDotNet_path()
    {
        var text = SyntheticCatalog.PlainChat((CatalogLimits.MaxNodes / 4) + 10);

        Assert.False(BlockYamlReader.TryRead(text, CancellationToken.None, out _));
        Assert.Equal(DiagnosticIds.LimitExceeded, CatalogParser.Parse(text).Problems.First().Id);
    }

    [Fact]
    public void A_cancelled_token_stops_the_fast_path() =>
        Assert.ThrowsAny<OperationCanceledException>(() => BlockYamlReader.TryRead(SyntheticCatalog.PlainChat(5_000), new CancellationToken(canceled: true), out _));

    /// <summary>Asserts both paths agree on <paramref name="text"/>; returns whether the fast path read it.</summary>
    private static bool AssertSameOnBothPaths(string text)
    {
        var accepted = BlockYamlReader.TryRead(text, CancellationToken.None, out var fast);
        if (accepted)
        {
            var problems = new ProblemSink(new LineMap(text));
            var slow = YamlDocumentReader.ReadWithYamlDotNet(text, problems);
            Assert.True(problems.Count == 0, $"the fast path read text YamlDotNet finds wrong ({string.Join("; ", problems.Problems.Select(CatalogAssert.Describe))}):\n{text}");
            Assert.Equal(Dump(slow), Dump(fast));
        }

        Assert.Equal(CatalogParser.ParseWithYamlDotNet(text), CatalogParser.Parse(text));
        return accepted;
    }

    private static string Dump(YamlNode? node)
    {
        var dump = new StringBuilder();
        Dump(node, 0, dump);
        return dump.ToString();
    }

    private static void Dump(YamlNode? node, int depth, StringBuilder dump)
    {
        dump.Append(' ', depth * 2);
        switch (node)
        {
            case null:
                dump.Append("(none)\n");
                break;
            case YamlScalar scalar:
                dump.Append($"scalar {scalar.Start}..{scalar.End} size {scalar.ExpandedSize} plain {scalar.IsPlain} anchored {scalar.Anchored is not null} '{scalar.Value}'\n");
                break;
            case YamlMapping mapping:
                dump.Append($"mapping {mapping.Start}..{mapping.End} size {mapping.ExpandedSize} anchored {mapping.Anchored is not null}\n");
                foreach (var entry in mapping.Entries)
                {
                    Dump(entry.Key, depth + 1, dump);
                    Dump(entry.Value, depth + 2, dump);
                }

                break;
            case YamlSequence sequence:
                dump.Append($"sequence {sequence.Start}..{sequence.End} size {sequence.ExpandedSize} anchored {sequence.Anchored is not null}\n");
                foreach (var item in sequence.Items)
                {
                    Dump(item, depth + 1, dump);
                }

                break;
        }
    }

    private static readonly string[] Insertions = { " ", "  ", ":", ": ", "-", "- ", "#", " #", "{", "}", "[", "]", ",", "'", "\"", "\n", "a", "\t", "&a ", "*a", "!", "|", "~", "\r", "\u00e9", "%", "?" };

    private static string Mutate(string text, Random random)
    {
        if (text.Length == 0)
        {
            return "a";
        }

        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        switch (random.Next(7))
        {
            case 0:
                return text.Remove(random.Next(text.Length), 1);
            case 1:
                return text.Insert(random.Next(text.Length + 1), Insertions[random.Next(Insertions.Length)]);
            case 2:
                lines.RemoveAt(line);
                break;
            case 3:
                lines.Insert(line, lines[random.Next(lines.Count)]);
                break;
            case 4:
                lines[line] = new string(' ', random.Next(1, 4)) + lines[line];
                break;
            case 5:
                lines[line] = lines[line].TrimStart();
                break;
            default:
                var other = random.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                break;
        }

        return string.Join("\n", lines);
    }

    private static string? LiteLlmJson()
    {
        for (var directory = new DirectoryInfo(Paths.RepositoryRoot); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", "litellm-model-prices.json");
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        return null;
    }
}
