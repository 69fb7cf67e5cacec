using BenchmarkDotNet.Attributes;
using Microsoft.ML.Tokenizers;
using PriceGen.Tokenizers;

namespace PriceGen.Benchmarks;

/// <summary>6. Counting 100 KB of prose with o200k_base: PriceGen.Tokenizers against Microsoft.ML.Tokenizers' CountTokens.</summary>
[MemoryDiagnoser]
public class TokenCountingBenchmarks
{
    private readonly string _prose = TokenCountingHarness.Prose(100_000);
    private readonly TokenCounter _counter = TokenCounter.For("gpt-4o");
    private readonly TiktokenTokenizer _reference = TiktokenTokenizer.CreateForEncoding("o200k_base");

    [Benchmark(Baseline = true, Description = "Microsoft.ML.Tokenizers CountTokens, 100 KB prose")]
    public int Reference() => _reference.CountTokens(_prose);

    [Benchmark(Description = "TokenCounter.Count, 100 KB prose")]
    public long PriceGen() => _counter.Count(_prose);
}
