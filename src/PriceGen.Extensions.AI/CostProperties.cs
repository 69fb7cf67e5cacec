using Microsoft.Extensions.AI;

namespace PriceGen.Extensions.AI;

/// <summary>
/// The <c>AdditionalProperties</c> keys under which cost tracking writes the cost of a response, a streamed update
/// or generated embeddings.
/// </summary>
public static class CostProperties
{
    /// <summary>The exact cost, a <see cref="decimal"/>.</summary>
    public const string Cost = "pricegen.cost";

    /// <summary>ISO 4217 code of the cost, a <see cref="string"/>.</summary>
    public const string Currency = "pricegen.currency";

    /// <summary>Reads the cost that cost tracking wrote into <paramref name="properties"/>.</summary>
    /// <returns>Whether a cost was written (it is not for an unpriced call).</returns>
    public static bool TryGetCost(AdditionalPropertiesDictionary? properties, out decimal cost, out string currency)
    {
        if (properties is not null &&
            properties.TryGetValue(Cost, out var costValue) && costValue is decimal amount &&
            properties.TryGetValue(Currency, out var currencyValue) && currencyValue is string code)
        {
            cost = amount;
            currency = code;
            return true;
        }

        cost = 0m;
        currency = string.Empty;
        return false;
    }

    // Overwrites rather than adds: a response that passed through an inner cost-tracking client keeps one cost.
    internal static AdditionalPropertiesDictionary Write(AdditionalPropertiesDictionary? properties, decimal cost, string currency)
    {
        properties ??= new AdditionalPropertiesDictionary();
        properties[Cost] = cost;
        properties[Currency] = currency;
        return properties;
    }
}
