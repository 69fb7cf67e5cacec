using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace PriceGen;

/// <summary>One model of a price catalog with all its rates, as generated from a <c>*.prices.yaml</c> entry.</summary>
public sealed class ModelPrice
{
    private readonly Rate[] _rates;

    /// <summary>Creates a model entry. Generated code calls this once per model, on first use of that model.</summary>
    public ModelPrice(string id, string name, ModelKind kind, string provider, string currency, string? description, params Rate[] rates)
        : this(id, name, kind, provider, currency, description, null, null, rates)
    {
    }

    /// <summary>
    /// Creates a model entry from its rates and, by name, whatever else the catalog says of it: generated code calls
    /// this once per model, on first use of that model, with only the arguments its entry needs. A model also answers
    /// to its <paramref name="aliases"/>, the <paramref name="snapshots"/> it lists and, with
    /// <paramref name="hasDatedSnapshots"/>, its id plus a date (see <see cref="DatedSnapshot"/>). Generated models pass
    /// their catalog's <paramref name="effective"/> date, which lets <see cref="ModelCatalog"/> keep a price history.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="effective"/> has a time of day.</exception>
    public ModelPrice(
        string id, string name, ModelKind kind, string provider, string currency, Rate[] rates,
        string? description = null, TokenPricing? tokens = null, ModelInfo? info = null,
        IReadOnlyList<string>? aliases = null, IReadOnlyList<string>? snapshots = null, bool hasDatedSnapshots = false,
        DateTime? effective = null)
        : this(id, name, kind, provider, currency, description, tokens, info, rates)
    {
        Aliases = CopyIds(aliases, nameof(aliases));
        Snapshots = CopyIds(snapshots, nameof(snapshots));
        HasDatedSnapshots = hasDatedSnapshots;

        // A catalog's effective: is a calendar date; a time of day would make "in force on that day" ambiguous.
        Effective = effective is { } date && date.TimeOfDay != TimeSpan.Zero
            ? throw new ArgumentException("The effective date of " + provider + " " + id + " is a date, without a time of day: " +
                date.ToString("o", System.Globalization.CultureInfo.InvariantCulture) + ".", nameof(effective))
            : effective;
    }

