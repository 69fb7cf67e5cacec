using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PriceGen.Catalog;
using PriceGen.Generation;

namespace PriceGen.Analysis;

/// <summary>A catalog additional file of the compilation, parsed.</summary>
internal sealed record AnalyzedCatalog(AdditionalText File, CatalogParseResult Result, bool OwnsClass);

/// <summary>A model id known to some catalog, and the generated constant that holds it.</summary>
internal sealed record KnownModel(string Id, string Provider, string? IdConstant, string IdDisplay)
{
    /// <summary>"is deprecated since 2023-06-13 and shuts down on 2024-06-13", or null for a current model.</summary>
    public string? Retirement { get; init; }

    /// <summary>The id the catalog recommends instead of a retired model.</summary>
    public string? Replacement { get; init; }
}

/// <summary>
/// A catalog rate a literal may equal: as listed (<see cref="ValueProperty"/> <c>Price</c>), or per single unit
/// (<c>PricePerToken</c>, <c>PricePerUnit</c>). <see cref="RateMember"/> is the fully qualified generated field, or
/// <see langword="null"/> when no code is generated for the catalog.
/// </summary>
internal sealed record PriceMatch(string ModelId, string Provider, string Role, string Written, bool PerUnit, string? RateMember, string RateDisplay, string ValueProperty)
{
    /// <summary>The expression that replaces the literal: <c>global::Ns.OpenAIPrices.Chat.Gpt35Turbo.Usage.Price</c>.</summary>
    public string? Replacement => RateMember is null ? null : RateMember + "." + ValueProperty;

    /// <summary>The replacement as a code-fix title shows it: <c>OpenAIPrices.Chat.Gpt35Turbo.Usage.Price</c>.</summary>
    public string ReplacementDisplay => RateDisplay + "." + ValueProperty;
}

/// <summary>
/// Everything the code analyzers look up, built once per compilation from the cached parses: ids and prices in hash
/// tables, so the work per literal or argument is one lookup, never a scan of the catalogs.
/// </summary>
internal sealed class CatalogIndex
{
    private readonly Dictionary<string, KnownModel> _models;
    private readonly Dictionary<decimal, ImmutableArray<PriceMatch>> _prices;
    private readonly Lazy<ModelIdSuggestions> _suggestions;

    private CatalogIndex(ImmutableArray<AnalyzedCatalog> catalogs, Dictionary<string, KnownModel> models, Dictionary<decimal, ImmutableArray<PriceMatch>> prices, bool runtimeReferenced)
    {
        Catalogs = catalogs;
        _models = models;
        _prices = prices;
        RuntimeReferenced = runtimeReferenced;
        ModelIds = models.Keys.OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();
        _suggestions = new Lazy<ModelIdSuggestions>(() => new ModelIdSuggestions(ModelIds));
    }

    /// <summary>Every catalog of the compilation, in path order.</summary>
    public ImmutableArray<AnalyzedCatalog> Catalogs { get; }

    public bool HasCatalogs => !Catalogs.IsEmpty;

    public bool RuntimeReferenced { get; }

    public ImmutableArray<string> ModelIds { get; }

    public bool TryGetModel(string id, out KnownModel model) => _models.TryGetValue(id, out model!);

    public ImmutableArray<PriceMatch> PricesEqualTo(decimal value) =>
        _prices.TryGetValue(value, out var matches) ? matches : ImmutableArray<PriceMatch>.Empty;

    /// <summary>The id a typo most plausibly meant, or <see langword="null"/>.</summary>
    public string? Suggest(string typed) => _suggestions.Value.Suggest(typed);

    public static CatalogIndex Build(Compilation compilation, AnalyzerOptions options, Func<AdditionalText, CatalogParseResult?> parse, CancellationToken cancellationToken)
    {
        var files = CatalogFiles.InPathOrder(options.AdditionalFiles.Where(f => CatalogFiles.IsCatalog(f.Path)), f => f.Path).ToList();
        var parsed = new List<(AdditionalText File, CatalogParseResult Result)>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (parse(file) is { } result)
            {
                parsed.Add((file, result));
            }
        }

