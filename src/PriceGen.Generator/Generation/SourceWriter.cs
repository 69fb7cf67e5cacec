using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace PriceGen.Generation;

/// <summary>
/// A text buffer with an indent level; every line ends in '\n' on every machine. An interpolated line
/// (<c>writer.Line($"case {i}: …")</c>) is appended piece by piece, without a string of its own: a catalog of
/// thousands of models writes hundreds of thousands of lines. The text is handed to the compiler as a
/// <see cref="SourceText"/> over the buffer itself, not copied into a string of megabytes first.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private char[] _buffer;
    private int _length;
    private int _indent;

    /// <param name="capacity">The expected length of the text, so the buffer is not copied as it grows.</param>
    public SourceWriter(int capacity = 256) => _buffer = new char[System.Math.Max(capacity, 16)];

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            Indent();
            Append(text);
        }

        Append('\n');
        return this;
    }

    /// <summary>A line written by <paramref name="line"/> straight into the buffer.</summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        Append('\n');
        return this;
    }

    /// <summary>
    /// The start of a line whose rest is written by <see cref="Write"/> (a part another method renders) and ended by
    /// <see cref="End"/>.
    /// </summary>
    public SourceWriter Begin([InterpolatedStringHandlerArgument("")] ref LineHandler start) => this;

    /// <summary>More of the line <see cref="Begin"/> started, without indentation.</summary>
    public SourceWriter Write([InterpolatedStringHandlerArgument("")] ref TextHandler text) => this;

    /// <summary>The end of the line <see cref="Begin"/> started.</summary>
    public SourceWriter End(string text)
    {
        Append(text);
        Append('\n');
        return this;
    }

    public SourceWriter Open(string header)
    {
        Line(header);
        return OpenBlock();
    }

    public SourceWriter Open([InterpolatedStringHandlerArgument("")] ref LineHandler header)
    {
        Append('\n');
        return OpenBlock();
    }

    public SourceWriter Close()
    {
        _indent--;
        return Line("}");
    }

    public override string ToString() => new(_buffer, 0, _length);

    /// <summary>The text written, without copying it; the writer must not be written to afterwards.</summary>
    public SourceText ToSourceText() => new BufferText(_buffer, _length);

    private SourceWriter OpenBlock()
    {
        Line("{");
        _indent++;
        return this;
    }

    private void Indent()
    {
        var spaces = _indent * IndentSize;
        Reserve(spaces);
        for (var i = 0; i < spaces; i++)
        {
            _buffer[_length++] = ' ';
        }
    }

    private void Append(string? text)
    {
        if (text is null)
        {
            return;
        }

        Reserve(text.Length);
        text.CopyTo(0, _buffer, _length, text.Length);
        _length += text.Length;
    }

    private void Append(char c)
    {
        Reserve(1);
        _buffer[_length++] = c;
    }

    /// <summary>An integer in invariant digits, written without a string of its own.</summary>
    private void Append(long value)
    {
        if (value < 0)
        {
            if (value == long.MinValue)
            {
                Append(value.ToString(CultureInfo.InvariantCulture));
                return;
            }

            Append('-');
            value = -value;
        }

        var digits = 1;
        for (var rest = value / 10; rest > 0; rest /= 10)
        {
            digits++;
        }

        Reserve(digits);
        _length += digits;
        for (var i = _length - 1; i >= _length - digits; i--)
        {
            _buffer[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>A C# string literal of <paramref name="value"/>, escaped as <see cref="Literals.String"/> escapes it.</summary>
    private void AppendQuoted(string value)
    {
        if (Literals.NeedsEscape(value))
        {
            Append(Literals.String(value));
            return;
        }

        Reserve(value.Length + 2);
        _buffer[_length++] = '"';
        value.CopyTo(0, _buffer, _length, value.Length);
        _length += value.Length;
        _buffer[_length++] = '"';
    }

    /// <summary>The parts an interpolated line or text may hold; both handlers write them the same way.</summary>
    private void AppendPart(Literals.QuotedText text) => AppendQuoted(text.Value);

    private void AppendPart(Literals.DecimalText number)
    {
        Append(number.InvariantText);
        Append(Literals.DecimalSuffix);
    }

    private void Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            System.Array.Resize(ref _buffer, System.Math.Max(_buffer.Length * 2, _length + count));
        }
    }

    /// <summary>Appends the parts of an interpolated line, after the indentation, as the compiler hands them over.</summary>
    [InterpolatedStringHandler]
    public readonly ref struct LineHandler
    {
        private readonly SourceWriter _writer;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _writer = writer;
            writer.Indent();
            writer.Reserve(literalLength);
        }

        public void AppendLiteral(string text) => _writer.Append(text);

        public void AppendFormatted(string? text) => _writer.Append(text);

        /// <summary>A section or another enum of the model, by its name (the names match the runtime's).</summary>
        public void AppendFormatted<T>(T value)
            where T : struct, Enum => _writer.Append(value.ToString());

        public void AppendFormatted(long value) => _writer.Append(value);

        public void AppendFormatted(Literals.QuotedText text) => _writer.AppendPart(text);

        public void AppendFormatted(Literals.DecimalText number) => _writer.AppendPart(number);
    }

    /// <summary>
    /// <see cref="LineHandler"/> without the indentation: the rest of a line <see cref="Begin"/> started. Its members
    /// repeat LineHandler's because a handler is a ref struct, which can neither inherit nor wrap another; keep them in step.
    /// </summary>
    [InterpolatedStringHandler]
    public readonly ref struct TextHandler
    {
        private readonly SourceWriter _writer;

        public TextHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _writer = writer;
            writer.Reserve(literalLength);
        }

        public void AppendLiteral(string text) => _writer.Append(text);

        public void AppendFormatted(string? text) => _writer.Append(text);

        /// <summary>An enum of the model, by its name (the names match the runtime's).</summary>
        public void AppendFormatted<T>(T value)
            where T : struct, Enum => _writer.Append(value.ToString());

        public void AppendFormatted(long value) => _writer.Append(value);

        public void AppendFormatted(Literals.QuotedText text) => _writer.AppendPart(text);

        public void AppendFormatted(Literals.DecimalText number) => _writer.AppendPart(number);
    }

    /// <summary>Written text as the compiler reads it: UTF-8 when saved, like <c>AddSource(string, string)</c>.</summary>
    private sealed class BufferText : SourceText
    {
        private readonly char[] _chars;

        public BufferText(char[] chars, int length)
        {
            _chars = chars;
            Length = length;
        }

        public override Encoding Encoding => Encoding.UTF8;

        public override int Length { get; }

        public override char this[int position] =>
            (uint)position < (uint)Length ? _chars[position] : throw new System.ArgumentOutOfRangeException(nameof(position));

        public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (sourceIndex < 0 || count < 0 || sourceIndex > Length - count)
            {
                throw new System.ArgumentOutOfRangeException(nameof(sourceIndex));
            }

            System.Array.Copy(_chars, sourceIndex, destination, destinationIndex, count);
        }

        public override string ToString(TextSpan span)
        {
            if (span.End > Length)
            {
                throw new System.ArgumentOutOfRangeException(nameof(span));
            }

            return new string(_chars, span.Start, span.Length);
        }
    }
}
