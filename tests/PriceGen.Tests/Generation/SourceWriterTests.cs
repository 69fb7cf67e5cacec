using System.Globalization;
using PriceGen.Generation;
using Xunit;

namespace PriceGen.Tests.Generation;

/// <summary>What the emitter's writer puts in the buffer itself: numbers, quoted strings, decimals, lines in parts.</summary>
public class SourceWriterTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(7L)]
    [InlineData(10L)]
    [InlineData(1_000_000L)]
    [InlineData(-42L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void Numbers_are_written_in_invariant_digits(long value)
    {
        var writer = new SourceWriter();

        writer.Line($"n = {value};");

        Assert.Equal("n = " + value.ToString(CultureInfo.InvariantCulture) + ";\n", writer.ToString());
    }

    [Theory]
    [InlineData("gpt-4o")]
    [InlineData("")]
    [InlineData("a \"quoted\" \\ id\n\t\u2028")]
    public void Quoted_text_is_the_string_literal(string value)
    {
        var writer = new SourceWriter();

        writer.Line($"x = {Literals.Quoted(value)};");

        Assert.Equal("x = " + Literals.String(value) + ";\n", writer.ToString());
    }

    [Fact]
    public void A_line_in_parts_is_indented_once_and_ends_once()
    {
        var writer = new SourceWriter(16);
        writer.Open("class C");

        writer.Begin($"decimal P = ");
        writer.Write($"Rate({Literals.Quoted("usage")}, {Literals.DecimalOf("0.0020")}, per: {1000})");
        writer.End(";");
        writer.Close();

        Assert.Equal("class C\n{\n    decimal P = Rate(\"usage\", 0.0020m, per: 1000);\n}\n", writer.ToString());
    }
}
