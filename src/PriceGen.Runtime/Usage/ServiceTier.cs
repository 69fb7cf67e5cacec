namespace PriceGen;

/// <summary>The service tier a request was processed in, which chooses the rates it is billed at.</summary>
public enum ServiceTier
{
    /// <summary>The regular rates.</summary>
    Standard,

    /// <summary>Asynchronous batch processing (the catalog's <c>batch</c>).</summary>
    Batch,

    /// <summary>Priority processing, at a premium (the catalog's <c>priority</c>).</summary>
    Priority,

    /// <summary>Flex processing: slower, cheaper (the catalog's <c>flex</c>).</summary>
    Flex,
}

/// <summary>How much search context a web search call retrieved; providers price the sizes apart.</summary>
public enum SearchContextSize
{
    /// <summary>The provider's default.</summary>
    Medium,

    /// <summary>Less context, a lower price.</summary>
    Low,

    /// <summary>More context, a higher price.</summary>
    High,
}
