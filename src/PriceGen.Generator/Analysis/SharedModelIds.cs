using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PriceGen.Catalog;
using PriceGen.Diagnostics;
using PriceGen.Generation.Plan;

namespace PriceGen.Analysis;

/// <summary>
/// PRICE120: an id that catalogs of different providers both claim (as an id, alias or snapshot), reported in each of
/// them. Catalogs of one provider (a price history: the 2023 and 2026 OpenAI lists) may list the same ids freely.
/// </summary>
internal static class SharedModelIds
{
    /// <summary>The PRICE120 diagnostics of every catalog, by path; catalogs without one are absent.</summary>
    public static ImmutableDictionary<string, ImmutableArray<Diagnostic>> Find(IEnumerable<(string Path, CatalogPlan Plan, CatalogSourceMap Map)> catalogs)
    {
        var claims = new Dictionary<string, List<Claim>>(StringComparer.Ordinal);
        foreach (var (path, plan, map) in catalogs)
        {
            foreach (var model in plan.Models)
            {
                var at = model.Index < map.ModelIds.Count ? map.ModelIds[model.Index] : map.ClassName;
                Add(claims, model.Id, new Claim(path, plan.Catalog.Provider, at, $"the id of model '{model.Id}'"));
                foreach (var alias in model.Entry.Aliases)
                {
                    Add(claims, alias, new Claim(path, plan.Catalog.Provider, at, $"an alias of '{model.Id}'"));
                }

                foreach (var snapshot in model.Entry.Snapshots)
                {
                    Add(claims, snapshot, new Claim(path, plan.Catalog.Provider, at, $"a snapshot of '{model.Id}'"));
                }
            }
        }

        var found = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        foreach (var pair in claims.Where(c => c.Value.Select(x => x.Provider).Distinct(StringComparer.Ordinal).Skip(1).Any()))
        {
            foreach (var claim in pair.Value)
            {
                var other = pair.Value.First(c => !string.Equals(c.Provider, claim.Provider, StringComparison.Ordinal));
                if (!found.TryGetValue(claim.Path, out var list))
                {
                    found.Add(claim.Path, list = new List<Diagnostic>());
                }

                list.Add(Diagnostic.Create(
                    DiagnosticDescriptors.SharedModelId,
                    claim.At.ToLocation(claim.Path),
                    new[] { other.At.ToLocation(other.Path) },
                    pair.Key,
                    claim.How,
                    other.How,
                    other.Provider,
                    Path.GetFileName(other.Path)));
            }
        }

        return found.ToImmutableDictionary(f => f.Key, f => f.Value.ToImmutableArray(), StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, List<Claim>> claims, string id, Claim claim)
    {
        if (!claims.TryGetValue(id, out var list))
        {
            claims.Add(id, list = new List<Claim>(1));
        }

        list.Add(claim);
    }

    private readonly record struct Claim(string Path, string Provider, CatalogSpan At, string How);
}
