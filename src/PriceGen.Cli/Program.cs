using System;
using System.CommandLine;
using PriceGen.Cli;

var root = new RootCommand("PriceGen: validate price catalogs, print them as tables, compare them, import public catalogs.")
{
    ValidateCommand.Create(Console.Out),
    TableCommand.Create(Console.Out, Console.Error),
    DiffCommand.Create(Console.Out, Console.Error),
    ImportCommand.Create(Console.Out, Console.Error),
};
var parse = root.Parse(args);
var exit = parse.Invoke();

// For diff, 1 means "the catalogs differ": a command line it cannot run exits with 2 instead.
return parse.Errors.Count > 0 && parse.CommandResult.Command.Name == DiffCommand.Name ? DiffCommand.Trouble : exit;
