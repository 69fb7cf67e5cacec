using System;

namespace PriceGen;

/// <summary>A rate per unit of time, such as Whisper's "$0.006 / minute", rounded as the provider bills.</summary>
public sealed class DurationRate : Rate
{
    private const decimal TicksPerSecond = TimeSpan.TicksPerSecond;

    /// <summary>Creates a rate of <paramref name="price"/> per <paramref name="quantity"/> <paramref name="unit"/>s.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a unit of time.</exception>
    public DurationRate(string role, decimal price, long quantity, RateUnit unit, DurationRounding rounding, string currency)
        : base(role, price, quantity, unit, currency)
    {
        if (unit is not (RateUnit.Second or RateUnit.Minute or RateUnit.Hour))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "A duration rate is per second, minute or hour.");
        }

        Rounding = rounding;
    }

    /// <summary>How a duration is rounded before it is priced.</summary>
    public DurationRounding Rounding { get; }

    /// <summary>The price of one second.</summary>
    public decimal PricePerSecond => PricePerUnit / SecondsPerUnit(Unit);

    /// <summary>The seconds a duration is billed as, after <see cref="Rounding"/>.</summary>
    public decimal BilledSeconds(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A duration to price cannot be negative.");
        }

        return BilledSeconds(duration.Ticks / TicksPerSecond);
    }

    /// <summary>The seconds <paramref name="seconds"/> of audio or video are billed as, after <see cref="Rounding"/>.</summary>
    public decimal BilledSeconds(decimal seconds)
    {
        if (seconds < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A duration to price cannot be negative.");
        }

        return Rounding switch
        {
            DurationRounding.NearestSecond => Math.Round(seconds, 0, MidpointRounding.AwayFromZero),
            DurationRounding.UpToSecond => Math.Ceiling(seconds),
            _ => seconds,
        };
    }

    /// <summary>The exact cost of <paramref name="duration"/>, after <see cref="Rounding"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public decimal Cost(TimeSpan duration) => CostOf(BilledSeconds(duration), SecondsPerUnit(Unit));

    /// <summary>The exact cost of <paramref name="billedSeconds"/>, already rounded as billed.</summary>
    internal decimal CostOfSeconds(decimal billedSeconds) => CostOf(billedSeconds, SecondsPerUnit(Unit));

    private static decimal SecondsPerUnit(RateUnit unit) => unit switch
    {
        RateUnit.Minute => 60m,
        RateUnit.Hour => 3600m,
        _ => 1m,
    };
}
