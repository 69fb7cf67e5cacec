using System;
using System.Globalization;
using PriceGen.Extensions.AI;

namespace PriceGen.Storage.Sqlite;

/// <summary>
/// A cost ledger in one SQLite file (the same file as a <see cref="SqliteSpendingStore"/> or another), so that the
/// priced calls can be reconciled with the provider's invoice after the process is gone. Every record is committed
/// before <see cref="Record"/> returns; a record whose response id is already in the file is not written again, so a
/// retried record is kept once.
/// </summary>
/// <remarks>
/// The columns <c>requested_model_id</c>, <c>response_model_id</c> and <c>match_kind</c> are in the schema for the
/// model ids that <see cref="CostRecord"/> does not carry yet; this version leaves them <c>NULL</c>.
/// </remarks>
public sealed class SqliteCostLedger : ICostLedger
{
    private readonly SqliteDatabase _database;

    /// <summary>Opens (or creates) the SQLite file at <paramref name="path"/> and its tables.</summary>
    /// <param name="path">The file; created when missing.</param>
    /// <param name="busyTimeout">How long a record waits for another process's transaction; 30 seconds by default.</param>
    /// <exception cref="SpendingStoreException">The file cannot be opened, or has a schema this version does not read.</exception>
    public SqliteCostLedger(string path, TimeSpan? busyTimeout = null)
    {
        _database = new SqliteDatabase(path, busyTimeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>The full path of the SQLite file.</summary>
    public string Path => _database.Path;

    /// <summary>How many priced calls the file holds.</summary>
    public long RecordCount => Count("pricegen_cost_records");

    /// <summary>How many unpriced calls the file holds.</summary>
    public long UnpricedCount => Count("pricegen_unpriced_usage");

    /// <inheritdoc/>
    /// <exception cref="SpendingStoreException">The record could not be written.</exception>
    public void Record(CostRecord record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        _database.InWriteTransaction(connection =>
        {
            using var insert = SqliteDatabase.Command(
                connection,
                """
                INSERT INTO pricegen_cost_records
                    (response_id, call, model_id, currency, cost, input_tokens, output_tokens, cached_input_tokens, recorded_at)
                VALUES ($response, $call, $model, $currency, $cost, $input, $output, $cached, $at)
                ON CONFLICT (response_id) DO NOTHING;
                """,
                ("$response", record.ResponseId),
                ("$call", record.Call.ToString()),
                ("$model", record.ModelId),
                ("$currency", record.Currency),
                ("$cost", SqliteSpendingStore.Amount(record.Cost)),
                ("$input", record.InputTokens),
                ("$output", record.OutputTokens),
                ("$cached", record.CachedInputTokens),
                ("$at", Timestamp(record.Timestamp)));
            insert.ExecuteNonQuery();
        });
    }

    /// <inheritdoc/>
    /// <exception cref="SpendingStoreException">The report could not be written.</exception>
    public void RecordUnpriced(UnpricedUsage usage)
    {
        if (usage is null)
        {
            throw new ArgumentNullException(nameof(usage));
        }

        _database.InWriteTransaction(connection =>
        {
            using var insert = SqliteDatabase.Command(
                connection,
                """
                INSERT INTO pricegen_unpriced_usage
                    (response_id, call, reason, model_id, input_tokens, output_tokens, cached_input_tokens, recorded_at)
                VALUES ($response, $call, $reason, $model, $input, $output, $cached, $at)
                ON CONFLICT (response_id) DO NOTHING;
                """,
                ("$response", usage.ResponseId),
                ("$call", usage.Call.ToString()),
                ("$reason", usage.Reason.ToString()),
                ("$model", usage.ModelId),
                ("$input", usage.InputTokens),
                ("$output", usage.OutputTokens),
                ("$cached", usage.CachedInputTokens),
                ("$at", Timestamp(usage.Timestamp)));
            insert.ExecuteNonQuery();
        });
    }

    /// <summary>The exact sum of the recorded costs in <paramref name="currency"/>, summed as <see cref="decimal"/>.</summary>
    public decimal Total(string currency) => _database.Read(connection =>
    {
        using var read = SqliteDatabase.Command(connection, "SELECT cost FROM pricegen_cost_records WHERE currency = $currency;", ("$currency", currency));
        using var rows = read.ExecuteReader();
        var total = 0m;
        while (rows.Read())
        {
            total += SqliteSpendingStore.ParseAmount(rows.GetString(0), "a recorded cost");
        }

        return total;
    });

    // Round-trip ("O") text in UTC, which sorts as time does.
    private static string Timestamp(DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private long Count(string table) => _database.Read(connection =>
    {
        using var read = SqliteDatabase.Command(connection, "SELECT COUNT(*) FROM " + table + ";");
        return Convert.ToInt64(read.ExecuteScalar(), CultureInfo.InvariantCulture);
    });
}
