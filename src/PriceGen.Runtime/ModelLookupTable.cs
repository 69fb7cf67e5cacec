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
/// table rather than a <c>Dictionary</c>: it hashes only the slice of an id in which the ids differ (an
/// <see cref="IdSlice"/> the generator chooses, as <c>FrozenDictionary</c> does at run time) or else the whole id four
/// characters a read, keeps each slot's hash so a miss rarely compares a string, and can look up a prefix of a string
/// in place (a dated snapshot's base id) without a substring.
/// </summary>
public sealed class ModelLookupTable
{
    private readonly string[] _ids; // the models' ids, then their aliases, then their listed snapshots
    private readonly int[] _modelOf; // for each of _ids, the index of its model
    private readonly int _aliasesStart;
    private readonly int _snapshotsStart;
    private readonly bool[] _hasDatedSnapshots; // by model index
    private readonly bool _anyDatedSnapshots;
    private readonly Slot[] _slots; // each slot's entry and hash side by side: a probe reads one cache line
    private readonly int _mask;
    private readonly int _slotShift; // a hash's top bits pick its slot: 64 minus the bits of _mask
    private readonly ulong _lengths; // bit n: some id has n characters (n < 64); a miss of another length ends at once
    private readonly bool _anyLongIds;
    private readonly int _sliceLength; // 0: the whole id is hashed
    private readonly int _sliceStart; // where the slice starts: from the id's start, or (negative) from its end
    private readonly int _sliceFromEnd; // -1 when _sliceStart counts from the end: the position is _sliceStart + (length & _sliceFromEnd)
    private readonly int _minimumLength; // the shortest id: every id the slice must fit in is at least this long
    private readonly Func<int, ModelPrice> _create;
    private readonly ModelPrice?[] _models;
    private IReadOnlyList<ModelPrice>? _all;

