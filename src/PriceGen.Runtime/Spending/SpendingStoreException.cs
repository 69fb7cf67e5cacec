using System;

namespace PriceGen;

/// <summary>
/// Thrown when a <see cref="ISpendingStore"/> cannot read or record spending (the database is unreachable, locked too
/// long, or holds the account in another currency). A limit that meets it fails closed: the charge is not reported as
/// accepted, so the call it guards is not made.
/// </summary>
public sealed class SpendingStoreException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public SpendingStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>The exception for a store that keeps <paramref name="account"/> in <paramref name="storedCurrency"/> when <paramref name="askedCurrency"/> was asked.</summary>
    public static SpendingStoreException OtherCurrency(string account, string storedCurrency, string askedCurrency) =>
        new("The store keeps the spending of '" + account + "' in " + storedCurrency + ", not in " + askedCurrency + ".");
}
