using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace PriceGen;

/// <summary>
/// The models of one or more generated catalogs, looked up by id at run time — where the id comes from a response
/// rather than from code (<c>ModelCatalog.From(OpenAIPrices.Models)</c>). Ids are matched ordinally, as the generated
/// <c>TryGetModel</c> matches them; an id listed by two catalogs with different prices is an error, not a silent choice.
/// </summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, ModelPrice> _byId;

    private ModelCatalog(Dictionary<string, ModelPrice> byId, ModelPrice[] models)
    {
        _byId = byId;
        Models = new ReadOnlyCollection<ModelPrice>(models);
    }

    /// <summary>An empty catalog, in which every id is unknown.</summary>
    public static ModelCatalog Empty { get; } = From(Array.Empty<ModelPrice>());

    /// <summary>Every model, in the order the catalogs list them.</summary>
    public IReadOnlyList<ModelPrice> Models { get; }

    /// <summary>The currencies the models are priced in, in first-seen order.</summary>
    public IReadOnlyList<string> Currencies => Models.Select(m => m.Currency).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A catalog of <paramref name="models"/>, such as a generated class's <c>Models</c>.</summary>
    /// <exception cref="ArgumentException">Two different models share an id.</exception>
    public static ModelCatalog From(IEnumerable<ModelPrice> models)
    {
        if (models is null)
        {
            throw new ArgumentNullException(nameof(models));
        }

        var byId = new Dictionary<string, ModelPrice>(StringComparer.Ordinal);
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
                if (ReferenceEquals(listed, model))
                {
                    continue;
                }

                throw new ArgumentException(
                    "The model id '" + model.Id + "' is listed by two catalogs (" + listed.Provider + " and " + model.Provider +
                    "); a combined catalog must price each id one way.",
                    nameof(models));
            }

            byId.Add(model.Id, model);
            ordered.Add(model);
        }

        return new ModelCatalog(byId, ordered.ToArray());
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

    /// <summary>Finds a model by id (ordinal, case-sensitive).</summary>
    public bool TryGetModel(string? id, [NotNullWhen(true)] out ModelPrice? model)
    {
        if (id is null)
        {
            model = null;
            return false;
        }

        return _byId.TryGetValue(id, out model);
    }

    /// <summary>The model with the given id (ordinal, case-sensitive).</summary>
    /// <exception cref="KeyNotFoundException">No model has that id; the message names the closest id.</exception>
    public ModelPrice GetModel(string id) =>
        TryGetModel(id, out var model) ? model : throw ModelLookup.NotFound(id, ProviderNames(), Models);

    private string ProviderNames()
    {
        var providers = Models.Select(m => m.Provider).Distinct(StringComparer.Ordinal).ToList();
        return providers.Count == 0 ? "empty" : string.Join(" + ", providers);
    }
}
