using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using PriceGen.Catalog;

using PriceGen.Common;

namespace PriceGen.Analysis.Prices;

/// <summary>One rate of one model in one catalog, with the generated member PRICE001/PRICE005 fixes insert.</summary>
internal sealed record ModelRate(string ModelId, string ClassName, string Effective, CatalogRate Rate, PriceMatch Match)
{
    /// <summary>The price of one token (or one image, minute…): <c>Price / Quantity</c>.</summary>
    public decimal PerUnit => Rate.Price.Value / Rate.Quantity;

    public bool IsTokenRate => Rate.Kind is RateKind.Token or RateKind.Training;
}

/// <summary>
/// The catalogs read by model: every rate of a model id across catalogs, and the ids an identifier spells
/// (<c>Gpt4oInputCost</c> → gpt-4o). Built once per <see cref="CatalogIndex"/> from its public API; generated member
/// paths come from the index's own <see cref="PriceMatch"/>es, so they are decided in one place.
/// </summary>
internal sealed class ModelRates
{
    private static readonly ConditionalWeakTable<CatalogIndex, ModelRates> ByIndex = new();

    private readonly Dictionary<string, ImmutableArray<ModelRate>> _rates;
    private readonly Dictionary<string, ImmutableArray<string>> _bySpelling;

    private readonly HashSet<string> _withDatedSnapshots;

    private ModelRates(Dictionary<string, ImmutableArray<ModelRate>> rates, Dictionary<string, ImmutableArray<string>> bySpelling, HashSet<string> withDatedSnapshots)
    {
        _rates = rates;
        _bySpelling = bySpelling;
        _withDatedSnapshots = withDatedSnapshots;
        LongestSpelling = bySpelling.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
    }

    /// <summary>The longest spelling of any id, bounding the word runs <see cref="Spelled"/> tries.</summary>
    public int LongestSpelling { get; }

    public static ModelRates Of(CatalogIndex index) => ByIndex.GetValue(index, Build);

    /// <summary>The ids an identifier spells (<see cref="ModelAttribution.Spell"/>), once per identifier and catalog set.</summary>
    internal BoundedMemo<ImmutableArray<string>> SpelledBy => _spelledBy ??= new BoundedMemo<ImmutableArray<string>>(name => ModelAttribution.Spell(name, this));

    /// <summary>What the constants of a type declaration attribute its prices to, once per declaration and catalog set.</summary>
    internal ConditionalWeakTable<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax, ModelAttribution> TypeConstants { get; } = new();

    private BoundedMemo<ImmutableArray<string>>? _spelledBy;

    /// <summary>Whether some model of a family <paramref name="identifier"/> names is listed (<c>GptTokenRates</c>: gpt-4o is).</summary>
    internal bool ListsFamilyOf(string identifier) =>
        (_listsFamilyOf ??= new BoundedMemo<bool>(name => ModelAttribution.FamiliesIn(name).Any(family =>
            _bySpelling.Keys.Any(spelling => spelling.Contains(family.ToLowerInvariant())))))[identifier];

    private BoundedMemo<bool>? _listsFamilyOf;

    /// <summary>At most this many listed models make a family narrow enough to attribute a price to.</summary>
    private const int MaxModelsOfFamily = 12;

    /// <summary>
    /// The listed models of the first family <paramref name="identifier"/> names (<c>Sonnet</c> → claude-sonnet-4-5 and
    /// claude-sonnet-4), when there are some and no more than <see cref="MaxModelsOfFamily"/>; else empty: a broad family
    /// (<c>gpt</c> beside a large import) says too little.
    /// </summary>
    internal ImmutableArray<string> ModelsOfFamilyIn(string identifier) =>
        (_modelsOfFamily ??= new BoundedMemo<ImmutableArray<string>>(name =>
        {
            foreach (var family in ModelAttribution.FamiliesIn(name))
            {
                var word = family.ToLowerInvariant();
                var ids = _rates.Keys.Where(id => Spelling(id).Contains(word)).OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();
                if (!ids.IsEmpty)
                {
                    return ids.Length <= MaxModelsOfFamily ? ids : ImmutableArray<string>.Empty;
                }
            }

            return ImmutableArray<string>.Empty;
        }))[identifier];

