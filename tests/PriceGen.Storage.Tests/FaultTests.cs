using System;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using PriceGen.Storage.PostgreSql;
using PriceGen.Storage.Sqlite;
using Xunit;

namespace PriceGen.Storage.Tests;

/// <summary>A store that cannot be used makes the limit fail closed, with an error that says so.</summary>
[Collection(StoreCollection.Name)]
public class FaultTests
{
    private readonly Stores _stores;

    public FaultTests(Stores stores) => _stores = stores;

    [Fact]
    public void A_postgresql_server_stopped_mid_run_makes_every_charge_fail_closed_and_records_nothing()
    {
        // A cluster of its own, so that stopping it leaves the other tests' cluster running.
        using var server = new ThrowawayPostgres();
        var limit = new MonthlySpendingLimit(new PostgreSqlSpendingStore(server.ConnectionString.Replace("Timeout=5", "Timeout=2")), hardLimit: 10m);
        Assert.True(limit.TryCharge(1.5m, "before"));

        server.Stop();

        var refused = Assert.Throws<SpendingStoreException>(() => limit.TryCharge(0.5m, "during"));
        Assert.StartsWith("The PostgreSQL spending store could not record a charge (", refused.Message);
        Assert.EndsWith("); treat the spending as not recorded.", refused.Message);
        Assert.IsAssignableFrom<NpgsqlException>(refused.InnerException);
        Assert.Throws<SpendingStoreException>(limit.ThrowIfExhausted);
        Assert.Throws<SpendingStoreException>(() => limit.ChargeIncurred(0.25m));

        server.Start();
        Assert.Equal(1.5m, limit.Spent);
        Assert.True(limit.TryCharge(0.5m, "during"));
        Assert.Equal(2.0m, limit.Spent);
    }

    [Fact]
    public void A_sqlite_file_locked_by_another_process_for_too_long_fails_closed()
    {
        var path = _stores.SqlitePath("locked" + Guid.NewGuid().ToString("N").Substring(0, 8));
        var limit = new MonthlySpendingLimit(new SqliteSpendingStore(path, busyTimeout: TimeSpan.FromSeconds(1)), hardLimit: 10m);
        Assert.True(limit.TryCharge(1m));

        using (var other = new SqliteConnection("Data Source=" + path + ";Pooling=False"))
        {
            other.Open();
            using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE;";
            hold.ExecuteNonQuery();

            var clock = Stopwatch.StartNew();
            var refused = Assert.Throws<SpendingStoreException>(() => limit.TryCharge(1m));
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(30));
            Assert.Contains("could not be used", refused.Message);
            Assert.Contains("nothing was recorded", refused.Message);
        }

        Assert.Equal(1m, limit.Spent);
        Assert.True(limit.TryCharge(1m));
        Assert.Equal(2m, limit.Spent);
    }

    [Fact]
    public void A_sqlite_file_of_a_newer_schema_is_refused_with_the_versions()
    {
        var path = _stores.SqlitePath("newer" + Guid.NewGuid().ToString("N").Substring(0, 8));
        _ = new SqliteSpendingStore(path);
        using (var connection = new SqliteConnection("Data Source=" + path + ";Pooling=False"))
        {
            connection.Open();
            using var bump = connection.CreateCommand();
            bump.CommandText = "UPDATE pricegen_schema SET version = 2 WHERE component = 'spending';";
            Assert.Equal(1, bump.ExecuteNonQuery());
        }

        var error = Assert.Throws<SpendingStoreException>(() => new SqliteSpendingStore(path));
        Assert.Contains("has PriceGen spending schema 2; this version of PriceGen.Storage.Sqlite reads schema 1: update PriceGen.", error.Message);
    }

    [Fact]
    public void A_postgresql_schema_of_a_newer_version_is_refused_with_the_versions()
    {
        var schema = "newer" + Guid.NewGuid().ToString("N").Substring(0, 8);
        Assert.True(new MonthlySpendingLimit(new PostgreSqlSpendingStore(_stores.PostgresCluster.ConnectionString, schema), 1m).TryCharge(0.1m));
        using (var connection = new NpgsqlConnection(_stores.PostgresCluster.ConnectionString))
        {
            connection.Open();
            using var bump = new NpgsqlCommand("UPDATE " + schema + ".schema_version SET version = 2 WHERE component = 'spending';", connection);
            Assert.Equal(1, bump.ExecuteNonQuery());
        }

        var limit = new MonthlySpendingLimit(new PostgreSqlSpendingStore(_stores.PostgresCluster.ConnectionString, schema), 1m);
        var error = Assert.Throws<SpendingStoreException>(() => limit.TryCharge(0.1m));
        Assert.Contains("has PriceGen spending schema 2; this version of PriceGen.Storage.PostgreSql reads schema 1: update PriceGen.", error.Message);
    }
}
