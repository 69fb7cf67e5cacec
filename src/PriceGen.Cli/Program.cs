using System;
using System.CommandLine;
using PriceGen.Cli;

var root = new RootCommand("PriceGen: validate price catalogs, print them as tables, import public catalogs.")
{
    ValidateCommand.Create(Console.Out),
    TableCommand.Create(Console.Out, Console.Error),
    ImportCommand.Create(Console.Out, Console.Error),
};
return root.Parse(args).Invoke();
