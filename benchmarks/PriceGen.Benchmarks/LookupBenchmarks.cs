using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PriceGen.Benchmarks.Catalogs;

namespace PriceGen.Benchmarks;

/// <summary>
/// 5a. The generated <c>TryGetModel</c> against what users write by hand today: a <see cref="FrozenDictionary{TKey,TValue}"/>
/// and an ordinal <see cref="Dictionary{TKey,TValue}"/> of the same models; hits, misses of a length no id has (which
/// the generated lookup ends before hashing) and misses as long as an id, each against their own <c>FrozenDictionary</c> row.
/// </summary>
/// <remarks>
/// Generic over the catalog rather than a <c>[Params]</c> of its size: in process, one method branching to either
/// catalog was compiled (tier 1) while the first size ran, before the other catalog's table existed and with its branch
/// never taken, so the second size paid a class-initialization check and a call the first size did not: 10,000 models
/// looked slower than 2,000 for that reason alone. A struct type argument gets code of its own, compiled while its
/// catalog runs, as in an application with one catalog.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[GenericTypeArguments(typeof(Synthetic2000))]
[GenericTypeArguments(typeof(Synthetic10000))]
public class LookupBenchmarks<TCatalog>
    where TCatalog : struct, ISyntheticPrices
{
    private FrozenDictionary<string, ModelPrice> _frozen = null!;
    private Dictionary<string, ModelPrice> _dictionary = null!;
    private string _hit = string.Empty;
    private string _miss = string.Empty;
    private string _missOfIdLength = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _dictionary = TCatalog.Models.ToDictionary(m => m.Id, StringComparer.Ordinal);
        _frozen = _dictionary.ToFrozenDictionary(StringComparer.Ordinal);

        // Fresh string instances, as ids arrive from a request, not interned literals.
        _hit = new string(SyntheticCatalog.IdOf(TCatalog.Models.Count / 2).ToCharArray());
        _miss = new string("model-99999-missing".ToCharArray()); // no id is 19 characters long
        _missOfIdLength = new string("model-99999-ft".ToCharArray()); // as long as model-00002-ft: hashed and probed
    }

    [Benchmark(Baseline = true, Description = "FrozenDictionary"), BenchmarkCategory("Hit")]
    public ModelPrice? FrozenHit() => _frozen.TryGetValue(_hit, out var model) ? model : null;

    [Benchmark(Description = "Dictionary"), BenchmarkCategory("Hit")]
    public ModelPrice? DictionaryHit() => _dictionary.TryGetValue(_hit, out var model) ? model : null;

    [Benchmark(Description = "Generated TryGetModel"), BenchmarkCategory("Hit")]
    public ModelPrice? GeneratedHit() => TCatalog.TryGetModel(_hit, out var model) ? model : null;

    [Benchmark(Baseline = true, Description = "FrozenDictionary"), BenchmarkCategory("Miss")]
    public ModelPrice? FrozenMiss() => _frozen.TryGetValue(_miss, out var model) ? model : null;

    [Benchmark(Description = "Dictionary"), BenchmarkCategory("Miss")]
    public ModelPrice? DictionaryMiss() => _dictionary.TryGetValue(_miss, out var model) ? model : null;

    [Benchmark(Description = "Generated TryGetModel"), BenchmarkCategory("Miss")]
    public ModelPrice? GeneratedMiss() => TCatalog.TryGetModel(_miss, out var model) ? model : null;

    [Benchmark(Baseline = true, Description = "FrozenDictionary"), BenchmarkCategory("Miss, length of an id")]
    public ModelPrice? FrozenMissOfIdLength() => _frozen.TryGetValue(_missOfIdLength, out var model) ? model : null;

    [Benchmark(Description = "Dictionary"), BenchmarkCategory("Miss, length of an id")]
    public ModelPrice? DictionaryMissOfIdLength() => _dictionary.TryGetValue(_missOfIdLength, out var model) ? model : null;

    [Benchmark(Description = "Generated TryGetModel"), BenchmarkCategory("Miss, length of an id")]
    public ModelPrice? GeneratedMissOfIdLength() => TCatalog.TryGetModel(_missOfIdLength, out var model) ? model : null;
}

/// <summary>A generated synthetic catalog, as a type argument: its calls compile to direct calls of the generated code.</summary>
public interface ISyntheticPrices
{
    static abstract IReadOnlyList<ModelPrice> Models { get; }

    static abstract bool TryGetModel(string? id, [NotNullWhen(true)] out ModelPrice? model);
}

/// <summary>The 2,000-model synthetic catalog.</summary>
public readonly struct Synthetic2000 : ISyntheticPrices
{
    public static IReadOnlyList<ModelPrice> Models => Synthetic2000Prices.Models;

    public static bool TryGetModel(string? id, [NotNullWhen(true)] out ModelPrice? model) => Synthetic2000Prices.TryGetModel(id, out model);
}

/// <summary>The 10,000-model synthetic catalog.</summary>
public readonly struct Synthetic10000 : ISyntheticPrices
{
    public static IReadOnlyList<ModelPrice> Models => Synthetic10000Prices.Models;

    public static bool TryGetModel(string? id, [NotNullWhen(true)] out ModelPrice? model) => Synthetic10000Prices.TryGetModel(id, out model);
}
