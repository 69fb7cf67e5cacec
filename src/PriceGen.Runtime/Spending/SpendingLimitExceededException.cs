using System;

namespace PriceGen;

/// <summary>
/// Thrown instead of spending more once a <see cref="MonthlySpendingLimit"/> has reached its hard limit for the month.
/// Spending resumes when the next month starts (or when the limit is raised).
/// </summary>
public sealed class SpendingLimitExceededException : InvalidOperationException
{
    /// <summary>Creates the exception for the month's state when spending was refused.</summary>
    public SpendingLimitExceededException(CalendarMonth month, decimal spent, decimal hardLimit, string currency)
        : base(
            "The monthly spending limit of " + RateText.FormatAmount(hardLimit, currency) + " is reached for " + month +
            " (" + RateText.FormatAmount(spent, currency) + " spent); nothing more is spent until " + month.Next + ".")
    {
        Month = month;
        Spent = spent;
        HardLimit = hardLimit;
        Currency = currency;
    }

    /// <summary>The month whose limit is reached.</summary>
    public CalendarMonth Month { get; }

    /// <summary>What the month had spent when spending was refused.</summary>
    public decimal Spent { get; }

    /// <summary>The hard limit.</summary>
    public decimal HardLimit { get; }

    /// <summary>ISO 4217 code of the amounts.</summary>
    public string Currency { get; }
}
