using System;

namespace PriceGen;

/// <summary>
/// A spending quota per calendar month (UTC), as providers set them: a hard limit that spending never passes through
/// <see cref="TryCharge(decimal)"/>, and an optional soft limit that raises <see cref="SoftLimitReached"/> once per
/// month. Totals are exact <see cref="decimal"/> sums, kept in an <see cref="ISpendingStore"/>: in this process's
/// memory by default, or in a database that survives a crash and is shared by every process that charges the same
/// <see cref="Account"/>. Safe to share between threads: the store checks and adds each charge in one atomic step, so
/// concurrent charges can neither lose an amount nor both squeeze under the limit.
/// </summary>
/// <remarks>
/// The month is read from a <see cref="TimeProvider"/> on every operation: the first operation in a new month starts
/// it at zero. With the in-memory store, save <see cref="Snapshot"/> and <see cref="Restore"/> it at startup so a
/// restart loses no spending; a database store needs neither.
/// </remarks>
public sealed class MonthlySpendingLimit
{
    /// <summary>The account a limit charges when none is named.</summary>
    public const string DefaultAccount = "default";

    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a limit kept in this process's memory that starts the current month at zero.</summary>
    /// <param name="hardLimit">The most the month may spend through <see cref="TryCharge(decimal)"/>.</param>
    /// <param name="softLimit">The amount whose reaching raises <see cref="SoftLimitReached"/>; above zero and at most <paramref name="hardLimit"/>.</param>
    /// <param name="currency">ISO 4217 code of every amount charged.</param>
    /// <param name="timeProvider">The clock that tells the month; <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is negative, or the soft limit is zero or above the hard limit.</exception>
    public MonthlySpendingLimit(decimal hardLimit, decimal? softLimit = null, string currency = "USD", TimeProvider? timeProvider = null)
        : this(new InMemorySpendingStore(), hardLimit, softLimit, currency, timeProvider)
    {
    }

    /// <summary>Creates a limit whose spending is kept in <paramref name="store"/>, shared by every limit of the same account there.</summary>
    /// <param name="store">Where each month's total is kept, such as <c>SqliteSpendingStore</c>.</param>
    /// <param name="hardLimit">The most the month may spend through <see cref="TryCharge(decimal)"/>.</param>
    /// <param name="softLimit">The amount whose reaching raises <see cref="SoftLimitReached"/>; above zero and at most <paramref name="hardLimit"/>.</param>
    /// <param name="currency">ISO 4217 code of every amount charged.</param>
    /// <param name="timeProvider">The clock that tells the month; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="account">Whose spending, in the store: limits of one account share one total (one provider account, one tenant, …).</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is negative, or the soft limit is zero or above the hard limit.</exception>
    public MonthlySpendingLimit(ISpendingStore store, decimal hardLimit, decimal? softLimit = null, string currency = "USD", TimeProvider? timeProvider = null, string account = DefaultAccount)
    {
        if (hardLimit < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(hardLimit), hardLimit, "A spending limit cannot be negative.");
        }

        if (softLimit is { } soft && (soft <= 0m || soft > hardLimit))
        {
            throw new ArgumentOutOfRangeException(nameof(softLimit), softLimit, "A soft limit is above zero and at most the hard limit.");
        }

        Store = store ?? throw new ArgumentNullException(nameof(store));
        HardLimit = hardLimit;
        SoftLimit = softLimit;
        Currency = currency ?? throw new ArgumentNullException(nameof(currency));
        Account = SpendingCharge.ValidName(account, nameof(account));
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Raised once per month (across every process sharing the store), on the thread whose charge first brings the
    /// month's total to the soft limit or above, after that charge is recorded (a handler may read or charge the limit).
    /// </summary>
    public event EventHandler<SoftLimitReachedEventArgs>? SoftLimitReached;

    /// <summary>The most a month may spend through <see cref="TryCharge(decimal)"/>.</summary>
    public decimal HardLimit { get; }

    /// <summary>The amount that raises <see cref="SoftLimitReached"/>, or <see langword="null"/> for none.</summary>
    public decimal? SoftLimit { get; }

    /// <summary>ISO 4217 code of every amount.</summary>
    public string Currency { get; }

    /// <summary>Whose spending this limit charges in its <see cref="Store"/>.</summary>
    public string Account { get; }

    /// <summary>Where the spending is kept.</summary>
    public ISpendingStore Store { get; }

    /// <summary>The current month.</summary>
    public CalendarMonth Month => CurrentMonth();

    /// <summary>What the current month has spent.</summary>
    /// <exception cref="SpendingStoreException">The store cannot be read.</exception>
    public decimal Spent => Store.Read(Account, CurrentMonth(), Currency).Spent;

