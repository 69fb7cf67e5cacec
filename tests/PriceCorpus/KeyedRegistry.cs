// A usage meter's price table keyed by model id, each entry an object with its own id, the shape token-metering
// libraries ship: the entries beside an entry are other models, and many ids are ones no bundled catalog lists.
using System.Collections.Generic;

namespace Corpus.Metering;

public sealed class ModelRate
{
    public string ModelId { get; init; } = "";
    public string Vendor { get; init; } = "";
    public decimal InputPerMillion { get; init; }
    public decimal OutputPerMillion { get; init; }
    public decimal? CachedInputPerMillion { get; init; }
    public int ContextWindow { get; init; }
}

public static class RateTable
{
    public static readonly Dictionary<string, ModelRate> ByModel = new()
    {
        ["gpt-4o"] = new() { ModelId = "gpt-4o", Vendor = "OpenAI", InputPerMillion = 2.50m /*! PRICE001 gpt-4o */, OutputPerMillion = 10.00m /*! PRICE001 gpt-4o */, ContextWindow = 128000 },
        // Not in the bundled catalogs: its 10.00 is gpt-4o's output rate there, which says nothing about gpt-4-turbo.
        ["gpt-4-turbo"] = new() { ModelId = "gpt-4-turbo", Vendor = "OpenAI", InputPerMillion = 10.00m /*! none; large: PRICE001 gpt-4-turbo */, OutputPerMillion = 30.00m /*! none; large: PRICE001 gpt-4-turbo */, ContextWindow = 128000 },
        ["gpt-4o-mini"] = new() { ModelId = "gpt-4o-mini", Vendor = "OpenAI", InputPerMillion = 0.15m /*! PRICE001 gpt-4o-mini */, OutputPerMillion = 0.60m /*! PRICE001 gpt-4o-mini */, CachedInputPerMillion = 0.075m /*! PRICE001 gpt-4o-mini */, ContextWindow = 128000 },
        // OpenAI's reasoning models have ids without a separator; o3's 2.00 and 8.00 are gpt-4.1's rates, not o3's.
        ["o3"] = new() { ModelId = "o3", Vendor = "OpenAI", InputPerMillion = 2.00m /*! none; large: PRICE001 o3 */, OutputPerMillion = 8.00m /*! none; large: PRICE001 o3 */, ContextWindow = 200000 },
        // A dated id of a model with dated snapshots is that model.
        ["claude-sonnet-4-5-20250929"] = new() { ModelId = "claude-sonnet-4-5-20250929", Vendor = "Anthropic", InputPerMillion = 3.00m /*! PRICE001 claude-sonnet-4-5 */, OutputPerMillion = 15.00m /*! PRICE001 claude-sonnet-4-5 */, ContextWindow = 200000 },
        ["claude-3-5-haiku-20241022"] = new() { ModelId = "claude-3-5-haiku-20241022", Vendor = "Anthropic", InputPerMillion = 0.80m /*! PRICE001 claude-3-5-haiku; large: PRICE001 claude-3-5-haiku-20241022 */, OutputPerMillion = 4.00m /*! PRICE001 claude-3-5-haiku; large: PRICE001 claude-3-5-haiku-20241022 */, ContextWindow = 200000 },
        // Last year's flash price, next to this year's models.
        ["gemini-2.5-flash"] = new() { ModelId = "gemini-2.5-flash", Vendor = "Google", InputPerMillion = 0.15m /*! PRICE005 gemini-2.5-flash */, OutputPerMillion = 0.60m /*! PRICE005 gemini-2.5-flash */, ContextWindow = 1048576 },
        // Ids without a digit, which only the member they sit in says are model ids.
        ["mistral-large"] = new() { ModelId = "mistral-large", Vendor = "Mistral", InputPerMillion = 2.00m /*! none */, OutputPerMillion = 6.00m /*! none */, CachedInputPerMillion = 1.00m /*! none */, ContextWindow = 128000 },
        ["codestral"] = new() { ModelId = "codestral", Vendor = "Mistral", InputPerMillion = 0.30m /*! none */, OutputPerMillion = 0.90m /*! none */, ContextWindow = 256000 },
    };
}

// Per-token constants grouped in a class named for the family: its members' names do not spell a model.
public static class GptTokenRates
{
    public static readonly decimal ChatGbt4oIn = 0.0000025m /*! PRICE001 */;
    public static readonly decimal ChatGbt4oMiniOut = 0.0000006m /*! PRICE001 */;

    // $10 / 1M is also gemini-2.5-pro's output rate: the class's family says which.
    public static readonly decimal ChatGbt4oOut = 0.00001m /*! PRICE001 gpt-4o */;
}

public static class GeminiCost
{
    // gemini-2.5-flash, per 1M tokens.
    public const decimal InPerMillion = 0.30m /*! PRICE001 gemini-2.5-flash */;
    public const decimal OutPerMillion = 2.50m /*! PRICE001 */;
}

// Names that spell a catalog model and then go on: the longer model is another one (listed only by the import).
public static class LongerNamePrices
{
    public const double Gpt41MiniIn = 0.4 /*! none; large: PRICE001 gpt-4.1-mini */ / 1e6;
    public const decimal Gpt35TurboInstructInPer1K = 0.0015m /*! none; large: PRICE001 gpt-3.5-turbo-instruct */;

