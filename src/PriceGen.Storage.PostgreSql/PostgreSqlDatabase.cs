using System;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace PriceGen.Storage.PostgreSql;

/// <summary>
/// One PostgreSQL database schema holding PriceGen's tables: created on first use (under an advisory lock, so that a
/// fleet starting at once creates them once), checked against the version this code reads, and every failure turned
/// into a <see cref="SpendingStoreException"/>.
/// </summary>
internal sealed class PostgreSqlDatabase : IDisposable
{
    private static readonly Regex Identifier = new("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant);

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly object _schemaGate = new();
    private volatile bool _schemaReady;

    public PostgreSqlDatabase(NpgsqlDataSource dataSource, bool ownsDataSource, string schema)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        _ownsDataSource = ownsDataSource;
        if (schema is null || !Identifier.IsMatch(schema))
        {
            throw new ArgumentException("The schema name '" + schema + "' is not a lower-case PostgreSQL identifier such as 'pricegen'.", nameof(schema));
        }

        Schema = schema;
    }

    public string Schema { get; }

    /// <summary>Runs <paramref name="work"/> on an open connection, after making sure the schema exists.</summary>
    /// <exception cref="SpendingStoreException">PostgreSQL could not be reached or failed.</exception>
    public T Run<T>(Func<NpgsqlConnection, T> work, string what)
    {
        try
        {
            EnsureSchema();
            using var connection = _dataSource.OpenConnection();
            return work(connection);
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or System.IO.IOException)
        {
            throw new SpendingStoreException(
                "The PostgreSQL spending store could not " + what + " (" + error.Message + "); treat the spending as not recorded.", error);
        }
    }

    public NpgsqlCommand Command(NpgsqlConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql.Replace("{schema}", Schema);
        return command;
    }

    public static void Add(NpgsqlCommand command, string name, NpgsqlDbType type, object? value) =>
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });

    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    private void EnsureSchema()
    {
        if (_schemaReady)
        {
            return;
        }

        lock (_schemaGate)
        {
            if (_schemaReady)
            {
                return;
            }

            using var connection = _dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            using (var lockSchema = Command(connection, "SELECT pg_advisory_xact_lock(hashtext('pricegen-schema:' || @schema));"))
            {
                Add(lockSchema, "schema", NpgsqlDbType.Text, Schema);
                lockSchema.ExecuteNonQuery();
            }

            using (var versions = Command(connection, PostgreSqlSchema.CreateVersionTable))
            {
                versions.ExecuteNonQuery();
            }

            int? version;
            using (var read = Command(connection, "SELECT version FROM {schema}.schema_version WHERE component = 'spending';"))
            {
                version = read.ExecuteScalar() is { } found ? Convert.ToInt32(found, System.Globalization.CultureInfo.InvariantCulture) : null;
            }

            if (version is null)
            {
                using var create = Command(connection, PostgreSqlSchema.CreateVersion1);
                create.ExecuteNonQuery();
            }
            else if (version != PostgreSqlSchema.Version)
            {
                throw new SpendingStoreException(
                    "The PostgreSQL schema '" + Schema + "' has PriceGen spending schema " + version + "; this version of PriceGen.Storage.PostgreSql reads schema " +
                    PostgreSqlSchema.Version + (version > PostgreSqlSchema.Version ? ": update PriceGen." : "."));
            }

            transaction.Commit();
            _schemaReady = true;
        }
    }
}
