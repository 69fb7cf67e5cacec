using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Threading;

namespace PriceGen;

/// <summary>
/// The id lookup behind a generated catalog's <c>TryGetModel</c>, <c>GetModel</c> and <c>Models</c>: an open-addressing
/// hash of the ids to factories, so a lookup allocates nothing and initializes only the model it finds. (A generated
/// <c>switch</c> over the ids would do the same, but compiles in time that grows faster than the catalog.) Its own
/// table rather than a <c>Dictionary</c>: it hashes eight bytes at a time, keeps each slot's hash so a miss rarely
/// compares a string, and can look up a prefix of a string in place (a dated snapshot's base id) without a substring.
/// </summary>
public sealed class ModelLookupTable
{
    private readonly string[] _ids;
    private readonly int[] _slots; // index into _ids + 1; 0 is an empty slot
    private readonly uint[] _hashes; // the hash of the id in each slot
    private readonly int _mask;
    private readonly Func<int, ModelPrice> _create;
    private readonly ModelPrice?[] _models;
    private IReadOnlyList<ModelPrice>? _all;

    /// <summary>
    /// Creates the table; <paramref name="create"/>(i) returns the model whose id is <paramref name="ids"/>[i]. Generated
    /// code passes the ids as one constant split at run time and <paramref name="create"/> as a switch split into small
    /// methods: a few thousand initializers in one method would take the JIT most of a second on first use.
    /// </summary>
    /// <exception cref="ArgumentException">An id is null or listed twice.</exception>
    public ModelLookupTable(string[] ids, Func<int, ModelPrice> create)
    {
        _ids = (string[])(ids ?? throw new ArgumentNullException(nameof(ids))).Clone();
        _create = create ?? throw new ArgumentNullException(nameof(create));
        _models = new ModelPrice?[ids.Length];

        // At most half full: a miss then ends at an empty slot after 1.5 probes on average.
        var capacity = 4;
        while (capacity < ids.Length * 2)
        {
            capacity <<= 1;
        }

        _slots = new int[capacity];
        _hashes = new uint[capacity];
        _mask = capacity - 1;
        for (var i = 0; i < _ids.Length; i++)
        {
            var id = _ids[i] ?? throw new ArgumentException("A model id cannot be null.", nameof(ids));
            if (IndexOf(id, id.Length) >= 0)
            {
                throw new ArgumentException("The model id '" + id + "' is listed twice.", nameof(ids));
            }

            var hash = Hash(id, id.Length);
            var slot = (int)hash & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = i + 1;
            _hashes[slot] = hash;
        }
    }

    /// <summary>The number of ids.</summary>
    public int Count => _ids.Length;

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
        var index = id is null ? -1 : IndexOf(id, id.Length);
        model = index >= 0 ? ModelAt(index) : null;
        return model is not null;
    }

    /// <summary>The model with <paramref name="id"/>, as the generated <c>GetModel</c> returns it.</summary>
    /// <exception cref="KeyNotFoundException">No model has that id; the message names the closest id of <paramref name="provider"/>'s catalog.</exception>
    public ModelPrice Get(string id, string provider) =>
        TryGet(id, out var model) ? model : throw ModelLookup.NotFound(id, provider, Models);

    /// <summary>
    /// The position of the id that equals the first <paramref name="length"/> characters of <paramref name="text"/>,
    /// or -1; so <c>gpt-4o</c> is found inside <c>gpt-4o-2024-08-06</c> without cutting the string.
    /// </summary>
    public int IndexOf(string text, int length)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if ((uint)length > (uint)text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The length is past the end of the text.");
        }

        var hash = Hash(text, length);
        var slot = (int)hash & _mask;
        int entry;
        while ((entry = _slots[slot]) != 0)
        {
            if (_hashes[slot] == hash)
            {
                var candidate = _ids[entry - 1];
                if (candidate.Length == length &&
                    (length == text.Length ? string.Equals(candidate, text) : string.CompareOrdinal(candidate, 0, text, 0, length) == 0))
                {
                    return entry - 1;
                }
            }

            slot = (slot + 1) & _mask;
        }

        return -1;
    }

    /// <summary>The model at <paramref name="index"/> of the ids, created on first use.</summary>
    public ModelPrice ModelAt(int index) => _models[index] ??= _create(index); // a race creates the same static instance twice

    /// <summary>A 64-bit multiply-xorshift over the first <paramref name="length"/> characters, four at a time.</summary>
    private static unsafe uint Hash(string text, int length)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var hash = (ulong)length * Multiplier;
        fixed (char* start = text)
        {
            var p = start;
            var end = start + length;
            for (; p + 4 <= end; p += 4)
            {
                hash = (hash ^ *(ulong*)p) * Multiplier;
                hash ^= hash >> 29;
            }

            for (; p < end; p++)
            {
                hash = (hash ^ *p) * Multiplier;
            }
        }

        // The high half of a final multiply: every input bit reaches the bits that pick the slot.
        return (uint)(((hash ^ (hash >> 33)) * Multiplier) >> 32);
    }
}
