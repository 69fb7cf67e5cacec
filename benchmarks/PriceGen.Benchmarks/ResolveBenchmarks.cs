using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;

namespace PriceGen.Benchmarks;

/// <summary>
/// <see cref="ModelCatalog.TryResolve"/> on 2,000 models that each have an alias and dated snapshots: an exact id, an
/// alias, a dated snapshot (<c>-YYYY-MM-DD</c>, matched against its base without a substring) and misses, next to an
/// ordinal <see cref="Dictionary{TKey,TValue}"/> hit. The allocation column is the point: every row should be 0 B.
/// </summary>
[MemoryDiagnoser]
public class ResolveBenchmarks
{
    private const int ModelCount = 2_000;

    private ModelCatalog _catalog = null!;
    private Dictionary<string, ModelPrice> _dictionary = null!;
    private string _exact = string.Empty;
    private string _alias = string.Empty;
    private string _dated = string.Empty;
    private string _datedMiss = string.Empty;
    private string _miss = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var models = Enumerable.Range(0, ModelCount)
            .Select(i => new ModelPrice(
                "model-" + i, "Model " + i, ModelKind.Chat, "Synthetic", "USD",
                new Rate[] { new TokenRate("usage", 1m, 1_000_000, "USD") }, aliases: new[] { "alias-" + i }, hasDatedSnapshots: true))
            .ToList();
        _catalog = ModelCatalog.From(models);
        _dictionary = models.ToDictionary(m => m.Id, StringComparer.Ordinal);

        // Fresh string instances, as ids arrive in responses, not interned literals.
        _exact = Fresh("model-1000");
        _alias = Fresh("alias-1000");
        _dated = Fresh("model-1000-2024-08-06");
        _datedMiss = Fresh("model-99999-2024-08-06");
        _miss = Fresh("model-99999");
    }

    [Benchmark(Baseline = true, Description = "Dictionary exact hit")]
    public ModelPrice? DictionaryHit() => _dictionary.TryGetValue(_exact, out var model) ? model : null;

    [Benchmark(Description = "TryResolve exact")]
    public ModelMatch Exact() => Resolve(_exact);

    [Benchmark(Description = "TryResolve alias")]
    public ModelMatch Alias() => Resolve(_alias);

    [Benchmark(Description = "TryResolve dated snapshot")]
    public ModelMatch Dated() => Resolve(_dated);

    [Benchmark(Description = "TryResolve dated miss")]
    public ModelMatch DatedMiss() => Resolve(_datedMiss);

    [Benchmark(Description = "TryResolve miss")]
    public ModelMatch Miss() => Resolve(_miss);

    private static string Fresh(string id) => new(id.ToCharArray());

    private ModelMatch Resolve(string id)
    {
        _catalog.TryResolve(id, out var match);
        return match;
    }
}
