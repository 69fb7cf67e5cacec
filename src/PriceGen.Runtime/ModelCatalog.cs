using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;

namespace PriceGen;

/// <summary>
/// The models of one or more generated catalogs, looked up by id at run time — where the id comes from a response
/// rather than from code (<c>ModelCatalog.From(OpenAIPrices.Models)</c>). Ids are matched ordinally, as the generated
/// <c>TryGetModel</c> matches them: a model's id, then its aliases and listed snapshots, then its id plus a date for a
/// model with <c>snapshots: dated</c> (see <see cref="TryResolve(string, out ModelMatch)"/>). An id that two models claim
/// is an error, not a silent choice — except for one provider's catalogs of different <c>effective</c> dates, which
/// make a price history (see <see cref="TryResolve(string, DateTimeOffset, out ModelMatch)"/>).
/// </summary>
/// <remarks>
/// The models of one <see cref="ModelPrice.Effective"/> date form an edition; models without a date (built by hand)
/// form one undated edition, in force at any time, whose ids no dated model may claim. An id resolves in the newest
/// edition that lists it (as id, alias, listed or dated snapshot), or, at an instant, in the newest edition in force
/// then that lists it: a newer edition that leaves an id out does not end its older price.
/// </remarks>
public sealed class ModelCatalog
{
    // Editions sort by date, the undated one below every date: in force at any instant, and never sharing an id.
    private const long Undated = long.MinValue;

    private const string HistoryRule =
        " at a time (one provider's catalogs of different effective dates make a price history; an undated model has no place in one).";

    // The resolver the generated TryGetModel uses, so an id resolves the same way through a catalog and through code.
    // The newest edition's, which is every lookup of a catalog with one edition.
    private readonly ModelLookupTable _newest;

    // Newest first, the undated edition last; one for a single catalog.
    private readonly Edition[] _editions;

    private ModelCatalog(Edition[] editions, ModelPrice[] models)
    {
        _editions = editions;
        _newest = editions[0].Table;
        Models = new ReadOnlyCollection<ModelPrice>(models);
    }

    /// <summary>An empty catalog, in which every id is unknown.</summary>
    public static ModelCatalog Empty { get; } = From(Array.Empty<ModelPrice>());

    /// <summary>Every model, of every edition, in the order the catalogs list them.</summary>
    public IReadOnlyList<ModelPrice> Models { get; }

    /// <summary>The currencies the models are priced in, in first-seen order.</summary>
    public IReadOnlyList<string> Currencies => Models.Select(m => m.Currency).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// A catalog of <paramref name="models"/>, such as a generated class's <c>Models</c>. Models of one provider that
    /// share an id but not an <see cref="ModelPrice.Effective"/> date are that id's price history.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Two different models claim one id (as id, alias or listed snapshot) unless they are of one provider and of two
    /// effective dates; a model without an effective date shares no id with another.
    /// </exception>
    public static ModelCatalog From(IEnumerable<ModelPrice> models)
    {
        if (models is null)
        {
            throw new ArgumentNullException(nameof(models));
        }

        var editions = new Dictionary<long, EditionBuilder>();
        var order = new List<EditionBuilder>();
        var firstClaims = new Dictionary<string, Claim>(StringComparer.Ordinal); // across editions
        var seen = new HashSet<ModelPrice>(ReferenceComparer.Instance);
        var ordered = new List<ModelPrice>();
        foreach (var model in models)
        {
            if (model is null)
            {
                throw new ArgumentException("A catalog cannot contain a null model.", nameof(models));
            }

            // The same generated model reached twice (a catalog combined with itself) prices one way.
            if (!seen.Add(model))
            {
                continue;
            }

            var key = EditionKey(model.Effective);
            if (!editions.TryGetValue(key, out var edition))
            {
                editions.Add(key, edition = new EditionBuilder(key));
                order.Add(edition);
            }

            edition.Add(model, firstClaims, nameof(models));
            ordered.Add(model);
        }

        var built = order.Count == 0
            ? new[] { new EditionBuilder(Undated).Build() }
            : order.OrderByDescending(e => e.EffectiveTicks).Select(e => e.Build()).ToArray();
        return new ModelCatalog(built, ordered.ToArray());
    }

    /// <summary>One catalog of every model of <paramref name="catalogs"/>, as <see cref="From"/> combines them.</summary>
    /// <exception cref="ArgumentException">Two different models claim one id, and are not two dates of one provider's prices.</exception>
    public static ModelCatalog Combine(params ModelCatalog[] catalogs)
    {
        if (catalogs is null)
        {
            throw new ArgumentNullException(nameof(catalogs));
        }

        return From(catalogs.SelectMany(c => (c ?? throw new ArgumentException("A catalog to combine cannot be null.", nameof(catalogs))).Models));
    }

