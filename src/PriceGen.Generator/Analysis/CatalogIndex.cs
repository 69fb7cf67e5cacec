using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PriceGen.Catalog;
using PriceGen.Common;
using PriceGen.Generation;
using PriceGen.Generation.Plan;

namespace PriceGen.Analysis;

/// <summary>A catalog additional file of the compilation, parsed, with the plan of its generated API (null when it did not parse).</summary>
internal sealed record AnalyzedCatalog(AdditionalText File, CatalogParseResult Result, CatalogPlan? Plan)
{
    /// <summary>Whether this file's catalog is the one that generates its class name.</summary>
    public bool OwnsClass => Plan is { ClassOwnerPath: null };
}

/// <summary>A model id known to some catalog, and the generated constant that holds it.</summary>
internal sealed record KnownModel(string Id, string Provider, string? IdConstant, string IdDisplay)
{
    /// <summary>
    /// The id of the catalog model <see cref="Id"/> resolves to: <see cref="Id"/> itself, or for an alias, a listed
    /// snapshot or a dated id (<c>claude-sonnet-4-5-20250929</c>) the model's own id, under which its rates are listed.
    /// Set from <see cref="Id"/> when the model is made; a copy under another id (<c>with { Id = … }</c>) keeps it.
    /// </summary>
    public string ModelId { get; init; } = Id;

    /// <summary>Whether the model answers to its id plus a date (<c>snapshots: dated</c>).</summary>
    public bool HasDatedSnapshots { get; init; }

    /// <summary>"is deprecated since 2023-06-13 and shuts down on 2024-06-13", or null for a current model.</summary>
    public string? Retirement { get; init; }

    /// <summary>The id the catalog recommends instead of a retired model.</summary>
    public string? Replacement { get; init; }
}

/// <summary>
/// A catalog rate a literal may equal: as listed (<see cref="ValueProperty"/> <c>Price</c>), or per single unit
/// (<c>PricePerToken</c>, <c>PricePerUnit</c>). <see cref="RateMember"/> is the fully qualified generated field, or
/// <see langword="null"/> when no code is generated for the catalog.
/// </summary>
internal sealed record PriceMatch(string ModelId, string Provider, string Role, string Written, bool PerUnit, string? RateMember, string RateDisplay, string ValueProperty)
{
    /// <summary>The expression that replaces the literal: <c>global::Ns.OpenAIPrices.Chat.Gpt35Turbo.Usage.Price</c>.</summary>
    public string? Replacement => RateMember is null ? null : RateMember + "." + ValueProperty;

    /// <summary>The replacement as a code-fix title shows it: <c>OpenAIPrices.Chat.Gpt35Turbo.Usage.Price</c>.</summary>
    public string ReplacementDisplay => RateDisplay + "." + ValueProperty;
}

/// <summary>
/// Everything the code analyzers look up, built once per compilation from the cached parses: ids and prices in hash
/// tables, so the work per literal or argument is one lookup, never a scan of the catalogs.
/// </summary>
internal sealed class CatalogIndex
{
    private readonly Dictionary<string, KnownModel> _models;
    private readonly Dictionary<decimal, ImmutableArray<PriceMatch>> _prices;
    private readonly Lazy<ModelIdSuggestions> _suggestions;
    private readonly BoundedMemo<ImmutableArray<string>> _modelsContaining;
    private readonly Lazy<ImmutableDictionary<string, ImmutableArray<Diagnostic>>> _sharedIds;

    private CatalogIndex(ImmutableArray<AnalyzedCatalog> catalogs, Dictionary<string, KnownModel> models, Dictionary<decimal, ImmutableArray<PriceMatch>> prices, bool runtimeReferenced)
    {
        Catalogs = catalogs;
        _models = models;
        _prices = prices;
        RuntimeReferenced = runtimeReferenced;
        ModelIds = models.Keys.OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();
        // A model's own id is suggested before an alias or snapshot as close to the typo.
        _modelsContaining = NewModelsContaining();
        _suggestions = new Lazy<ModelIdSuggestions>(() => new ModelIdSuggestions(ModelIds.OrderBy(id => models[id].ModelId == id ? 0 : 1).ThenBy(id => id, StringComparer.Ordinal)));
        _sharedIds = new Lazy<ImmutableDictionary<string, ImmutableArray<Diagnostic>>>(() => SharedModelIds.Find(
            catalogs.Where(c => c.Plan is not null).Select(c => (c.File.Path, c.Plan!, c.Result.Map))));
    }

    /// <summary>Every catalog of the compilation, in path order.</summary>
    public ImmutableArray<AnalyzedCatalog> Catalogs { get; }

    public bool HasCatalogs => !Catalogs.IsEmpty;

