using System;
using Microsoft.Data.Sqlite;

namespace PriceGen.Storage.Sqlite;

/// <summary>
/// The tables, version 1 (docs/storage.md). Amounts are TEXT holding the invariant decimal digits of a
/// <see cref="decimal"/> (such as <c>12.3450</c>): SQLite's REAL would round them, and a scaled INTEGER could not
/// hold every decimal. Arithmetic happens in .NET <see cref="decimal"/>, inside the write transaction.
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    private const string CreateVersion1 = """
        CREATE TABLE pricegen_spending_months (
            account             TEXT    NOT NULL,
            month               TEXT    NOT NULL,
            currency            TEXT    NOT NULL,
            spent               TEXT    NOT NULL,
            soft_limit_reported INTEGER NOT NULL,
            PRIMARY KEY (account, month)
        ) WITHOUT ROWID;
        CREATE TABLE pricegen_spending_charges (
            account    TEXT NOT NULL,
            charge_id  TEXT NOT NULL,
            month      TEXT NOT NULL,
            amount     TEXT NOT NULL,
            charged_at TEXT NOT NULL,
            PRIMARY KEY (account, charge_id)
        ) WITHOUT ROWID;
        CREATE TABLE pricegen_cost_records (
            id                  INTEGER PRIMARY KEY,
            response_id         TEXT UNIQUE,
            call                TEXT    NOT NULL,
            model_id            TEXT    NOT NULL,
            currency            TEXT    NOT NULL,
            cost                TEXT    NOT NULL,
            input_tokens        INTEGER NOT NULL,
            output_tokens       INTEGER NOT NULL,
            cached_input_tokens INTEGER NOT NULL,
            recorded_at         TEXT    NOT NULL,
            requested_model_id  TEXT,
            response_model_id   TEXT,
            match_kind          TEXT
        );
        CREATE TABLE pricegen_unpriced_usage (
            id                  INTEGER PRIMARY KEY,
            response_id         TEXT UNIQUE,
            call                TEXT    NOT NULL,
            reason              TEXT    NOT NULL,
            model_id            TEXT,
            input_tokens        INTEGER,
            output_tokens       INTEGER,
            cached_input_tokens INTEGER,
            recorded_at         TEXT    NOT NULL,
            requested_model_id  TEXT,
            response_model_id   TEXT
        );
        """;

    /// <summary>Creates the tables in a new file, or checks that an existing file's schema is one this version reads.</summary>
    public static void Ensure(SqliteConnection connection)
    {
        SqliteDatabase.Execute(connection, "CREATE TABLE IF NOT EXISTS pricegen_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL);");
        using var read = SqliteDatabase.Command(connection, "SELECT version FROM pricegen_schema WHERE component = 'spending';");
        var found = read.ExecuteScalar();
        if (found is null)
        {
            SqliteDatabase.Execute(connection, CreateVersion1);
            SqliteDatabase.Execute(connection, "INSERT INTO pricegen_schema (component, version) VALUES ('spending', " + Version + ");");
            return;
        }

        var version = Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture);
        if (version != Version)
        {
            throw new SpendingStoreException(
                "The SQLite file has PriceGen spending schema " + version + "; this version of PriceGen.Storage.Sqlite reads schema " + Version +
                (version > Version ? ": update PriceGen." : "."));
        }
    }

    /// <summary>
    /// Switches the file to WAL (kept in the file): readers never block the writer, and a commit is one append.
    /// Run outside a transaction, as SQLite requires.
    /// </summary>
    public static void UseWriteAheadLog(SqliteConnection connection) => SqliteDatabase.Execute(connection, "PRAGMA journal_mode = WAL;");
}
