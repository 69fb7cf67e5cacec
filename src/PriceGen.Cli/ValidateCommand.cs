using System.CommandLine;
using System.IO;
using System.Linq;

namespace PriceGen.Cli;

/// <summary><c>pricegen validate FILE…</c>: every problem in the compiler's format; exit code 1 on errors.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Catalog files (*.prices.yaml) to check together.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check catalogs as the compiler does; prints file(line,col): error PRICE1xx: … for every problem.") { files };
        command.SetAction(parse => Run(parse.GetValue(files)!, output));
        return command;
    }

    public static int Run(FileInfo[] files, TextWriter output)
    {
        var missing = files.Where(f => !f.Exists).ToList();
        foreach (var file in missing)
        {
            output.WriteLine($"{file.FullName}: error: file not found");
        }

        var set = CatalogFileSet.Load(files.Where(f => f.Exists).Select(f => f.FullName));
        foreach (var diagnostic in set.Diagnostics)
        {
            output.WriteLine(CatalogFileSet.Format(diagnostic));
        }

        var models = set.Files.Sum(f => f.Result.Catalog?.Models.Count ?? 0);
        output.WriteLine($"{set.Files.Count} catalog(s), {models} model(s), {set.Diagnostics.Count} problem(s)");
        return set.HasErrors || missing.Count > 0 ? 1 : 0;
    }
}
