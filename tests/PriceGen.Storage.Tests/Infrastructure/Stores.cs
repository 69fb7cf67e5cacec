using System;
using System.IO;
using PriceGen.Storage.PostgreSql;
using PriceGen.Storage.Sqlite;
using Xunit;

namespace PriceGen.Storage.Tests;

/// <summary>
/// What the store tests share: one throwaway PostgreSQL cluster and one temporary directory for SQLite files, for the
/// whole run. Each test takes its own SQLite file and PostgreSQL schema, named after it, so tests never see each other.
/// </summary>
public sealed class Stores : IDisposable
{
    public const string Memory = "memory";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly Lazy<ThrowawayPostgres> _postgres = new(() => new ThrowawayPostgres());

    public Stores()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("pricegen-stores-").FullName;
    }

    public string Directory { get; }

    public ThrowawayPostgres PostgresCluster => _postgres.Value;

    public static TheoryData<string> AllKinds => new() { Memory, Sqlite, Postgres };

    public static TheoryData<string> DatabaseKinds => new() { Sqlite, Postgres };

    /// <summary>Where a store named <paramref name="name"/> of <paramref name="kind"/> lives: a file path or a connection string.</summary>
    public string Connection(string kind, string name) => kind == Sqlite ? SqlitePath(name) : PostgresCluster.ConnectionString;

    public string SqlitePath(string name) => Path.Combine(Directory, name + ".db");

    /// <summary>Opens the store <paramref name="name"/>: the same name opens the same file or schema again.</summary>
    public ISpendingStore Open(string kind, string name) => kind switch
    {
        Memory => new InMemorySpendingStore(),
        Sqlite => new SqliteSpendingStore(SqlitePath(name)),
        Postgres => new PostgreSqlSpendingStore(PostgresCluster.ConnectionString, name),
        _ => throw new ArgumentException("Unknown store kind '" + kind + "'."),
    };

    public void Dispose()
    {
        if (_postgres.IsValueCreated)
        {
            _postgres.Value.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class StoreCollection : ICollectionFixture<Stores>
{
    public const string Name = "stores";
}
