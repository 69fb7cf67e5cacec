using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PriceGen.Cli;

/// <summary>Writes a <see cref="PriceTable"/> as aligned text, Markdown, CSV (RFC 4180) or JSON.</summary>
internal static class PriceTableWriter
{
    public static readonly string[] Formats = { "text", "markdown", "csv", "json" };

    public static void Write(PriceTable table, string format, TextWriter output)
    {
        switch (format)
        {
            case "markdown":
                WriteMarkdown(table, output);
                break;
            case "csv":
                WriteCsv(table, output);
                break;
            case "json":
                WriteJson(table, output);
                break;
            default:
                WriteText(table, output);
                break;
        }
    }

    private static void WriteText(PriceTable table, TextWriter output)
    {
        output.WriteLine(table.Title);
        foreach (var section in table.Sections)
        {
            output.WriteLine();
            var header = new[] { section.Name }.Concat(section.Roles.Select(Heading)).ToList();
            var rows = section.Rows.Select(r => new[] { r.Label }.Concat(r.Rates).ToList()).ToList();
            var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToList();
            output.WriteLine(Line(header, widths));
            output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            foreach (var row in rows)
            {
                output.WriteLine(Line(row, widths));
            }
        }
    }

    private static void WriteMarkdown(PriceTable table, TextWriter output)
    {
        output.WriteLine($"# {table.Title}");
        foreach (var section in table.Sections)
        {
            output.WriteLine();
            output.WriteLine($"## {section.Name}");
            output.WriteLine();
            output.WriteLine("| Model | " + string.Join(" | ", section.Roles.Select(Heading)) + " |");
            output.WriteLine("| --- | " + string.Join(" | ", section.Roles.Select(_ => "---")) + " |");
            foreach (var row in section.Rows)
            {
                output.WriteLine("| " + Escape(row.Label) + " | " + string.Join(" | ", row.Rates.Select(Escape)) + " |");
            }
        }

        static string Escape(string text) => text.Replace("|", "\\|");
    }

    private static void WriteCsv(PriceTable table, TextWriter output)
    {
        output.WriteLine("section,id,name,rate,price");
        foreach (var section in table.Sections)
        {
            foreach (var row in section.Rows)
            {
                for (var i = 0; i < section.Roles.Count; i++)
                {
                    if (row.Rates[i].Length > 0)
                    {
                        output.WriteLine(string.Join(",", new[] { section.Name, row.Id, row.Name, section.Roles[i], row.Rates[i] }.Select(Quote)));
                    }
                }
            }
        }

        static string Quote(string field) =>
            field.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }

    private static void WriteJson(PriceTable table, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("title", table.Title);
            json.WriteStartArray("sections");
            foreach (var section in table.Sections)
            {
                json.WriteStartObject();
                json.WriteString("name", section.Name);
                json.WriteStartArray("models");
                foreach (var row in section.Rows)
                {
                    json.WriteStartObject();
                    json.WriteString("id", row.Id);
                    json.WriteString("name", row.Name);
                    json.WriteStartObject("rates");
                    for (var i = 0; i < section.Roles.Count; i++)
                    {
                        if (row.Rates[i].Length > 0)
                        {
                            json.WriteString(section.Roles[i], row.Rates[i]);
                        }
                    }

                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Line(IReadOnlyList<string> cells, IReadOnlyList<int> widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();

    /// <summary>"cached-input" → "Cached input", "1024x1024" stays.</summary>
    private static string Heading(string role) =>
        role.Length == 0 || !char.IsLetter(role[0]) || role.IndexOf('/') >= 0 ? role : char.ToUpperInvariant(role[0]) + role.Substring(1).Replace('-', ' ');
}
