using System;
using System.Collections.Generic;

namespace PriceGen;

/// <summary>
/// Keeps spending in this process's memory, under one lock: lost when the process ends, and not shared with other
/// processes. The store of a <see cref="MonthlySpendingLimit"/> created without one.
/// </summary>
/// <remarks>Charge ids are kept for the life of the store, so that a retry is counted once even across a month's end.</remarks>
public sealed class InMemorySpendingStore : ISpendingStore
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Account, CalendarMonth Month), MonthState> _months = new();
    private readonly HashSet<(string Account, string ChargeId)> _chargeIds = new();

    /// <inheritdoc/>
    public SpendingChargeResult Charge(SpendingCharge charge)
    {
        if (charge is null)
        {
            throw new ArgumentNullException(nameof(charge));
        }

        lock (_gate)
        {
            var state = StateOf(charge.Account, charge.Month, charge.Currency);
            if (charge.ChargeId is { } id && _chargeIds.Contains((charge.Account, id)))
            {
                return SpendingChargeResult.AlreadyCharged(state.Spent);
            }

            if (!charge.Fits(state.Spent))
            {
                return SpendingChargeResult.Refused(state.Spent);
            }

            state.Spent += charge.Amount;
            if (charge.ChargeId is { } newId)
            {
                _chargeIds.Add((charge.Account, newId));
            }

            var reached = !state.SoftLimitReported && charge.ReachesSoftLimit(state.Spent);
            state.SoftLimitReported |= reached;
            return SpendingChargeResult.Charged(state.Spent, reached);
        }
    }

    /// <inheritdoc/>
    public SpendingSnapshot Read(string account, CalendarMonth month, string currency)
    {
        lock (_gate)
        {
            var state = _months.TryGetValue((account, month), out var found) ? found : null;
            if (state is not null)
            {
                ThrowIfOtherCurrency(account, state, currency);
            }

            return new SpendingSnapshot(month, state?.Spent ?? 0m, currency, state?.SoftLimitReported ?? false);
        }
    }

    /// <inheritdoc/>
    public void Replace(string account, SpendingSnapshot snapshot)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        lock (_gate)
        {
            _months[(account, snapshot.Month)] = new MonthState(snapshot.Currency) { Spent = snapshot.Spent, SoftLimitReported = snapshot.SoftLimitReported };
        }
    }

    // Under the lock.
    private MonthState StateOf(string account, CalendarMonth month, string currency)
    {
        if (!_months.TryGetValue((account, month), out var state))
        {
            state = new MonthState(currency);
            _months.Add((account, month), state);
        }

        ThrowIfOtherCurrency(account, state, currency);
        return state;
    }

    private static void ThrowIfOtherCurrency(string account, MonthState state, string currency)
    {
        if (!string.Equals(state.Currency, currency, StringComparison.Ordinal))
        {
            throw SpendingStoreException.OtherCurrency(account, state.Currency, currency);
        }
    }

    private sealed class MonthState
    {
        public MonthState(string currency) => Currency = currency;

        public string Currency { get; }

        public decimal Spent { get; set; }

        public bool SoftLimitReported { get; set; }
    }
}
