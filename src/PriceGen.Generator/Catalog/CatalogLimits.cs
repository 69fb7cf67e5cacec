namespace PriceGen.Catalog;

/// <summary>
/// Bounds that keep a hostile or runaway catalog from hanging or exhausting the compiler or the IDE.
/// Each is far above what a real price list needs; exceeding one is diagnostic PRICE116.
/// </summary>
internal static class CatalogLimits
{
    /// <summary>Largest catalog file, in characters (16 MiB of text).</summary>
    public const int MaxFileLength = 16 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences. The format needs 5.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// Most YAML nodes the document may expand to, counting every alias as a copy of what it names (stops "billion
    /// laughs"). A model takes about 10 nodes, so this holds 25,000 models; reading it costs about 100 MB at worst.
    /// </summary>
    public const int MaxNodes = 250_000;

    /// <summary>Most problems reported for one file; past it one PRICE116 says the rest were left out.</summary>
    public const int MaxProblems = 500;

    /// <summary>Most aliases (<c>*name</c>) in one catalog.</summary>
    public const int MaxAliases = 10_000;

    /// <summary>Longest mapping key, in characters (a model id or a field name).</summary>
    public const int MaxKeyLength = 1_024;

    /// <summary>Longest scalar value, in characters (a description).</summary>
    public const int MaxScalarLength = 64 * 1024;
}
