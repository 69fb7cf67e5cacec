using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PriceGen.Catalog;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Catalog;

/// <summary>What must hold for every parse of every input, however broken.</summary>
internal static class CatalogAssert
{
    /// <summary>Text of the parser's last-resort diagnostic: seeing it means an exception escaped the parser's own code.</summary>
    public const string InternalErrorMarker = "please report this";

    /// <summary>
    /// Every problem is located inside the text, its line and column agree with Roslyn's <see cref="SourceText"/> of the
    /// same text, no problem is reported twice, no exception was swallowed, and no catalog means at least one problem.
    /// </summary>
    public static void WellFormed(string text, CatalogParseResult result, string? context = null)
    {
        var where = context is null ? string.Empty : context + ": ";
        var lines = LineTable.For(text);
        foreach (var problem in result.Problems)
        {
            Assert.False(problem.Arguments.Any(a => a.Contains(InternalErrorMarker, StringComparison.Ordinal)),
                $"{where}an exception escaped the parser: {string.Join(" | ", problem.Arguments)}");
            Assert.False(problem.Id is null || !problem.Id.StartsWith("PRICE1", StringComparison.Ordinal), $"{where}unexpected id {problem.Id}");
            SpanInside(text, lines, problem.Span, $"{where}{Describe(problem)}");
            if (problem.RelatedSpan is { } related)
            {
                SpanInside(text, lines, related, $"{where}related location of {Describe(problem)}");
            }
        }

        var twice = result.Problems.GroupBy(p => p).FirstOrDefault(g => g.Count() > 1);
        Assert.True(twice is null, $"{where}reported twice: {(twice is null ? string.Empty : Describe(twice.Key))}");
        Assert.False(result.Catalog is null && result.Problems.Count == 0, $"{where}no catalog, and no problem says why");
    }

    public static string Describe(CatalogProblem problem) =>
        $"{problem.Id} at {problem.Span.StartLine + 1}:{problem.Span.StartColumn + 1}" +
        (problem.RelatedSpan is { } related ? $" related {related.StartLine + 1}:{related.StartColumn + 1}" : string.Empty) +
        $" ({string.Join(" | ", problem.Arguments)})";

    /// <summary>The generator ran without an exception, and what it generated compiles.</summary>
    public static void GeneratorSucceeded(GeneratorDriverRunResult result, Compilation output, bool compile, string? context = null)
    {
        var where = context is null ? string.Empty : context + ": ";
        var run = Assert.Single(result.Results);
        Assert.True(run.Exception is null, $"{where}the generator threw {run.Exception}");
        Assert.Empty(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id is "CS8784" or "CS8785"));
        if (compile && run.GeneratedSources.Length > 0)
        {
            var generated = new HashSet<SyntaxTree>(result.GeneratedTrees);
            var errors = output.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && generated.Contains(tree))
                .ToList();
            Assert.True(errors.Count == 0, $"{where}generated code does not compile:\n{string.Join("\n", errors.Take(10))}");
        }
    }

    private static void SpanInside(string text, LineTable lines, CatalogSpan span, string what)
    {
        Assert.True(span.Start >= 0 && span.Length >= 0 && span.Start + span.Length <= text.Length,
            $"{what}: span [{span.Start}, +{span.Length}) is outside a text of {text.Length} characters");
        var expected = lines.Span(span.Start, span.Start + span.Length);
        var actual = span.LineSpan;
        Assert.True(expected == actual, $"{what}: line span {actual} does not match offsets {span.Start}+{span.Length}, which are {expected}");
    }

    /// <summary>
    /// Line and column of offsets as Roslyn's <see cref="SourceText"/> computes them, except that a byte order mark at
    /// the start of the text takes no column (the parser's documented rule; an editor never shows it).
    /// </summary>
    private sealed class LineTable
    {
        private readonly SourceText _source;
        private readonly bool _bom;

        private LineTable(string text)
        {
            _source = SourceText.From(text);
            _bom = text.Length > 0 && text[0] == '\uFEFF';
        }

        public static LineTable For(string text) => new(text);

        public LinePositionSpan Span(int start, int end) => new(Position(start), Position(end));

        private LinePosition Position(int offset)
        {
            var position = _source.Lines.GetLinePosition(offset);
            return _bom && position.Line == 0 ? new LinePosition(0, Math.Max(position.Character - 1, 0)) : position;
        }
    }
}
