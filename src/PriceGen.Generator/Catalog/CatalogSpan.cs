using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PriceGen.Catalog;

/// <summary>
/// A place in a catalog file as plain values (offsets and zero-based line/column), so models that carry it stay
/// equatable and free of <see cref="SourceText"/>. The path is attached only when a <see cref="Location"/> is made.
/// </summary>
internal readonly record struct CatalogSpan(int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public TextSpan TextSpan => new(Start, Length);

    public LinePositionSpan LineSpan => new(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn));

    public Location ToLocation(string path) => Location.Create(path, TextSpan, LineSpan);
}
