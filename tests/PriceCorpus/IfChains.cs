// Prefix matching in an if chain, returning (input, output) per 1M tokens.
namespace Corpus.IfChains;

public static class PriceLookup
{
    public static (decimal Input, decimal Output) PricesFor(string id)
    {
        if (id.StartsWith("gpt-4o-mini")) return (0.15m /*! PRICE001 gpt-4o-mini */, 0.60m /*! PRICE001 gpt-4o-mini */);
        if (id.StartsWith("gpt-4o")) return (2.5m /*! PRICE001 gpt-4o */, 10m /*! PRICE001 gpt-4o */);
        if (id.StartsWith("gpt-4.1")) return (3m /*! PRICE005 gpt-4.1 */, 12m /*! PRICE005 gpt-4.1 */);
        if (id == "gemini-2.5-pro") return (1.25m /*! PRICE001 gemini-2.5-pro */, 10m /*! PRICE001 gemini-2.5-pro */);
        if (id.StartsWith("claude-opus-4-5")) return (5m /*! PRICE001 claude-opus-4-5 */, 25m /*! PRICE001 claude-opus-4-5 */);
        return (0m, 0m);
    }

    public static int ContextWindow(string id)
    {
        if (id.StartsWith("gpt-4o")) return 128 /*! none */;
        return 8 /*! none */;
    }
}