    /// <summary>This catalog with <paramref name="models"/> added, such as a second provider's or a later date's generated <c>Models</c>.</summary>
    /// <exception cref="ArgumentException">A model claims an id that a different model claims, and they are not two dates of one provider's prices.</exception>
    public ModelCatalog With(IEnumerable<ModelPrice> models) => Combine(this, From(models));

    /// <summary>
    /// Resolves a model id (ordinal, case-sensitive) in the newest edition that lists it: the id of a model, else an
    /// alias or a listed snapshot of one, else a model's id plus a date (<c>-YYYY-MM-DD</c>, <c>-YYYYMMDD</c>,
    /// <c>-MMDD</c>) when the model has dated snapshots. An id listed as a model of its own is that model, whatever its
    /// dated form says. Allocates nothing.
    /// </summary>
    /// <param name="id">The id, as requested or as a response names it.</param>
    /// <param name="match">The model, how <paramref name="id"/> matched it, and <paramref name="id"/>.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool TryResolve(string? id, out ModelMatch match) =>
        _newest.TryResolve(id, out match) || (_editions.Length > 1 && TryResolveInOlder(id, out match)); // inlined: one edition costs what the table does

    /// <summary>
    /// Resolves a model id as <see cref="TryResolve(string, out ModelMatch)"/> does, at an instant: in the newest
    /// edition in force then (whose effective date is on or before the UTC date of <paramref name="at"/>) that lists
    /// the id. Before the oldest edition that lists it, the id is unknown; undated models are in force at any time.
    /// Allocates nothing.
    /// </summary>
    /// <param name="id">The id, as requested or as a response names it.</param>
    /// <param name="at">When the request was made, such as a response's <c>CreatedAt</c>.</param>
    /// <param name="match">The model, how <paramref name="id"/> matched it, and <paramref name="id"/>.</param>
    public bool TryResolve(string? id, DateTimeOffset at, out ModelMatch match)
    {
        var day = at.UtcDateTime.Date.Ticks;
        foreach (var edition in _editions)
        {
            if (edition.EffectiveTicks <= day && edition.Table.TryResolve(id, out match))
            {
                return true;
            }
        }

        match = default;
        return false;
    }

    /// <summary>Finds a model by id, alias or snapshot in the newest edition that lists it, as <see cref="TryResolve(string, out ModelMatch)"/> does.</summary>
    public bool TryGetModel(string? id, [NotNullWhen(true)] out ModelPrice? model)
    {
        if (_newest.TryGet(id, out model))
        {
            return true;
        }

        if (_editions.Length > 1 && TryResolveInOlder(id, out var match))
        {
            model = match.Model;
            return true;
        }

        return false;
    }

    /// <summary>Finds the price of a model at an instant, as <see cref="TryResolve(string, DateTimeOffset, out ModelMatch)"/> does.</summary>
    public bool TryGetModel(string? id, DateTimeOffset at, [NotNullWhen(true)] out ModelPrice? model)
    {
        var found = TryResolve(id, at, out var match);
        model = match.Model;
        return found;
    }

    /// <summary>The model with the given id (ordinal, case-sensitive), in the newest edition that lists it.</summary>
    /// <exception cref="KeyNotFoundException">No model has that id; the message names the closest id.</exception>
    public ModelPrice GetModel(string id) =>
        TryGetModel(id, out var model) ? model : throw ModelLookup.NotFound(id, ProviderNames(), Models);

    private bool TryResolveInOlder(string? id, out ModelMatch match)
    {
        for (var i = 1; i < _editions.Length; i++)
        {
            if (_editions[i].Table.TryResolve(id, out match))
            {
                return true;
            }
        }

        match = default;
        return false;
    }

    private static long EditionKey(DateTime? effective) => effective is { } date ? date.Ticks : Undated;

    private static ArgumentException Conflict(string id, Claim first, Claim second, string parameter)
    {
        var sameProvider = string.Equals(first.Model.Provider, second.Model.Provider, StringComparison.Ordinal);
        if (first.Kind == ModelMatchKind.Exact && second.Kind == ModelMatchKind.Exact)
        {
            return new ArgumentException(
                "The model id '" + id + "' is listed by two catalogs (" +
                (sameProvider ? DescribeCatalog(first.Model) + " and " + DescribeCatalog(second.Model) : first.Model.Provider + " and " + second.Model.Provider) +
                "); a combined catalog must price each id one way" + (sameProvider ? HistoryRule : "."),
                parameter);
        }

        return new ArgumentException(
            "The id '" + id + "' is claimed by two models: " + Describe(first, sameProvider) + " and " + Describe(second, sameProvider) +
            "; a combined catalog must resolve each id to one model" + (sameProvider ? HistoryRule : "."),
            parameter);
    }

