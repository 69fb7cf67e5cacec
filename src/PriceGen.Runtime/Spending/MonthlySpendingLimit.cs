using System;

namespace PriceGen;

/// <summary>
/// A spending quota per calendar month (UTC), as providers set them: a hard limit that spending never passes through
/// <see cref="TryCharge"/>, and an optional soft limit that raises <see cref="SoftLimitReached"/> once per month.
/// Totals are exact <see cref="decimal"/> sums. Safe to share between threads: every read and change of the month's
/// total happens under one lock, so concurrent charges can neither lose an amount nor both squeeze under the limit.
/// </summary>
/// <remarks>
/// The month is read from a <see cref="TimeProvider"/> on every operation: the first operation in a new month starts
/// it at zero. Save <see cref="Snapshot"/> and <see cref="Restore"/> it at startup so a restart loses no spending.
/// </remarks>
public sealed class MonthlySpendingLimit
{
    private readonly object _gate = new();
    private readonly TimeProvider _timeProvider;
    private CalendarMonth _month;
    private decimal _spent;
    private bool _softLimitReported;

    /// <summary>Creates a limit that starts the current month at zero.</summary>
    /// <param name="hardLimit">The most the month may spend through <see cref="TryCharge"/>.</param>
    /// <param name="softLimit">The amount whose reaching raises <see cref="SoftLimitReached"/>; above zero and at most <paramref name="hardLimit"/>.</param>
    /// <param name="currency">ISO 4217 code of every amount charged.</param>
    /// <param name="timeProvider">The clock that tells the month; <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is negative, or the soft limit is zero or above the hard limit.</exception>
    public MonthlySpendingLimit(decimal hardLimit, decimal? softLimit = null, string currency = "USD", TimeProvider? timeProvider = null)
    {
        if (hardLimit < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(hardLimit), hardLimit, "A spending limit cannot be negative.");
        }

        if (softLimit is { } soft && (soft <= 0m || soft > hardLimit))
        {
            throw new ArgumentOutOfRangeException(nameof(softLimit), softLimit, "A soft limit is above zero and at most the hard limit.");
        }

        HardLimit = hardLimit;
        SoftLimit = softLimit;
        Currency = currency ?? throw new ArgumentNullException(nameof(currency));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _month = CurrentMonth();
    }

    /// <summary>
    /// Raised once per month, on the thread whose charge first brings the month's total to the soft limit or above,
    /// after that charge is recorded and outside the lock (a handler may read or charge the limit).
    /// </summary>
    public event EventHandler<SoftLimitReachedEventArgs>? SoftLimitReached;

    /// <summary>The most a month may spend through <see cref="TryCharge"/>.</summary>
    public decimal HardLimit { get; }

    /// <summary>The amount that raises <see cref="SoftLimitReached"/>, or <see langword="null"/> for none.</summary>
    public decimal? SoftLimit { get; }

    /// <summary>ISO 4217 code of every amount.</summary>
    public string Currency { get; }

    /// <summary>The current month.</summary>
    public CalendarMonth Month
    {
        get
        {
            lock (_gate)
            {
                RollOverIfNewMonth();
                return _month;
            }
        }
    }

    /// <summary>What the current month has spent.</summary>
    public decimal Spent
    {
        get
        {
            lock (_gate)
            {
                RollOverIfNewMonth();
                return _spent;
            }
        }
    }

    /// <summary>What the current month may still spend; zero once the hard limit is reached or passed.</summary>
    public decimal Remaining => Math.Max(0m, HardLimit - Spent);

    /// <summary>Whether the current month has reached its hard limit.</summary>
    public bool IsExhausted => Spent >= HardLimit;

    /// <summary>
    /// Charges <paramref name="amount"/> if the month's total stays at or below the hard limit, atomically: of any
    /// number of concurrent calls, only those that fit succeed.
    /// </summary>
    /// <returns>Whether the amount was charged; <see langword="false"/> leaves the total unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public bool TryCharge(decimal amount)
    {
        ThrowIfNegative(amount);
        SoftLimitReachedEventArgs? reached;
        lock (_gate)
        {
            RollOverIfNewMonth();

            // Compared as a difference, so that no sum of two large amounts can overflow.
            if (amount > HardLimit - _spent)
            {
                return false;
            }

            _spent += amount;
            reached = NoteSoftLimit();
        }

        Raise(reached);
        return true;
    }

    /// <summary>
    /// Records <paramref name="amount"/> that has already been spent — the cost of a response that came back, which
    /// the provider bills whatever the limit says. It cannot be refused, so it may take the total past the hard limit
    /// (by at most the cost of the requests that were in flight when the limit was reached); from then on
    /// <see cref="TryCharge"/> fails and <see cref="ThrowIfExhausted"/> throws until the next month.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public void ChargeIncurred(decimal amount)
    {
        ThrowIfNegative(amount);
        SoftLimitReachedEventArgs? reached;
        lock (_gate)
        {
            RollOverIfNewMonth();
            _spent += amount;
            reached = NoteSoftLimit();
        }

        Raise(reached);
    }

    /// <summary>Throws if the current month has reached its hard limit; call it before spending.</summary>
    /// <exception cref="SpendingLimitExceededException">The hard limit is reached.</exception>
    public void ThrowIfExhausted()
    {
        SpendingLimitExceededException? exceeded = null;
        lock (_gate)
        {
            RollOverIfNewMonth();
            if (_spent >= HardLimit)
            {
                exceeded = new SpendingLimitExceededException(_month, _spent, HardLimit, Currency);
            }
        }

        if (exceeded is not null)
        {
            throw exceeded;
        }
    }

    /// <summary>The current month's state, to save (<see cref="SpendingSnapshot.ToJson"/>) and restore after a restart.</summary>
    public SpendingSnapshot Snapshot()
    {
        lock (_gate)
        {
            RollOverIfNewMonth();
            return new SpendingSnapshot(_month, _spent, Currency, _softLimitReported);
        }
    }

    /// <summary>
    /// Replaces the state with a saved one. A snapshot of another month than the current one restores nothing: its
    /// spending belongs to that month, and the current month starts at zero.
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

        lock (_gate)
        {
            _month = snapshot.Month;
            _spent = snapshot.Spent;
            _softLimitReported = snapshot.SoftLimitReported;
            RollOverIfNewMonth();
        }
    }

    private CalendarMonth CurrentMonth() => CalendarMonth.Containing(_timeProvider.GetUtcNow());

    // Under the lock.
    private void RollOverIfNewMonth()
    {
        var now = CurrentMonth();
        if (now != _month)
        {
            _month = now;
            _spent = 0m;
            _softLimitReported = false;
        }
    }

    // Under the lock: the flag is set by exactly one charge per month, so exactly one caller raises the event.
    private SoftLimitReachedEventArgs? NoteSoftLimit()
    {
        if (SoftLimit is not { } soft || _softLimitReported || _spent < soft)
        {
            return null;
        }

        _softLimitReported = true;
        return new SoftLimitReachedEventArgs(_month, _spent, soft, HardLimit, Currency);
    }

    private void Raise(SoftLimitReachedEventArgs? reached)
    {
        if (reached is not null)
        {
            SoftLimitReached?.Invoke(this, reached);
        }
    }

    private static void ThrowIfNegative(decimal amount)
    {
        if (amount < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An amount to charge cannot be negative.");
        }
    }
}
