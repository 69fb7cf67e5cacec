using System;

namespace PriceGen;

/// <summary>One charge that a <see cref="MonthlySpendingLimit"/> asks its <see cref="ISpendingStore"/> to add.</summary>
public sealed class SpendingCharge
{
    /// <summary>The longest account name and charge id a store accepts.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Creates a charge.</summary>
    /// <param name="account">Whose spending: every limit with this name in one store shares one total.</param>
    /// <param name="month">The month the charge belongs to.</param>
    /// <param name="currency">ISO 4217 code of <paramref name="amount"/>.</param>
    /// <param name="amount">What to add; zero or more.</param>
    /// <param name="hardLimit">The total the charge must not pass, or <see langword="null"/> for spending already incurred, which cannot be refused.</param>
    /// <param name="softLimit">The total whose reaching is reported once per month, or <see langword="null"/>.</param>
    /// <param name="chargeId">An id that makes a retried charge count once (such as the provider's response id), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A name is empty or too long, or an amount is negative.</exception>
    public SpendingCharge(string account, CalendarMonth month, string currency, decimal amount, decimal? hardLimit, decimal? softLimit, string? chargeId)
    {
        Account = ValidName(account, nameof(account));
        Currency = currency ?? throw new ArgumentNullException(nameof(currency));
        if (amount < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An amount to charge cannot be negative.");
        }

        if (hardLimit < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(hardLimit), hardLimit, "A spending limit cannot be negative.");
        }

        Month = month;
        Amount = amount;
        HardLimit = hardLimit;
        SoftLimit = softLimit;
        ChargeId = chargeId is null ? null : ValidName(chargeId, nameof(chargeId));
    }

    /// <summary>Whose spending.</summary>
    public string Account { get; }

    /// <summary>The month the charge belongs to.</summary>
    public CalendarMonth Month { get; }

    /// <summary>ISO 4217 code of <see cref="Amount"/>.</summary>
    public string Currency { get; }

    /// <summary>What to add.</summary>
    public decimal Amount { get; }

    /// <summary>The total the charge must not pass; <see langword="null"/> when it cannot be refused.</summary>
    public decimal? HardLimit { get; }

    /// <summary>The total whose reaching is reported once per month.</summary>
    public decimal? SoftLimit { get; }

    /// <summary>The id that makes a retried charge count once.</summary>
    public string? ChargeId { get; }

    /// <summary>Whether <paramref name="spent"/> plus <see cref="Amount"/> stays within <see cref="HardLimit"/>, without overflow.</summary>
    public bool Fits(decimal spent) => HardLimit is not { } hard || Amount <= hard - spent;

    /// <summary>Whether a month that has spent <paramref name="spent"/> has reached <see cref="SoftLimit"/>.</summary>
    public bool ReachesSoftLimit(decimal spent) => SoftLimit is { } soft && spent >= soft;

    internal static string ValidName(string name, string parameter)
    {
        if (name is null)
        {
            throw new ArgumentNullException(parameter);
        }

        if (name.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException("'" + parameter + "' must be 1 to " + MaxNameLength + " characters long.", parameter);
        }

        return name;
    }
}
