using System;

namespace PriceGen;

/// <summary>A fine-tuning training rate: every epoch bills the training file's tokens once more.</summary>
public sealed class TrainingRate : TokenRate
{
    /// <summary>Creates a training rate of <paramref name="price"/> per <paramref name="quantity"/> tokens.</summary>
    public TrainingRate(string role, decimal price, long quantity, string currency)
        : base(role, price, quantity, currency)
    {
    }

    /// <summary>The exact cost of training on <paramref name="trainingTokens"/> tokens for <paramref name="epochs"/> epochs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A quantity is negative.</exception>
    public decimal Cost(long trainingTokens, int epochs)
    {
        ThrowIfNegative(trainingTokens, nameof(trainingTokens));
        ThrowIfNegative(epochs, nameof(epochs));
        return Cost(trainingTokens) * epochs;
    }
}
