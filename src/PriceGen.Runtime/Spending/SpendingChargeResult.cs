namespace PriceGen;

/// <summary>What became of a <see cref="SpendingCharge"/>.</summary>
public readonly struct SpendingChargeResult
{
    private SpendingChargeResult(SpendingChargeOutcome outcome, decimal spent, bool reachedSoftLimit)
    {
        Outcome = outcome;
        Spent = spent;
        ReachedSoftLimit = reachedSoftLimit;
    }

    /// <summary>Whether the amount was added, refused, or had been added before under the same charge id.</summary>
    public SpendingChargeOutcome Outcome { get; }

    /// <summary>The month's total right after the charge (or, when refused, the total that refused it).</summary>
    public decimal Spent { get; }

    /// <summary>Whether this charge is the one of the month that reached the soft limit (at most one per month and account).</summary>
    public bool ReachedSoftLimit { get; }

    /// <summary>Whether the amount is in the total: added now or before.</summary>
    public bool IsCharged => Outcome != SpendingChargeOutcome.Refused;

    /// <summary>The amount was added.</summary>
    public static SpendingChargeResult Charged(decimal spent, bool reachedSoftLimit) => new(SpendingChargeOutcome.Charged, spent, reachedSoftLimit);

    /// <summary>The amount would pass the hard limit; nothing changed.</summary>
    public static SpendingChargeResult Refused(decimal spent) => new(SpendingChargeOutcome.Refused, spent, false);

    /// <summary>The charge id was charged before; nothing was added again.</summary>
    public static SpendingChargeResult AlreadyCharged(decimal spent) => new(SpendingChargeOutcome.AlreadyCharged, spent, false);
}

/// <summary>What became of a charge.</summary>
public enum SpendingChargeOutcome
{
    /// <summary>Added to the month's total.</summary>
    Charged,

    /// <summary>Refused: the total would pass the hard limit.</summary>
    Refused,

    /// <summary>Not added again: a charge with the same id is already in the total.</summary>
    AlreadyCharged,
}
