using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    private readonly uint[] _slots; // a slot: its position in _ids plus one (0: empty) in the low bits, bits of its id's hash above
    private readonly int _mask;
    private readonly int _slotShift; // a hash's top bits pick its slot: 64 minus the bits of _mask
    private readonly uint _entryMask; // the low bits of a slot, which hold the position
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

        // At most a quarter full: a miss then ends at an empty slot after 1.4 probes on average (2.5 at half full,
        // which made a miss cost more than a FrozenDictionary's), in four bytes a slot.
        var capacity = 4;
        var bits = 2;
        while (capacity < _ids.Length * 4L)
        {
            capacity <<= 1;
            bits++;
        }

        _slots = new uint[capacity];
        _mask = capacity - 1;
        _slotShift = 64 - bits;
        var entryBits = 1;
        while ((1L << entryBits) <= _ids.Length)
        {
            entryBits++;
        }

        _entryMask = (uint)((1L << entryBits) - 1);
        for (var i = 0; i < _ids.Length; i++)
        {
            // One hash an id: the probe for its empty slot passes every id that could equal it.
            var id = _ids[i];
            var hash = Hash(id, id.Length);
            var check = CheckBits(hash);
            var slot = (int)(hash >> _slotShift);
            for (uint occupant; (occupant = _slots[slot]) != 0; slot = (slot + 1) & _mask)
            {
                if ((occupant & ~_entryMask) == check && string.Equals(_ids[(int)(occupant & _entryMask) - 1], id, StringComparison.Ordinal))
                {
                    throw new ArgumentException("The model id '" + id + "' is listed twice.", nameof(ids));
                }
            }

            _slots[slot] = check | (uint)(i + 1);
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(string text, int length)
    {
        // No id is that long: what FrozenDictionary does first, before hashing. (Past 63 characters the mask cannot
        // tell; the shortest id's length then keeps the slice inside the text.)
        if (length < 64 ? (_lengths & (1UL << length)) == 0 : !_anyLongIds || length < _minimumLength)
        {
            return -1;
        }

        var hash = Hash(text, length);
        var slots = _slots;
        var slot = (int)(hash >> _slotShift);
        var check = CheckBits(hash);
        while (true)
        {
            var occupant = slots[slot];
            if (occupant == 0)
            {
                return -1;
            }

            if ((occupant & ~_entryMask) == check)
            {
                var index = (int)(occupant & _entryMask) - 1;
                var candidate = _ids[index];
                if (candidate.Length == length && StartsWith(text, candidate))
                {
                    return index;
                }
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>
    /// The bits of a hash a slot keeps above its position, so that a probe rarely compares a string: taken from a
    /// second multiply, as the top bits, which pick the slot, are nearly the same for the ids of one run of slots.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint CheckBits(ulong hash) => (uint)((hash * 0xD6E8FEB86659FD93) >> 32) & ~_entryMask;

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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Hash(string text, int length)
    {
        const ulong LengthMultiplier = 0x9E3779B97F4A7C15, First = 0xC2B2AE3D27D4EB4F, Last = 0x165667B19E3779F9;
        if (_sliceLength == 0)
        {
            return HashWhole(text, length);
        }

        // Within the text: length is an id's length (Find checked), so at least the slice's minimum.
        ref var slice = ref Unsafe.Add(ref FirstCharacter(text), _sliceStart + (length & _sliceFromEnd));
        var lengthHash = (ulong)length * LengthMultiplier; // ids of one slice but different lengths hash apart
        if (_sliceLength >= 4)
        {
            var hash = (Read4(ref slice, 0) * First) + lengthHash;
            return _sliceLength == 4 ? hash : hash ^ (Read4(ref slice, _sliceLength - 4) * Last); // the second read may overlap the first
        }

        // One to three characters (only when some id is that short): first, middle and last, each one character.
        var characters = slice | ((ulong)Unsafe.Add(ref slice, _sliceLength >> 1) << 16) | ((ulong)Unsafe.Add(ref slice, _sliceLength - 1) << 32);
        return (characters * First) + lengthHash;
    }

    /// <summary>The text's first character, to read from without pinning the string (a pinned local costs a hit a few cycles).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref char FirstCharacter(string text) => ref MemoryMarshal.GetReference(text.AsSpan());

    /// <summary>The four characters from <paramref name="index"/> on, as one 64-bit read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read4(ref char start, int index) => Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref start, index)));

    /// <summary>
    /// A 64-bit hash of the first <paramref name="length"/> characters: four characters a read, in two lanes that do
    /// not wait for each other, so an id of up to sixteen characters costs two dependent multiplies a lane (a single
    /// chain of one multiply per four characters was most of a hit's time on ids like <c>model-05000-ft</c>). The last
    /// reads overlap the earlier ones rather than finishing character by character; only ids under four characters
    /// are read one character at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HashWhole(string text, int length)
    {
        const ulong LengthMultiplier = 0x9E3779B97F4A7C15, Lane1 = 0xC2B2AE3D27D4EB4F, Lane2 = 0x165667B19E3779F9, Final = 0xFF51AFD7ED558CCD;
        var lane1 = (ulong)length * LengthMultiplier;
        var lane2 = 0UL;
        ref var start = ref FirstCharacter(text);
        if (length >= 4)
        {
            for (var i = 0; i < length - 8; i += 8)
            {
                lane1 = (lane1 ^ Read4(ref start, i)) * Lane1;
                lane2 = (lane2 ^ Read4(ref start, i + 4)) * Lane2;
            }

            // The last eight characters, or the first four again when there are fewer.
            lane1 = (lane1 ^ Read4(ref start, length >= 8 ? length - 8 : 0)) * Lane1;
            lane2 = (lane2 ^ Read4(ref start, length - 4)) * Lane2;
        }
        else
        {
            for (var i = 0; i < length; i++)
            {
                lane1 ^= (ulong)Unsafe.Add(ref start, i) << (16 * i);
            }

            lane1 *= Lane1;
        }

        // Fold the high half in before a last multiply: every input bit reaches the top bits, which pick the slot.
        var hash = lane1 ^ lane2;
        hash ^= hash >> 32;
        return hash * Final;
    }

    /// <summary>
    /// Whether <paramref name="text"/> starts with <paramref name="id"/> (ordinal). A span compare: on .NET the
    /// System.Memory package forwards to the runtime's vectorized compare, the one <c>FrozenDictionary</c> calls. Measured
    /// against an inlined compare of four characters a read, the call is 1 ns faster on a hit of 17 characters and
    /// equal on 14 (LookupBenchmarks).
    /// </summary>
    private static bool StartsWith(string text, string id) => text.AsSpan(0, id.Length).SequenceEqual(id.AsSpan());
}
