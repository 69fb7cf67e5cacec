using System;
using System.Linq;
using PriceGen.Catalog;
using PriceGen.Common;

namespace PriceGen.Generation.Plan;

/// <summary>
/// The generated API of one catalog, decided once: the class it owns (or why it generates none), every type, member
/// and fully qualified path. The emitter renders it; the analyzers, the code fixes and the CLI read names and paths
/// from it. Value-equatable and span-free (spans are in <see cref="CatalogSourceMap"/>), so an edit that moves text
/// without changing meaning leaves the plan equal and nothing downstream re-runs.
/// </summary>
/// <param name="Catalog">The parsed catalog the plan was made from.</param>
/// <param name="FileName">The catalog's file name, as the generated header cites it.</param>
/// <param name="HintName">The generated file's name, <c>OpenAIPrices.g.cs</c>.</param>
/// <param name="Namespace">The namespace of the generated class, or null for the global namespace.</param>
/// <param name="IsPublic">Whether the generated classes are public (<c>PriceGenVisibility</c>).</param>
/// <param name="Features">What the consuming compilation supports.</param>
/// <param name="ClassName">The generated class, <c>OpenAIPrices</c>.</param>
/// <param name="QualifiedClassName"><c>global::My.Pricing.OpenAIPrices</c>.</param>
/// <param name="Sections">The sections that have models, in section order.</param>
/// <param name="Models">Every model, in catalog order (the order of <c>Models</c> and of the lookup's ids).</param>
internal sealed record CatalogPlan(
    PriceCatalog Catalog,
    string FileName,
    string HintName,
    string? Namespace,
    bool IsPublic,
    CompilationFeatures Features,
    string ClassName,
    string QualifiedClassName,
    EquatableArray<SectionPlan> Sections,
    EquatableArray<ModelPlan> Models)
{
    /// <summary>The path of the catalog that generates <see cref="ClassName"/> when it is another one (PRICE112).</summary>
    public string? ClassOwnerPath { get; init; }

    /// <summary>The compilation does not reference <c>PriceGen.Runtime</c> (PRICE115).</summary>
    public bool RuntimeMissing { get; init; }

    /// <summary><c>PriceGenNamespace</c> as written, when it is not a valid namespace (PRICE118).</summary>
    public string? InvalidNamespace { get; init; }

    /// <summary>Whether this catalog's class is generated; when not, the three facts above say why.</summary>
    public bool Generates => ClassOwnerPath is null && !RuntimeMissing && InvalidNamespace is null;
}

/// <summary>A nested class per catalog section: <c>OpenAIPrices.Chat</c>.</summary>
/// <param name="Section">The section.</param>
/// <param name="ClassName"><c>Chat</c>.</param>
/// <param name="Summary">Its XML summary text.</param>
/// <param name="HasShortFactory">Whether some model of the section is built from its rates alone (<c>ModelPrice(Id, Name, Usage)</c>).</param>
/// <param name="HasNamedFactory">Whether some model also has a description, details, tiers or batch prices, passed by name.</param>
internal sealed record SectionPlan(CatalogSection Section, string ClassName, string Summary, bool HasShortFactory, bool HasNamedFactory);

