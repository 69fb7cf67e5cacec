using System;

namespace PriceGen.Storage.Tests;

/// <summary>
/// The test assembly doubles as the child process of the multi-process tests:
/// <c>dotnet exec PriceGen.Storage.Tests.dll charge …</c> (see <see cref="ChargeWorker"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "charge")
        {
            return ChargeWorker.Run(args[1..]);
        }

        Console.Error.WriteLine("usage: PriceGen.Storage.Tests charge KIND CONNECTION SCHEMA ACCOUNT HARD SOFT THREADS CHARGES AMOUNT ID-PREFIX START-AT-UNIX-MS");
        return 2;
    }
}
