// Charges per second of each spending store with 1 and 16 threads, next to a bare round trip of the same database
// (SELECT 1 on a pooled connection) and the least durable write (one row's counter + 1, committed), so that the
// ratios show PriceGen's own cost. Timed harness, side by side in one run:
//   dotnet run -c Release --project benchmarks/PriceGen.Storage.Benchmarks              (3 s per measurement)
//   dotnet run -c Release --project benchmarks/PriceGen.Storage.Benchmarks -- --quick   (0.3 s, a smoke run)
using System;
using System.Globalization;
using System.IO;
using PriceGen.Storage.Benchmarks;
using PriceGen.Storage.Tests;

var seconds = args.Length > 0 && args[0] == "--quick" ? 0.3
    : args.Length == 2 && args[0] == "--seconds" ? double.Parse(args[1], CultureInfo.InvariantCulture)
    : 3.0;
var duration = TimeSpan.FromSeconds(seconds);
var directory = Directory.CreateTempSubdirectory("pricegen-store-bench-").FullName;
using var postgres = new ThrowawayPostgres();
try
{
    Console.WriteLine($"# Spending stores: charges per second, {seconds.ToString(CultureInfo.InvariantCulture)} s per measurement, {Environment.ProcessorCount} cores");
    Console.WriteLine();
    Console.WriteLine("| store | threads | charges/s | SELECT 1/s (charges ÷ it) | bare committed UPDATE/s (charges ÷ it) |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
    foreach (var threads in new[] { 1, 16 })
    {
        foreach (var store in StoreBenchmarks.All(directory, postgres.ConnectionString))
        {
            var result = store.Measure(threads, duration);
            Console.WriteLine(result.ToMarkdownRow());
        }
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(directory, recursive: true);
}

return 0;