    /// <summary>
    /// Creates the table; <paramref name="create"/>(i) returns the model whose id is <paramref name="ids"/>[i]. Generated
    /// code passes the ids as one constant split at run time and <paramref name="create"/> as a switch split into small
    /// methods: a few thousand initializers in one method would take the JIT most of a second on first use.
    /// </summary>
    /// <param name="ids">Every model's id, in catalog order.</param>
    /// <param name="create">The model whose id is <paramref name="ids"/>[i].</param>
    /// <param name="aliases">Other exact ids of models (<c>aliases:</c>); <paramref name="aliasModels"/>[j] is the index of the model of <paramref name="aliases"/>[j].</param>
    /// <param name="aliasModels">The model of each alias.</param>
    /// <param name="snapshots">Listed snapshots of models (<c>snapshots: [..]</c>), with their models in <paramref name="snapshotModels"/>.</param>
    /// <param name="snapshotModels">The model of each listed snapshot.</param>
    /// <param name="datedSnapshotModels">The models with <c>snapshots: dated</c>: their id plus a date resolves to them.</param>
    /// <param name="hashed">
    /// The characters of an id that are hashed (the whole id by default): any slice that fits in every id, alias and
    /// snapshot finds the same ids; one in which they differ finds them fastest.
    /// </param>
    /// <exception cref="ArgumentException">An id is null or listed twice (as id, alias or snapshot), a model index is out of range, or an id is shorter than <paramref name="hashed"/> needs.</exception>
    public ModelLookupTable(
        string[] ids, Func<int, ModelPrice> create,
        string[]? aliases = null, int[]? aliasModels = null,
        string[]? snapshots = null, int[]? snapshotModels = null,
        int[]? datedSnapshotModels = null,
        IdSlice hashed = default)
    {
        if (ids is null)
        {
            throw new ArgumentNullException(nameof(ids));
        }

        aliases ??= Array.Empty<string>();
        snapshots ??= Array.Empty<string>();
        aliasModels ??= Array.Empty<int>();
        snapshotModels ??= Array.Empty<int>();
        if (aliases.Length != aliasModels.Length || snapshots.Length != snapshotModels.Length)
        {
            throw new ArgumentException("Every alias and snapshot needs the index of its model.");
        }

        _create = create ?? throw new ArgumentNullException(nameof(create));
        _models = new ModelPrice?[ids.Length];
        _aliasesStart = ids.Length;
        _snapshotsStart = ids.Length + aliases.Length;
        _ids = new string[_snapshotsStart + snapshots.Length];
        _modelOf = new int[_ids.Length];
        ids.CopyTo(_ids, 0);
        aliases.CopyTo(_ids, _aliasesStart);
        snapshots.CopyTo(_ids, _snapshotsStart);
        for (var i = 0; i < _ids.Length; i++)
        {
            var model = i < _aliasesStart ? i : i < _snapshotsStart ? aliasModels[i - _aliasesStart] : snapshotModels[i - _snapshotsStart];
            _modelOf[i] = (uint)model < (uint)ids.Length ? model : throw new ArgumentException("A model index is out of range: " + model.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _hasDatedSnapshots = new bool[ids.Length];
        foreach (var model in datedSnapshotModels ?? Array.Empty<int>())
        {
            _hasDatedSnapshots[(uint)model < (uint)ids.Length ? model : throw new ArgumentException("A model index is out of range.", nameof(datedSnapshotModels))] = true;
            _anyDatedSnapshots = true;
        }

        _minimumLength = int.MaxValue;
        foreach (var id in _ids)
        {
            _minimumLength = Math.Min(_minimumLength, (id ?? throw new ArgumentException("A model id cannot be null.", nameof(ids))).Length);
        }

        if (hashed.Length > 0)
        {
            if (_ids.Length > 0 && _minimumLength < hashed.MinimumIdLength)
            {
                var shortest = Array.Find(_ids, id => id.Length == _minimumLength);
                throw new ArgumentException("The hashed slice " + hashed + " needs ids of at least " + hashed.MinimumIdLength.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters; '" + shortest + "' is shorter.", nameof(hashed));
            }

            _sliceLength = hashed.Length;
            _sliceStart = hashed.IsFromEnd ? -hashed.MinimumIdLength : hashed.Offset;
            _sliceFromEnd = hashed.IsFromEnd ? -1 : 0;
        }

        // At most half full: a miss then ends at an empty slot after 1.5 probes on average.
        var capacity = 4;
        var bits = 2;
        while (capacity < _ids.Length * 2)
        {
            capacity <<= 1;
            bits++;
        }

        _slots = new Slot[capacity];
        _mask = capacity - 1;
        _slotShift = 64 - bits;
        for (var i = 0; i < _ids.Length; i++)
        {
            var id = _ids[i];
            if (Find(id, id.Length) >= 0)
            {
                throw new ArgumentException("The model id '" + id + "' is listed twice.", nameof(ids));
            }

            var hash = Hash(id, id.Length);
            var slot = (int)(hash >> _slotShift);
            while (_slots[slot].Entry != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = new Slot(i + 1, (uint)(hash >> 32));
            if (id.Length < 64)
            {
                _lengths |= 1UL << id.Length;
            }
            else
            {
                _anyLongIds = true;
            }
        }
    }

    /// <summary>The number of models.</summary>
    public int Count => _models.Length;

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

    /// <summary>The model <paramref name="id"/> resolves to (see <see cref="TryResolve"/>), without allocating.</summary>
    public bool TryGet(string? id, [NotNullWhen(true)] out ModelPrice? model)
    {
        // TryResolve without building the match: the path of every generated TryGetModel.
        var index = id is null ? -1 : Find(id, id.Length);
        if (index >= 0)
        {
            model = ModelAt(index < _aliasesStart ? index : _modelOf[index]);
            return true;
        }

        if (id is not null && (index = DatedModel(id)) >= 0)
        {
            model = ModelAt(index);
            return true;
        }

        model = null;
        return false;
    }

    /// <summary>
    /// Resolves a model id (ordinal, case-sensitive): a model's id, else an alias or a listed snapshot of one, else a
    /// model's id plus a date (<c>-YYYY-MM-DD</c>, <c>-YYYYMMDD</c>, <c>-MMDD</c>) when the model has dated snapshots. An
    /// id listed as a model of its own is that model, whatever its dated form says. Allocates nothing.
    /// </summary>
    public bool TryResolve(string? id, out ModelMatch match)
    {
        if (id is not null)
        {
            var index = Find(id, id.Length);
            if (index >= 0)
            {
                var kind = index < _aliasesStart ? ModelMatchKind.Exact : index < _snapshotsStart ? ModelMatchKind.Alias : ModelMatchKind.Snapshot;
                match = new ModelMatch(ModelAt(_modelOf[index]), kind, id);
                return true;
            }

            if ((index = DatedModel(id)) >= 0)
            {
                match = new ModelMatch(ModelAt(index), ModelMatchKind.DatedSnapshot, id);
                return true;
            }
        }

        match = default;
        return false;
    }

    /// <summary>The model with <paramref name="id"/>, as the generated <c>GetModel</c> returns it.</summary>
    /// <exception cref="KeyNotFoundException">No model has that id; the message names the closest id of <paramref name="provider"/>'s catalog.</exception>
    public ModelPrice Get(string id, string provider) =>
        TryGet(id, out var model) ? model : throw ModelLookup.NotFound(id, provider, Models);

    /// <summary>
    /// The position in <see cref="_ids"/> of the id that equals the first <paramref name="length"/> characters of
    /// <paramref name="text"/>, or -1; so <c>gpt-4o</c> is found inside <c>gpt-4o-2024-08-06</c> without cutting the string.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int Find(string text, int length)
    {
        // No id is that long: what FrozenDictionary does first, before hashing. (Past 63 characters the mask cannot
        // tell; the shortest id's length then keeps the slice inside the text.)
        if (length < 64 ? (_lengths & (1UL << length)) == 0 : !_anyLongIds || length < _minimumLength)
        {
            return -1;
        }

        var hash = Hash(text, length);
        var slotHash = (uint)(hash >> 32);
        var slot = (int)(hash >> _slotShift);
        int entry;
        while ((entry = _slots[slot].Entry) != 0)
        {
            if (_slots[slot].Hash == slotHash)
            {
                var candidate = _ids[entry - 1];
                if (candidate.Length == length && StartsWith(text, candidate))
                {
                    return entry - 1;
                }
            }

            slot = (slot + 1) & _mask;
        }

        return -1;
    }

    /// <summary>The model whose id plus a date <paramref name="id"/> is, when it has dated snapshots; else -1.</summary>
    private int DatedModel(string id)
    {
        int index;
        return _anyDatedSnapshots && DatedSuffix.TryGetBaseLength(id, out var baseLength) &&
            (index = Find(id, baseLength)) >= 0 && index < _aliasesStart && _hasDatedSnapshots[index]
            ? index
            : -1;
    }

    /// <summary>The model at <paramref name="index"/> of the ids, created on first use.</summary>
    public ModelPrice ModelAt(int index) => _models[index] ??= _create(index); // a race creates the same static instance twice

    /// <summary>
    /// A 64-bit hash of the first <paramref name="length"/> characters, good in its top bits (they pick the slot and
    /// are kept in it): of the slice only, one or two reads and a multiply each, when there is one; else of them all.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private unsafe ulong Hash(string text, int length)
    {
        const ulong LengthMultiplier = 0x9E3779B97F4A7C15, First = 0xC2B2AE3D27D4EB4F, Last = 0x165667B19E3779F9;
        if (_sliceLength == 0)
        {
            return HashWhole(text, length);
        }

        fixed (char* start = text)
        {
            // Within the text: length is an id's length (Find checked), so at least the slice's minimum.
            var slice = start + _sliceStart + (length & _sliceFromEnd);
            var lengthHash = (ulong)length * LengthMultiplier; // ids of one slice but different lengths hash apart
            if (_sliceLength >= 4)
            {
                var hash = (*(ulong*)slice * First) + lengthHash;
                return _sliceLength == 4 ? hash : hash ^ (*(ulong*)(slice + _sliceLength - 4) * Last); // the second read may overlap the first
            }

            // One to three characters (only when some id is that short): first, middle and last, each one character.
            var characters = slice[0] | ((ulong)slice[_sliceLength >> 1] << 16) | ((ulong)slice[_sliceLength - 1] << 32);
            return (characters * First) + lengthHash;
        }
    }

    /// <summary>
    /// A 64-bit hash of the first <paramref name="length"/> characters: four characters a read, in two lanes that do
    /// not wait for each other, so an id of up to sixteen characters costs two dependent multiplies a lane (a single
    /// chain of one multiply per four characters was most of a hit's time on ids like <c>model-05000-ft</c>). The last
    /// reads overlap the earlier ones rather than finishing character by character; only ids under four characters
    /// are read one character at a time.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static unsafe ulong HashWhole(string text, int length)
    {
        const ulong LengthMultiplier = 0x9E3779B97F4A7C15, Lane1 = 0xC2B2AE3D27D4EB4F, Lane2 = 0x165667B19E3779F9, Final = 0xFF51AFD7ED558CCD;
        var lane1 = (ulong)length * LengthMultiplier;
        var lane2 = 0UL;
        fixed (char* start = text)
        {
            if (length >= 4)
            {
                var last = start + length - 8; // the last eight characters; before start when there are fewer
                for (var p = start; p < last; p += 8)
                {
                    lane1 = (lane1 ^ *(ulong*)p) * Lane1;
                    lane2 = (lane2 ^ *(ulong*)(p + 4)) * Lane2;
                }

                lane1 = (lane1 ^ *(ulong*)(length >= 8 ? last : start)) * Lane1;
                lane2 = (lane2 ^ *(ulong*)(start + length - 4)) * Lane2;
            }
            else
            {
                for (var i = 0; i < length; i++)
                {
                    lane1 ^= (ulong)start[i] << (16 * i);
                }

                lane1 *= Lane1;
            }
        }

        // Fold the high half in before a last multiply: every input bit reaches the top bits, which pick the slot.
        var hash = lane1 ^ lane2;
        hash ^= hash >> 32;
        return hash * Final;
    }

    /// <summary>
    /// Whether <paramref name="text"/> starts with <paramref name="id"/> (ordinal), four characters a compare: inlined,
    /// where <c>string.Equals</c> is a call, which on ids of a dozen characters costs about as much as the compare.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static unsafe bool StartsWith(string text, string id)
    {
        var length = id.Length; // at most text.Length: Find looks up a prefix of text
        fixed (char* a = text, b = id)
        {
            if (length < 4)
            {
                for (var i = 0; i < length; i++)
                {
                    if (a[i] != b[i])
                    {
                        return false;
                    }
                }

                return true;
            }

            // Four characters at a time; the last compare ends at the last character and may overlap the one before.
            for (var i = 0; i < length - 4; i += 4)
            {
                if (*(ulong*)(a + i) != *(ulong*)(b + i))
                {
                    return false;
                }
            }

            return *(ulong*)(a + length - 4) == *(ulong*)(b + length - 4);
        }
    }

    /// <summary>An occupied slot: the position in <see cref="_ids"/> plus one (0 is empty), and that id's hash.</summary>
    private readonly struct Slot
    {
        public readonly int Entry;
        public readonly uint Hash;

        public Slot(int entry, uint hash)
        {
            Entry = entry;
            Hash = hash;
        }
    }
}