    private static string Describe(Claim claim, bool withDate)
    {
        var model = withDate ? claim.Model + " (" + EffectiveText(claim.Model) + ")" : claim.Model.ToString();
        return claim.Kind switch
        {
            ModelMatchKind.Alias => "an alias of " + model,
            ModelMatchKind.Snapshot => "a snapshot of " + model,
            _ => "the id of " + model,
        };
    }

    private static string DescribeCatalog(ModelPrice model) => model.Provider + " " + EffectiveText(model);

    private static string EffectiveText(ModelPrice model) =>
        model.Effective is { } date ? "effective " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "without an effective date";

    private string ProviderNames()
    {
        var providers = Models.Select(m => m.Provider).Distinct(StringComparer.Ordinal).ToList();
        return providers.Count == 0 ? "empty" : string.Join(" + ", providers);
    }

    /// <summary>The models of one effective date and their lookup table.</summary>
    private sealed class Edition
    {
        public Edition(long effectiveTicks, ModelLookupTable table)
        {
            EffectiveTicks = effectiveTicks;
            Table = table;
        }

        /// <summary>The effective date's ticks, or <see cref="Undated"/>: in force on a day of at least these ticks.</summary>
        public long EffectiveTicks { get; }

        public ModelLookupTable Table { get; }
    }

    /// <summary>Collects one edition's models and claims, checking each claim within the edition and across editions.</summary>
    private sealed class EditionBuilder
    {
        private readonly Dictionary<string, Claim> _byId = new(StringComparer.Ordinal);
        private readonly List<ModelPrice> _models = new();

        public EditionBuilder(long effectiveTicks) => EffectiveTicks = effectiveTicks;

        public long EffectiveTicks { get; }

        public void Add(ModelPrice model, Dictionary<string, Claim> firstClaims, string parameter)
        {
            AddClaim(model.Id, new Claim(model, ModelMatchKind.Exact), firstClaims, parameter);
            foreach (var alias in model.Aliases)
            {
                AddClaim(alias, new Claim(model, ModelMatchKind.Alias), firstClaims, parameter);
            }

            foreach (var snapshot in model.Snapshots)
            {
                AddClaim(snapshot, new Claim(model, ModelMatchKind.Snapshot), firstClaims, parameter);
            }

            _models.Add(model);
        }

        public Edition Build()
        {
            var all = _models.ToArray();
            var indexOf = new Dictionary<ModelPrice, int>(all.Length, ReferenceComparer.Instance);
            for (var i = 0; i < all.Length; i++)
            {
                indexOf.Add(all[i], i);
            }

            var aliases = _byId.Where(c => c.Value.Kind == ModelMatchKind.Alias).ToList();
            var snapshots = _byId.Where(c => c.Value.Kind == ModelMatchKind.Snapshot).ToList();
            var table = new ModelLookupTable(
                all.Select(m => m.Id).ToArray(),
                i => all[i],
                aliases.Select(c => c.Key).ToArray(),
                aliases.Select(c => indexOf[c.Value.Model]).ToArray(),
                snapshots.Select(c => c.Key).ToArray(),
                snapshots.Select(c => indexOf[c.Value.Model]).ToArray(),
                Enumerable.Range(0, all.Length).Where(i => all[i].HasDatedSnapshots).ToArray());
            return new Edition(EffectiveTicks, table);
        }

        private void AddClaim(string id, Claim claim, Dictionary<string, Claim> firstClaims, string parameter)
        {
            if (_byId.TryGetValue(id, out var listed))
            {
                // A model naming one id twice resolves it one way; two models of one date naming it would not.
                if (ReferenceEquals(listed.Model, claim.Model))
                {
                    return;
                }

                throw Conflict(id, listed, claim, parameter);
            }

            // Across editions an id may change its price over time, but not its provider, and not to or from no date:
            // checking against its first claim covers every pair, as each later claim was checked against it too.
            if (firstClaims.TryGetValue(id, out var first))
            {
                if (!string.Equals(first.Model.Provider, claim.Model.Provider, StringComparison.Ordinal) ||
                    first.Model.Effective is null || claim.Model.Effective is null)
                {
                    throw Conflict(id, first, claim, parameter);
                }
            }
            else
            {
                firstClaims.Add(id, claim);
            }

            _byId.Add(id, claim);
        }
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
