using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace PriceGen.Storage.Tests;

/// <summary>
/// Several processes on one store, as N instances of an application share one account: real child processes
/// (<see cref="ChargeWorker"/>) on one SQLite file or one PostgreSQL database.
/// </summary>
[Collection(StoreCollection.Name)]
public class MultiProcessTests
{
    private const int Processes = 2;
    private const int Threads = 16;
    private const decimal Amount = 0.01m;

    private readonly Stores _stores;
    private readonly ITestOutputHelper _output;

    public MultiProcessTests(Stores stores, ITestOutputHelper output)
    {
        _stores = stores;
        _output = output;
    }

    public static TheoryData<string> DatabaseKinds => Stores.DatabaseKinds;

    [Theory]
    [MemberData(nameof(DatabaseKinds))]
    public void Two_processes_of_sixteen_threads_share_one_exact_limit_and_one_soft_limit_event(string kind)
    {
        const int ChargesPerThread = 25;
        const decimal HardLimit = 6.00m; // 600 of the 800 charges fit
        const decimal SoftLimit = 3.00m;
        var name = "mp" + Guid.NewGuid().ToString("N").Substring(0, 10);
        var observer = new MonthlySpendingLimit(_stores.Open(kind, name), HardLimit, SoftLimit);
        var startAt = DateTimeOffset.UtcNow.AddSeconds(2);
        var clock = Stopwatch.StartNew();
        var children = Enumerable.Range(0, Processes)
            .Select(p => ChildCharger.Start(kind, _stores.Connection(kind, name), name, MonthlySpendingLimit.DefaultAccount, HardLimit, SoftLimit, Threads, ChargesPerThread, Amount, "p" + p, startAt))
            .ToArray();
        try
        {
            // Observes the shared total while the children charge: it must never be seen above the hard limit.
            var highestSeen = 0m;
            var observations = 0;
            while (!children.All(child => child.HasExited))
            {
                highestSeen = Math.Max(highestSeen, observer.Spent);
                observations++;
                Thread.Sleep(2);
            }

            foreach (var child in children)
            {
                Assert.Equal(0, child.WaitForExit(TimeSpan.FromSeconds(60)));
            }

            var accepted = children.SelectMany(child => child.Ids("accepted")).ToList();
            var refused = children.SelectMany(child => child.Ids("refused")).ToList();
            var softEvents = children.SelectMany(child => child.Ids("soft")).ToList();
            _output.WriteLine($"{kind}: {accepted.Count} accepted, {refused.Count} refused in {clock.Elapsed.TotalSeconds:0.0} s (from start of the children); {observations} observations, highest {highestSeen}");

            Assert.Equal(Processes * Threads * ChargesPerThread, accepted.Count + refused.Count);
            Assert.Equal(600, accepted.Count);
            Assert.Equal(accepted.Count, accepted.Distinct().Count());
            Assert.Equal(HardLimit, observer.Spent);
            Assert.Equal(accepted.Count * Amount, observer.Spent);
            Assert.True(highestSeen <= HardLimit, $"seen {highestSeen}");
            Assert.Equal(StoredChargeIds(kind, name).OrderBy(id => id, StringComparer.Ordinal), accepted.OrderBy(id => id, StringComparer.Ordinal));

            var soft = Assert.Single(softEvents);
            Assert.True(decimal.Parse(soft, CultureInfo.InvariantCulture) >= SoftLimit);
            Assert.True(observer.Snapshot().SoftLimitReported);
        }
        finally
        {
            foreach (var child in children)
            {
                child.Dispose();
            }
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds))]
    public void A_process_killed_while_charging_leaves_exactly_what_it_committed(string kind)
    {
        var name = "kill" + Guid.NewGuid().ToString("N").Substring(0, 10);
        var store = _stores.Open(kind, name);
        var observer = new MonthlySpendingLimit(store, hardLimit: 1_000_000m);
        using var child = ChildCharger.Start(kind, _stores.Connection(kind, name), name, MonthlySpendingLimit.DefaultAccount, 1_000_000m, null, Threads, 100_000, Amount, "k", DateTimeOffset.UtcNow);

        child.WaitUntil(lines => lines.Count(line => line.StartsWith("accepted ", StringComparison.Ordinal)) >= 150, TimeSpan.FromSeconds(60));
        child.KillHard();
        if (kind == Stores.Postgres)
        {
            WaitForServerToFinishStatementsInFlight();
        }

        var attempted = child.Ids("attempt").ToHashSet(StringComparer.Ordinal);
        var accepted = child.Ids("accepted").ToHashSet(StringComparer.Ordinal);
        var stored = StoredChargeIds(kind, name).ToHashSet(StringComparer.Ordinal);
        _output.WriteLine($"{kind}: killed after {accepted.Count} accepted; {stored.Count} in the store, {attempted.Count} attempted");

        // Every charge reported as accepted is in the store; nothing is stored that was not attempted; what is stored
        // but was not yet reported is at most the one charge each thread had in flight.
        Assert.True(accepted.IsSubsetOf(stored), "an accepted charge is missing from the store");
        Assert.True(stored.IsSubsetOf(attempted), "the store holds a charge that was never attempted");
        Assert.InRange(stored.Count - accepted.Count, 0, Threads);
        Assert.Equal(stored.Count * Amount, observer.Spent);
    }

    // The server finishes a statement whose client died (it notices only when it answers): wait for those to end.
    private void WaitForServerToFinishStatementsInFlight()
    {
        using var connection = new NpgsqlConnection(_stores.PostgresCluster.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND state <> 'idle' AND pid <> pg_backend_pid();", connection);
        var clock = Stopwatch.StartNew();
        while ((long)command.ExecuteScalar()! > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "PostgreSQL still runs statements of the killed process");
            Thread.Sleep(10);
        }
    }

    private IReadOnlyList<string> StoredChargeIds(string kind, string name)
    {
        var ids = new List<string>();
        if (kind == Stores.Sqlite)
        {
            using var connection = new SqliteConnection("Data Source=" + _stores.SqlitePath(name));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT charge_id FROM pricegen_spending_charges;";
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                ids.Add(rows.GetString(0));
            }
        }
        else
        {
            using var connection = new NpgsqlConnection(_stores.PostgresCluster.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT charge_id FROM " + name + ".spending_charges;", connection);
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                ids.Add(rows.GetString(0));
            }
        }

        return ids;
    }
}
