using System.Collections.Generic;
using System.Linq;
using PriceGen.Catalog;

namespace PriceGen.Cli;

/// <summary>
/// A catalog laid out as its price page: one table per section, one row per model, one column per rate role
/// (Training, Usage; Input, Output, Cached input; 1024x1024 …) holding the rate as the catalog writes it.
/// </summary>
internal sealed record PriceTable(string Title, IReadOnlyList<PriceTableSection> Sections)
{
    public static PriceTable From(PriceCatalog catalog)
    {
        var sections = catalog.Models
            .GroupBy(m => m.Section)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var roles = g.SelectMany(m => m.Rates.Select(r => r.Role)).Distinct().ToList();
                var rows = g.Select(m => new PriceTableRow(
                        m.Id,
                        m.Name,
                        roles.Select(role => m.Rates.FirstOrDefault(r => r.Role == role)?.Written ?? string.Empty).ToList()))
                    .ToList();
                return new PriceTableSection(CatalogFormat.KeyOf(g.Key), roles, rows);
            })
            .ToList();
        return new PriceTable($"{catalog.Provider} prices in {catalog.Currency}, effective {catalog.EffectiveText}", sections);
    }
}

internal sealed record PriceTableSection(string Name, IReadOnlyList<string> Roles, IReadOnlyList<PriceTableRow> Rows);

internal sealed record PriceTableRow(string Id, string Name, IReadOnlyList<string> Rates)
{
    public string Label => Name == Id ? Id : $"{Name} ({Id})";
}
