using System;
using System.Collections.Concurrent;
using System.Threading;

namespace PriceGen.Common;

/// <summary>
/// A thread-safe memo of a pure function of short strings (identifiers): the analyzers ask the same few hundred names
/// about every literal. Bounded: past <see cref="Capacity"/> entries it starts over, and long strings are not kept.
/// </summary>
internal sealed class BoundedMemo<T>
{
    private const int Capacity = 20_000;
    private const int LongestKey = 128;
    private readonly Func<string, T> _compute;
    private readonly ConcurrentDictionary<string, T> _values = new(StringComparer.Ordinal);
    private int _added; // misses since the last clear: at least the entries held

    public BoundedMemo(Func<string, T> compute) => _compute = compute;

    public T this[string key]
    {
        get
        {
            if (key.Length > LongestKey)
            {
                return _compute(key);
            }

            if (_values.TryGetValue(key, out var value))
            {
                return value;
            }

            // Counted here, not by ConcurrentDictionary.Count, which takes every lock of the dictionary: a catalog's
            // thousands of type and member names each missed once, and each miss cost that.
            if (Interlocked.Increment(ref _added) > Capacity)
            {
                _values.Clear();
                Interlocked.Exchange(ref _added, 0);
            }

            return _values.GetOrAdd(key, _compute);
        }
    }
}
