using System.Collections.Generic;
using PriceGen.Common;

namespace PriceGen.Catalog;

/// <summary>
/// One problem found in a catalog: a diagnostic id (PRICE1xx), the arguments of its message, where it is, and
/// optionally where the thing it conflicts with is (the first of two duplicates).
/// </summary>
internal sealed record CatalogProblem(string Id, EquatableArray<string> Arguments, CatalogSpan Span, CatalogSpan? RelatedSpan);

/// <summary>Collects problems during one parse and locates them through the file's <see cref="LineMap"/>.</summary>
internal sealed class ProblemSink
{
    private readonly List<CatalogProblem> _problems = new();

    public ProblemSink(LineMap lines) => Lines = lines;

    public LineMap Lines { get; }

    public IReadOnlyList<CatalogProblem> Problems => _problems;

    public int Count => _problems.Count;

    public void Report(string id, int start, int end, params string[] arguments) =>
        _problems.Add(new CatalogProblem(id, arguments.ToEquatableArray(), Lines.Span(start, end), null));

    public void Report(string id, YamlNode at, params string[] arguments) => Report(id, at.Start, at.End, arguments);

    public void Report(string id, int start, int end, int relatedStart, int relatedEnd, params string[] arguments) =>
        _problems.Add(new CatalogProblem(id, arguments.ToEquatableArray(), Lines.Span(start, end), Lines.Span(relatedStart, relatedEnd)));

    public void Report(string id, CatalogSpan at, CatalogSpan related, params string[] arguments) =>
        _problems.Add(new CatalogProblem(id, arguments.ToEquatableArray(), at, related));

    public void Report(string id, YamlNode at, YamlNode related, params string[] arguments) =>
        Report(id, at.Start, at.End, related.Start, related.End, arguments);
}
