using PriceGen.Common;

namespace PriceGen.Catalog;

/// <summary>The catalog sections, one per model kind; the names match <c>PriceGen.ModelKind</c>.</summary>
internal enum CatalogSection
{
    Chat,
    Instruct,
    FineTuning,
    Embedding,
    Image,
    Audio,
}

/// <summary>What a rate is charged per; the names match <c>PriceGen.RateUnit</c>.</summary>
internal enum CatalogUnit
{
    Token,
    Image,
    Second,
    Minute,
    Hour,
    Character,
    Request,
    Session,
}

/// <summary>Rounding of audio durations; the names match <c>PriceGen.DurationRounding</c>.</summary>
internal enum CatalogRounding
{
    Exact,
    NearestSecond,
    UpToSecond,
}

/// <summary>Which runtime type a rate becomes.</summary>
internal enum RateKind
{
    Token,
    Training,
    Image,
    Duration,
    Unit,
}

/// <summary>A price as written (<see cref="Text"/> keeps its scale: "0.0200") and as a value.</summary>
internal readonly record struct CatalogPrice(decimal Value, string Text);

/// <summary>A parsed rate: <c>[$]PRICE / [COUNT] UNIT</c>.</summary>
internal sealed record CatalogRate(
    string Role,
    string MemberName,
    RateKind Kind,
    CatalogPrice Price,
    long Quantity,
    CatalogUnit Unit,
    string Written,
    CatalogRounding Rounding,
    int Width,
    int Height)
{
    /// <summary>An image size's quality tier (<c>hd</c> in <c>hd/1024x1024</c>), if any.</summary>
    public string? Quality { get; init; }
}

/// <summary>A long-context tier: prompts of strictly more than <see cref="AboveTokens"/> tokens use these rates.</summary>
internal sealed record CatalogTier(long AboveTokens, EquatableArray<CatalogRate> Rates);

/// <summary>
/// Prices of a service tier (<c>batch</c>, <c>priority</c>, <c>flex</c>): a percentage off (<see cref="PercentOff"/>, as
/// written: <c>50%</c>), a percentage more (<see cref="PercentMore"/>: <c>+75%</c>) or explicit rates.
/// </summary>
internal sealed record CatalogBatch(string? PercentOff, EquatableArray<CatalogRate> Rates)
{
    public string? PercentMore { get; init; }
}

/// <summary>Limits, tokenizer and lifecycle of a model; dates as ISO text.</summary>
internal sealed record CatalogModelInfo(long? ContextWindow, long? MaxOutput, string? Encoding, string? Deprecated, string? Shutdown, string? Replacement)
{
    public static readonly CatalogModelInfo None = new(null, null, null, null, null, null);

    public bool IsRetired => Deprecated is not null || Shutdown is not null;
}

