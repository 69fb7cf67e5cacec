using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PriceGen.Catalog;
using PriceGen.Common;

namespace PriceGen.Generation.Plan;

/// <summary>
/// Catalog in, <see cref="CatalogPlan"/> out: every name and path of the generated API is decided here, once. The
/// generator plans one catalog at a time (its class owners computed by the pipeline); the analyzers and the CLI plan
/// all the catalogs they see with <see cref="PlanAll"/>, so ownership and names agree everywhere.
/// </summary>
internal static class ApiPlanner
{
    /// <summary>Plans <paramref name="catalog"/> read from <paramref name="path"/>.</summary>
    /// <param name="path">The catalog file.</param>
    /// <param name="catalog">The parsed catalog.</param>
    /// <param name="options">The MSBuild options.</param>
    /// <param name="features">What the compilation supports.</param>
    /// <param name="owners">For each class name, the catalog that generates it (<see cref="CatalogFiles.ClassOwners"/>).</param>
    public static CatalogPlan Plan(string path, PriceCatalog catalog, EquatableArray<ClassOwner> owners, GenerationOptions options, CompilationFeatures features)
    {
        var ns = options.Namespace;
        var qualifiedClass = "global::" + (string.IsNullOrEmpty(ns) ? string.Empty : ns + ".") + catalog.ClassName;
        // One path string per section, shared by every model in it: the models' and rates' paths are made from them on demand.
        var sectionCount = System.Enum.GetValues(typeof(CatalogSection)).Length;
        var sectionPaths = new string?[sectionCount];
        var qualifiedSectionPaths = new string?[sectionCount];
        var models = ImmutableArray.CreateBuilder<ModelPlan>(catalog.Models.Count);
        for (var i = 0; i < catalog.Models.Count; i++)
        {
            var model = catalog.Models[i];
            var section = (int)model.Section;
            var sectionClass = CatalogFormat.ClassNameOf(model.Section);
            models.Add(PlanModel(
                catalog,
                model,
                i,
                sectionPaths[section] ??= catalog.ClassName + "." + sectionClass,
                qualifiedSectionPaths[section] ??= qualifiedClass + "." + sectionClass));
        }

        // One pass over the models, which a catalog may have by the thousand: per section, whether it has each factory.
        var hasModels = new bool[sectionCount];
        var hasShort = new bool[sectionCount];
        var hasNamed = new bool[sectionCount];
        foreach (var model in models)
        {
            var section = (int)model.Entry.Section;
            hasModels[section] = true;
            if (model.UsesShortFactory)
            {
                hasShort[section] = true;
            }
            else
            {
                hasNamed[section] = true;
            }
        }

        var sections = Enumerable.Range(0, sectionCount)
            .Where(s => hasModels[s])
            .Select(s => (CatalogSection)s)
            .Select(s => new SectionPlan(s, CatalogFormat.ClassNameOf(s), SectionSummary(s), hasShort[(int)s], hasNamed[(int)s]))
            .ToEquatableArray();
        var owner = owners.FirstOrDefault(o => o.ClassName == catalog.ClassName);
        return new CatalogPlan(
            catalog,
            CatalogFiles.FileName(path),
            catalog.ClassName + ".g.cs",
            string.IsNullOrEmpty(ns) ? null : ns,
            options.IsPublic,
            features,
            catalog.ClassName,
            qualifiedClass,
            sections,
            models.MoveToImmutable().ToEquatableArray())
        {
            ClassOwnerPath = owner is not null && owner.Path != path ? owner.Path : null,
            RuntimeMissing = !features.RuntimeReferenced,
            InvalidNamespace = options.InvalidNamespace,
        };
    }

    /// <summary>Plans every catalog of a project (or of a CLI run), in path order; files whose catalog did not parse are left out.</summary>
    public static ImmutableArray<(string Path, CatalogPlan Plan)> PlanAll(IEnumerable<(string Path, PriceCatalog? Catalog)> catalogs, GenerationOptions options, CompilationFeatures features)
    {
        var ordered = CatalogFiles.InPathOrder(catalogs, c => c.Path).ToList();
        var owners = CatalogFiles.ClassOwners(ordered.Select(c => (c.Path, c.Catalog?.ClassName)));
        return ordered
            .Where(c => c.Catalog is not null)
            .Select(c => (c.Path, Plan(c.Path, c.Catalog!, owners, options, features)))
            .ToImmutableArray();
    }

    private static ModelPlan PlanModel(PriceCatalog catalog, CatalogModel model, int index, string sectionPath, string qualifiedSectionPath)
    {
        var rates = model.Rates.Count == 1
            ? ImmutableArray.Create(PlanRate(model.Rates[0]))
            : PlanRates(model.Rates);
        var retirement = Retirement(model.Info);
        return new ModelPlan(model, index, model.MemberName, sectionPath, qualifiedSectionPath, new EquatableArray<RatePlan>(rates))
        {
            Retirement = retirement,
            ObsoleteMessage = retirement is null ? null : ObsoleteMessage(catalog, model, retirement),
        };
    }