    public bool RuntimeReferenced { get; }

    public ImmutableArray<string> ModelIds { get; }

    /// <summary>
    /// The model an id names, resolved as the runtime resolves it: an id, an alias or a listed snapshot, else a model's
    /// id plus a date when the model has dated snapshots. Only a model's own id has a generated constant to offer.
    /// </summary>
    public bool TryGetModel(string id, out KnownModel model)
    {
        if (_models.TryGetValue(id, out model!))
        {
            return true;
        }

        if (DatedSuffix.TryGetBaseLength(id, out var baseLength) && _models.TryGetValue(id.Substring(0, baseLength), out var dated) && dated.HasDatedSnapshots)
        {
            model = dated with { Id = id, IdConstant = null };
            return true;
        }

        return false;
    }

    public ImmutableArray<PriceMatch> PricesEqualTo(decimal value) =>
        _prices.TryGetValue(value, out var matches) ? matches : ImmutableArray<PriceMatch>.Empty;

    /// <summary>PRICE120 for the catalog at <paramref name="path"/>: ids another provider's catalog claims too.</summary>
    public ImmutableArray<Diagnostic> SharedIdsOf(string path) =>
        _sharedIds.Value.TryGetValue(path, out var found) ? found : ImmutableArray<Diagnostic>.Empty;

    /// <summary>
    /// The models whose ids hold <paramref name="fragment"/> inside them (<c>opus-4-1</c> → claude-opus-4-1, and its copies
    /// in other catalogs), or empty when none, or more than eight, do, or when some id starts with it; once per fragment. A
    /// fragment shorter than five characters or without a digit says too little.
    /// </summary>
    public ImmutableArray<string> ModelsContaining(string fragment) => _modelsContaining[fragment];

    private const int MaxModelsForFragment = 8;

    private BoundedMemo<ImmutableArray<string>> NewModelsContaining() => new(fragment =>
    {
        if (fragment.Length < 5 || !fragment.Any(char.IsDigit))
        {
            return ImmutableArray<string>.Empty;
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ModelIds)
        {
            var at = id.IndexOf(fragment, StringComparison.Ordinal);
            if (at == 0)
            {
                // StartsWith("gpt-4"): the start of many ids and an id itself (gpt-4, which may be unlisted), not a piece of one
                return ImmutableArray<string>.Empty;
            }

            if (at > 0 && TryGetModel(id, out var model) && found.Add(model.ModelId) && found.Count > MaxModelsForFragment)
            {
                return ImmutableArray<string>.Empty;
            }
        }

        return found.OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();
    });

    /// <summary>The id a typo most plausibly meant, or <see langword="null"/>.</summary>
    public string? Suggest(string typed) => _suggestions.Value.Suggest(typed);

