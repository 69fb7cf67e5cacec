using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Threading;

namespace PriceGen;

/// <summary>
/// The id lookup behind a generated catalog's <c>TryGetModel</c>, <c>GetModel</c> and <c>Models</c>: an ordinal
/// hash of the ids to factories, so a lookup allocates nothing and initializes only the model it finds. (A generated
/// <c>switch</c> over the ids would do the same, but compiles in time that grows faster than the catalog.)
/// </summary>
public sealed class ModelLookupTable
{
    private readonly Dictionary<string, int> _index;
    private readonly Func<int, ModelPrice> _create;
    private readonly ModelPrice?[] _models;
    private IReadOnlyList<ModelPrice>? _all;

    /// <summary>
    /// Creates the table; <paramref name="create"/>(i) returns the model whose id is <paramref name="ids"/>[i]. Generated
    /// code passes the ids as one constant split at run time and <paramref name="create"/> as a switch split into small
    /// methods: a few thousand initializers in one method would take the JIT most of a second on first use.
    /// </summary>
    public ModelLookupTable(string[] ids, Func<int, ModelPrice> create)
    {
        if (ids is null)
        {
            throw new ArgumentNullException(nameof(ids));
        }

        _index = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            _index.Add(ids[i], i);
        }

        _create = create ?? throw new ArgumentNullException(nameof(create));
        _models = new ModelPrice?[ids.Length];
    }

    /// <summary>Every model in catalog order; building the list initializes them all.</summary>
    public IReadOnlyList<ModelPrice> Models
    {
        get
        {
            if (_all is null)
            {
                var all = new ModelPrice[_models.Length];
                for (var i = 0; i < all.Length; i++)
                {
                    all[i] = ModelAt(i);
                }

                Interlocked.CompareExchange(ref _all, new ReadOnlyCollection<ModelPrice>(all), null);
            }

            return _all!;
        }
    }

    /// <summary>The model with <paramref name="id"/> (ordinal, case-sensitive), without allocating.</summary>
    public bool TryGet(string? id, [NotNullWhen(true)] out ModelPrice? model)
    {
        if (id is not null && _index.TryGetValue(id, out var index))
        {
            model = ModelAt(index);
            return true;
        }

        model = null;
        return false;
    }

    // A race only runs the factory twice; it returns the same static instance, so the cache stays consistent.
    private ModelPrice ModelAt(int index) => _models[index] ??= _create(index);
}
