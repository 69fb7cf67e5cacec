using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using Microsoft.Data.Sqlite;
using Npgsql;
using PriceGen.Storage.PostgreSql;
using PriceGen.Storage.Sqlite;

namespace PriceGen.Storage.Benchmarks;

/// <summary>One store to measure: charges through a <see cref="MonthlySpendingLimit"/>, and the database's bare round trip.</summary>
internal sealed class StoreBenchmarks
{
    private readonly Func<ISpendingStore> _open;
    private readonly Action? _roundTrip;
    private readonly Action? _durableWrite;

    private StoreBenchmarks(string name, Func<ISpendingStore> open, Action? roundTrip, Action? durableWrite)
    {
        Name = name;
        _open = open;
        _roundTrip = roundTrip;
        _durableWrite = durableWrite;
    }

    public string Name { get; }

    public static IEnumerable<StoreBenchmarks> All(string directory, string postgresConnection)
    {
        yield return new StoreBenchmarks("in-memory", () => new InMemorySpendingStore(), roundTrip: null, durableWrite: null);

        var sqlitePath = Path.Combine(directory, "bench.db");
        var sqliteConnection = "Data Source=" + sqlitePath + ";Pooling=True";
        SqliteExecute(sqliteConnection, "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS bench_counter (n INTEGER NOT NULL); INSERT INTO bench_counter SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM bench_counter);");
        var sqliteGate = new object();
        yield return new StoreBenchmarks(
            "SQLite (WAL, synchronous=FULL)",
            () => new SqliteSpendingStore(sqlitePath),
            () => SqliteExecute(sqliteConnection, "SELECT 1;"),
            () =>
            {
                // The least a durable shared counter costs: one locked, synced write transaction.
                lock (sqliteGate)
                {
                    SqliteExecute(sqliteConnection, "PRAGMA synchronous = FULL; BEGIN IMMEDIATE; UPDATE bench_counter SET n = n + 1; COMMIT;");
                }
            });

        var dataSource = NpgsqlDataSource.Create(postgresConnection);
        PostgresExecute(dataSource, "CREATE TABLE IF NOT EXISTS bench_counter (n bigint NOT NULL); INSERT INTO bench_counter SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM bench_counter);");
        yield return new StoreBenchmarks(
            "PostgreSQL 15 (loopback TCP)",
            () => new PostgreSqlSpendingStore(dataSource, "bench"),
            () => PostgresExecute(dataSource, "SELECT 1;"),
            () => PostgresExecute(dataSource, "UPDATE bench_counter SET n = n + 1;"));
    }

    public Result Measure(int threads, TimeSpan duration)
    {
        // A fresh account per measurement, a limit that is never reached: every charge is a write.
        var limit = new MonthlySpendingLimit(_open(), hardLimit: 1_000_000_000m, softLimit: 999_999_999m, account: "bench-" + Guid.NewGuid().ToString("N"));
        // Two rounds, alternating, best of each: a disk still flushing what the previous measurement wrote slows
        // whichever comes first, so no order favours the charges or the baselines.
        double charges = 0, roundTrips = 0, writes = 0;
        for (var round = 0; round < 2; round++)
        {
            charges = Math.Max(charges, Run(threads, duration, () => limit.TryCharge(0.000123m)));
            roundTrips = _roundTrip is null ? 0 : Math.Max(roundTrips, Run(threads, duration, _roundTrip));
            writes = _durableWrite is null ? 0 : Math.Max(writes, Run(threads, duration, _durableWrite));
        }

        return new Result(Name, threads, charges, _roundTrip is null ? null : roundTrips, _durableWrite is null ? null : writes);
    }

    private static void SqliteExecute(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void PostgresExecute(NpgsqlDataSource dataSource, string sql)
    {
        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static double Run(int threads, TimeSpan duration, Action operation)
    {
        // Warm-up, untimed: pools filled, schema created, code jitted to its final tier.
        Count(threads, duration / 3, operation);
        return Count(threads, duration, operation);
    }

    private static double Count(int threads, TimeSpan duration, Action operation)
    {
        long count = 0;
        var stop = 0;
        var workers = new Thread[threads];
        using var start = new ManualResetEventSlim();
        for (var t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                start.Wait();
                long done = 0;
                while (Volatile.Read(ref stop) == 0)
                {
                    operation();
                    done++;
                }

                Interlocked.Add(ref count, done);
            });
            workers[t].Start();
        }

        var clock = Stopwatch.StartNew();
        start.Set();
        Thread.Sleep(duration);
        Volatile.Write(ref stop, 1);
        foreach (var worker in workers)
        {
            worker.Join();
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    internal sealed record Result(string Store, int Threads, double ChargesPerSecond, double? RoundTripsPerSecond, double? DurableWritesPerSecond)
    {
        public string ToMarkdownRow() =>
            "| " + Store + " | " + Threads + " | " + Format(ChargesPerSecond) + " | " + Compared(RoundTripsPerSecond) + " | " + Compared(DurableWritesPerSecond) + " |";

        private string Compared(double? baseline) =>
            baseline is { } perSecond ? Format(perSecond) + " (" + (ChargesPerSecond / perSecond).ToString("0.00", CultureInfo.InvariantCulture) + "×)" : "—";

        private static string Format(double perSecond) => perSecond.ToString(perSecond >= 100 ? "#,0" : "0.0", CultureInfo.InvariantCulture);
    }
}
