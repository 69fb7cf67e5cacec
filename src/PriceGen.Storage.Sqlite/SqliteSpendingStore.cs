using System;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PriceGen.Storage.Sqlite;

/// <summary>
/// Keeps each month's spending in one SQLite file: every charge is committed (<c>synchronous=FULL</c>) before
/// <see cref="Charge"/> returns, so a crash loses nothing, and every process that opens the file shares one total
/// (SQLite's own locking, <c>BEGIN IMMEDIATE</c>). Amounts are stored as exact decimal text.
/// </summary>
/// <example>
/// <code>var limit = new MonthlySpendingLimit(new SqliteSpendingStore("spending.db"), hardLimit: 50m, softLimit: 40m);</code>
/// </example>
public sealed class SqliteSpendingStore : ISpendingStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Opens (or creates) the SQLite file at <paramref name="path"/> and its tables.</summary>
    /// <param name="path">The file; created with its directory's permissions when missing.</param>
    /// <param name="busyTimeout">How long a charge waits for another process's transaction before it fails closed; 30 seconds by default.</param>
    /// <exception cref="SpendingStoreException">The file cannot be opened, or has a schema this version does not read.</exception>
    public SqliteSpendingStore(string path, TimeSpan? busyTimeout = null)
    {
        _database = new SqliteDatabase(path, busyTimeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>The full path of the SQLite file.</summary>
    public string Path => _database.Path;

    /// <inheritdoc/>
    public SpendingChargeResult Charge(SpendingCharge charge)
    {
        if (charge is null)
        {
            throw new ArgumentNullException(nameof(charge));
        }

        var month = charge.Month.ToString();
        return _database.InWriteTransaction(connection =>
        {
            var (spent, softLimitReported) = ReadMonth(connection, charge.Account, month, charge.Currency);
            if (charge.ChargeId is { } id && IsCharged(connection, charge.Account, id))
            {
                return SpendingChargeResult.AlreadyCharged(spent);
            }

            if (!charge.Fits(spent))
            {
                return SpendingChargeResult.Refused(spent);
            }

            spent += charge.Amount;
            var reached = !softLimitReported && charge.ReachesSoftLimit(spent);
            using (var write = SqliteDatabase.Command(
                connection,
                """
                INSERT INTO pricegen_spending_months (account, month, currency, spent, soft_limit_reported)
                VALUES ($account, $month, $currency, $spent, $reported)
                ON CONFLICT (account, month) DO UPDATE SET spent = excluded.spent, soft_limit_reported = excluded.soft_limit_reported;
                """,
                ("$account", charge.Account),
                ("$month", month),
                ("$currency", charge.Currency),
                ("$spent", Amount(spent)),
                ("$reported", softLimitReported || reached)))
            {
                write.ExecuteNonQuery();
            }

            if (charge.ChargeId is { } newId)
            {
                using var record = SqliteDatabase.Command(
                    connection,
                    "INSERT INTO pricegen_spending_charges (account, charge_id, month, amount, charged_at) VALUES ($account, $id, $month, $amount, $at);",
                    ("$account", charge.Account),
                    ("$id", newId),
                    ("$month", month),
                    ("$amount", Amount(charge.Amount)),
                    ("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
                record.ExecuteNonQuery();
            }

            return SpendingChargeResult.Charged(spent, reached);
        });
    }

    /// <inheritdoc/>
    public SpendingSnapshot Read(string account, CalendarMonth month, string currency)
    {
        var (spent, reported) = _database.Read(connection => ReadMonth(connection, account, month.ToString(), currency));
        return new SpendingSnapshot(month, spent, currency, reported);
    }

    /// <inheritdoc/>
    public void Replace(string account, SpendingSnapshot snapshot)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        _database.InWriteTransaction(connection =>
        {
            using var write = SqliteDatabase.Command(
                connection,
                """
                INSERT INTO pricegen_spending_months (account, month, currency, spent, soft_limit_reported)
                VALUES ($account, $month, $currency, $spent, $reported)
                ON CONFLICT (account, month) DO UPDATE SET currency = excluded.currency, spent = excluded.spent, soft_limit_reported = excluded.soft_limit_reported;
                """,
                ("$account", account),
                ("$month", snapshot.Month.ToString()),
                ("$currency", snapshot.Currency),
                ("$spent", Amount(snapshot.Spent)),
                ("$reported", snapshot.SoftLimitReported));
            write.ExecuteNonQuery();
        });
    }

    /// <summary>The exact invariant text an amount is stored as.</summary>
    internal static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads an amount stored by <see cref="Amount"/>.</summary>
    internal static decimal ParseAmount(string text, string where) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new SpendingStoreException("The SQLite spending store holds '" + text + "' as " + where + ", which is not a decimal amount.");

    private static (decimal Spent, bool SoftLimitReported) ReadMonth(SqliteConnection connection, string account, string month, string currency)
    {
        using var read = SqliteDatabase.Command(
            connection,
            "SELECT currency, spent, soft_limit_reported FROM pricegen_spending_months WHERE account = $account AND month = $month;",
            ("$account", account),
            ("$month", month));
        using var row = read.ExecuteReader();
        if (!row.Read())
        {
            return (0m, false);
        }

        var stored = row.GetString(0);
        if (!string.Equals(stored, currency, StringComparison.Ordinal))
        {
            throw SpendingStoreException.OtherCurrency(account, stored, currency);
        }

        return (ParseAmount(row.GetString(1), "the spending of '" + account + "' in " + month), row.GetInt64(2) != 0);
    }

    private static bool IsCharged(SqliteConnection connection, string account, string chargeId)
    {
        using var read = SqliteDatabase.Command(
            connection,
            "SELECT 1 FROM pricegen_spending_charges WHERE account = $account AND charge_id = $id;",
            ("$account", account),
            ("$id", chargeId));
        return read.ExecuteScalar() is not null;
    }
}
