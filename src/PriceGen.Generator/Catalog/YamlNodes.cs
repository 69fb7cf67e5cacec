using System.Collections.Generic;

namespace PriceGen.Catalog;

/// <summary>
/// The parts of a YAML document the catalog reader needs, with character offsets. Transient: built and read by
/// <see cref="CatalogParser"/> within one call, never cached.
/// </summary>
internal abstract class YamlNode
{
    protected YamlNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; internal set; }

    /// <summary>Nodes in this subtree, counting every alias target again, for the expansion budget.</summary>
    public int ExpandedSize { get; internal set; } = 1;
}

internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, bool isPlain, int start, int end)
        : base(start, end)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>Unquoted: <c>~</c>, <c>null</c> and an empty plain scalar mean "no value".</summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";
}

internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(int start, int end)
        : base(start, end)
    {
    }

    /// <summary>Entries in document order; a duplicate key was already reported and left out.</summary>
    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = new();
}

internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(int start, int end)
        : base(start, end)
    {
    }

    public List<YamlNode> Items { get; } = new();
}
