using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace PriceGen.Generation;

/// <summary>
/// A <see cref="StringBuilder"/> with an indent level; every line ends in '\n' on every machine. An interpolated line
/// (<c>writer.Line($"case {i}: …")</c>) is appended piece by piece, without a string of its own: a catalog of
/// thousands of models writes hundreds of thousands of lines.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _builder;
    private int _indent;

    /// <param name="capacity">The expected length of the text, so the buffer is not copied as it grows.</param>
    public SourceWriter(int capacity = 16) => _builder = new StringBuilder(capacity);

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * IndentSize).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>A line written by <paramref name="line"/> straight into the buffer.</summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        _builder.Append('\n');
        return this;
    }

    public SourceWriter Open(string header)
    {
        Line(header);
        return OpenBlock();
    }

    public SourceWriter Open([InterpolatedStringHandlerArgument("")] ref LineHandler header)
    {
        _builder.Append('\n');
        return OpenBlock();
    }

    public SourceWriter Close()
    {
        _indent--;
        return Line("}");
    }

    public override string ToString() => _builder.ToString();

    private SourceWriter OpenBlock()
    {
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Appends the parts of an interpolated line, after the indentation, as the compiler hands them over.</summary>
    [InterpolatedStringHandler]
    public readonly ref struct LineHandler
    {
        private readonly StringBuilder _builder;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _builder = writer._builder;
            _builder.Append(' ', writer._indent * IndentSize);
        }

        public void AppendLiteral(string text) => _builder.Append(text);

        public void AppendFormatted(string? text) => _builder.Append(text);

        /// <summary>A section or another enum of the model, by its name (the names match the runtime's).</summary>
        public void AppendFormatted<T>(T value)
            where T : struct, Enum => _builder.Append(value.ToString());

        public void AppendFormatted(int value) => _builder.Append(value.ToString(CultureInfo.InvariantCulture));
    }
}
