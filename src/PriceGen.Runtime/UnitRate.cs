namespace PriceGen;

/// <summary>A rate per countable unit that is not a token: characters or requests ("$15 / 1M characters").</summary>
public sealed class UnitRate : Rate
{
    /// <summary>Creates a rate of <paramref name="price"/> per <paramref name="quantity"/> <paramref name="unit"/>s.</summary>
    public UnitRate(string role, decimal price, long quantity, RateUnit unit, string currency)
        : base(role, price, quantity, unit, currency)
    {
    }

    /// <summary>The exact cost of <paramref name="units"/> units.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="units"/> is negative.</exception>
    public decimal Cost(long units)
    {
        ThrowIfNegative(units, nameof(units));
        return CostOf(units);
    }
}
