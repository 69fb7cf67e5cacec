using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace PriceGen;

/// <summary>
/// Everything that prices one request to a token-priced model: a rate per billed dimension (input, output, cache reads
/// and writes, reasoning, audio, images, video, fees; see <see cref="PriceDimensions"/>), long-context tiers and
/// service tiers (batch, priority, flex). A model with a single <c>usage</c> rate prices input and output alike.
/// </summary>
public sealed class TokenPricing
{
    private readonly RateSet _rates;

    private readonly PricingTier[] _tiers;

    /// <summary>Creates the token pricing of a model; <paramref name="tiers"/> may come in any order.</summary>
    public TokenPricing(TokenRate input, TokenRate? output = null, TokenRate? cachedInput = null, TokenRate? cacheWrite = null, IEnumerable<PricingTier>? tiers = null, BatchPricing? batch = null)
        : this(
            RateSet.Of(
                (PriceDimensions.Input, input ?? throw new ArgumentNullException(nameof(input))),
                (PriceDimensions.Output, output), (PriceDimensions.CachedInput, cachedInput), (PriceDimensions.CacheWrite, cacheWrite)),
            tiers, batch, null, null)
    {
    }

    /// <summary>
    /// Creates the token pricing of a model from its rates, each priced under its <see cref="Rate.Role"/>
    /// (<c>input</c> or <c>usage</c>, <c>output</c>, <c>cache-write-1h</c>, …; rates of other roles, such as
    /// <c>training</c>, are ignored), with its long-context <paramref name="tiers"/> and service tiers.
    /// </summary>
    /// <exception cref="ArgumentException">No per-token <c>input</c> or <c>usage</c> rate, or two rates of one dimension.</exception>
    public TokenPricing(IEnumerable<Rate> rates, IEnumerable<PricingTier>? tiers = null, BatchPricing? batch = null, ServiceTierPricing? priority = null, ServiceTierPricing? flex = null)
        : this(RateSet.Of(rates), tiers, batch, priority, flex)
    {
    }

    private TokenPricing(RateSet rates, IEnumerable<PricingTier>? tiers, BatchPricing? batch, ServiceTierPricing? priority, ServiceTierPricing? flex)
    {
        _rates = rates;
        Input = rates.Find(PriceDimensions.Input) as TokenRate ?? throw new ArgumentException("Token pricing needs a per-token 'input' or 'usage' rate.", nameof(rates));
        _tiers = (tiers ?? Enumerable.Empty<PricingTier>()).OrderBy(t => t.AboveInputTokens).ToArray();
        Tiers = new ReadOnlyCollection<PricingTier>(_tiers);
        Batch = batch;
        Priority = priority;
        Flex = flex;
    }

    /// <summary>The rate of prompt tokens (for a <c>usage</c>-priced model, of every token).</summary>
    public TokenRate Input { get; }

    /// <summary>The rate of generated tokens; <see langword="null"/> when output is priced as input.</summary>
    public TokenRate? Output => RateOf(PriceDimensions.Output) as TokenRate;

    /// <summary>The rate of prompt tokens read from the provider's cache; <see langword="null"/> when priced as input.</summary>
    public TokenRate? CachedInput => RateOf(PriceDimensions.CachedInput) as TokenRate;

    /// <summary>The rate of prompt tokens written to the provider's cache; <see langword="null"/> when priced as input.</summary>
    public TokenRate? CacheWrite => RateOf(PriceDimensions.CacheWrite) as TokenRate;

    /// <summary>Every base rate, one per dimension.</summary>
    public IReadOnlyList<Rate> Rates => _rates.Rates;

    /// <summary>Long-context tiers, lowest threshold first.</summary>
    public IReadOnlyList<PricingTier> Tiers { get; }

    /// <summary>Batch prices, or <see langword="null"/> when the model has none.</summary>
    public BatchPricing? Batch { get; }

    /// <summary>Priority-tier prices, or <see langword="null"/> when the model has none.</summary>
    public ServiceTierPricing? Priority { get; }

    /// <summary>Flex-tier prices, or <see langword="null"/> when the model has none.</summary>
    public ServiceTierPricing? Flex { get; }

    /// <summary>The base rate of <paramref name="dimension"/> (one of <see cref="PriceDimensions"/>), or <see langword="null"/>.</summary>
    public Rate? RateOf(string dimension) => _rates.Find(dimension);

    /// <summary>
    /// The exact cost of one request. <paramref name="inputTokens"/> counts every prompt token, including the
    /// <paramref name="cachedInputTokens"/> read from cache and the <paramref name="cacheWriteTokens"/> written to it;
    /// those are billed at their own rates and the rest at the input rate. The tier is chosen by
    /// <paramref name="inputTokens"/>: strictly more than a tier's threshold prices the whole request at that tier, the
    /// highest such tier winning.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or the cached and cache-write tokens exceed the input tokens.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="batch"/> is set and the model has no batch prices.</exception>
    public decimal Cost(long inputTokens, long outputTokens, long cachedInputTokens = 0, bool batch = false, long cacheWriteTokens = 0) =>
        Breakdown(
            new Usage(inputTokens, outputTokens, cachedInputTokens, cacheWriteTokens, serviceTier: batch ? ServiceTier.Batch : ServiceTier.Standard),
            model: null).Total;

    /// <summary>The exact cost of one request's <paramref name="usage"/>; see <see cref="Breakdown(Usage)"/>.</summary>
    public decimal Cost(Usage usage) => Breakdown(usage, model: null).Total;

    /// <summary>
    /// Prices each dimension of <paramref name="usage"/>: the long-context tier is chosen by
    /// <see cref="Usage.InputTokens"/> (strictly more than a threshold; the highest such tier wins), then the service
    /// tier's rates or factor apply. Cache reads and writes without a rate of their own are priced as input, cached
    /// audio as audio, reasoning as output; any other dimension the usage has and the model does not price throws.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or the parts of the input (or output) exceed it.</exception>
    /// <exception cref="UnpricedDimensionException">The usage has a dimension the model does not price.</exception>
    /// <exception cref="InvalidOperationException">The usage's service tier has no prices for this model.</exception>
    public CostBreakdown Breakdown(Usage usage) => Breakdown(usage, model: null);

    internal CostBreakdown Breakdown(Usage usage, string? model) => new UsagePricing(this, usage ?? throw new ArgumentNullException(nameof(usage)), model ?? "The model").Price();

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
}
