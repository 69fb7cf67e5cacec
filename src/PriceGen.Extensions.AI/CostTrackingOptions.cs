using System;
using System.Collections.Generic;

namespace PriceGen.Extensions.AI;

/// <summary>
/// How a cost-tracking middleware records and limits spending, for
/// <see cref="CostTrackingBuilderExtensions.UseCostTracking(Microsoft.Extensions.AI.ChatClientBuilder, ModelCatalog, CostTrackingOptions)"/>.
/// </summary>
public sealed class CostTrackingOptions
{
    /// <summary>
    /// The spending limit to charge and to check before each request; when <see langword="null"/>, one registered in
    /// the pipeline's services, else none.
    /// </summary>
    public MonthlySpendingLimit? Limit { get; set; }

    /// <summary>
    /// Where costs are recorded; when <see langword="null"/>, one registered in the services, else a new
    /// <see cref="InMemoryCostLedger"/>.
    /// </summary>
    public ICostLedger? Ledger { get; set; }

    /// <summary>The clock that stamps ledger entries; when <see langword="null"/>, one registered in the services, else the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// With a spending limit, whether a request for a model the catalog cannot price is sent anyway (and reported as
    /// unpriced, not charged). <see langword="false"/> by default: a limit fails closed, refusing such a request
    /// with <see cref="UnpricedModelException"/> before anything is sent. Without a limit, requests are never refused
    /// for their model.
    /// </summary>
    public bool AllowUnpricedModels { get; set; }

    /// <summary>
    /// Readers of provider responses to use besides those found by reference (see <see cref="ProviderUsageReader"/>);
    /// the first that can read a response reads it.
    /// </summary>
    public IList<ProviderUsageReader> UsageReaders { get; } = new List<ProviderUsageReader>();
}
