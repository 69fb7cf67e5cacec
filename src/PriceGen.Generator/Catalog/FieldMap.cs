using System.Collections.Generic;

namespace PriceGen.Catalog;

/// <summary>
/// The fields of one mapping (a model entry, the catalog's header) by key. A model has a handful and the parser asks
/// for each field it knows, dozens of lookups per entry: a list searched in order is smaller and faster for that than
/// a hash table, and a catalog has thousands of entries.
/// </summary>
internal sealed class FieldMap
{
    private readonly List<KeyValuePair<YamlScalar, YamlNode>> _fields;

    public FieldMap(int capacity) => _fields = new List<KeyValuePair<YamlScalar, YamlNode>>(capacity);

    public int Count => _fields.Count;

    /// <summary>Forgets every field, to read the next mapping into the same map.</summary>
    public void Clear() => _fields.Clear();

    /// <summary>The fields in the order they were first set.</summary>
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Values => _fields;

    /// <exception cref="KeyNotFoundException">No field has that key (get).</exception>
    public KeyValuePair<YamlScalar, YamlNode> this[string key]
    {
        get => IndexOf(key) is var index and >= 0 ? _fields[index] : throw new KeyNotFoundException($"no field '{key}'");
        set
        {
            var index = IndexOf(key);
            if (index >= 0)
            {
                _fields[index] = value;
            }
            else
            {
                _fields.Add(value);
            }
        }
    }

    public bool TryGetValue(string key, out KeyValuePair<YamlScalar, YamlNode> field)
    {
        var index = IndexOf(key);
        field = index >= 0 ? _fields[index] : default;
        return index >= 0;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    private int IndexOf(string key)
    {
        for (var i = 0; i < _fields.Count; i++)
        {
            if (string.Equals(_fields[i].Key.Value, key, System.StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
