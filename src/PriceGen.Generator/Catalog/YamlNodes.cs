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

    /// <summary>
    /// For a node written as an alias (<c>*name</c>), the anchored node it stands for: <see cref="Start"/> and
    /// <see cref="End"/> are the alias's, the content is the anchored node's, shared. A problem in that content is
    /// reported at the alias, where this use of it is.
    /// </summary>
    public YamlNode? Anchored { get; private set; }

    /// <summary>This node as used by an alias at <paramref name="start"/>..<paramref name="end"/>: O(1), children shared.</summary>
    public YamlNode AliasAt(int start, int end)
    {
        var alias = CopyAt(start, end);
        alias.ExpandedSize = ExpandedSize;
        alias.Anchored = Anchored ?? this;
        return alias;
    }

    protected abstract YamlNode CopyAt(int start, int end);
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

    public bool IsNull => IsPlain && MeansNull(Value);

    /// <summary>Whether an unquoted scalar with this text is read as "no value"; a writer must quote such text.</summary>
    public static bool MeansNull(string plainText) => plainText is "" or "~" or "null" or "Null" or "NULL";

    protected override YamlNode CopyAt(int start, int end) => new YamlScalar(Value, IsPlain, start, end);
}

internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(int start, int end)
        : this(start, end, new List<KeyValuePair<YamlScalar, YamlNode>>())
    {
    }

    /// <param name="start">Where the mapping starts.</param>
    /// <param name="end">Where it ends, as far as known.</param>
    /// <param name="capacity">How many entries it will have, about.</param>
    public YamlMapping(int start, int end, int capacity)
        : this(start, end, new List<KeyValuePair<YamlScalar, YamlNode>>(capacity))
    {
    }

    private YamlMapping(int start, int end, List<KeyValuePair<YamlScalar, YamlNode>> entries)
        : base(start, end) => Entries = entries;

    /// <summary>Entries in document order; a duplicate key was already reported and left out.</summary>
    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; }

    protected override YamlNode CopyAt(int start, int end) => new YamlMapping(start, end, Entries);
}

internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(int start, int end)
        : this(start, end, new())
    {
    }

    private YamlSequence(int start, int end, List<YamlNode> items)
        : base(start, end) => Items = items;

    public List<YamlNode> Items { get; }

    protected override YamlNode CopyAt(int start, int end) => new YamlSequence(start, end, Items);
}
