namespace PriceGen.Extensions.AI;

/// <summary>
/// Where cost tracking writes what every call cost, and which calls it could not price. Called from concurrent
/// requests, so implementations must be thread-safe; <see cref="InMemoryCostLedger"/> is one.
/// </summary>
public interface ICostLedger
{
    /// <summary>Records a priced call.</summary>
    void Record(CostRecord record);

    /// <summary>Records a call whose cost is unknown (unknown model id, no usage, …).</summary>
    void RecordUnpriced(UnpricedUsage usage);
}