/// <summary>A model's generated class and everything in it.</summary>
/// <param name="Entry">The catalog entry.</param>
/// <param name="Index">Its position in catalog order.</param>
/// <param name="ClassName"><c>Gpt35Turbo</c>.</param>
/// <param name="SectionPath"><c>OpenAIPrices.Chat</c>: one string for every model of the section.</param>
/// <param name="QualifiedSectionPath"><c>global::My.Pricing.OpenAIPrices.Chat</c>: one string for every model of the section.</param>
/// <param name="Rates">One field per rate, in catalog order.</param>
/// <remarks>
/// The paths of a model and of its rates are made when asked for (by the analyzers and the code fixes), not stored:
/// the emitter never reads them, and a catalog of thousands of models would otherwise keep four strings per model alive.
/// </remarks>
internal sealed record ModelPlan(
    CatalogModel Entry,
    int Index,
    string ClassName,
    string SectionPath,
    string QualifiedSectionPath,
    EquatableArray<RatePlan> Rates)
{
    public string Id => Entry.Id;

    /// <summary><c>OpenAIPrices.Chat.Gpt35Turbo</c>, as messages and code-fix titles show it.</summary>
    public string Path => SectionPath + "." + ClassName;

    /// <summary><c>global::My.Pricing.OpenAIPrices.Chat.Gpt35Turbo</c>, as code fixes insert it.</summary>
    public string QualifiedPath => QualifiedSectionPath + "." + ClassName;

    /// <summary><c>OpenAIPrices.Chat.Gpt35Turbo.Usage</c>: the field of <paramref name="rate"/>, one of <see cref="Rates"/>.</summary>
    public string PathOf(RatePlan rate) => Path + "." + rate.MemberName;

    /// <summary><c>global::My.Pricing.OpenAIPrices.Chat.Gpt35Turbo.Usage</c>: the field of <paramref name="rate"/>, one of <see cref="Rates"/>.</summary>
    public string QualifiedPathOf(RatePlan rate) => QualifiedPath + "." + rate.MemberName;

    /// <summary>The member that holds the id: <c>…Gpt35Turbo.Id</c>.</summary>
    public string IdMember => QualifiedPath + "." + ModelMembers.Id;

    /// <summary>"is deprecated as of 2023-06-13 and shuts down on 2024-06-13", or null for a current model.</summary>
    public string? Retirement { get; init; }

    /// <summary>The <c>[Obsolete]</c> message of a retired model's class, or null.</summary>
    public string? ObsoleteMessage { get; init; }

    /// <summary>Whether the model is priced per token, so its class has <c>Cost(inputTokens, outputTokens, …)</c>.</summary>
    public bool HasTokenCost => Entry.HasTokenPricing;

    /// <summary>Whether <c>Model</c> is built by its section's short factory: no description, details, tiers, service tiers or other ids.</summary>
    public bool UsesShortFactory => Entry.Description is null && Entry.Info == CatalogModelInfo.None && Entry.Tiers.Count == 0 && !Entry.HasServiceTiers && !HasOtherIds;

    /// <summary>
    /// The token counts the generated <c>Cost(inputTokens, outputTokens, cachedInputTokens, batch, …)</c> takes after
    /// <c>batch</c>: one per per-token dimension the model prices, each the <c>PriceGen.Usage</c> constructor's parameter.
    /// </summary>
    public EquatableArray<string> CostParameters => CostParametersOf(Entry);

    /// <summary>
    /// Whether the model prices what token counts cannot say (seconds of audio or video, fees, web search, code
    /// interpreter, priority or flex tiers), so its class also has <c>Cost(PriceGen.Usage usage)</c>.
    /// </summary>
    public bool HasUsageCost => HasTokenCost && (Entry.Priority is not null || Entry.Flex is not null || AnyPricesBeyondTokens(Entry));

    private static bool AnyPricesBeyondTokens(CatalogModel model)
    {
        foreach (var rate in model.AllRates())
        {
            if (PricesBeyondTokens(rate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool PricesBeyondTokens(CatalogRate r) =>
        r.Role is CatalogFormat.RequestField or CatalogFormat.CodeInterpreterField || r.Role.StartsWith(CatalogFormat.WebSearchField, StringComparison.Ordinal) ||
        (r.Role is CatalogFormat.AudioInputField or CatalogFormat.VideoInputField && r.Unit != CatalogUnit.Token);

    private static EquatableArray<string> CostParametersOf(CatalogModel model)
    {
        if (!model.HasTokenPricing)
        {
            return EquatableArray<string>.Empty;
        }

        // Most models price only input, output and cached input: nothing to allocate.
        bool[]? prices = null;
        foreach (var rate in model.AllRates())
        {
            for (var i = 0; i < CostParameterNames.Length; i++)
            {
                if (CostParameterNames[i].Dimension == rate.Role && rate.Unit == CatalogUnit.Token)
                {
                    (prices ??= new bool[CostParameterNames.Length])[i] = true;
                }
            }
        }

        return prices is not null ? ParametersOf(prices) : EquatableArray<string>.Empty;
    }

    /// <summary>Apart from <see cref="CostParametersOf"/>, whose every call would otherwise allocate this lambda's closure.</summary>
    private static EquatableArray<string> ParametersOf(bool[] prices) =>
        CostParameterNames.Where((_, i) => prices[i]).Select(p => p.Parameter).ToEquatableArray();

    /// <summary>The per-token dimensions beyond input, output and cached input, and their <c>Usage</c> constructor parameters.</summary>
    private static readonly (string Dimension, string Parameter)[] CostParameterNames =
    {
        (CatalogFormat.CacheWriteField, "cacheWriteTokens"),
        (CatalogFormat.CacheWrite1hField, "cacheWrite1hTokens"),
        (CatalogFormat.ReasoningField, "reasoningTokens"),
        (CatalogFormat.AudioInputField, "audioInputTokens"),
        (CatalogFormat.CachedAudioInputField, "cachedAudioInputTokens"),
        (CatalogFormat.AudioOutputField, "audioOutputTokens"),
        (CatalogFormat.ImageInputField, "imageInputTokens"),
        (CatalogFormat.ImageOutputField, "imageOutputTokens"),
    };

    /// <summary>Whether the model answers to ids besides its own: aliases, listed or dated snapshots.</summary>
    public bool HasOtherIds => Entry.Aliases.Count > 0 || Entry.Snapshots.Count > 0 || Entry.HasDatedSnapshots;
}

/// <summary>A rate's generated field; its paths are <see cref="ModelPlan.PathOf"/> and <see cref="ModelPlan.QualifiedPathOf"/>.</summary>
/// <param name="Rate">The catalog rate.</param>
/// <param name="RuntimeType">The runtime type of the field: <c>TokenRate</c>, <c>ImageRate</c>, …</param>
/// <param name="PerUnitProperty">The runtime property with the price of one unit: <c>PricePerToken</c> or <c>PricePerUnit</c>.</param>
/// <param name="Subject">What the rate prices, as its XML summary starts: <c>Usage</c>, <c>Cached input</c>.</param>
/// <param name="RoundingNote">What its summary says after the rate as written: <c>, rounded up to the second</c>, or empty.</param>
internal sealed record RatePlan(CatalogRate Rate, string RuntimeType, string PerUnitProperty, string Subject, string RoundingNote)
{
    public string MemberName => Rate.MemberName;

    /// <summary>Its XML summary text, <c>Usage: $0.002 / 1K tokens.</c>, which the emitter writes piece by piece.</summary>
    public string Summary => $"{Subject}: {Literals.Xml(Rate.Written)}{RoundingNote}.";

    /// <summary>The runtime property with the price as listed.</summary>
    public const string PriceProperty = "Price";
}

/// <summary>The members every generated model class has, by name; one place for the emitter, the index and the tests.</summary>
internal static class ModelMembers
{
    public const string Id = nameof(Id);
    public const string Name = nameof(Name);
    public const string Cost = nameof(Cost);
    public const string Model = nameof(Model);
}
