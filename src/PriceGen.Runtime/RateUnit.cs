namespace PriceGen;

/// <summary>What a rate is charged per.</summary>
public enum RateUnit
{
    /// <summary>Tokens of text sent or received.</summary>
    Token,

    /// <summary>Generated images.</summary>
    Image,

    /// <summary>Seconds of audio.</summary>
    Second,

    /// <summary>Minutes of audio.</summary>
    Minute,

    /// <summary>Hours of audio.</summary>
    Hour,

    /// <summary>Characters of text (speech synthesis, some text models).</summary>
    Character,

    /// <summary>Whole requests (or tool calls, such as web searches), whatever their size.</summary>
    Request,

    /// <summary>Tool sessions, such as a code interpreter container.</summary>
    Session,
}
