using System;
using Npgsql;
using NpgsqlTypes;
using PriceGen.Extensions.AI;

namespace PriceGen.Storage.PostgreSql;

/// <summary>
/// A cost ledger in PostgreSQL, shared by every instance of an application, to reconcile with the provider's invoice.
/// Every record is committed before <see cref="Record"/> returns; a record whose response id is already stored is
/// not written again (<c>ON CONFLICT (response_id) DO NOTHING</c>), so a retried record is kept once.
/// </summary>
/// <remarks>
/// The columns <c>requested_model_id</c>, <c>response_model_id</c> and <c>match_kind</c> are in the schema for the
/// model ids that <see cref="CostRecord"/> does not carry yet; this version leaves them <c>NULL</c>.
/// </remarks>
public sealed class PostgreSqlCostLedger : ICostLedger, IDisposable
{
    private readonly PostgreSqlDatabase _database;

    /// <summary>Connects with <paramref name="connectionString"/> (an Npgsql connection string).</summary>
    /// <param name="connectionString">Such as <c>Host=db;Username=app;Password=…;Database=app</c>.</param>
    /// <param name="schema">The PostgreSQL schema that holds PriceGen's tables; <c>pricegen</c> by default.</param>
    public PostgreSqlCostLedger(string connectionString, string schema = "pricegen")
    {
        _database = new PostgreSqlDatabase(NpgsqlDataSource.Create(connectionString ?? throw new ArgumentNullException(nameof(connectionString))), ownsDataSource: true, schema);
    }

    /// <summary>Uses the application's own <paramref name="dataSource"/> (not disposed with the ledger).</summary>
    /// <param name="dataSource">The application's Npgsql data source.</param>
    /// <param name="schema">The PostgreSQL schema that holds PriceGen's tables; <c>pricegen</c> by default.</param>
    public PostgreSqlCostLedger(NpgsqlDataSource dataSource, string schema = "pricegen")
    {
        _database = new PostgreSqlDatabase(dataSource, ownsDataSource: false, schema);
    }

    /// <summary>How many priced calls are stored.</summary>
    public long RecordCount => Count("cost_records");

    /// <summary>How many unpriced calls are stored.</summary>
    public long UnpricedCount => Count("unpriced_usage");

    /// <inheritdoc/>
    /// <exception cref="SpendingStoreException">The record could not be written.</exception>
    public void Record(CostRecord record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        _database.Run(
            connection =>
            {
                using var command = _database.Command(
                    connection,
                    """
                    INSERT INTO {schema}.cost_records
                        (response_id, call, model_id, currency, cost, input_tokens, output_tokens, cached_input_tokens, recorded_at)
                    VALUES (@response, @call, @model, @currency, @cost, @input, @output, @cached, @at)
                    ON CONFLICT (response_id) DO NOTHING;
                    """);
                PostgreSqlDatabase.Add(command, "response", NpgsqlDbType.Text, record.ResponseId);
                PostgreSqlDatabase.Add(command, "call", NpgsqlDbType.Text, record.Call.ToString());
                PostgreSqlDatabase.Add(command, "model", NpgsqlDbType.Text, record.ModelId);
                PostgreSqlDatabase.Add(command, "currency", NpgsqlDbType.Text, record.Currency);
                PostgreSqlDatabase.Add(command, "cost", NpgsqlDbType.Numeric, record.Cost);
                PostgreSqlDatabase.Add(command, "input", NpgsqlDbType.Bigint, record.InputTokens);
                PostgreSqlDatabase.Add(command, "output", NpgsqlDbType.Bigint, record.OutputTokens);
                PostgreSqlDatabase.Add(command, "cached", NpgsqlDbType.Bigint, record.CachedInputTokens);
                PostgreSqlDatabase.Add(command, "at", NpgsqlDbType.TimestampTz, record.Timestamp.ToUniversalTime());
                return command.ExecuteNonQuery();
            },
            "record a cost");
    }

    /// <inheritdoc/>
    /// <exception cref="SpendingStoreException">The report could not be written.</exception>
    public void RecordUnpriced(UnpricedUsage usage)
    {
        if (usage is null)
        {
            throw new ArgumentNullException(nameof(usage));
        }

        _database.Run(
            connection =>
            {
                using var command = _database.Command(
                    connection,
                    """
                    INSERT INTO {schema}.unpriced_usage
                        (response_id, call, reason, model_id, input_tokens, output_tokens, cached_input_tokens, recorded_at)
                    VALUES (@response, @call, @reason, @model, @input, @output, @cached, @at)
                    ON CONFLICT (response_id) DO NOTHING;
                    """);
                PostgreSqlDatabase.Add(command, "response", NpgsqlDbType.Text, usage.ResponseId);
                PostgreSqlDatabase.Add(command, "call", NpgsqlDbType.Text, usage.Call.ToString());
                PostgreSqlDatabase.Add(command, "reason", NpgsqlDbType.Text, usage.Reason.ToString());
                PostgreSqlDatabase.Add(command, "model", NpgsqlDbType.Text, usage.ModelId);
                PostgreSqlDatabase.Add(command, "input", NpgsqlDbType.Bigint, usage.InputTokens);
                PostgreSqlDatabase.Add(command, "output", NpgsqlDbType.Bigint, usage.OutputTokens);
                PostgreSqlDatabase.Add(command, "cached", NpgsqlDbType.Bigint, usage.CachedInputTokens);
                PostgreSqlDatabase.Add(command, "at", NpgsqlDbType.TimestampTz, usage.Timestamp.ToUniversalTime());
                return command.ExecuteNonQuery();
            },
            "record an unpriced call");
    }

    /// <summary>The exact sum of the recorded costs in <paramref name="currency"/> (a <c>numeric</c> sum).</summary>
    public decimal Total(string currency) => _database.Run(
        connection =>
        {
            using var command = _database.Command(connection, "SELECT COALESCE(SUM(cost), 0)::text FROM {schema}.cost_records WHERE currency = @currency;");
            PostgreSqlDatabase.Add(command, "currency", NpgsqlDbType.Text, currency);
            return PostgreSqlSpendingStore.ParseAmount((string)command.ExecuteScalar()!);
        },
        "read the ledger");

    /// <summary>Closes the connections, when the ledger opened them from a connection string.</summary>
    public void Dispose() => _database.Dispose();

    private long Count(string table) => _database.Run(
        connection =>
        {
            using var command = _database.Command(connection, "SELECT COUNT(*) FROM {schema}." + table + ";");
            return (long)command.ExecuteScalar()!;
        },
        "read the ledger");
}
