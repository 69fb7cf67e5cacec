using System;

namespace PriceGen;

/// <summary>
/// Prices of asynchronous batch requests: either a <see cref="Discount"/> off the regular (tiered) cost, or explicit
/// rates that replace the regular ones (a rate left out falls back to the regular rate).
/// </summary>
public sealed class BatchPricing
{
    private BatchPricing(decimal? discount, TokenRate? input, TokenRate? output, TokenRate? cachedInput)
    {
        Discount = discount;
        Input = input;
        Output = output;
        CachedInput = cachedInput;
    }

    /// <summary>The fraction taken off the regular cost (0.5 for "batch: 50%"), or <see langword="null"/> for explicit rates.</summary>
    public decimal? Discount { get; }

    /// <summary>The explicit batch input rate, if any.</summary>
    public TokenRate? Input { get; }

    /// <summary>The explicit batch output rate, if any.</summary>
    public TokenRate? Output { get; }

    /// <summary>The explicit batch cached-input rate, if any.</summary>
    public TokenRate? CachedInput { get; }

    /// <summary>A batch price of <paramref name="percent"/>% off the regular cost.</summary>
    public static BatchPricing PercentOff(decimal percent)
    {
        if (percent is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A discount is between 0% and 100%.");
        }

        return new BatchPricing(percent / 100m, null, null, null);
    }

    /// <summary>Explicit batch rates.</summary>
    public static BatchPricing Rates(TokenRate? input, TokenRate? output = null, TokenRate? cachedInput = null) =>
        new(null, input, output, cachedInput);
}
