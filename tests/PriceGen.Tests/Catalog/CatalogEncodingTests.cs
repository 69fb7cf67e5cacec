using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using PriceGen.Catalog;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Catalog;

/// <summary>
/// UTF-8 with and without BOM, UTF-16 (both byte orders), CRLF and CR: the same catalog parses the same, with every
/// problem at the same line and column, and generates the same code.
/// </summary>
public class CatalogEncodingTests
{
    /// <summary>A header error on line 1 (where a BOM would shift columns): no catalog.</summary>
    private const string BrokenOnLineOne = "currency: usd\npricegen: 1\nprovider: Acme\neffective: 2023-03-01\n";

    /// <summary>Entry errors after non-ASCII text on the same line (columns count UTF-16 code units): a partial catalog.</summary>
    private const string BrokenEntries =
        "pricegen: 1\n" +
        "provider: Acme\n" +
        "currency: USD\n" +
        "effective: 2023-03-01\n" +
        "chat:\n" +
        "  fast: { name: 最快的, usage: $0.002 / 1K tokens }\n" +
        "  slow: { name: Ünïcödé 😀, usage: €0.001 / 1K tokens }\n" +
        "image:\n" +
        "  dall-e-2:\n" +
        "    name: DALL·E\n" +
        "    sizes: { 1024×1024: $0.020 / image }\n" +
        "audio:\n" +
        "  whisper-1: { name: Whisper, usage: $0.006 / minute, rounding: nearest·second }\n";

    public static TheoryData<string, string> Encodings()
    {
        var data = new TheoryData<string, string>();
        foreach (var text in new[] { nameof(BrokenOnLineOne), nameof(BrokenEntries), "Reference" })
        {
            foreach (var encoding in new[] { "utf-8-bom", "utf-16le", "utf-16be" })
            {
                data.Add(text, encoding);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decoded_bytes_parse_like_utf8_without_bom(string textName, string encodingName)
    {
        var text = Text(textName);
        var plain = SourceText.From(Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetByteCount(text));
        var bytes = Bytes(text, encodingName);

        var fromBytes = SourceText.From(bytes, bytes.Length);
        using var stream = new MemoryStream(bytes);
        var fromStream = SourceText.From(stream);

        var expected = CatalogParser.Parse(plain.ToString());
        Assert.Equal(text, fromBytes.ToString());
        Assert.Equal(expected, CatalogParser.Parse(fromBytes.ToString()));
        Assert.Equal(expected, CatalogParser.Parse(fromStream.ToString()));
        CatalogAssert.WellFormed(text, expected);
        Assert.Equal(textName != "Reference", expected.Problems.Count > 0);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decoded_bytes_generate_like_utf8_without_bom(string textName, string encodingName)
    {
        var text = Text(textName);
        var bytes = Bytes(text, encodingName);

        var expected = Generate(SourceText.From(text, Encoding.UTF8));
        var actual = Generate(SourceText.From(bytes, bytes.Length));

        Assert.Equal(expected, actual);
        Assert.Equal(textName != nameof(BrokenOnLineOne), expected.Length > 0);
    }

    [Theory]
    [InlineData(nameof(BrokenOnLineOne))]
    [InlineData(nameof(BrokenEntries))]
    [InlineData("Reference")]
    public void A_byte_order_mark_left_in_the_text_changes_nothing_but_offsets(string textName)
    {
        // A caller that decodes the bytes itself (Encoding.UTF8.GetString) keeps U+FEFF as the first character.
        var text = Text(textName);
        var withBom = Encoding.UTF8.GetString(Bytes(text, "utf-8-bom"));
        Assert.Equal('\uFEFF', withBom[0]);

        var expected = CatalogParser.Parse(text);
        var actual = CatalogParser.Parse(withBom);

        CatalogAssert.WellFormed(withBom, actual);
        Assert.Equal(Located(expected), Located(actual));
        Assert.Equal(expected.Problems.Select(p => p.Span.Start + 1), actual.Problems.Select(p => p.Span.Start));
        Assert.Equal(Models(expected), Models(actual));
        Assert.Equal(Generate(SourceText.From(text)), Generate(SourceText.From(withBom)));
    }

    [Theory]
    [InlineData(nameof(BrokenOnLineOne), "\r\n")]
    [InlineData(nameof(BrokenEntries), "\r\n")]
    [InlineData("Reference", "\r\n")]
    [InlineData(nameof(BrokenOnLineOne), "\r")]
    [InlineData(nameof(BrokenEntries), "\r")]
    [InlineData("Reference", "\r")]
    public void Other_line_endings_keep_lines_and_columns(string textName, string newline)
    {
        var text = Text(textName);
        var converted = text.Replace("\n", newline, StringComparison.Ordinal);

        var expected = CatalogParser.Parse(text);
        var actual = CatalogParser.Parse(converted);

        CatalogAssert.WellFormed(converted, actual);
        Assert.Equal(Located(expected), Located(actual));
        Assert.Equal(Models(expected), Models(actual));
        Assert.Equal(Generate(SourceText.From(text)), Generate(SourceText.From(converted)));
    }

    [Fact]
    public void Broken_entries_are_located_in_utf16_code_units()
    {
        var result = CatalogParser.Parse(BrokenEntries);

        Assert.Equal(
            new[]
            {
                "PRICE105 at 7:36 (€0.001 / 1K tokens)",   // "Ünïcödé 😀": the emoji is two UTF-16 code units
                "PRICE114 at 11:14 (1024×1024)",
                "PRICE113 at 13:65 (nearest·second)",
            },
            result.Problems.Select(p => $"{p.Id} at {p.Span.StartLine + 1}:{p.Span.StartColumn + 1} ({p.Arguments[0]})"));
        Assert.Equal(new[] { "fast" }, result.Catalog!.Models.Select(m => m.Id));
    }

    private static string Text(string name) => name switch
    {
        nameof(BrokenOnLineOne) => BrokenOnLineOne,
        nameof(BrokenEntries) => BrokenEntries,
        _ => Paths.ReferenceCatalog.Replace("\r\n", "\n", StringComparison.Ordinal),
    };

    private static byte[] Bytes(string text, string encoding)
    {
        Encoding chosen = encoding switch
        {
            "utf-8-bom" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        };
        return chosen.GetPreamble().Concat(chosen.GetBytes(text)).ToArray();
    }

    /// <summary>Each problem as id, arguments and line/column span: what a user sees, without offsets.</summary>
    private static string[] Located(CatalogParseResult result) =>
        result.Problems.Select(p => $"{p.Id} {p.Span.LineSpan} {p.RelatedSpan?.LineSpan} {string.Join("|", p.Arguments)}").ToArray();

    private static string[] Models(CatalogParseResult result) =>
        result.Catalog is null
            ? Array.Empty<string>()
            : result.Catalog.Models.Select((m, i) => $"{m.Id} {m.Name} {m.MemberName} {m.Description} {string.Join(", ", m.Rates.Select(r => r.Written))} {result.Map.ModelIds[i].LineSpan}").ToArray();

    private static string Generate(SourceText text)
    {
        var result = GeneratorHarness.Driver(new[] { new TestAdditionalText("/p/acme.prices.yaml", text) })
            .RunGenerators(GeneratorHarness.Compilation(null))
            .GetRunResult();
        return string.Concat(result.GeneratedTrees.Select(t => t.ToString()));
    }
}
