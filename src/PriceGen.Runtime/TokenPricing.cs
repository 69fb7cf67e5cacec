using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace PriceGen;

/// <summary>
/// Everything that prices one request to a token-priced model: input, output, cached-input and cache-write rates,
/// long-context tiers and batch prices. A model with a single <c>usage</c> rate prices input and output alike.
/// </summary>
public sealed class TokenPricing
{
    private readonly PricingTier[] _tiers;

    /// <summary>Creates the token pricing of a model; <paramref name="tiers"/> may come in any order.</summary>
    public TokenPricing(TokenRate input, TokenRate? output = null, TokenRate? cachedInput = null, TokenRate? cacheWrite = null, IEnumerable<PricingTier>? tiers = null, BatchPricing? batch = null)
    {
        Input = input ?? throw new ArgumentNullException(nameof(input));
        Output = output;
        CachedInput = cachedInput;
        CacheWrite = cacheWrite;
        _tiers = (tiers ?? Enumerable.Empty<PricingTier>()).OrderBy(t => t.AboveInputTokens).ToArray();
        Tiers = new ReadOnlyCollection<PricingTier>(_tiers);
        Batch = batch;
    }

    /// <summary>The rate of prompt tokens (for a <c>usage</c>-priced model, of every token).</summary>
    public TokenRate Input { get; }

    /// <summary>The rate of generated tokens; <see langword="null"/> when output is priced as input.</summary>
    public TokenRate? Output { get; }

    /// <summary>The rate of prompt tokens read from the provider's cache; <see langword="null"/> when priced as input.</summary>
    public TokenRate? CachedInput { get; }

    /// <summary>The rate of prompt tokens written to the provider's cache; <see langword="null"/> when priced as input.</summary>
    public TokenRate? CacheWrite { get; }

    /// <summary>Long-context tiers, lowest threshold first.</summary>
    public IReadOnlyList<PricingTier> Tiers { get; }

    /// <summary>Batch prices, or <see langword="null"/> when the model has none.</summary>
    public BatchPricing? Batch { get; }

    /// <summary>
    /// The exact cost of one request. <paramref name="inputTokens"/> counts every prompt token, including the
    /// <paramref name="cachedInputTokens"/> read from cache and the <paramref name="cacheWriteTokens"/> written to it;
    /// those are billed at their own rates and the rest at the input rate. The tier is chosen by
    /// <paramref name="inputTokens"/>: strictly more than a tier's threshold prices the whole request at that tier, the
    /// highest such tier winning.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or the cached and cache-write tokens exceed the input tokens.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="batch"/> is set and the model has no batch prices.</exception>
    public decimal Cost(long inputTokens, long outputTokens, long cachedInputTokens = 0, bool batch = false, long cacheWriteTokens = 0)
    {
        ThrowIfNegative(inputTokens, nameof(inputTokens));
        ThrowIfNegative(outputTokens, nameof(outputTokens));
        ThrowIfNegative(cachedInputTokens, nameof(cachedInputTokens));
        ThrowIfNegative(cacheWriteTokens, nameof(cacheWriteTokens));
        if (cachedInputTokens + cacheWriteTokens > inputTokens)
        {
            throw new ArgumentOutOfRangeException(nameof(cachedInputTokens), cachedInputTokens, "Cached and cache-write tokens are part of the input tokens and cannot exceed them.");
        }

        var tier = TierFor(inputTokens);
        var input = tier?.Input ?? Input;
        var output = tier?.Output ?? Output ?? input;
        var cached = tier?.CachedInput ?? CachedInput ?? input;
        var cacheWrite = tier?.CacheWrite ?? CacheWrite ?? input;
        decimal? discount = null;
        if (batch)
        {
            var prices = Batch ?? throw new InvalidOperationException("This model has no batch prices.");
            if (prices.Discount is { } fraction)
            {
                discount = fraction;
            }
            else
            {
                input = prices.Input ?? input;
                output = prices.Output ?? output;
                cached = prices.CachedInput ?? cached;
            }
        }

        var uncached = inputTokens - cachedInputTokens - cacheWriteTokens;
        var cost = input.Cost(uncached) + cached.Cost(cachedInputTokens) + cacheWrite.Cost(cacheWriteTokens) + output.Cost(outputTokens);
        return discount is { } off ? cost * (1m - off) : cost;
    }

    /// <summary>The tier a prompt of <paramref name="inputTokens"/> tokens falls in, or <see langword="null"/> for the base rates.</summary>
    public PricingTier? TierFor(long inputTokens)
    {
        for (var i = _tiers.Length - 1; i >= 0; i--)
        {
            if (inputTokens > _tiers[i].AboveInputTokens)
            {
                return _tiers[i];
            }
        }

        return null;
    }

    private static void ThrowIfNegative(long value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "A quantity to price cannot be negative.");
        }
    }
}