    // The 05-20 preview of gemini-2.5-flash, priced apart; the catalog's gemini-2.5-flash answers to no dated id.
    public const decimal Gemini25Flash0520InPerMillion = 0.15m /*! none */;
}

// An estimator that picks its rates by vendor in a conditional, the shape assistant back ends use.
public static class VendorEstimate
{
    public static decimal Estimate(string vendor, int inputTokens, int outputTokens)
    {
        decimal inPer1K = vendor == "Gemini" ? 0.000075m /*! none; large: PRICE001 */ : 0.00015m /*! PRICE001 gpt-4o-mini */;
        decimal outPer1K = vendor == "Gemini" ? 0.0003m /*! none; large: PRICE001 */ : 0.0006m /*! PRICE001 gpt-4o-mini */;
        return (inputTokens / 1000m * inPer1K) + (outputTokens / 1000m * outPer1K);
    }
}

// The model is named once, for the tokenizer; the price below is that model's, and no bundled catalog lists it.
public static class TokenizerEstimate
{
    public static double Estimate(string prompt)
    {
        var encoding = Encodings.ForModel("gpt-4");
        var tokens = encoding.Count(prompt);
        return tokens * (0.03 /*! none; large: PRICE001 */ / 1000);
    }
}

public sealed class Encodings
{
    public static Encodings ForModel(string model) => new();

    public int Count(string text) => text.Length / 4;
}

// A seeder that passes its rows to one call, the shape EF Core's HasData takes: the rows beside a row are other models.
public sealed record PriceRow(System.Guid Id, string Vendor, string Model, decimal InputPerMillion, decimal OutputPerMillion);

public static class PriceSeed
{
    public static void Seed(IList<PriceRow> rows) => AddRows(rows,
        new PriceRow(System.Guid.Empty, "anthropic", "claude-3-7-sonnet", 3.00m /*! none */, 15.00m /*! none */),
        new PriceRow(System.Guid.Empty, "anthropic", "claude-sonnet-4", 3.00m /*! PRICE001 claude-sonnet-4 */, 15.00m /*! PRICE001 claude-sonnet-4 */),
        new PriceRow(System.Guid.Empty, "openai", "gpt-5", 1.25m /*! none; large: PRICE001 gpt-5 */, 10.00m /*! none; large: PRICE001 gpt-5 */),
        new PriceRow(System.Guid.Empty, "google", "gemini-2.5-pro", 1.25m /*! PRICE001 gemini-2.5-pro */, 10.00m /*! PRICE001 gemini-2.5-pro */));

    private static void AddRows(IList<PriceRow> rows, params PriceRow[] more)
    {
        foreach (var row in more)
        {
            rows.Add(row);
        }
    }
}

// Positional rows of providers the bundled catalogs do not list, next to one they do: ids without a digit are ids too
// (the LiteLLM import lists deepseek-chat at a later price).
public sealed record ModelPricing(string Model, decimal InPerMillion, decimal OutPerMillion);

public static class PositionalPrices
{
    public static readonly ModelPricing[] All =
    {
        new("gpt-4o-mini", 0.15m /*! PRICE001 gpt-4o-mini */, 0.60m /*! PRICE001 gpt-4o-mini */),
        new("qwen-max", 0.4m /*! none */, 1.2m /*! none */),
        new("deepseek-chat", 0.27m /*! none; large: PRICE005 deepseek-chat */, 1.10m /*! none; large: PRICE005 deepseek-chat */),
    };
}

// A chain that finds the model by a piece of its id and returns its prices per 1M tokens as an array.
public static class ContainsChain
{
    public static double[] PerMillionFor(string model)
    {
        var id = model.ToLowerInvariant();
        if (id.Contains("opus-4-1"))
        {
            return new[] { 15.0 /*! PRICE001 claude-opus-4-1 */, 75.0 /*! PRICE001 claude-opus-4-1 */ };
        }

        if (id.Contains("haiku-3-5"))
        {
            return new[] { 0.8 /*! none */, 4.0 /*! none */ }; // a piece no listed id holds
        }

        return new[] { 3.0, 15.0 };
    }
}

// Rates named only by the family, the shape usage trackers for one provider keep: a family of few listed models.
public readonly record struct FamilyRate(double InputPerMillion, double OutputPerMillion);

public static class ClaudeFamilyRates
{
    // With the LiteLLM import, haiku names more models than a family may attribute to.
    public static readonly FamilyRate Haiku = new(1.0 /*! PRICE001 claude-haiku-4-5; large: none */, 5.0 /*! PRICE001 claude-haiku-4-5; large: none */);

    // Versions no catalog lists: a digit makes the name one model, not the family.
    public static readonly FamilyRate Gpt4Legacy = new(30.0 /*! none; large: PRICE001 */, 60.0 /*! none; large: PRICE001 */);
}

public static class VersionChain
{
    public static (decimal In, decimal Out) PerThousand(string modelVersion)
    {
        // "gpt-4" starts many listed ids and is one itself: no piece of another id.
        if (modelVersion.StartsWith("gpt-4", System.StringComparison.OrdinalIgnoreCase))
        {
            return (0.03m /*! none; large: PRICE001 gpt-4 */, 0.06m /*! none; large: PRICE001 gpt-4 */);
        }

        // The default: gpt-3.5-turbo's 2023 price, which the import's gpt-4 no longer keeps from being matched.
        return (0.0015m /*! none; large: PRICE001 */, 0.002m /*! none; large: PRICE001 */);
    }
}
