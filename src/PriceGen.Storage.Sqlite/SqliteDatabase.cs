using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.Data.Sqlite;

namespace PriceGen.Storage.Sqlite;

/// <summary>
/// One SQLite file: opens pooled connections, runs each unit of work in a <c>BEGIN IMMEDIATE</c> transaction (the
/// write lock is taken first, so two processes never both read a total and then both add to it), and creates or checks
/// the schema on first use.
/// </summary>
internal sealed class SqliteDatabase
{
    // One writer per file in this process: threads queue here instead of in SQLite's busy handler, which sleeps
    // between retries. Other processes still wait on SQLite's own lock (busy_timeout).
    private static readonly ConcurrentDictionary<string, object> WriteGates = new(StringComparer.Ordinal);

    private readonly string _connectionString;
    private readonly object _writeGate;
    private readonly int _busyTimeoutMilliseconds;

    public SqliteDatabase(string path, TimeSpan busyTimeout)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The path of the SQLite file is empty.", nameof(path));
        }

        Path = System.IO.Path.GetFullPath(path);
        _writeGate = WriteGates.GetOrAdd(Path, _ => new object());
        _busyTimeoutMilliseconds = (int)Math.Min(int.MaxValue, Math.Max(1, busyTimeout.TotalMilliseconds));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,

            // Microsoft.Data.Sqlite retries a busy database for the command timeout: how long a charge waits for
            // another process's transaction before failing closed.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();
        Read(connection =>
        {
            SqliteSchema.UseWriteAheadLog(connection);
            return 0;
        });
        InWriteTransaction(SqliteSchema.Ensure);
    }

    public string Path { get; }

    /// <summary>Runs <paramref name="work"/> in one <c>BEGIN IMMEDIATE</c> transaction, committed before this returns.</summary>
    /// <exception cref="SpendingStoreException">SQLite failed; nothing of the work is kept.</exception>
    public T InWriteTransaction<T>(Func<SqliteConnection, T> work)
    {
        if (!Monitor.TryEnter(_writeGate, _busyTimeoutMilliseconds))
        {
            throw new SpendingStoreException("The SQLite spending store '" + Path + "' was busy for longer than " + _busyTimeoutMilliseconds + " ms in this process; nothing was recorded.");
        }

        try
        {
            return InWriteTransactionCore(work);
        }
        catch (SqliteException error)
        {
            throw new SpendingStoreException("The SQLite spending store '" + Path + "' could not be used (" + error.Message + "); nothing was recorded.", error);
        }
        finally
        {
            Monitor.Exit(_writeGate);
        }
    }

    private T InWriteTransactionCore<T>(Func<SqliteConnection, T> work)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();

        // synchronous=FULL: a commit is on disk before it returns, so neither a crash nor a power cut loses it.
        // busy_timeout: SQLite itself waits for another process's write lock, retrying after 1, 2, 5 … 100 ms.
        Execute(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = " + _busyTimeoutMilliseconds + "; BEGIN IMMEDIATE;");
        try
        {
            var result = work(connection);
            Execute(connection, "COMMIT;");
            return result;
        }
        catch
        {
            Execute(connection, "ROLLBACK;");
            throw;
        }
    }

    public void InWriteTransaction(Action<SqliteConnection> work) => InWriteTransaction(connection =>
    {
        work(connection);
        return 0;
    });

    /// <summary>Runs a read outside any write transaction (WAL lets it proceed while another process writes).</summary>
    public T Read<T>(Func<SqliteConnection, T> read)
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            return read(connection);
        }
        catch (SqliteException error)
        {
            throw new SpendingStoreException("The SQLite spending store '" + Path + "' could not be read (" + error.Message + ").", error);
        }
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
