using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace PriceGen;

/// <summary>
/// The models of one or more generated catalogs, looked up by id at run time — where the id comes from a response
/// rather than from code (<c>ModelCatalog.From(OpenAIPrices.Models)</c>). Ids are matched ordinally, as the generated
/// <c>TryGetModel</c> matches them: a model's id, then its aliases and listed snapshots, then its id plus a date for a
/// model with <c>snapshots: dated</c> (see <see cref="TryResolve"/>). An id that two models claim is an error, not a
/// silent choice.
/// </summary>
public sealed class ModelCatalog
{
    // The resolver the generated TryGetModel uses, so an id resolves the same way through a catalog and through code.
    private readonly ModelLookupTable _table;

    private ModelCatalog(ModelLookupTable table, ModelPrice[] models)
    {
        _table = table;
        Models = new ReadOnlyCollection<ModelPrice>(models);
    }

    /// <summary>An empty catalog, in which every id is unknown.</summary>
    public static ModelCatalog Empty { get; } = From(Array.Empty<ModelPrice>());

    /// <summary>Every model, in the order the catalogs list them.</summary>
    public IReadOnlyList<ModelPrice> Models { get; }

    /// <summary>The currencies the models are priced in, in first-seen order.</summary>
    public IReadOnlyList<string> Currencies => Models.Select(m => m.Currency).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A catalog of <paramref name="models"/>, such as a generated class's <c>Models</c>.</summary>
    /// <exception cref="ArgumentException">Two different models share an id, or claim the same id as id, alias or snapshot.</exception>
    public static ModelCatalog From(IEnumerable<ModelPrice> models)
    {
        if (models is null)
        {
            throw new ArgumentNullException(nameof(models));
        }

        var byId = new Dictionary<string, Claim>(StringComparer.Ordinal);
        var ordered = new List<ModelPrice>();
        foreach (var model in models)
        {
            if (model is null)
            {
                throw new ArgumentException("A catalog cannot contain a null model.", nameof(models));
            }

            if (byId.TryGetValue(model.Id, out var listed))
            {
                // The same generated model reached twice (a catalog combined with itself) prices one way; two
                // entries for one id would make the cost depend on which catalog came first.
                if (ReferenceEquals(listed.Model, model))
                {
                    continue;
                }

                throw listed.Kind == ModelMatchKind.Exact
                    ? new ArgumentException(
                        "The model id '" + model.Id + "' is listed by two catalogs (" + listed.Model.Provider + " and " + model.Provider +
                        "); a combined catalog must price each id one way.",
                        nameof(models))
                    : Conflict(model.Id, listed, new Claim(model, ModelMatchKind.Exact), nameof(models));
            }

            byId.Add(model.Id, new Claim(model, ModelMatchKind.Exact));
            AddClaims(byId, model, model.Aliases, ModelMatchKind.Alias, nameof(models));
            AddClaims(byId, model, model.Snapshots, ModelMatchKind.Snapshot, nameof(models));
            ordered.Add(model);
        }

        var all = ordered.ToArray();
        var indexOf = new Dictionary<ModelPrice, int>(all.Length, ReferenceComparer.Instance);
        for (var i = 0; i < all.Length; i++)
        {
            indexOf.Add(all[i], i);
        }

        var aliases = byId.Where(c => c.Value.Kind == ModelMatchKind.Alias).ToList();
        var snapshots = byId.Where(c => c.Value.Kind == ModelMatchKind.Snapshot).ToList();
        var table = new ModelLookupTable(
            all.Select(m => m.Id).ToArray(),
            i => all[i],
            aliases.Select(c => c.Key).ToArray(),
            aliases.Select(c => indexOf[c.Value.Model]).ToArray(),
            snapshots.Select(c => c.Key).ToArray(),
            snapshots.Select(c => indexOf[c.Value.Model]).ToArray(),
            Enumerable.Range(0, all.Length).Where(i => all[i].HasDatedSnapshots).ToArray());
        return new ModelCatalog(table, all);
    }