    private static ImmutableArray<RatePlan> PlanRates(EquatableArray<CatalogRate> rates)
    {
        var plans = ImmutableArray.CreateBuilder<RatePlan>(rates.Count);
        foreach (var rate in rates)
        {
            plans.Add(PlanRate(rate));
        }

        return plans.MoveToImmutable();
    }

    private static RatePlan PlanRate(CatalogRate rate) => new(
        rate,
        RuntimeType(rate.Kind),
        rate.Kind is RateKind.Token or RateKind.Training ? "PricePerToken" : "PricePerUnit",
        RateSubject(rate),
        RoundingNote(rate.Rounding));

    /// <summary>"is deprecated as of 2023-06-13 and shuts down on 2024-06-13", or null for a current model.</summary>
    private static string? Retirement(CatalogModelInfo info) => (info.Deprecated, info.Shutdown) switch
    {
        ({ } deprecated, { } shutdown) => $"is deprecated as of {deprecated} and shuts down on {shutdown}",
        ({ } deprecated, null) => $"is deprecated as of {deprecated}",
        (null, { } shutdown) => $"shuts down on {shutdown}",
        _ => null,
    };

    /// <summary>"OpenAI gpt-3.5-turbo-0301 is deprecated as of 2023-06-13 and shuts down on 2024-06-13; use gpt-3.5-turbo (OpenAIPrices.Chat.Gpt35Turbo)."</summary>
    private static string ObsoleteMessage(PriceCatalog catalog, CatalogModel model, string retirement)
    {
        var replacement = model.Info.Replacement is { } id
            ? catalog.Models.FirstOrDefault(m => m.Id == id) is { } known
                ? $"; use {id} ({catalog.ClassName}.{CatalogFormat.ClassNameOf(known.Section)}.{known.MemberName})"
                : $"; use {id}"
            : string.Empty;
        return $"{catalog.Provider} {model.Id} {retirement}{replacement}.";
    }

    private static string RuntimeType(RateKind kind) => kind switch
    {
        RateKind.Training => "TrainingRate",
        RateKind.Image => "ImageRate",
        RateKind.Duration => "DurationRate",
        RateKind.Unit => "UnitRate",
        _ => "TokenRate",
    };

    /// <summary>What a rate prices, as its summary says: a constant for every role but image sizes and search context sizes.</summary>
    private static string RateSubject(CatalogRate rate) => rate.Kind switch
    {
        RateKind.Image => $"One {rate.Role} image",
        RateKind.Training => "Training, per token and epoch",
        _ => rate.Role switch
        {
            CatalogFormat.InputField => "Input",
            CatalogFormat.OutputField => "Output",
            CatalogFormat.CachedInputField => "Cached input",
            CatalogFormat.CacheWriteField => "Cache write",
            CatalogFormat.CacheWrite1hField => "Cache write, kept one hour",
            CatalogFormat.ReasoningField => "Reasoning output",
            CatalogFormat.AudioInputField => "Audio input",
            CatalogFormat.CachedAudioInputField => "Cached audio input",
            CatalogFormat.AudioOutputField => "Audio output",
            CatalogFormat.ImageInputField => "Image input",
            CatalogFormat.ImageOutputField => "Image output",
            CatalogFormat.VideoInputField => "Video input",
            CatalogFormat.RequestField => "Per request",
            CatalogFormat.CodeInterpreterField => "Code interpreter session",
            CatalogFormat.WebSearchField => "Web search call",
            _ when rate.Role.StartsWith(CatalogFormat.WebSearchField + "/", System.StringComparison.Ordinal) => "Web search call, " + rate.Role.Substring(CatalogFormat.WebSearchField.Length + 1) + " context",
            _ => "Usage",
        },
    };

    private static string RoundingNote(CatalogRounding rounding) => rounding switch
    {
        CatalogRounding.NearestSecond => ", rounded to the nearest second",
        CatalogRounding.UpToSecond => ", rounded up to the second",
        _ => string.Empty,
    };

    private static string SectionSummary(CatalogSection section) => section switch
    {
        CatalogSection.Chat => "Chat models, optimized for dialogue; priced per token.",
        CatalogSection.Instruct => "Instruct models, optimized to follow single-turn instructions; priced per token.",
        CatalogSection.FineTuning => "Base models to fine-tune on your own data: training is billed per token and epoch, requests to the tuned model per token.",
        CatalogSection.Embedding => "Embedding models, for search, clustering, topic modelling and classification; priced per token.",
        CatalogSection.Image => "Image models, priced per image and resolution.",
        CatalogSection.Audio => "Audio models, priced per duration.",
        _ => section.ToString(),
    };
}
