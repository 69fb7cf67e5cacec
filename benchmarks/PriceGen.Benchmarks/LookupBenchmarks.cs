using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using PriceGen.Benchmarks.Catalogs;

namespace PriceGen.Benchmarks;

/// <summary>
/// 5a. The generated <c>TryGetModel</c> (a compiled string switch) against what users write by hand today: a
/// <see cref="FrozenDictionary{TKey,TValue}"/> and an ordinal <see cref="Dictionary{TKey,TValue}"/> of the same models.
/// </summary>
[MemoryDiagnoser]
public class LookupBenchmarks
{
    private FrozenDictionary<string, ModelPrice> _frozen = null!;
    private Dictionary<string, ModelPrice> _dictionary = null!;
    private string _hit = string.Empty;
    private string _miss = string.Empty;

    [Params(2_000, 10_000)]
    public int Models { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var models = Models == 2_000 ? Synthetic2000Prices.Models : Synthetic10000Prices.Models;
        _dictionary = models.ToDictionary(m => m.Id, StringComparer.Ordinal);
        _frozen = _dictionary.ToFrozenDictionary(StringComparer.Ordinal);

        // Fresh string instances, as ids arrive from a request, not interned literals.
        _hit = new string(SyntheticCatalog.IdOf(Models / 2).ToCharArray());
        _miss = new string("model-99999-missing".ToCharArray());
        Lookup(_hit);
    }

    [Benchmark(Baseline = true, Description = "FrozenDictionary hit")]
    public ModelPrice? FrozenHit() => _frozen.TryGetValue(_hit, out var model) ? model : null;

    [Benchmark(Description = "Dictionary hit")]
    public ModelPrice? DictionaryHit() => _dictionary.TryGetValue(_hit, out var model) ? model : null;

    [Benchmark(Description = "Generated TryGetModel hit")]
    public ModelPrice? GeneratedHit() => Lookup(_hit);

    [Benchmark(Description = "FrozenDictionary miss")]
    public ModelPrice? FrozenMiss() => _frozen.TryGetValue(_miss, out var model) ? model : null;

    [Benchmark(Description = "Dictionary miss")]
    public ModelPrice? DictionaryMiss() => _dictionary.TryGetValue(_miss, out var model) ? model : null;

    [Benchmark(Description = "Generated TryGetModel miss")]
    public ModelPrice? GeneratedMiss() => Lookup(_miss);

    private ModelPrice? Lookup(string id) =>
        Models == 2_000
            ? Synthetic2000Prices.TryGetModel(id, out var small) ? small : null
            : Synthetic10000Prices.TryGetModel(id, out var large) ? large : null;
}
