namespace PriceGen;

/// <summary>A per-token rate, such as "$0.002 / 1K tokens".</summary>
public class TokenRate : Rate
{
    /// <summary>Creates a rate of <paramref name="price"/> per <paramref name="quantity"/> tokens.</summary>
    public TokenRate(string role, decimal price, long quantity, string currency)
        : base(role, price, quantity, RateUnit.Token, currency)
    {
    }

    /// <summary>The price of a single token (0.000002 for $0.002 / 1K tokens).</summary>
    public decimal PricePerToken => PricePerUnit;

    /// <summary>The exact cost of <paramref name="tokens"/> tokens.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="tokens"/> is negative.</exception>
    public decimal Cost(long tokens)
    {
        ThrowIfNegative(tokens, nameof(tokens));
        return CostOf(tokens);
    }
}
