namespace PriceGen;

/// <summary>How a model id matched a catalog model, from the most to the least exact.</summary>
public enum ModelMatchKind
{
    /// <summary>The id is the model's own id.</summary>
    Exact,

    /// <summary>The id is one of the model's <c>aliases</c> (an Azure spelling, a provider prefix, a <c>-latest</c> name).</summary>
    Alias,

    /// <summary>The id is one of the snapshots the model lists in <c>snapshots: [..]</c>.</summary>
    Snapshot,

    /// <summary>The id is the model's id plus a date (<c>gpt-4o-2024-08-06</c>), for a model with <c>snapshots: dated</c>.</summary>
    DatedSnapshot,
}
