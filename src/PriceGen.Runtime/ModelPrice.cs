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
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Kind = kind;
        Provider = provider ?? throw new ArgumentNullException(nameof(provider));
        Currency = currency ?? throw new ArgumentNullException(nameof(currency));
        Description = description;
        _rates = (Rate[])(rates ?? throw new ArgumentNullException(nameof(rates))).Clone();
        Rates = new ReadOnlyCollection<Rate>(_rates);
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
}