    /// <summary>One catalog of every model of <paramref name="catalogs"/>.</summary>
    /// <exception cref="ArgumentException">Two different models share an id.</exception>
    public static ModelCatalog Combine(params ModelCatalog[] catalogs)
    {
        if (catalogs is null)
        {
            throw new ArgumentNullException(nameof(catalogs));
        }

        return From(catalogs.SelectMany(c => (c ?? throw new ArgumentException("A catalog to combine cannot be null.", nameof(catalogs))).Models));
    }

    /// <summary>This catalog with <paramref name="models"/> added, such as a second provider's generated <c>Models</c>.</summary>
    /// <exception cref="ArgumentException">A model's id is already listed by a different model.</exception>
    public ModelCatalog With(IEnumerable<ModelPrice> models) => Combine(this, From(models));

    /// <summary>
    /// Resolves a model id (ordinal, case-sensitive): the id of a model, else an alias or a listed snapshot of one, else
    /// a model's id plus a date (<c>-YYYY-MM-DD</c>, <c>-YYYYMMDD</c>, <c>-MMDD</c>) when the model has dated snapshots.
    /// An id listed as a model of its own is that model, whatever its dated form says. Allocates nothing.
    /// </summary>
    /// <param name="id">The id, as requested or as a response names it.</param>
    /// <param name="match">The model, how <paramref name="id"/> matched it, and <paramref name="id"/>.</param>
    public bool TryResolve(string? id, out ModelMatch match) => _table.TryResolve(id, out match);

    /// <summary>Finds a model by id, alias or snapshot, as <see cref="TryResolve"/> does.</summary>
    public bool TryGetModel(string? id, [NotNullWhen(true)] out ModelPrice? model)
    {
        var found = TryResolve(id, out var match);
        model = match.Model;
        return found;
    }

    /// <summary>The model with the given id (ordinal, case-sensitive).</summary>
    /// <exception cref="KeyNotFoundException">No model has that id; the message names the closest id.</exception>
    public ModelPrice GetModel(string id) =>
        TryGetModel(id, out var model) ? model : throw ModelLookup.NotFound(id, ProviderNames(), Models);

    private static void AddClaims(Dictionary<string, Claim> byId, ModelPrice model, IReadOnlyList<string> ids, ModelMatchKind kind, string parameter)
    {
        foreach (var id in ids)
        {
            var claim = new Claim(model, kind);
            if (byId.TryGetValue(id, out var listed))
            {
                // A model naming one id twice resolves it one way; two models naming it would not.
                if (ReferenceEquals(listed.Model, model))
                {
                    continue;
                }

                throw Conflict(id, listed, claim, parameter);
            }

            byId.Add(id, claim);
        }
    }

    private static ArgumentException Conflict(string id, Claim first, Claim second, string parameter) =>
        new("The id '" + id + "' is claimed by two models: " + Describe(first) + " and " + Describe(second) +
            "; a combined catalog must resolve each id to one model.", parameter);

    private static string Describe(Claim claim) => claim.Kind switch
    {
        ModelMatchKind.Alias => "an alias of " + claim.Model,
        ModelMatchKind.Snapshot => "a snapshot of " + claim.Model,
        _ => "the id of " + claim.Model,
    };

    private string ProviderNames()
    {
        var providers = Models.Select(m => m.Provider).Distinct(StringComparer.Ordinal).ToList();
        return providers.Count == 0 ? "empty" : string.Join(" + ", providers);
    }

    private sealed class ReferenceComparer : IEqualityComparer<ModelPrice>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(ModelPrice? x, ModelPrice? y) => ReferenceEquals(x, y);

        public int GetHashCode(ModelPrice obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    /// <summary>One id's claim: the model it resolves to and how.</summary>
    private readonly struct Claim
    {
        public Claim(ModelPrice model, ModelMatchKind kind)
        {
            Model = model;
            Kind = kind;
        }

        public ModelPrice Model { get; }

        public ModelMatchKind Kind { get; }
    }
}
