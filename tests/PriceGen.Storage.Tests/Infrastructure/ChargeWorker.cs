using System;
using System.Globalization;
using System.Threading;
using PriceGen.Storage.PostgreSql;
using PriceGen.Storage.Sqlite;

namespace PriceGen.Storage.Tests;

/// <summary>
/// A child process that charges one <see cref="MonthlySpendingLimit"/> from many threads and reports, one line per
/// event on standard output (flushed at once, so a SIGKILL loses none that were written):
/// <c>attempt ID</c> before a charge, <c>accepted ID</c> after one was charged, <c>refused ID</c>, <c>soft SPENT</c>
/// when the soft-limit event fires here, <c>done</c>.
/// </summary>
internal static class ChargeWorker
{
    private static readonly object OutputGate = new();

    public static int Run(string[] args)
    {
        var kind = args[0];
        var connection = args[1];
        var schema = args[2];
        var account = args[3];
        var hard = decimal.Parse(args[4], CultureInfo.InvariantCulture);
        decimal? soft = args[5] == "-" ? null : decimal.Parse(args[5], CultureInfo.InvariantCulture);
        var threads = int.Parse(args[6], CultureInfo.InvariantCulture);
        var charges = int.Parse(args[7], CultureInfo.InvariantCulture);
        var amount = decimal.Parse(args[8], CultureInfo.InvariantCulture);
        var idPrefix = args[9];
        var startAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(args[10], CultureInfo.InvariantCulture));

        ISpendingStore store = kind switch
        {
            "sqlite" => new SqliteSpendingStore(connection),
            "postgres" => new PostgreSqlSpendingStore(connection, schema),
            _ => throw new ArgumentException("Unknown store kind '" + kind + "'."),
        };
        var limit = new MonthlySpendingLimit(store, hard, soft, account: account);
        limit.SoftLimitReached += (_, e) => Say("soft " + e.Spent.ToString(CultureInfo.InvariantCulture));

        var failed = 0;
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            var thread = t;
            workers[t] = new Thread(() =>
            {
                try
                {
                    for (var i = 0; i < charges; i++)
                    {
                        var id = idPrefix + "-" + thread + "-" + i;
                        Say("attempt " + id);
                        Say((limit.TryCharge(amount, id) ? "accepted " : "refused ") + id);
                    }
                }
                catch (Exception error)
                {
                    Say("error " + error.GetType().Name + ": " + error.Message.Replace('\n', ' '));
                    Interlocked.Increment(ref failed);
                }
            });
        }

        // All children begin together, so that their charges overlap.
        var wait = startAt - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            Thread.Sleep(wait);
        }

        foreach (var worker in workers)
        {
            worker.Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        Say("done");
        (store as IDisposable)?.Dispose();
        return failed == 0 ? 0 : 3;
    }

    private static void Say(string line)
    {
        lock (OutputGate)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }
}
