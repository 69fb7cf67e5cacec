using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using PriceGen.Catalog;
using PriceGen.Diagnostics;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Catalog;

/// <summary>
/// Inputs built to hang, exhaust or crash a YAML reader: each is rejected with a located PRICE116 (a safety limit of
/// <see cref="CatalogLimits"/>) or PRICE100 (YAML itself refuses it), quickly and without large allocations, and
/// nothing recurses (a stack overflow would kill the compiler). The bounds are loose on purpose: the tight figures
/// belong to the benchmarks.
/// </summary>
public class HostileCatalogTests
{
    private const string Header = "pricegen: 1\nprovider: Acme\ncurrency: USD\neffective: 2023-03-01\n";
    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(5);
    private const long MaxAllocatedBytes = 200L * 1024 * 1024;

    [Fact]
    public void Billion_laughs_stops_at_the_expansion_budget()
    {
        // Nine levels of ten aliases each: 10^9 nodes if expanded, a few hundred bytes as written.
        var text = new StringBuilder(Header).Append("laughs:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            text.Append("  l").Append(level).Append(": &l").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*l" + (level - 1), 10))).Append("]\n");
        }

        var problem = AssertRejected(text.ToString(), DiagnosticIds.LimitExceeded);

        // The node budget runs out inside l5, at an alias of l4, on the line that defines l5.
        Assert.Equal(5 + 6, problem.Span.StartLine + 1);
        Assert.StartsWith("*l4", text.ToString().Substring(problem.Span.Start), StringComparison.Ordinal);
        Assert.Contains("aliases are expanded", problem.Arguments[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Billion_laughs_of_mappings_inside_a_model_entry_stops_at_the_expansion_budget()
    {
        var text = new StringBuilder(Header).Append("chat:\n  m0: &m0 { a: x, b: x, c: x, d: x, e: x, f: x, g: x, h: x, i: x, j: x }\n");
        for (var level = 1; level <= 9; level++)
        {
            text.Append("  m").Append(level).Append(": &m").Append(level).Append(" { ")
                .Append(string.Join(", ", Enumerable.Range(0, 10).Select(i => (char)('a' + i) + ": *m" + (level - 1)))).Append(" }\n");
        }

        AssertRejected(text.ToString(), DiagnosticIds.LimitExceeded);
    }

    [Fact]
    public void A_file_just_under_the_size_limit_of_tiny_entries_stops_at_the_node_budget_within_bounds()
    {
        var text = new StringBuilder(Header).Append("chat:\n");
        for (var i = 0; text.Length < CatalogLimits.MaxFileLength - 64; i++)
        {
            text.Append("  m").Append(i).Append(": {}\n");
        }

        AssertRejected(text.ToString(), DiagnosticIds.LimitExceeded);
    }

    [Fact]
    public void A_flood_of_problems_is_capped_with_one_diagnostic_saying_so()
    {
        var text = new StringBuilder(Header).Append("chat:\n");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("  m").Append(i).Append(": { usge: 1 / token }\n");
        }

        var problems = CatalogParser.Parse(text.ToString()).Problems;

        Assert.Equal(CatalogLimits.MaxProblems + 1, problems.Count);
        Assert.Equal(DiagnosticIds.LimitExceeded, problems[^1].Id);
        Assert.Contains("the rest are not reported", problems[^1].Arguments[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Hundred_thousand_nested_sequences_stop_at_the_depth_limit()
    {
        var text = Header + "chat: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var problem = AssertRejected(text, DiagnosticIds.LimitExceeded);

        // The root mapping is level 1, so the 32nd '[' is the first level past the limit of 32.
        Assert.Equal(text.IndexOf('[') + CatalogLimits.MaxDepth - 1, problem.Span.Start);
        Assert.Equal((5, 7 + CatalogLimits.MaxDepth - 1), (problem.Span.StartLine + 1, problem.Span.StartColumn + 1));
    }

    [Fact]
    public void Hundred_thousand_unclosed_sequences_stop_at_the_depth_limit()
    {
        var text = Header + "chat: " + new string('[', 100_000);

        var problem = AssertRejected(text, DiagnosticIds.LimitExceeded);

        Assert.Equal(text.IndexOf('[') + CatalogLimits.MaxDepth - 1, problem.Span.Start);
    }

    [Fact]
    public void Hundred_thousand_nested_flow_mappings_stop_at_the_depth_limit()
    {
        var text = Header + "chat: " + string.Concat(Enumerable.Repeat("{a: ", 100_000)) + "x" + new string('}', 100_000) + "\n";

        var problem = AssertRejected(text, DiagnosticIds.LimitExceeded);

        // The root mapping is level 1, so the 32nd '{' (four characters each) is the first level past the limit.
        Assert.Equal(text.IndexOf('{') + (4 * (CatalogLimits.MaxDepth - 1)), problem.Span.Start);
    }

    [Fact]
    public void Hundred_thousand_nested_block_sequences_stop_at_the_depth_limit()
    {
        var text = Header + "chat:\n" + string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n";

        var problem = AssertRejected(text, DiagnosticIds.LimitExceeded);

        Assert.Equal(6, problem.Span.StartLine + 1);
    }

    [Fact]
    public void One_mebibyte_plain_key_is_refused_by_yaml()
    {
        // YAML caps an implicit key at 1024 characters (PriceGen's key limit too): a longer one is not a key at all,
        // so YAML finds a plain value where the header mapping expects its next key.
        var text = Header + new string('k', 1 << 20) + ": 1\n";

        var problem = AssertRejected(text, DiagnosticIds.YamlSyntax);

        Assert.Equal((5, 1), (problem.Span.StartLine + 1, problem.Span.StartColumn + 1));
    }

    [Fact]
    public void One_mebibyte_quoted_key_is_refused()
    {
        var text = Header + "\"" + new string('k', 1 << 20) + "\": 1\n";

        var problem = AssertRejected(text, DiagnosticIds.YamlSyntax, DiagnosticIds.LimitExceeded);

        Assert.Equal(5, problem.Span.StartLine + 1);
    }

    [Fact]
    public void One_mebibyte_explicit_key_exceeds_the_key_limit()
    {
        var text = Header + "chat:\n  ? " + new string('k', 1 << 20) + "\n  : { usage: $1 / token }\n";

        var problem = AssertRejected(text, DiagnosticIds.LimitExceeded);

        Assert.Equal((6, 5), (problem.Span.StartLine + 1, problem.Span.StartColumn + 1));
        Assert.Contains($"(the limit is {CatalogLimits.MaxKeyLength})", problem.Arguments[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Long_description_exceeds_the_scalar_limit()
    {
        var text = Header + "chat:\n  a:\n    usage: $1 / token\n    description: " + new string('d', CatalogLimits.MaxScalarLength + 1) + "\n";

        var problem = AssertRejected(text, DiagnosticIds.LimitExceeded);

        Assert.Equal((8, 18), (problem.Span.StartLine + 1, problem.Span.StartColumn + 1));
    }

    [Fact]
    public void Seventeen_mebibyte_file_is_refused_before_it_is_read()
    {
        var text = new StringBuilder(Paths.ReferenceCatalog, 17 * 1024 * 1024 + 100)
            .Append("# ").Append('x', (17 * 1024 * 1024) - Paths.ReferenceCatalog.Length).Append('\n')
            .ToString();
        Assert.True(text.Length > CatalogLimits.MaxFileLength);

        var problem = AssertRejected(text, DiagnosticIds.LimitExceeded);

        Assert.Equal(0, problem.Span.Start);
        Assert.Contains("characters (the limit is", problem.Arguments[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Many_aliases_stop_at_the_alias_limit()
    {
        var text = Header + "x-shared: &s lol\nx-uses: [" + string.Join(", ", Enumerable.Repeat("*s", CatalogLimits.MaxAliases + 5)) + "]\n";

        var problem = AssertRejected(text, DiagnosticIds.LimitExceeded);

        // The first alias past the limit: '[' then "*s, " per alias.
        Assert.Equal(text.IndexOf('[') + 1 + (4 * CatalogLimits.MaxAliases), problem.Span.Start);
        Assert.Contains($"more than {CatalogLimits.MaxAliases} aliases", problem.Arguments[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_inputs_through_the_generator_generate_nothing_and_throw_nothing()
    {
        var inputs = new[]
        {
            Header + "chat: " + new string('[', 100_000),
            Header + new string('k', 1 << 20) + ": 1\n",
            Header + "x-shared: &s lol\nx-uses: [" + string.Join(", ", Enumerable.Repeat("*s", CatalogLimits.MaxAliases + 5)) + "]\n",
        };

        foreach (var input in inputs)
        {
            var stopwatch = Stopwatch.StartNew();
            var (result, output) = GeneratorHarness.Run(input);

            Assert.True(stopwatch.Elapsed < MaxTime, $"the generator took {stopwatch.Elapsed}");
            CatalogAssert.GeneratorSucceeded(result, output, compile: false);
            Assert.Empty(result.GeneratedTrees);
        }
    }

    /// <summary>
    /// Parses <paramref name="text"/> within the time and allocation bounds, with no catalog and well-formed problems,
    /// and returns the first problem, which must have one of <paramref name="ids"/>.
    /// </summary>
    private static CatalogProblem AssertRejected(string text, params string[] ids)
    {
        CatalogParser.Parse(Header); // JIT the parser outside the measurement.

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        var result = CatalogParser.Parse(text);
        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.True(stopwatch.Elapsed < MaxTime, $"parsing took {stopwatch.Elapsed}");
        Assert.True(allocated < MaxAllocatedBytes, $"parsing allocated {allocated / (1024 * 1024)} MiB");
        CatalogAssert.WellFormed(text, result);
        Assert.Null(result.Catalog);
        var problem = result.Problems.First();
        Assert.True(ids.Contains(problem.Id), $"expected {string.Join(" or ", ids)}, got {CatalogAssert.Describe(problem)}");
        return problem;
    }
}
