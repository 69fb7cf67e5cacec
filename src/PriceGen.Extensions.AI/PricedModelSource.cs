namespace PriceGen.Extensions.AI;

/// <summary>Which id named the model a <see cref="CostRecord"/> was priced as.</summary>
public enum PricedModelSource
{
    /// <summary>The response's model id, resolved by the catalog (exactly, or as an alias or snapshot).</summary>
    ResponseModel,

    /// <summary>The response named no model: the requested one (options, else the client's default) was priced.</summary>
    RequestedModel,

    /// <summary>
    /// The response's id is the requested id plus a date (<c>gpt-4o-2024-08-06</c> for <c>gpt-4o</c>), which the
    /// catalog does not list: the requested model was priced, as the snapshot the provider answered with.
    /// </summary>
    DatedSnapshotOfRequest,

    /// <summary>
    /// The response's model could not be priced but the request's could, and a spending limit is configured: charged
    /// at the requested model's price, so the limit still sees the spending (see <see cref="CostRecord.ResponseModelId"/>).
    /// </summary>
    RequestedModelFallback,
}
