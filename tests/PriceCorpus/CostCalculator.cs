// Arithmetic cost helpers with the scale written beside the number.
using System;

namespace Corpus.Costs;

public readonly record struct TokenUsage(int InputTokens, int OutputTokens, int CachedTokens);

public static class CostCalculator
{
    public static decimal Gpt4oCost(TokenUsage usage) =>
        usage.InputTokens * 2.50m /*! PRICE001 gpt-4o */ / 1_000_000m + usage.OutputTokens * 10m /*! PRICE001 gpt-4o */ / 1_000_000m;

    public static decimal Gpt41Cost(TokenUsage usage) =>
        usage.InputTokens / 1000m * 0.002m /*! PRICE001 gpt-4.1 */ + usage.OutputTokens / 1000m * 0.008m /*! PRICE001 gpt-4.1 */;

    public static double InputCost(int promptTokens) => promptTokens * ((double)2 /*! PRICE001 */ / 1000000);

    public static decimal OutputCost(int completionTokens) => completionTokens * (10 /*! PRICE001 */ / 1_000_000m);

    public static decimal FlashCost(int tokens) => tokens * (0.30m /*! PRICE001 gemini-2.5-flash */ / 1E6m);

    public static decimal TranscriptionCost(TimeSpan audio) => (decimal)audio.TotalSeconds / 60.0m /*! none */ * 0.006m /*! PRICE001 whisper-1 */;

    public static decimal DavinciPerToken(int tokens) => tokens * 0.00002m /*! PRICE001 text-davinci-003 */;

    // A number that scales another price is not a price itself.
    public static decimal Discounted(decimal price) => price * 0.5m /*! none */;

    public static decimal PerThousand(decimal costPerToken) => costPerToken * 1000m /*! none */;

    public static decimal BatchInput(string model) => GetInputCost(model) * 0.5m /*! none */;

    public static decimal CachedShare(string model) => GetInputCost(model) * 0.1m /*! none */;

    public static decimal FromMillion(decimal pricePerMillion) => pricePerMillion * 0.000001m /*! none */;

    public static double Words(int tokens) => tokens * 0.75 /*! none */;

    public static double TokensFromWords(int words) => words / 0.75 /*! none */;

    public static double Minutes(double seconds) => seconds / 60.0 /*! none */;

    private static decimal GetInputCost(string model) => model.Length;
}
