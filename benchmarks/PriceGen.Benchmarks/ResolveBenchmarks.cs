using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;

namespace PriceGen.Benchmarks;

/// <summary>
/// <see cref="ModelCatalog.TryResolve(string, out ModelMatch)"/> on 2,000 models that each have an alias and dated snapshots: an exact id, an
/// alias, a dated snapshot (<c>-YYYY-MM-DD</c>, matched against its base without a substring) and misses, next to an
/// ordinal <see cref="Dictionary{TKey,TValue}"/> hit and the bare <see cref="ModelLookupTable"/> a one-edition catalog
/// wraps. Then a price history of three editions of those ids (the newest listing half of them): an id of the newest,
/// one of an older edition, at an instant, and a miss that asks every edition. The allocation column is the point:
/// every row should be 0 B.
/// </summary>
[MemoryDiagnoser]
public class ResolveBenchmarks
{
    private const int ModelCount = 2_000;

    private static readonly DateTimeOffset At = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private ModelCatalog _catalog = null!;
    private ModelLookupTable _table = null!;
    private ModelCatalog _history = null!;
    private string _newest = string.Empty;
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
        _table = new ModelLookupTable(models.Select(m => m.Id).ToArray(), i => models[i]);
        _history = ModelCatalog.From(new[] { 2024, 2025, 2026 }.SelectMany(year => Enumerable.Range(0, year == 2026 ? ModelCount / 2 : ModelCount)
            .Select(i => new ModelPrice(
                "model-" + i, "Model " + i, ModelKind.Chat, "Synthetic", "USD",
                new Rate[] { new TokenRate("usage", year - 2000m, 1_000_000, "USD") }, aliases: new[] { "alias-" + i }, hasDatedSnapshots: true,
                effective: new DateTime(year, 1, 1)))));
        _dictionary = models.ToDictionary(m => m.Id, StringComparer.Ordinal);

        // Fresh string instances, as ids arrive in responses, not interned literals.
        _exact = Fresh("model-1000");
        _newest = Fresh("model-10");
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

    [Benchmark(Description = "ModelLookupTable exact (what one edition wraps)")]
    public ModelMatch TableExact()
    {
        _table.TryResolve(_exact, out var match);
        return match;
    }

    [Benchmark(Description = "TryResolve exact at an instant, one edition")]
    public ModelMatch ExactAt()
    {
        _catalog.TryResolve(_exact, At, out var match);
        return match;
    }

    [Benchmark(Description = "History: TryResolve exact, newest edition")]
    public ModelMatch HistoryNewest()
    {
        _history.TryResolve(_newest, out var match);
        return match;
    }

    [Benchmark(Description = "History: TryResolve exact, second edition")]
    public ModelMatch HistoryOlder()
    {
        _history.TryResolve(_exact, out var match);
        return match;
    }

    [Benchmark(Description = "History: TryResolve exact at an instant, second edition")]
    public ModelMatch HistoryAt()
    {
        _history.TryResolve(_exact, At, out var match);
        return match;
    }

    [Benchmark(Description = "History: TryResolve miss, three editions")]
    public ModelMatch HistoryMiss()
    {
        _history.TryResolve(_miss, out var match);
        return match;
    }

    private static string Fresh(string id) => new(id.ToCharArray());

    private ModelMatch Resolve(string id)
    {
        _catalog.TryResolve(id, out var match);
        return match;
    }
}
