using System.Collections.Generic;
using System.Linq;
using PriceGen.Common;
using PriceGen.Diagnostics;

namespace PriceGen.Catalog;

/// <summary>
/// The other ids of a model: <c>aliases: [..]</c> and <c>snapshots: dated | [..]</c>, and the check that no id of
/// the catalog names two models.
/// </summary>
internal sealed partial class CatalogParser
{
    /// <summary>One id a model answers to, where it is written, and as what (for PRICE119's message).</summary>
    private readonly record struct IdClaim(string Id, CatalogSpan Span, string Model, string As);

    /// <summary>The aliases, listed snapshots and dated flag of one entry; problems are reported and clear <paramref name="ok"/>.</summary>
    private (EquatableArray<string> Aliases, EquatableArray<string> Snapshots, bool Dated) ReadIdentity(
        YamlScalar id, FieldMap fields, List<IdClaim> claims, ref bool ok)
    {
        if (!fields.ContainsKey(CatalogFormat.AliasesField) && !fields.ContainsKey(CatalogFormat.SnapshotsField))
        {
            return (EquatableArray<string>.Empty, EquatableArray<string>.Empty, false);
        }

        var seen = new HashSet<string>(System.StringComparer.Ordinal) { id.Value };
        var aliases = fields.TryGetValue(CatalogFormat.AliasesField, out var aliasField)
            ? ReadIdList(id, aliasField.Value, CatalogFormat.AliasesField, "alias", seen, claims, ref ok)
            : new List<string>();

        var dated = false;
        var snapshots = new List<string>();
        if (fields.TryGetValue(CatalogFormat.SnapshotsField, out var snapshotField))
        {
            if (snapshotField.Value is YamlScalar { Value: CatalogFormat.DatedSnapshots })
            {
                dated = true;
            }
            else if (snapshotField.Value is YamlSequence)
            {
                snapshots = ReadIdList(id, snapshotField.Value, CatalogFormat.SnapshotsField, "snapshot", seen, claims, ref ok);
            }
            else
            {
                var written = snapshotField.Value is YamlScalar scalar ? $"'{scalar.Value}'" : "a mapping";
                _problems.Report(DiagnosticIds.InvalidValue, snapshotField.Value,
                    $"'snapshots' is 'dated' (the id plus a date, such as {id.Value}-2024-08-06) or a list of snapshot ids such as [{id.Value}-001], not {written}");
                ok = false;
            }
        }

        return (aliases.ToEquatableArray(), snapshots.ToEquatableArray(), dated);
    }

    private List<string> ReadIdList(YamlScalar id, YamlNode node, string field, string what, HashSet<string> seen, List<IdClaim> claims, ref bool ok)
    {
        var ids = new List<string>();
        if (node is not YamlSequence sequence)
        {
            _problems.Report(DiagnosticIds.InvalidValue, node, $"'{field}' must be a list of model ids, such as [{id.Value}-latest]");
            ok = false;
            return ids;
        }

        foreach (var item in sequence.Items)
        {
            if (item is not YamlScalar { IsNull: false } scalar || scalar.Value.Trim().Length == 0 || scalar.Value.Any(char.IsControl) || scalar.Value.Trim() != scalar.Value)
            {
                _problems.Report(DiagnosticIds.InvalidValue, item, $"each {what} of model '{id.Value}' must be a non-empty single-line model id");
                ok = false;
                continue;
            }

            if (!seen.Add(scalar.Value))
            {
                _problems.Report(DiagnosticIds.InvalidValue, scalar, scalar.Value == id.Value
                    ? $"'{scalar.Value}' is the model's own id; an {what} is another id of the same model"
                    : $"'{scalar.Value}' is already an id of model '{id.Value}'; list each id once");
                ok = false;
                continue;
            }

            ids.Add(scalar.Value);
            claims.Add(new IdClaim(scalar.Value, Span(scalar), id.Value, $"{(what == "alias" ? "an alias" : "a snapshot")} of '{id.Value}'"));
        }

        return ids;
    }

    /// <summary>
    /// Whether every id <paramref name="model"/> answers to is free in the catalog; reports PRICE119 at the first one
    /// that is not, with the earlier claim as additional location. When all are free, claims them for the model that is
    /// added next (<see cref="_models"/>).
    /// </summary>
    private bool ClaimIds(CatalogModel model, CatalogSpan idSpan, List<IdClaim> claims, Dictionary<string, int> claimed, List<IdClaim> otherClaims)
    {
        var own = new IdClaim(model.Id, idSpan, model.Id, OwnId);
        if (IsClaimedAlready(own, claimed, otherClaims))
        {
            return false;
        }

        foreach (var claim in claims)
        {
            if (IsClaimedAlready(claim, claimed, otherClaims))
            {
                return false;
            }
        }

        claimed.Add(own.Id, _models.Count);
        foreach (var claim in claims)
        {
            claimed.Add(claim.Id, ~otherClaims.Count);
            otherClaims.Add(claim);
        }

        return true;
    }

    private const string OwnId = "a model id";

    /// <summary>Whether an earlier model claimed the id of <paramref name="claim"/>; if so, reports PRICE119.</summary>
    private bool IsClaimedAlready(IdClaim claim, Dictionary<string, int> claimed, List<IdClaim> otherClaims)
    {
        if (!claimed.TryGetValue(claim.Id, out var at))
        {
            return false;
        }

        var earlier = at >= 0 ? new IdClaim(_models[at].Id, _modelIdSpans[at], _models[at].Id, OwnId) : otherClaims[~at];
        var described = earlier.As == OwnId ? $"the id of model '{earlier.Model}'" : earlier.As;
        _problems.Report(DiagnosticIds.ConflictingAlias, claim.Span, earlier.Span, claim.Id, claim.As, described);
        return true;
    }
}