        var owners = CatalogFiles.ClassOwners(parsed.Select(p => (p.File.Path, p.Result.Catalog?.ClassName)));
        var catalogs = parsed
            .Select(p => new AnalyzedCatalog(p.File, p.Result, p.Result.Catalog is { } c && owners.Any(o => o.ClassName == c.ClassName && o.Path == p.File.Path)))
            .ToImmutableArray();

        var runtimeReferenced = compilation.GetTypeByMetadataName("PriceGen.ModelPrice") is not null;
        var generationOptions = GenerationOptionsReader.Read(options.AnalyzerConfigOptionsProvider.GlobalOptions);
        var ns = generationOptions.Namespace;
        var models = new Dictionary<string, KnownModel>(StringComparer.Ordinal);
        var prices = new Dictionary<decimal, List<PriceMatch>>();
        foreach (var analyzed in catalogs)
        {
            if (analyzed.Result.Catalog is not { } catalog)
            {
                continue;
            }

            var generated = analyzed.OwnsClass && runtimeReferenced && generationOptions.InvalidNamespace is null;
            var classPath = "global::" + (string.IsNullOrEmpty(ns) ? string.Empty : ns + ".") + catalog.ClassName;
            foreach (var model in catalog.Models)
            {
                var modelDisplay = catalog.ClassName + "." + CatalogFormat.ClassNameOf(model.Section) + "." + model.MemberName;
                var modelPath = classPath + "." + CatalogFormat.ClassNameOf(model.Section) + "." + model.MemberName;
                if (models.TryGetValue(model.Id, out var listed))
                {
                    // Listed by two catalogs (2023 and 2026 prices): a retirement recorded in either one counts.
                    if (listed.Retirement is null && Retirement(model.Info) is { } later)
                    {
                        models[model.Id] = listed with { Retirement = later, Replacement = model.Info.Replacement };
                    }
                }
                else
                {
                    models.Add(model.Id, new KnownModel(model.Id, catalog.Provider, generated ? modelPath + ".Id" : null, modelDisplay + ".Id")
                    {
                        Retirement = Retirement(model.Info),
                        Replacement = model.Info.Replacement,
                    });
                }

                foreach (var rate in model.Rates)
                {
                    var rateDisplay = modelDisplay + "." + rate.MemberName;
                    var member = generated ? modelPath + "." + rate.MemberName : null;
                    Add(prices, rate.Price.Value, new PriceMatch(model.Id, catalog.Provider, rate.Role, rate.Written, PerUnit: false, member, rateDisplay, "Price"));
                    if (rate.Quantity != 1)
                    {
                        var perUnit = rate.Kind is RateKind.Token or RateKind.Training ? "PricePerToken" : "PricePerUnit";
                        Add(prices, rate.Price.Value / rate.Quantity, new PriceMatch(model.Id, catalog.Provider, rate.Role, rate.Written, PerUnit: true, member, rateDisplay, perUnit));
                    }
                }
            }
        }

        return new CatalogIndex(
            catalogs,
            models,
            prices.ToDictionary(p => p.Key, p => p.Value.ToImmutableArray()),
            runtimeReferenced);
    }

    private static string? Retirement(CatalogModelInfo info) => (info.Deprecated, info.Shutdown) switch
    {
        ({ } deprecated, { } shutdown) => $"is deprecated as of {deprecated} and shuts down on {shutdown}",
        ({ } deprecated, null) => $"is deprecated as of {deprecated}",
        (null, { } shutdown) => $"shuts down on {shutdown}",
        _ => null,
    };

    private static void Add(Dictionary<decimal, List<PriceMatch>> prices, decimal value, PriceMatch match)
    {
        if (value == 0m)
        {
            return;
        }

        if (!prices.TryGetValue(value, out var list))
        {
            prices.Add(value, list = new List<PriceMatch>());
        }

        list.Add(match);
    }
}