    /// <summary>
    /// Creates a model entry with its token pricing (input/output, cached, tiers, batch) and details. Without
    /// <paramref name="tokens"/>, the per-token rates (<c>input</c> or <c>usage</c>, <c>output</c>, <c>cached-input</c>,
    /// <c>cache-write</c>) price requests; a model with only <c>usage</c> prices input and output at that rate.
    /// </summary>
    public ModelPrice(string id, string name, ModelKind kind, string provider, string currency, string? description, TokenPricing? tokens, ModelInfo? info, params Rate[] rates)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Kind = kind;
        Provider = provider ?? throw new ArgumentNullException(nameof(provider));
        Currency = currency ?? throw new ArgumentNullException(nameof(currency));
        Description = description;
        _rates = (Rate[])(rates ?? throw new ArgumentNullException(nameof(rates))).Clone();
        Rates = new ReadOnlyCollection<Rate>(_rates);
        Info = info ?? ModelInfo.None;
        Tokens = tokens ?? TokenPricingOf(_rates);
    }

    /// <summary>The model id sent to the provider's API, e.g. <c>gpt-3.5-turbo</c>.</summary>
    public string Id { get; }

    /// <summary>The display name (the catalog's <c>name</c>, else the id).</summary>
    public string Name { get; }

    /// <summary>The catalog section the model is listed in.</summary>
    public ModelKind Kind { get; }

    /// <summary>The catalog's <c>provider</c>.</summary>
    public string Provider { get; }

    /// <summary>ISO 4217 code of every rate of this model.</summary>
    public string Currency { get; }

    /// <summary>The catalog's <c>description</c>, if any.</summary>
    public string? Description { get; }

    /// <summary>Every rate of the model, in catalog order.</summary>
    public IReadOnlyList<Rate> Rates { get; }

    /// <summary>Everything that prices a request in tokens, or <see langword="null"/> for models not priced per token.</summary>
    public TokenPricing? Tokens { get; }

    /// <summary>Limits, tokenizer and lifecycle, as far as the catalog says.</summary>
    public ModelInfo Info { get; }

    /// <summary>Other exact ids of this model (the catalog's <c>aliases</c>), such as Azure's <c>gpt-35-turbo</c>.</summary>
    public IReadOnlyList<string> Aliases { get; } = Array.Empty<string>();

    /// <summary>The snapshot ids the catalog lists for this model (<c>snapshots: [..]</c>).</summary>
    public IReadOnlyList<string> Snapshots { get; } = Array.Empty<string>();

    /// <summary>Whether this id plus a date (<c>gpt-4o-2024-08-06</c>) is this model (<c>snapshots: dated</c>).</summary>
    public bool HasDatedSnapshots { get; }

    /// <summary>
    /// The date this price took effect (the catalog's <c>effective</c>), or <see langword="null"/> for a model built
    /// without one, which <see cref="ModelCatalog"/> treats as in force at any time.
    /// </summary>
    public DateTime? Effective { get; }

    /// <summary>
    /// The exact cost of one request: see <see cref="Breakdown"/> for how cached tokens, tiers and batch apply.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model is not priced per token.</exception>
    public decimal Cost(long inputTokens, long outputTokens, long cachedInputTokens = 0, bool batch = false) =>
        Breakdown(new Usage(inputTokens, outputTokens, cachedInputTokens, serviceTier: batch ? ServiceTier.Batch : ServiceTier.Standard)).Total;

    /// <summary>The exact cost of one request's <paramref name="usage"/>, every dimension at its rate: see <see cref="Breakdown"/>.</summary>
    /// <exception cref="InvalidOperationException">The model is not priced per token, or has no prices for the usage's service tier.</exception>
    /// <exception cref="UnpricedDimensionException">The usage has a dimension this model does not price.</exception>
    public decimal Cost(Usage usage) => Breakdown(usage).Total;

    /// <summary>
    /// Where the money of one request goes: a line per billed dimension (count, rate, amount). The long-context tier is
    /// chosen by <see cref="Usage.InputTokens"/>; the usage's service tier applies its rates or factor. Cache reads and
    /// writes without a rate of their own are priced as input, reasoning as output; any other dimension the usage has
    /// and the model does not price is an error that names it, never a silent zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or the parts of the input (or output) exceed it.</exception>
    /// <exception cref="InvalidOperationException">The model is not priced per token, or has no prices for the usage's service tier.</exception>
    /// <exception cref="UnpricedDimensionException">The usage has a dimension this model does not price.</exception>
    public CostBreakdown Breakdown(Usage usage) =>
        (Tokens ?? throw new InvalidOperationException(Id + " is not priced per token.")).Breakdown(usage, ToString());

    /// <summary>The per-token usage rate, for chat, instruct, fine-tuning and embedding models.</summary>
    public TokenRate? Usage => FindRate("usage") as TokenRate;

    /// <summary>The fine-tuning training rate, for fine-tuning models.</summary>
    public TrainingRate? Training => FindRate("training") as TrainingRate;

    /// <summary>The duration rate, for audio models.</summary>
    public DurationRate? Duration => FindRate("usage") as DurationRate;

    /// <summary>The rate with the given role (<c>usage</c>, <c>training</c>, an image size such as <c>512x512</c>), or <see langword="null"/>.</summary>
    public Rate? FindRate(string role)
    {
        foreach (var rate in _rates)
        {
            if (string.Equals(rate.Role, role, StringComparison.Ordinal))
            {
                return rate;
            }
        }

        return null;
    }

    /// <summary>The image rate for a size such as <c>512x512</c>, or <see langword="null"/>.</summary>
    public ImageRate? FindImageSize(string size) => FindRate(size) as ImageRate;

    /// <inheritdoc/>
    public override string ToString() => Provider + " " + Id;

    /// <summary>The token pricing the rates say alone: every dimension at its rate, for a model with a per-token input (or usage) rate.</summary>
    private static TokenPricing? TokenPricingOf(Rate[] rates) =>
        Array.Exists(rates, r => r is TokenRate && r.Role is PriceDimensions.Input or PriceDimensions.Usage) ? new TokenPricing(rates) : null;

    private static IReadOnlyList<string> CopyIds(IReadOnlyList<string>? ids, string parameter)
    {
        if (ids is null || ids.Count == 0)
        {
            return Array.Empty<string>();
        }

        var copy = new string[ids.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = string.IsNullOrEmpty(ids[i]) ? throw new ArgumentException("A model id cannot be null or empty.", parameter) : ids[i];
        }

        return new ReadOnlyCollection<string>(copy);
    }
}
