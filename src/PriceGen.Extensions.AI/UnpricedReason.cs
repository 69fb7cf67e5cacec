namespace PriceGen.Extensions.AI;

/// <summary>Why a call's usage could not be priced.</summary>
public enum UnpricedReason
{
    /// <summary>Neither the response, the options nor the client's metadata named a model.</summary>
    NoModelId,

    /// <summary>No catalog resolves the model id, as a model's id, alias or snapshot (<c>snapshots: dated</c> covers <c>gpt-4o-2024-08-06</c>).</summary>
    UnknownModel,

    /// <summary>The catalog lists the model, but not with per-token prices (an image or audio model).</summary>
    NotPricedPerToken,

    /// <summary>The response reported no usage, or no input or output token count.</summary>
    MissingUsage,

    /// <summary>The reported counts contradict each other, such as more cached input tokens than input tokens.</summary>
    InconsistentUsage,

    /// <summary>The usage has a dimension the catalog does not price for the model (audio tokens, 1-hour cache writes, web search, …), or a service tier it has no prices of.</summary>
    UnpricedDimension,
}
