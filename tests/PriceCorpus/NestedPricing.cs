// Per-model classes: the id as a constant, the prices in a nested class, or prices named after the model.
namespace Corpus.Models;

public static class Gpt4oModel
{
    public const string Id = "gpt-4o";

    public static class Pricing
    {
        public const double In = 2.50 /*! PRICE001 gpt-4o */;
        public const double Out = 10.00 /*! PRICE001 gpt-4o */;
        public const double CachedIn = 1.25 /*! PRICE001 gpt-4o */;
    }
}

public static class Gpt52Model
{
    public const string Id = "gpt-5.2";

    public static class Pricing
    {
        // Still the preview prices.
        public const decimal In = 2.00m /*! PRICE005 gpt-5.2 */;
        public const decimal Out = 14.00m /*! PRICE001 gpt-5.2 */;
    }
}

public static class TokenPrices
{
    public const decimal Gpt4oPrompt = 2.50m /*! PRICE001 gpt-4o */;
    public const decimal Gpt4oCompletion = 10m /*! PRICE001 gpt-4o */;
    public const decimal Gpt4oMiniPrompt = 0.15m /*! PRICE001 gpt-4o-mini */;
    public const decimal Gemini25ProInput = 1.25m /*! PRICE001 gemini-2.5-pro */;
    public const decimal Gemini25FlashOutput = 3.50m /*! PRICE005 gemini-2.5-flash */;
    public const decimal TextEmbedding3SmallPerToken = 0.00000002m /*! PRICE001 text-embedding-3-small */;
}

public static class GPT4oMini
{
    public const decimal InputCostPerToken = 0.00000015m /*! PRICE001 gpt-4o-mini */;
    public const decimal OutputCostPerToken = 0.0000006m /*! PRICE001 gpt-4o-mini */;
    public const int MaxOutputTokens = 16384 /*! none */;
}
