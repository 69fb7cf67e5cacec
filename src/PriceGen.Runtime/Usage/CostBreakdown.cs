using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace PriceGen;

/// <summary>One billed dimension of a request: how much of it, at which rate, for what amount.</summary>
public sealed class CostLine
{
    internal CostLine(string dimension, decimal quantity, Rate rate, decimal factor, decimal amount)
    {
        Dimension = dimension;
        Quantity = quantity;
        Rate = rate;
        Factor = factor;
        Amount = amount;
    }

    /// <summary>What was billed: one of <see cref="PriceDimensions"/>, such as <c>cache-write-1h</c> or <c>web-search/medium</c>.</summary>
    public string Dimension { get; }

    /// <summary>How many of the rate's unit (tokens, seconds, calls, sessions).</summary>
    public decimal Quantity { get; }

    /// <summary>The rate the quantity was billed at (the tier's or the service tier's when one applies).</summary>
    public Rate Rate { get; }

    /// <summary>The service tier's multiplier of the line (0.5 for <c>batch: 50%</c>), 1 when none applies.</summary>
    public decimal Factor { get; }

    /// <summary>The exact amount of the line, in the rate's currency.</summary>
    public decimal Amount { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        Dimension + ": " + Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture) + " × " + Rate +
        (Factor == 1m ? string.Empty : " × " + Factor.ToString(System.Globalization.CultureInfo.InvariantCulture)) +
        " = " + RateText.FormatAmount(Amount, Rate.Currency);
}

/// <summary>Where the money of one request went: a line per billed dimension, and their exact total.</summary>
public sealed class CostBreakdown
{
    internal CostBreakdown(IList<CostLine> lines, PricingTier? contextTier, ServiceTier serviceTier, string currency)
    {
        Lines = new ReadOnlyCollection<CostLine>(lines);
        ContextTier = contextTier;
        ServiceTier = serviceTier;
        Currency = currency;
        Total = lines.Sum(l => l.Amount);
    }

    /// <summary>The billed dimensions, inputs first, then outputs, then fees; dimensions of zero quantity are left out.</summary>
    public IReadOnlyList<CostLine> Lines { get; }

    /// <summary>The sum of the lines.</summary>
    public decimal Total { get; }

    /// <summary>The long-context tier the prompt fell in, or <see langword="null"/> for the base rates.</summary>
    public PricingTier? ContextTier { get; }

    /// <summary>The service tier whose prices applied.</summary>
    public ServiceTier ServiceTier { get; }

    /// <summary>ISO 4217 code of every amount.</summary>
    public string Currency { get; }

    /// <summary>The line of <paramref name="dimension"/>, or <see langword="null"/> when that dimension was not billed.</summary>
    public CostLine? this[string dimension] => Lines.FirstOrDefault(l => string.Equals(l.Dimension, dimension, StringComparison.Ordinal));

    /// <inheritdoc/>
    public override string ToString() => string.Join(Environment.NewLine, Lines.Select(l => l.ToString()).Append("total: " + RateText.FormatAmount(Total, Currency)));
}

/// <summary>A usage names a dimension the model has no price for: pricing it as zero would hide spending.</summary>
public sealed class UnpricedDimensionException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="dimension"/> of <paramref name="model"/>.</summary>
    public UnpricedDimensionException(string model, string dimension, string detail)
        : base(model + " has no '" + dimension + "' price, but the usage has " + detail + ".", "usage")
    {
        Model = model;
        Dimension = dimension;
    }

    /// <summary>The model, as <c>provider id</c> (or the id alone for hand-built pricing).</summary>
    public string Model { get; }

    /// <summary>The dimension the model does not price, one of <see cref="PriceDimensions"/>.</summary>
    public string Dimension { get; }
}
