namespace PriceGen;

/// <summary>
/// Where a <see cref="MonthlySpendingLimit"/> keeps each month's total, so that several limits — in one process or in
/// many — can share one account's spending. <see cref="InMemorySpendingStore"/> keeps it in this process;
/// <c>PriceGen.Storage.Sqlite</c> and <c>PriceGen.Storage.PostgreSql</c> keep it in a database that survives a crash
/// and is shared by every process that opens it.
/// </summary>
/// <remarks>
/// Every implementation must be thread-safe and keep amounts exact (no binary floating point), and
/// <see cref="Charge"/> must check and add in one atomic step, durable before it returns. When the store cannot be
/// reached it throws <see cref="SpendingStoreException"/>: a limit fails closed rather than spend what it cannot record.
/// </remarks>
public interface ISpendingStore
{
    /// <summary>
    /// Adds <see cref="SpendingCharge.Amount"/> to the month's total of <see cref="SpendingCharge.Account"/> in one
    /// atomic step: refused when a <see cref="SpendingCharge.HardLimit"/> is given and the total would pass it; counted
    /// once when a <see cref="SpendingCharge.ChargeId"/> was already charged; and the one charge of the month that
    /// brings the total to <see cref="SpendingCharge.SoftLimit"/> is told so.
    /// </summary>
    /// <exception cref="SpendingStoreException">The store could not be read or written, or holds the account in another currency.</exception>
    SpendingChargeResult Charge(SpendingCharge charge);

    /// <summary>The month's state of <paramref name="account"/>; zero spent when nothing was charged yet.</summary>
    /// <exception cref="SpendingStoreException">The store could not be read, or holds the account in another currency.</exception>
    SpendingSnapshot Read(string account, CalendarMonth month, string currency);

    /// <summary>Replaces the state of <paramref name="account"/> for the snapshot's month (a restore).</summary>
    /// <exception cref="SpendingStoreException">The store could not be written.</exception>
    void Replace(string account, SpendingSnapshot snapshot);
}