    public static CatalogIndex Build(Compilation compilation, AnalyzerOptions options, Func<AdditionalText, CatalogParseResult?> parse, CancellationToken cancellationToken)
    {
        var parsed = new List<(AdditionalText File, CatalogParseResult Result)>();
        foreach (var file in options.AdditionalFiles.Where(f => CatalogFiles.IsCatalog(f.Path)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (parse(file) is { } result)
            {
                parsed.Add((file, result));
            }
        }

        // The same plans the generator makes, so every name and path below is the one it emits.
        var features = new CompilationFeatures(
            RuntimeReferenced: compilation.GetTypeByMetadataName("PriceGen.ModelPrice") is not null,
            HasNotNullWhen: true,
            SupportsNullable: true,
            SupportsFileScopedNamespace: true);
        var generationOptions = GenerationOptionsReader.Read(options.AnalyzerConfigOptionsProvider.GlobalOptions);
        var key = new IndexKey(parsed.Select(p => (p.File.Path, p.Result)).ToArray(), generationOptions, features);
        return RecentIndexes.GetOrBuild(key, () => Build(parsed, generationOptions, features));
    }

    private static CatalogIndex Build(List<(AdditionalText File, CatalogParseResult Result)> parsed, GenerationOptions generationOptions, CompilationFeatures features)
    {
        var plans = ApiPlanner.PlanAll(parsed.Select(p => (p.File.Path, p.Result.Catalog)), generationOptions, features)
            .ToDictionary(p => p.Path, p => p.Plan, StringComparer.Ordinal);
        var catalogs = CatalogFiles.InPathOrder(parsed, p => p.File.Path)
            .Select(p => new AnalyzedCatalog(p.File, p.Result, plans.TryGetValue(p.File.Path, out var plan) ? plan : null))
            .ToImmutableArray();

        var models = new Dictionary<string, KnownModel>(StringComparer.Ordinal);
        var prices = new Dictionary<decimal, List<PriceMatch>>();
        foreach (var plan in catalogs.Select(c => c.Plan).OfType<CatalogPlan>())
        {
            foreach (var model in plan.Models)
            {
                var info = model.Entry.Info;
                if (models.TryGetValue(model.Id, out var listed))
                {
                    // Listed by two catalogs (2023 and 2026 prices): a retirement recorded in either one counts.
                    if (listed.Retirement is null && model.Retirement is { } later)
                    {
                        models[model.Id] = listed with { Retirement = later, Replacement = info.Replacement };
                    }
                }
                else
                {
                    var known = new KnownModel(model.Id, plan.Catalog.Provider, plan.Generates ? model.IdMember : null, model.Path + "." + ModelMembers.Id)
                    {
                        Retirement = model.Retirement,
                        Replacement = info.Replacement,
                        HasDatedSnapshots = model.Entry.HasDatedSnapshots,
                    };
                    models.Add(model.Id, known);
                }

                // An alias or listed snapshot is a known id of the same model, without a constant of its own: a pinned
                // snapshot stays pinned, and a retired model's other ids are retired with it.
                var owner = models[model.Id];
                foreach (var other in model.Entry.Aliases.Concat(model.Entry.Snapshots))
                {
                    if (!models.ContainsKey(other))
                    {
                        models.Add(other, owner with { Id = other, IdConstant = null, HasDatedSnapshots = false });
                    }
                }

                foreach (var rate in model.Rates)
                {
                    var member = plan.Generates ? model.QualifiedPathOf(rate) : null;
                    var path = model.PathOf(rate);
                    var price = rate.Rate.Price.Value;
                    Add(prices, price, new PriceMatch(model.Id, plan.Catalog.Provider, rate.Rate.Role, rate.Rate.Written, PerUnit: false, member, path, RatePlan.PriceProperty));
                    if (rate.Rate.Quantity != 1)
                    {
                        Add(prices, price / rate.Rate.Quantity, new PriceMatch(model.Id, plan.Catalog.Provider, rate.Rate.Role, rate.Rate.Written, PerUnit: true, member, path, rate.PerUnitProperty));
                    }
                }
            }
        }

        return new CatalogIndex(
            catalogs,
            models,
            prices.ToDictionary(p => p.Key, p => p.Value.ToImmutableArray()),
            features.RuntimeReferenced);
    }

    private static void Add(Dictionary<decimal, List<PriceMatch>> prices, decimal value, PriceMatch match)
    {
        if (value == 0m)
        {
            return;
        }

        if (!prices.TryGetValue(value, out var list))
        {
            prices.Add(value, list = new List<PriceMatch>());
        }

        list.Add(match);
    }

    /// <summary>What an index is built from: each catalog's path and parse (one instance per text), the options, the features.</summary>
    private sealed class IndexKey : IEquatable<IndexKey>
    {
        private readonly (string Path, CatalogParseResult Result)[] _catalogs;
        private readonly GenerationOptions _options;
        private readonly CompilationFeatures _features;

        public IndexKey((string Path, CatalogParseResult Result)[] catalogs, GenerationOptions options, CompilationFeatures features)
        {
            _catalogs = catalogs;
            _options = options;
            _features = features;
        }

        public bool Equals(IndexKey? other)
        {
            if (other is null || other._catalogs.Length != _catalogs.Length || !other._options.Equals(_options) || !other._features.Equals(_features))
            {
                return false;
            }

            for (var i = 0; i < _catalogs.Length; i++)
            {
                if (!ReferenceEquals(other._catalogs[i].Result, _catalogs[i].Result) || other._catalogs[i].Path != _catalogs[i].Path)
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as IndexKey);

        public override int GetHashCode() => _catalogs.Length;
    }

    /// <summary>
    /// The last few indexes, so the IDE's next compilation (every keystroke makes one) reuses the index of unchanged
    /// catalogs instead of planning every model again; parses are already shared per text (<see cref="CatalogCache"/>).
    /// </summary>
    private static class RecentIndexes
    {
        private const int Capacity = 2;
        private static readonly LinkedList<(IndexKey Key, CatalogIndex Index)> Entries = new();

        public static CatalogIndex GetOrBuild(IndexKey key, Func<CatalogIndex> build)
        {
            lock (Entries)
            {
                for (var node = Entries.First; node is not null; node = node.Next)
                {
                    if (node.Value.Key.Equals(key))
                    {
                        Entries.Remove(node);
                        Entries.AddFirst(node);
                        return node.Value.Index;
                    }
                }
            }

            var index = build();
            lock (Entries)
            {
                Entries.AddFirst((key, index));
                while (Entries.Count > Capacity)
                {
                    Entries.RemoveLast();
                }
            }

            return index;
        }
    }
}
