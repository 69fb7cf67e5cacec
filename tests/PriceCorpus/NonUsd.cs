// Prices a reseller bills in euros: a table in another currency is not the catalog's USD price.
using System.Collections.Generic;

namespace Corpus.Billing;

/// <summary>Resale prices in EUR per 1M tokens, VAT excluded.</summary>
public static class ResalePrices
{
    public static readonly Dictionary<string, decimal> InputPerMillion = new()
    {
        ["gpt-4o"] = 2.30m /*! none */,
        ["gpt-4o-mini"] = 0.15m /*! none */,
    };
}

public static class PricesInYen
{
    public static readonly Dictionary<string, decimal> OutputPerMillionJpy = new()
    {
        ["gpt-4o"] = 1500m /*! none */,
        ["gpt-4.1"] = 8m /*! none */,
    };
}
