// A builder that registers costs per model: the model comes from a constant, the price from an object initializer.
using System.Collections.Generic;
using Corpus.Pricing;

namespace Corpus.Registration;

public sealed class UsageCost
{
    public decimal Amount { get; init; }
    public string Kind { get; init; } = "";
}

public static class Models
{
    public const string Gpt4o = "gpt-4o";
    public const string Embedding = "text-embedding-3-large";
}

public sealed class CostRegistry
{
    private readonly Dictionary<string, List<UsageCost>> _costs = new();

    public CostRegistry Register(string model, UsageCost cost)
    {
        if (!_costs.TryGetValue(model, out var list))
        {
            _costs[model] = list = new List<UsageCost>();
        }

        list.Add(cost);
        return this;
    }

    public static CostRegistry Default() => new CostRegistry()
        .Register(Models.Gpt4o, new UsageCost { Amount = 0.0000025m /*! PRICE001 gpt-4o */, Kind = "input" })
        .Register(Models.Gpt4o, new UsageCost { Amount = 0.00001m /*! PRICE001 gpt-4o */, Kind = "output" })
        .Register(OpenAI2026Prices.Chat.Gpt4oMini.Id, new UsageCost { Amount = 0.00000015m /*! PRICE001 gpt-4o-mini */, Kind = "input" })
        .Register(Models.Embedding, new UsageCost { Amount = 0.00000013m /*! PRICE001 text-embedding-3-large */, Kind = "input" });
}
