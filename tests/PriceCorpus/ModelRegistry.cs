// A model registry in the shape chat front-ends keep: one entry per model, prices per 1K tokens.
using System.Collections.Generic;

namespace Corpus.Registry;

public sealed class ModelInfo
{
    public string ModelString { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public decimal InputPricePer1kTokens { get; init; }
    public decimal OutputPricePer1kTokens { get; init; }
    public int ContextLength { get; init; }
    public double DefaultTemperature { get; init; }
}

public static class KnownModels
{
    public static readonly IReadOnlyList<ModelInfo> All = new List<ModelInfo>
    {
        new() { ModelString = "gpt-4o", DisplayName = "GPT-4o", InputPricePer1kTokens = 0.0025m /*! PRICE001 gpt-4o */, OutputPricePer1kTokens = 0.01m /*! PRICE001 gpt-4o */, ContextLength = 128000, DefaultTemperature = 0.7 },
        new() { ModelString = "gpt-4o-mini", DisplayName = "GPT-4o mini", InputPricePer1kTokens = 0.0003m /*! PRICE005 gpt-4o-mini */, OutputPricePer1kTokens = 0.0006m /*! PRICE001 gpt-4o-mini */, ContextLength = 128000, DefaultTemperature = 0.7 },
        // gpt-4 is not in the bundled catalogs: 0.03 equals davinci's training rate there, which says nothing.
        new() { ModelString = "gpt-4", DisplayName = "GPT-4", InputPricePer1kTokens = 0.03m /*! none; large: PRICE001 gpt-4 */, OutputPricePer1kTokens = 0.06m /*! none; large: PRICE001 gpt-4 */, ContextLength = 8192, DefaultTemperature = 0.5 },
        new() { ModelString = "gpt-3.5-turbo", DisplayName = "GPT-3.5 Turbo", InputPricePer1kTokens = 0.002m /*! PRICE005 gpt-3.5-turbo */, OutputPricePer1kTokens = 0.002m /*! PRICE005 gpt-3.5-turbo */, ContextLength = 4096, DefaultTemperature = 1.0 },
        new() { ModelString = "gemini-2.5-flash", DisplayName = "Gemini 2.5 Flash", InputPricePer1kTokens = 0.0003m /*! PRICE001 gemini-2.5-flash */, OutputPricePer1kTokens = 0.0025m /*! PRICE001 gemini-2.5-flash */, ContextLength = 1048576, DefaultTemperature = 1.0 },
    };
}
