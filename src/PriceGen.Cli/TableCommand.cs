using System.CommandLine;
using System.IO;

namespace PriceGen.Cli;

/// <summary><c>pricegen table FILE [--format text|markdown|csv|json]</c>.</summary>
internal static class TableCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "A catalog file (*.prices.yaml)." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(PriceTableWriter.Formats);
        var command = new Command("table", "Print a catalog as a price table.") { file, format };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(format)!, output, error));
        return command;
    }

    public static int Run(FileInfo file, string format, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine($"{file.FullName}: error: file not found");
            return 1;
        }

        var set = CatalogFileSet.Load(new[] { file.FullName });
        foreach (var diagnostic in set.Diagnostics)
        {
            error.WriteLine(CatalogFileSet.Format(diagnostic));
        }

        if (set.Files[0].Result.Catalog is not { } catalog)
        {
            return 1;
        }

        PriceTableWriter.Write(PriceTable.From(catalog), format, output);
        return set.HasErrors ? 1 : 0;
    }
}
