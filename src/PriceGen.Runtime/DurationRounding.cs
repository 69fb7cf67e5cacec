namespace PriceGen;

/// <summary>How a <see cref="DurationRate"/> rounds a duration before pricing it.</summary>
public enum DurationRounding
{
    /// <summary>The duration is priced exactly, to the tick.</summary>
    Exact,

    /// <summary>Rounded to the nearest whole second, halves away from zero (90.5 s is billed as 91 s).</summary>
    NearestSecond,

    /// <summary>Rounded up to the next whole second (90.1 s is billed as 91 s).</summary>
    UpToSecond,
}
