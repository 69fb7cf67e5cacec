using System;
using System.Collections.Generic;
using PriceGen.Common;

namespace PriceGen.Catalog;

/// <summary>
/// One problem found in a catalog: a diagnostic id (PRICE1xx), the arguments of its message, where it is, and
/// optionally where the thing it conflicts with is (the first of two duplicates).
/// </summary>
internal sealed record CatalogProblem(string Id, EquatableArray<string> Arguments, CatalogSpan Span, CatalogSpan? RelatedSpan);

/// <summary>
/// Collects problems during one parse and locates them through the file's <see cref="LineMap"/>. Inside an
/// <see cref="AliasScope"/> a place in the anchored text is the alias's: that text is written once but used (and
/// possibly wrong) in several places, and each use is reported where it is, not all of them at the anchor.
/// </summary>
internal sealed class ProblemSink
{
    private readonly List<CatalogProblem> _problems = new();
    private YamlNode? _alias;
    private HashSet<CatalogProblem>? _problemsInAlias;

    public ProblemSink(LineMap lines) => Lines = lines;

    public LineMap Lines { get; }

    public IReadOnlyList<CatalogProblem> Problems => _problems;

    public int Count => _problems.Count;

    /// <summary>Where <paramref name="node"/> is, or the alias being read when the node is part of what it stands for.</summary>
    public CatalogSpan Locate(YamlNode node) => Span(node.Start, node.End);

    /// <summary>
    /// While reading the content of <paramref name="node"/>: when it is an alias (and no enclosing alias is being read
    /// already), locates everything at it until disposed.
    /// </summary>
    public AliasScope EnterAlias(YamlNode node)
    {
        if (node.Anchored is null || _alias is not null)
        {
            return default;
        }

        _alias = node;
        return new AliasScope(this);
    }

    public void Report(string id, int start, int end, params string[] arguments) =>
        Add(new CatalogProblem(id, arguments.ToEquatableArray(), Span(start, end), null));

    public void Report(string id, YamlNode at, params string[] arguments) => Report(id, at.Start, at.End, arguments);

    public void Report(string id, int start, int end, int relatedStart, int relatedEnd, params string[] arguments) =>
        Add(new CatalogProblem(id, arguments.ToEquatableArray(), Span(start, end), Lines.Span(relatedStart, relatedEnd)));

    public void Report(string id, CatalogSpan at, CatalogSpan related, params string[] arguments) =>
        Add(new CatalogProblem(id, arguments.ToEquatableArray(), at, related));

    public void Report(string id, YamlNode at, YamlNode related, params string[] arguments) =>
        Report(id, at.Start, at.End, related.Start, related.End, arguments);

    private void Add(CatalogProblem problem)
    {
        if (_problems.Count >= CatalogLimits.MaxProblems)
        {
            // A flood of diagnostics helps nobody and costs the IDE; say once where the rest begin.
            if (_problems.Count == CatalogLimits.MaxProblems)
            {
                _problems.Add(new CatalogProblem(Diagnostics.DiagnosticIds.LimitExceeded,
                    new[] { $"more than {CatalogLimits.MaxProblems} problems; fix these first, the rest are not reported" }.ToEquatableArray(),
                    problem.Span, null));
            }

            return;
        }

        // Inside an alias, two places of the anchored text that have the same problem (two entries with the same
        // unknown field) both land on the alias: that is one diagnostic there, not the same one twice.
        if (_alias is null || (_problemsInAlias ??= new HashSet<CatalogProblem>()).Add(problem))
        {
            _problems.Add(problem);
        }
    }

    private CatalogSpan Span(int start, int end) =>
        _alias is { Anchored: { } anchored } alias && start >= anchored.Start && start <= anchored.End
            ? Lines.Span(alias.Start, alias.End)
            : Lines.Span(start, end);

    /// <summary>Ends <see cref="EnterAlias"/>; the default value (not an alias, or nested in one) does nothing.</summary>
    public readonly struct AliasScope : IDisposable
    {
        private readonly ProblemSink? _sink;

        public AliasScope(ProblemSink sink) => _sink = sink;

        public void Dispose()
        {
            if (_sink is not null)
            {
                _sink._alias = null;
            }
        }
    }
}
