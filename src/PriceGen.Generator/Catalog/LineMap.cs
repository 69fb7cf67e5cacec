using System;
using System.Collections.Generic;

namespace PriceGen.Catalog;

/// <summary>
/// Turns character offsets into zero-based lines and columns with the same line breaks as Roslyn's
/// <c>SourceText</c> (CR, LF, CRLF, NEL, LS, PS), so a reported position matches what the IDE shows. A byte order
/// mark at the start of the text takes no column, as in every editor.
/// </summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = new();
    private readonly int _length;

    private static readonly char[] LineBreaks = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

    public LineMap(string text, System.Threading.CancellationToken cancellationToken = default)
    {
        _length = text.Length;
        _lineStarts.Add(text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0);

        // IndexOfAny runs vectorized over the text between breaks; a 16 MiB file is read in milliseconds, and cancelled.
        for (var i = text.IndexOfAny(LineBreaks); i >= 0; i = i + 1 < text.Length ? text.IndexOfAny(LineBreaks, i + 1) : -1)
        {
            if ((_lineStarts.Count & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            _lineStarts.Add(i + 1);
        }
    }

    public CatalogSpan Span(int start, int end)
    {
        start = Clamp(start);
        end = Math.Max(start, Clamp(end));
        var (startLine, startColumn) = Position(start);
        var (endLine, endColumn) = Position(end);
        return new CatalogSpan(start, end - start, startLine, startColumn, endLine, endColumn);
    }

    private int Clamp(int offset) => Math.Min(Math.Max(offset, 0), _length);

    private (int Line, int Column) Position(int offset)
    {
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            // Before the first line start only for the byte order mark itself: column 0 of line 0.
            line = Math.Max(~line - 1, 0);
        }

        return (line, Math.Max(offset - _lineStarts[line], 0));
    }
}
