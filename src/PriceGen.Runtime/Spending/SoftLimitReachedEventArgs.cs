using System;

namespace PriceGen;

/// <summary>Tells that a <see cref="MonthlySpendingLimit"/> reached its soft limit; raised once per month.</summary>
public sealed class SoftLimitReachedEventArgs : EventArgs
{
    /// <summary>Creates the notification.</summary>
    public SoftLimitReachedEventArgs(CalendarMonth month, decimal spent, decimal softLimit, decimal hardLimit, string currency)
    {
        Month = month;
        Spent = spent;
        SoftLimit = softLimit;
        HardLimit = hardLimit;
        Currency = currency ?? throw new ArgumentNullException(nameof(currency));
    }

    /// <summary>The month whose spending reached the soft limit.</summary>
    public CalendarMonth Month { get; }

    /// <summary>The month's total right after the charge that reached the soft limit.</summary>
    public decimal Spent { get; }

    /// <summary>The soft limit that was reached.</summary>
    public decimal SoftLimit { get; }

    /// <summary>The hard limit, at which spending stops.</summary>
    public decimal HardLimit { get; }

    /// <summary>ISO 4217 code of the amounts.</summary>
    public string Currency { get; }
}
