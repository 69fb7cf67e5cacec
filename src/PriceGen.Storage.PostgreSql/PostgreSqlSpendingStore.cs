using System;
using Npgsql;
using NpgsqlTypes;

namespace PriceGen.Storage.PostgreSql;

/// <summary>
/// Keeps each month's spending in PostgreSQL, shared by every instance of an application: each charge is one
/// statement that adds the amount only if the total stays within the hard limit, committed before
/// <see cref="Charge"/> returns. Amounts are exact <c>numeric</c>. The tables are created on first use.
/// </summary>
/// <example>
/// <code>var limit = new MonthlySpendingLimit(new PostgreSqlSpendingStore("Host=db;Username=app;Password=…;Database=app"), hardLimit: 500m);</code>
/// </example>
public sealed class PostgreSqlSpendingStore : ISpendingStore, IDisposable
{
    // One statement: the INSERT … ON CONFLICT DO UPDATE takes the month's row lock, adds only if the amount fits,
    // and records the charge id in the same statement; a concurrent duplicate id fails the whole statement (23505).
    private const string ChargeSql = """
        WITH charged AS (
            INSERT INTO {schema}.spending_months AS m (account, month, currency, spent, soft_limit_reported, reached_soft_limit)
            SELECT @account, @month, @currency, @amount, COALESCE(@amount >= @soft, false), COALESCE(@amount >= @soft, false)
            WHERE (@hard IS NULL OR @amount <= @hard)
              AND NOT EXISTS (SELECT 1 FROM {schema}.spending_charges c WHERE c.account = @account AND c.charge_id = @charge_id)
            ON CONFLICT (account, month) DO UPDATE
                SET spent = m.spent + EXCLUDED.spent,
                    reached_soft_limit = NOT m.soft_limit_reported AND COALESCE(m.spent + EXCLUDED.spent >= @soft, false),
                    soft_limit_reported = m.soft_limit_reported OR COALESCE(m.spent + EXCLUDED.spent >= @soft, false)
                WHERE m.currency = EXCLUDED.currency
                  AND (@hard IS NULL OR EXCLUDED.spent <= @hard - m.spent)
            RETURNING m.spent::text, m.reached_soft_limit
        ), recorded AS (
            INSERT INTO {schema}.spending_charges (account, charge_id, month, amount)
            SELECT @account, @charge_id, @month, @amount FROM charged WHERE @charge_id IS NOT NULL
        )
        SELECT spent, reached_soft_limit FROM charged;
        """;

    // Always one row, so that a charge id of an earlier month is found even when this month has no row yet.
    private const string ReadSql = """
        SELECT m.currency, COALESCE(m.spent, 0)::text, COALESCE(m.soft_limit_reported, false),
               @charge_id IS NOT NULL AND EXISTS (SELECT 1 FROM {schema}.spending_charges c WHERE c.account = @account AND c.charge_id = @charge_id)
        FROM (SELECT 1) AS one
        LEFT JOIN {schema}.spending_months m ON m.account = @account AND m.month = @month;
        """;

    private readonly PostgreSqlDatabase _database;

    /// <summary>Connects with <paramref name="connectionString"/> (an Npgsql connection string).</summary>
    /// <param name="connectionString">Such as <c>Host=db;Username=app;Password=…;Database=app</c>.</param>
    /// <param name="schema">The PostgreSQL schema that holds PriceGen's tables; <c>pricegen</c> by default.</param>
    public PostgreSqlSpendingStore(string connectionString, string schema = "pricegen")
        : this(NpgsqlDataSource.Create(connectionString ?? throw new ArgumentNullException(nameof(connectionString))), schema, ownsDataSource: true)
    {
    }

    /// <summary>Uses the application's own <paramref name="dataSource"/> (not disposed with the store).</summary>
    /// <param name="dataSource">The application's Npgsql data source.</param>
    /// <param name="schema">The PostgreSQL schema that holds PriceGen's tables; <c>pricegen</c> by default.</param>
    public PostgreSqlSpendingStore(NpgsqlDataSource dataSource, string schema = "pricegen")
        : this(dataSource, schema, ownsDataSource: false)
    {
    }

    private PostgreSqlSpendingStore(NpgsqlDataSource dataSource, string schema, bool ownsDataSource)
    {
        _database = new PostgreSqlDatabase(dataSource, ownsDataSource, schema);
    }

    /// <summary>The PostgreSQL schema that holds the tables.</summary>
    public string Schema => _database.Schema;

