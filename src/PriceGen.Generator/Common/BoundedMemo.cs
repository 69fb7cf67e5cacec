using System;
using System.Collections.Concurrent;

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

            if (_values.Count >= Capacity)
            {
                _values.Clear();
            }

            return _values.GetOrAdd(key, _compute);
        }
    }
}