/// <summary>One model entry of a section.</summary>
internal sealed record CatalogModel(
    string Id,
    CatalogSection Section,
    string Name,
    string? Description,
    string MemberName,
    EquatableArray<CatalogRate> Rates)
{
    public EquatableArray<CatalogTier> Tiers { get; init; } = EquatableArray<CatalogTier>.Empty;

    public CatalogBatch? Batch { get; init; }

    public CatalogBatch? Priority { get; init; }

    public CatalogBatch? Flex { get; init; }

    public CatalogModelInfo Info { get; init; } = CatalogModelInfo.None;

    /// <summary>Other exact ids of the model (<c>aliases:</c>), in catalog order.</summary>
    public EquatableArray<string> Aliases { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The snapshot ids the model lists (<c>snapshots: [..]</c>), in catalog order.</summary>
    public EquatableArray<string> Snapshots { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Whether the id plus a date is this model (<c>snapshots: dated</c>).</summary>
    public bool HasDatedSnapshots { get; init; }

    /// <summary>The rate with <paramref name="role"/>, if the model has one.</summary>
    public CatalogRate? RateFor(string role)
    {
        foreach (var rate in Rates)
        {
            if (rate.Role == role)
            {
                return rate;
            }
        }

        return null;
    }

    /// <summary>Whether the model has prices of a service tier: batch, priority or flex.</summary>
    public bool HasServiceTiers => Batch is not null || Priority is not null || Flex is not null;

    /// <summary>Every rate of the model: its own, its tiers' and its service tiers'; <c>foreach</c> allocates nothing.</summary>
    public AllRatesOfModel AllRates() => new(this);

    /// <summary>Whether requests are priced in tokens: an input (or usage) rate per token.</summary>
    public bool HasTokenPricing => (RateFor(CatalogFormat.InputField) ?? RateFor(CatalogFormat.UsageField)) is { Unit: CatalogUnit.Token };
}

/// <summary>The rates of a model in the order <see cref="CatalogModel.AllRates"/> gives them: a struct, as it is walked for every model.</summary>
internal readonly struct AllRatesOfModel
{
    private readonly CatalogModel _model;

    public AllRatesOfModel(CatalogModel model) => _model = model;

    public Enumerator GetEnumerator() => new(_model);

    /// <summary>The model's own rates, then each tier's, then batch's, priority's and flex's.</summary>
    public struct Enumerator
    {
        private readonly CatalogModel _model;

        // Which list is being walked: -1 the model's own rates, 0..tiers-1 a tier's, then batch, priority, flex.
        private int _list;
        private int _index;
        private EquatableArray<CatalogRate> _rates;

        public Enumerator(CatalogModel model)
        {
            _model = model;
            _list = -1;
            _index = -1;
            _rates = model.Rates;
            Current = null!;
        }

        public CatalogRate Current { get; private set; }

        public bool MoveNext()
        {
            while (++_index >= _rates.Count)
            {
                var tiers = _model.Tiers.Count;
                if (++_list >= tiers + 3)
                {
                    _list = tiers + 3;
                    return false;
                }

                _index = -1;
                _rates = _list < tiers ? _model.Tiers[_list].Rates : (_list - tiers) switch
                {
                    0 => _model.Batch?.Rates ?? EquatableArray<CatalogRate>.Empty,
                    1 => _model.Priority?.Rates ?? EquatableArray<CatalogRate>.Empty,
                    _ => _model.Flex?.Rates ?? EquatableArray<CatalogRate>.Empty,
                };
            }

            Current = _rates[_index];
            return true;
        }
    }
}

/// <summary>A catalog's spending quota (<c>quota:</c>), amounts as written.</summary>
internal sealed record CatalogQuota(CatalogPrice? MonthlyLimit, CatalogPrice? SoftLimit);

/// <summary>A whole catalog as its generated class will expose it. Value-equatable all the way down.</summary>
internal sealed record PriceCatalog(
    string Provider,
    string ClassName,
    string Currency,
    int EffectiveYear,
    int EffectiveMonth,
    int EffectiveDay,
    string? Source,
    EquatableArray<CatalogModel> Models)
{
    public CatalogQuota? Quota { get; init; }

    public string EffectiveText => EffectiveYear.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-" +
        EffectiveMonth.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + "-" +
        EffectiveDay.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// What one parse of a catalog text yields: the catalog (null after a file-level error), where its parts are in the
/// text, and every problem, located. Path-free, so one result can be cached per text and shared by every file and
/// compilation that has that text.
/// </summary>
internal sealed record CatalogParseResult(PriceCatalog? Catalog, EquatableArray<CatalogProblem> Problems)
{
    /// <summary>Where the catalog's class name and model ids are written; diagnostics read it, generation never does.</summary>
    public CatalogSourceMap Map { get; init; } = CatalogSourceMap.Empty;
}

/// <summary>
/// The spans of a parsed catalog, kept apart from <see cref="PriceCatalog"/> so that moving text around (a blank line,
/// a comment) changes the map but not the catalog, and nothing downstream of the catalog re-runs.
/// </summary>
/// <param name="ClassName">The <c>class:</c> value, else the <c>provider:</c> value the class name comes from.</param>
/// <param name="ModelIds">The key of each model, in the order of <see cref="PriceCatalog.Models"/>.</param>
internal sealed record CatalogSourceMap(CatalogSpan ClassName, EquatableArray<CatalogSpan> ModelIds)
{
    public static readonly CatalogSourceMap Empty = new(default, EquatableArray<CatalogSpan>.Empty);
}