    /// <inheritdoc/>
    public SpendingChargeResult Charge(SpendingCharge charge)
    {
        if (charge is null)
        {
            throw new ArgumentNullException(nameof(charge));
        }

        return _database.Run(
            connection =>
            {
                try
                {
                    using var command = _database.Command(connection, ChargeSql);
                    AddChargeParameters(command, charge);
                    PostgreSqlDatabase.Add(command, "amount", NpgsqlDbType.Numeric, charge.Amount);
                    PostgreSqlDatabase.Add(command, "hard", NpgsqlDbType.Numeric, charge.HardLimit);
                    PostgreSqlDatabase.Add(command, "soft", NpgsqlDbType.Numeric, charge.SoftLimit);
                    PostgreSqlDatabase.Add(command, "currency", NpgsqlDbType.Text, charge.Currency);
                    using var row = command.ExecuteReader();
                    if (row.Read())
                    {
                        return SpendingChargeResult.Charged(ParseAmount(row.GetString(0)), row.GetBoolean(1));
                    }
                }
                catch (PostgresException duplicate) when (duplicate.SqlState == PostgresErrorCodes.UniqueViolation && charge.ChargeId is not null)
                {
                    // Another process charged the same id at the same moment: the whole statement was rolled back.
                }

                return Unchanged(connection, charge);
            },
            "record a charge");
    }

    /// <inheritdoc/>
    public SpendingSnapshot Read(string account, CalendarMonth month, string currency) => _database.Run(
        connection =>
        {
            var (stored, spent, reported, _) = ReadMonth(connection, account, month, chargeId: null);
            if (stored is not null && !string.Equals(stored, currency, StringComparison.Ordinal))
            {
                throw SpendingStoreException.OtherCurrency(account, stored, currency);
            }

            return new SpendingSnapshot(month, spent, currency, reported);
        },
        "read the spending");

    /// <inheritdoc/>
    public void Replace(string account, SpendingSnapshot snapshot)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        _database.Run(
            connection =>
            {
                using var command = _database.Command(
                    connection,
                    """
                    INSERT INTO {schema}.spending_months (account, month, currency, spent, soft_limit_reported)
                    VALUES (@account, @month, @currency, @spent, @reported)
                    ON CONFLICT (account, month) DO UPDATE
                        SET currency = EXCLUDED.currency, spent = EXCLUDED.spent, soft_limit_reported = EXCLUDED.soft_limit_reported, reached_soft_limit = false;
                    """);
                PostgreSqlDatabase.Add(command, "account", NpgsqlDbType.Text, account);
                PostgreSqlDatabase.Add(command, "month", NpgsqlDbType.Text, snapshot.Month.ToString());
                PostgreSqlDatabase.Add(command, "currency", NpgsqlDbType.Text, snapshot.Currency);
                PostgreSqlDatabase.Add(command, "spent", NpgsqlDbType.Numeric, snapshot.Spent);
                PostgreSqlDatabase.Add(command, "reported", NpgsqlDbType.Boolean, snapshot.SoftLimitReported);
                return command.ExecuteNonQuery();
            },
            "restore the spending");
    }

    /// <summary>
    /// Reads a total sent as text: <c>numeric</c> can hold more digits than <see cref="decimal"/> (a sum of amounts of
    /// scale 28), which Npgsql's binary reader refuses; parsing rounds those to the nearest decimal, as .NET's own
    /// addition would have.
    /// </summary>
    internal static decimal ParseAmount(string text) => decimal.Parse(text, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Closes the connections, when the store opened them from a connection string.</summary>
    public void Dispose() => _database.Dispose();

    private static void AddChargeParameters(NpgsqlCommand command, SpendingCharge charge)
    {
        PostgreSqlDatabase.Add(command, "account", NpgsqlDbType.Text, charge.Account);
        PostgreSqlDatabase.Add(command, "month", NpgsqlDbType.Text, charge.Month.ToString());
        PostgreSqlDatabase.Add(command, "charge_id", NpgsqlDbType.Text, charge.ChargeId);
    }

    // Nothing was added: tell a duplicate id, another currency and a refusal apart (a rare path, one more query).
    private SpendingChargeResult Unchanged(NpgsqlConnection connection, SpendingCharge charge)
    {
        var (stored, spent, _, alreadyCharged) = ReadMonth(connection, charge.Account, charge.Month, charge.ChargeId);
        if (alreadyCharged)
        {
            return SpendingChargeResult.AlreadyCharged(spent);
        }

        if (stored is not null && !string.Equals(stored, charge.Currency, StringComparison.Ordinal))
        {
            throw SpendingStoreException.OtherCurrency(charge.Account, stored, charge.Currency);
        }

        return SpendingChargeResult.Refused(spent);
    }

    private (string? Currency, decimal Spent, bool SoftLimitReported, bool AlreadyCharged) ReadMonth(NpgsqlConnection connection, string account, CalendarMonth month, string? chargeId)
    {
        using var command = _database.Command(connection, ReadSql);
        PostgreSqlDatabase.Add(command, "account", NpgsqlDbType.Text, account);
        PostgreSqlDatabase.Add(command, "month", NpgsqlDbType.Text, month.ToString());
        PostgreSqlDatabase.Add(command, "charge_id", NpgsqlDbType.Text, chargeId);
        using var row = command.ExecuteReader();
        row.Read();
        return (row.IsDBNull(0) ? null : row.GetString(0), ParseAmount(row.GetString(1)), row.GetBoolean(2), row.GetBoolean(3));
    }
}
