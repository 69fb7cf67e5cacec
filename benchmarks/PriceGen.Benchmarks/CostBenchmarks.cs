using System;
using BenchmarkDotNet.Attributes;
using PriceGen.Benchmarks.Catalogs;

namespace PriceGen.Benchmarks;

/// <summary>5b. <c>Cost(...)</c> of each rate type: exact decimal arithmetic and nothing allocated.</summary>
[MemoryDiagnoser]
public class CostBenchmarks
{
    private static readonly TimeSpan NinetySeconds = TimeSpan.FromSeconds(90.5);

    [Benchmark(Description = "TokenRate.Cost (usage)")]
    public decimal TokenRate() => Synthetic2000Prices.Instruct.Model00001Instruct.Usage.Cost(1_500);

    [Benchmark(Description = "TokenPricing.Cost (input/output/cached)")]
    public decimal TokenPricing() => Synthetic2000Prices.Chat.Model00006Chat.Cost(10_000, 1_000, cachedInputTokens: 4_000);

    [Benchmark(Description = "TokenPricing.Cost (long-context tier)")]
    public decimal TieredPricing() => Synthetic2000Prices.Chat.Model00000Chat.Cost(250_000, 2_000);

    [Benchmark(Description = "TokenPricing.Cost (batch)")]
    public decimal BatchPricing() => Synthetic2000Prices.Chat.Model00006Chat.Cost(10_000, 1_000, batch: true);

    [Benchmark(Description = "TrainingRate.Cost (tokens × epochs)")]
    public decimal TrainingRate() => Synthetic2000Prices.FineTuning.Model00002Ft.Training.Cost(100_000, 4);

    [Benchmark(Description = "ImageRate.Cost")]
    public decimal ImageRate() => Synthetic2000Prices.Image.Model00004Image.Size1024x1024.Cost(3);

    [Benchmark(Description = "DurationRate.Cost (nearest second)")]
    public decimal DurationRate() => Synthetic2000Prices.Audio.Model00005Audio.Input.Cost(NinetySeconds);
}
