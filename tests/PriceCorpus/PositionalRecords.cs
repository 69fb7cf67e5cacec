// Positional records and constructor calls whose parameters say the unit.
using System.Collections.Generic;

namespace Corpus.Records;

public sealed record ModelPrice(string Id, decimal InPerMillion, decimal OutPerMillion);

public sealed record CachedModelPrice(string Id, decimal InputPerMTok, decimal CachedInputPerMTok, decimal OutputPerMTok);

public static class PriceBook
{
    public static readonly List<ModelPrice> Entries = new()
    {
        new("gpt-4o", 5.0m /*! PRICE005 gpt-4o */, 15.0m /*! PRICE005 gpt-4o */),
        new("gpt-4o-mini", 0.15m /*! PRICE001 gpt-4o-mini */, 0.6m /*! PRICE001 gpt-4o-mini */),
        new("gemini-2.5-pro", 1.25m /*! PRICE001 gemini-2.5-pro */, 10m /*! PRICE001 gemini-2.5-pro */),
        new("claude-opus-4-5", 15m /*! PRICE005 claude-opus-4-5 */, 75m /*! PRICE005 claude-opus-4-5 */),
    };

    public static readonly CachedModelPrice Gpt41 = new("gpt-4.1", 2m /*! PRICE001 gpt-4.1 */, 0.5m /*! PRICE001 gpt-4.1 */, 8m /*! PRICE001 gpt-4.1 */);

    public static ModelPrice Custom(string id) => new(id, 1m /*! none */, 2m /*! none */);
}