    /// <summary>What the current month may still spend; zero once the hard limit is reached or passed.</summary>
    public decimal Remaining => Math.Max(0m, HardLimit - Spent);

    /// <summary>Whether the current month has reached its hard limit.</summary>
    public bool IsExhausted => Spent >= HardLimit;

    /// <summary>
    /// Charges <paramref name="amount"/> if the month's total stays at or below the hard limit, atomically: of any
    /// number of concurrent calls, in any number of processes sharing the store, only those that fit succeed.
    /// </summary>
    /// <returns>Whether the amount was charged; <see langword="false"/> leaves the total unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="SpendingStoreException">The store cannot record the charge: nothing may be spent.</exception>
    public bool TryCharge(decimal amount) => TryCharge(amount, chargeId: null);

    /// <summary>
    /// Charges <paramref name="amount"/> as <see cref="TryCharge(decimal)"/> does; a charge whose
    /// <paramref name="chargeId"/> was already charged is not added again and returns <see langword="true"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="SpendingStoreException">The store cannot record the charge: nothing may be spent.</exception>
    public bool TryCharge(decimal amount, string? chargeId)
    {
        ThrowIfNegative(amount);
        return Charge(amount, HardLimit, chargeId).IsCharged;
    }

    /// <summary>
    /// Records <paramref name="amount"/> that has already been spent — the cost of a response that came back, which
    /// the provider bills whatever the limit says. It cannot be refused, so it may take the total past the hard limit
    /// (by at most the cost of the requests that were in flight when the limit was reached); from then on
    /// <see cref="TryCharge(decimal)"/> fails and <see cref="ThrowIfExhausted"/> throws until the next month.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="SpendingStoreException">The store cannot record the charge.</exception>
    public void ChargeIncurred(decimal amount) => ChargeIncurred(amount, chargeId: null);

    /// <summary>
    /// Records <paramref name="amount"/> as <see cref="ChargeIncurred(decimal)"/> does, once per
    /// <paramref name="chargeId"/> (such as the provider's response id), so that a retried record is counted once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="SpendingStoreException">The store cannot record the charge.</exception>
    public void ChargeIncurred(decimal amount, string? chargeId)
    {
        ThrowIfNegative(amount);
        Charge(amount, hardLimit: null, chargeId);
    }

    /// <summary>Throws if the current month has reached its hard limit; call it before spending.</summary>
    /// <exception cref="SpendingLimitExceededException">The hard limit is reached.</exception>
    /// <exception cref="SpendingStoreException">The store cannot be read: nothing may be spent.</exception>
    public void ThrowIfExhausted()
    {
        var month = CurrentMonth();
        var spent = Store.Read(Account, month, Currency).Spent;
        if (spent >= HardLimit)
        {
            throw new SpendingLimitExceededException(month, spent, HardLimit, Currency);
        }
    }

    /// <summary>The current month's state, to save (<see cref="SpendingSnapshot.ToJson"/>) and restore after a restart.</summary>
    public SpendingSnapshot Snapshot() => Store.Read(Account, CurrentMonth(), Currency);

    /// <summary>
    /// Replaces the current month's state with a saved one. A snapshot of another month than the current one restores
    /// nothing: its spending belongs to that month.
    /// </summary>
    /// <exception cref="ArgumentException">The snapshot is in another currency.</exception>
    public void Restore(SpendingSnapshot snapshot)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        if (!string.Equals(snapshot.Currency, Currency, StringComparison.Ordinal))
        {
            throw new ArgumentException("The snapshot is in " + snapshot.Currency + " but the limit is in " + Currency + ".", nameof(snapshot));
        }

        if (snapshot.Month == CurrentMonth())
        {
            Store.Replace(Account, snapshot);
        }
    }

    private SpendingChargeResult Charge(decimal amount, decimal? hardLimit, string? chargeId)
    {
        var month = CurrentMonth();
        var result = Store.Charge(new SpendingCharge(Account, month, Currency, amount, hardLimit, SoftLimit, chargeId));
        if (result.ReachedSoftLimit && SoftLimit is { } soft)
        {
            SoftLimitReached?.Invoke(this, new SoftLimitReachedEventArgs(month, result.Spent, soft, HardLimit, Currency));
        }

        return result;
    }

    private CalendarMonth CurrentMonth() => CalendarMonth.Containing(_timeProvider.GetUtcNow());

    private static void ThrowIfNegative(decimal amount)
    {
        if (amount < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An amount to charge cannot be negative.");
        }
    }
}
