using System.Collections.Generic;
using System.Linq;
using PriceGen.Catalog;

namespace PriceGen.Cli.Diff;

/// <summary>What changed in one dimension of a model; the names are those that <c>pricegen diff</c> prints.</summary>
internal enum DimensionChangeKind
{
    RateAdded,
    RateRemoved,
    PriceUp,
    PriceDown,

    /// <summary>Now charged per another unit (characters instead of tokens): the prices do not compare.</summary>
    UnitChanged,

    /// <summary>Durations rounded another way (<c>rounding:</c>); a price change, if any, is a change of its own.</summary>
    RoundingChanged,
}

internal enum ModelChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// One dimension of a model compared: <see cref="Old"/> is null for an added rate, <see cref="New"/> for a removed
/// one. <see cref="Ratio"/> is new price / old price per unit, rounded to <see cref="PriceComparison.RatioDecimals"/>
/// places; null when the price did not change or the old price was 0.
/// </summary>
internal sealed record DimensionChange(DimensionChangeKind Kind, string Key, PriceDimension? Old, PriceDimension? New, decimal? Ratio);

/// <summary>A change that is not a price: a model's name, section or lifecycle, a catalog's class or date. Null is "not set".</summary>
internal sealed record InfoChange(string Field, string? Old, string? New);

internal sealed record ModelDiff(string Id, CatalogSection Section, ModelChangeKind Change, IReadOnlyList<DimensionChange> Dimensions, IReadOnlyList<InfoChange> Info);

/// <summary>
/// Two versions of one catalog compared, model by model. <see cref="Old"/> is null for a catalog only in the new
/// directory, <see cref="New"/> for one only in the old: every model of the other is then added or removed.
/// </summary>
internal sealed record CatalogDiff(string? OldPath, string? NewPath, PriceCatalog? Old, PriceCatalog? New, IReadOnlyList<InfoChange> Header, IReadOnlyList<ModelDiff> Models)
{
    public bool HasChanges => Old is null || New is null || Header.Count > 0 || Models.Count > 0;

    public PriceCatalog Catalog => (New ?? Old)!;

    public string Change => Old is null ? "added" : New is null ? "removed" : HasChanges ? "changed" : "unchanged";

    public int Count(ModelChangeKind kind) => Models.Count(m => m.Change == kind);
}
