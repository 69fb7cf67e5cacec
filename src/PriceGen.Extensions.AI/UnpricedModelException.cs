using System;

namespace PriceGen.Extensions.AI;

/// <summary>
/// A request was refused before it was sent: a spending limit is configured, and the catalog cannot price the model
/// the request names, so its cost could not be charged. Set <see cref="CostTrackingOptions.AllowUnpricedModels"/> to
/// send such requests unpriced.
/// </summary>
public sealed class UnpricedModelException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="modelId"/>.</summary>
    public UnpricedModelException(string? modelId, UnpricedReason reason, string catalogProviders)
        : base(MessageFor(modelId, reason, catalogProviders))
    {
        ModelId = modelId;
        Reason = reason;
    }

    /// <summary>The model id the request named, or <see langword="null"/> when it named none.</summary>
    public string? ModelId { get; }

    /// <summary>Why the model cannot be priced: <see cref="UnpricedReason.NoModelId"/>, <see cref="UnpricedReason.UnknownModel"/> or <see cref="UnpricedReason.NotPricedPerToken"/>.</summary>
    public UnpricedReason Reason { get; }

    private static string MessageFor(string? modelId, UnpricedReason reason, string catalogProviders)
    {
        var what = reason switch
        {
            UnpricedReason.NoModelId => "A request that names no model (neither the options' ModelId nor the client's default model)",
            UnpricedReason.NotPricedPerToken => "The request for '" + modelId + "', which the " + catalogProviders + " price catalog does not price per token,",
            _ => "The request for '" + modelId + "', a model that the " + catalogProviders + " price catalog does not list (as id, alias or snapshot),",
        };
        return what + " was not sent: a spending limit is configured and the cost of this request could not be charged to it. " +
            "Add the model to a catalog, or set CostTrackingOptions.AllowUnpricedModels to send requests that cannot be priced.";
    }
}
