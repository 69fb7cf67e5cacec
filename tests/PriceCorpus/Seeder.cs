// A database seeder for a cost-tracking table, prices per token.
using System.Collections.Generic;

namespace Corpus.Seeding;

public sealed class ModelPriceEntity
{
    public string ModelId { get; set; } = "";
    public decimal InputCostPerToken { get; set; }
    public decimal OutputCostPerToken { get; set; }
    public decimal CachedInputCostPerToken { get; set; }
    public int SortOrder { get; set; }
}

public static class PriceSeeder
{
    public static IEnumerable<ModelPriceEntity> Rows() => new[]
    {
        new ModelPriceEntity { ModelId = "gpt-4o-mini", InputCostPerToken = 0.00000015m /*! PRICE001 gpt-4o-mini */, OutputCostPerToken = 0.0000006m /*! PRICE001 gpt-4o-mini */, CachedInputCostPerToken = 0.000000075m /*! PRICE001 gpt-4o-mini */, SortOrder = 1 },
        new ModelPriceEntity { ModelId = "gpt-3.5-turbo", InputCostPerToken = 0.0000005m /*! PRICE001 gpt-3.5-turbo */, OutputCostPerToken = 0.000002m /*! PRICE005 gpt-3.5-turbo */, SortOrder = 2 },
        new ModelPriceEntity { ModelId = "text-embedding-3-small", InputCostPerToken = 0.0000001m /*! PRICE005 text-embedding-3-small */, SortOrder = 3 },
        new ModelPriceEntity { ModelId = "gemini-2.5-flash", InputCostPerToken = 0.0000003m /*! PRICE001 gemini-2.5-flash */, OutputCostPerToken = 0.0000025m /*! PRICE001 gemini-2.5-flash */, SortOrder = 4 },
    };
}

public static class DictionarySeeder
{
    public static readonly Dictionary<string, (decimal Input, decimal Output)> PricePerMillion = new()
    {
        { "gpt-4o", (2.50m /*! PRICE001 gpt-4o */, 10.00m /*! PRICE001 gpt-4o */) },
        { "gpt-5-mini", (0.25m /*! PRICE001 gpt-5-mini */, 2.00m /*! PRICE001 gpt-5-mini */) },
    };

    public static readonly Dictionary<string, (decimal Input, decimal Output)> PricesPer1M = new()
    {
        ["gpt-4.1"] = (2.00m /*! PRICE001 gpt-4.1 */, 8.00m /*! PRICE001 gpt-4.1 */),
        ["gemini-1.5-pro"] = (3.50m /*! PRICE001 gemini-1.5-pro */, 10.50m /*! PRICE001 gemini-1.5-pro */),
    };

    public static readonly Dictionary<string, decimal> ImagePrices = new()
    {
        ["512x512"] = 0.018m /*! PRICE001 dall-e-2 */,
        ["1024x1024"] = 0.020m /*! PRICE001 dall-e-2 */,
    };
}