    private BoundedMemo<ImmutableArray<string>>? _modelsOfFamily;

    /// <summary>Whether the model answers to its id plus a date (<c>snapshots: dated</c>): then a date after its name is still it.</summary>
    public bool HasDatedSnapshots(string modelId) => _withDatedSnapshots.Contains(modelId);

    /// <summary>Every rate of <paramref name="modelId"/>, newest catalog first; empty for an id no catalog lists.</summary>
    public ImmutableArray<ModelRate> RatesOf(string modelId) =>
        _rates.TryGetValue(modelId, out var rates) ? rates : ImmutableArray<ModelRate>.Empty;

    /// <summary>The ids whose letters and digits alone are <paramref name="spelling"/> (lower case): "gpt4o", "dalle2", "davinci".</summary>
    public ImmutableArray<string> Spelled(string spelling) =>
        _bySpelling.TryGetValue(spelling, out var ids) ? ids : ImmutableArray<string>.Empty;

    /// <summary>"gpt-4o" → "gpt4o": what is left of an id or identifier once separators and case are gone.</summary>
    public static string Spelling(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static ModelRates Build(CatalogIndex index)
    {
        var rates = new Dictionary<string, List<ModelRate>>(StringComparer.Ordinal);
        var spellings = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var withDatedSnapshots = new HashSet<string>(StringComparer.Ordinal);

        // The index's own match of every rate as listed (its member path and display), one lookup per distinct
        // price: a synthetic or imported catalog has thousands of rates sharing a handful of prices.
        var listed = new Dictionary<(string ModelId, string Role, string ClassName), PriceMatch>();
        var values = new HashSet<decimal>();
        foreach (var catalog in index.Catalogs.Select(c => c.Result.Catalog).Where(c => c is not null))
        {
            foreach (var model in catalog!.Models)
            {
                foreach (var rate in model.Rates)
                {
                    values.Add(rate.Price.Value);
                }
            }
        }

        foreach (var value in values)
        {
            foreach (var match in index.PricesEqualTo(value))
            {
                var dot = match.RateDisplay.IndexOf('.');
                if (!match.PerUnit && dot > 0)
                {
                    listed[(match.ModelId, match.Role, match.RateDisplay.Substring(0, dot))] = match;
                }
            }
        }

        foreach (var analyzed in index.Catalogs)
        {
            if (analyzed.Result.Catalog is not { } catalog)
            {
                continue;
            }

            foreach (var model in catalog.Models)
            {
                foreach (var rate in model.Rates)
                {
                    if (!listed.TryGetValue((model.Id, rate.Role, catalog.ClassName), out var match))
                    {
                        continue; // a zero price: nothing to hard-code
                    }

                    if (!rates.TryGetValue(model.Id, out var list))
                    {
                        rates.Add(model.Id, list = new List<ModelRate>());
                    }

                    list.Add(new ModelRate(model.Id, catalog.ClassName, catalog.EffectiveText, rate, match));
                }

                if (model.HasDatedSnapshots)
                {
                    withDatedSnapshots.Add(model.Id);
                }

                AddSpelling(spellings, Spelling(model.Id), model.Id);
                AddSpelling(spellings, Spelling(model.MemberName), model.Id);
                AddSpelling(spellings, Spelling(model.Name), model.Id);
            }
        }

        return new ModelRates(
            rates.ToDictionary(r => r.Key, r => r.Value.OrderByDescending(x => x.Effective, StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal),
            spellings.ToDictionary(s => s.Key, s => s.Value.OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal),
            withDatedSnapshots);
    }

    private static void AddSpelling(Dictionary<string, HashSet<string>> spellings, string spelling, string id)
    {
        // One-letter or digit-free short spellings ("o", "tts") would make ordinary words name models.
        if (spelling.Length < 3)
        {
            return;
        }

        if (!spellings.TryGetValue(spelling, out var ids))
        {
            spellings.Add(spelling, ids = new HashSet<string>(StringComparer.Ordinal));
        }

        ids.Add(id);
    }
}
