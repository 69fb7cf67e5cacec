// Numbers that equal some catalog rate but are not prices: fees, budgets, sampling settings, timings, versions.
using System;
using System.Collections.Generic;

namespace Corpus.NotPrices;

public sealed class ExchangeSettings
{
    public decimal TakerFee { get; set; } = 0.002m /*! none */;
    public decimal MakerFee { get; set; } = 0.001m /*! none */;
    public decimal WithdrawalCommission = 0.0005m /*! none */;
    public decimal ExchangeRate = 1.5m /*! none */;
    public decimal VatRate = 0.2m /*! none */;
}

public sealed class TenantQuota
{
    // Per-user spending cap in dollars; not a model price.
    public double UserCostLimit = 0.25 /*! none */;
    public decimal MonthlyBudget = 10.00m /*! none */;
    public decimal CostThreshold = 0.5m /*! none */;
}

public sealed class SamplingOptions
{
    public float Temperature { get; set; } = 0.6f /*! none */;
    public float TopP { get; set; } = 0.15f /*! none */;
    public float FrequencyPenalty { get; set; } = 0.5f /*! none */;
    public double ChunkOverlapRatio = 0.125 /*! none */;
    public double Opacity = 0.02 /*! none */;
}

public static class Timing
{
    public static readonly TimeSpan Backoff = TimeSpan.FromSeconds(2.5 /*! none */);
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(0.006 /*! none */);
    public const double ApiVersion = 1.25 /*! none */;
    public static double Progress(int done, int total) => Math.Round(done / (double)total, 2) * 0.6 /*! none */;
    public static bool IsSmall(double ratio) => ratio < 0.02 /*! none */;
    public static double Clamp(double x) => Math.Max(x, 0.15 /*! none */);
}

public static class Similarity
{
    public static readonly Dictionary<string, double> Thresholds = new()
    {
        ["text-embedding-3-small"] = 0.02 /*! none */,
        ["text-embedding-3-large"] = 0.13 /*! none */,
    };

    public static readonly Dictionary<string, double> DefaultTemperatures = new()
    {
        { "gpt-4o", 1.25 /*! none */ },
        { "gpt-4o-mini", 0.6 /*! none */ },
    };
}
