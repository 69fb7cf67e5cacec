using System;
using System.Linq;
using PriceGen.Tests.Generated;
using Xunit;

namespace PriceGen.Tests.Runtime;

/// <summary>
/// OpenAI's three bundled catalogs (2023-03-01, 2023-06-13, 2026-03-01) combined into one price history, through the
/// classes this project generates from them.
/// </summary>
public class PriceHistoryTests
{
    // Combined newest first: the editions are ordered by date, not by the order they are given in.
    private static readonly ModelCatalog History = ModelCatalog.Combine(
        ModelCatalog.From(OpenAI2026Prices.Models), ModelCatalog.From(OpenAIJune2023Prices.Models), ModelCatalog.From(OpenAIPrices.Models));

    private static readonly DateTimeOffset April2023 = Utc(2023, 4, 1);
    private static readonly DateTimeOffset July2023 = Utc(2023, 7, 1);
    private static readonly DateTimeOffset April2026 = Utc(2026, 4, 1);

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private static ModelPrice Model(string id, string provider, DateTime? effective, params string[] aliases) =>
        new(id, id, ModelKind.Chat, provider, "USD", new Rate[] { new TokenRate("usage", 0.001m, 1000, "USD") }, aliases: aliases, effective: effective);

    [Fact]
    public void Every_generated_model_knows_the_date_its_catalog_took_effect()
    {
        Assert.Equal(new DateTime(2023, 6, 13), OpenAIJune2023Prices.Effective);
        Assert.Equal(new DateTime(2023, 3, 1), OpenAIPrices.Chat.Gpt35Turbo.Model.Effective);
        Assert.Equal(new DateTime(2023, 6, 13), OpenAIJune2023Prices.Chat.Gpt35Turbo.Model.Effective);
        Assert.All(OpenAIPrices.Models, m => Assert.Equal(OpenAIPrices.Effective, m.Effective));
        Assert.All(OpenAIJune2023Prices.Models, m => Assert.Equal(OpenAIJune2023Prices.Effective, m.Effective));
        Assert.All(OpenAI2026Prices.Models, m => Assert.Equal(OpenAI2026Prices.Effective, m.Effective));
        Assert.All(GeminiPrices.Models, m => Assert.Equal(GeminiPrices.Effective, m.Effective));
    }

    [Fact]
    public void The_june_2023_catalog_has_the_prices_of_the_announcement()
    {
        Assert.Equal(0.0015m, OpenAIJune2023Prices.Chat.Gpt35Turbo.Input.Price);
        Assert.Equal(0.002m, OpenAIJune2023Prices.Chat.Gpt35Turbo.Output.Price);
        Assert.Equal(0.003m, OpenAIJune2023Prices.GetModel("gpt-3.5-turbo-16k").Cost(1000, 0));
        Assert.Equal(0.004m, OpenAIJune2023Prices.GetModel("gpt-3.5-turbo-16k").Cost(0, 1000));
        Assert.Equal(0.0001m, OpenAIJune2023Prices.Embedding.Ada.Usage.Cost(1000));
        Assert.Equal(3, OpenAIJune2023Prices.Models.Count);
    }

    [Fact]
    public void Gpt35_turbo_costs_what_it_cost_on_the_day()
    {
        Assert.True(History.TryGetModel("gpt-3.5-turbo", April2023, out var march));
        Assert.Same(OpenAIPrices.Chat.Gpt35Turbo.Model, march);
        Assert.Equal(0.004m, march.Cost(1000, 1000)); // usage: $0.002 / 1K, in and out

        Assert.True(History.TryGetModel("gpt-3.5-turbo", July2023, out var june));
        Assert.Same(OpenAIJune2023Prices.Chat.Gpt35Turbo.Model, june);
        Assert.Equal(0.0015m + 0.002m, june.Cost(1000, 1000));

        Assert.True(History.TryGetModel("gpt-3.5-turbo", April2026, out var now));
        Assert.Same(OpenAI2026Prices.Chat.Gpt35Turbo.Model, now);
        Assert.Equal(0.50m + 1.50m, now.Cost(1_000_000, 1_000_000));
    }

    [Fact]
    public void Before_the_oldest_edition_an_id_is_unknown()
    {
        Assert.False(History.TryResolve("gpt-3.5-turbo", Utc(2023, 2, 28, hour: 23), out var match));
        Assert.Null(match.Model);
        Assert.False(History.TryGetModel("gpt-3.5-turbo", Utc(2022, 12, 1), out var model));
        Assert.Null(model);

        // gpt-3.5-turbo-16k first appears in June 2023; gpt-4o in 2026.
        Assert.False(History.TryGetModel("gpt-3.5-turbo-16k", April2023, out _));
        Assert.True(History.TryGetModel("gpt-3.5-turbo-16k", July2023, out _));
        Assert.False(History.TryGetModel("gpt-4o", July2023, out _));
        Assert.Same(OpenAI2026Prices.Chat.Gpt4o.Model, History.GetModel("gpt-4o"));
    }

    [Fact]
    public void An_edition_is_in_force_from_the_utc_start_of_its_effective_date()
    {
        Assert.True(History.TryGetModel("gpt-3.5-turbo", Utc(2023, 3, 1), out var first));
        Assert.Same(OpenAIPrices.Chat.Gpt35Turbo.Model, first);
        Assert.Same(OpenAIPrices.Chat.Gpt35Turbo.Model, At("gpt-3.5-turbo", new DateTimeOffset(2023, 6, 12, 23, 59, 59, TimeSpan.Zero)));
        Assert.Same(OpenAIJune2023Prices.Chat.Gpt35Turbo.Model, At("gpt-3.5-turbo", Utc(2023, 6, 13)));

        // 01:00 in Paris on June 13 is still June 12 in UTC.
        Assert.Same(OpenAIPrices.Chat.Gpt35Turbo.Model, At("gpt-3.5-turbo", new DateTimeOffset(2023, 6, 13, 1, 0, 0, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void A_model_a_newer_edition_leaves_out_keeps_its_newest_price()
    {
        Assert.Same(OpenAIPrices.Instruct.Davinci.Model, At("text-davinci-003", April2026));
        Assert.Same(OpenAIPrices.Instruct.Davinci.Model, History.GetModel("text-davinci-003"));

        // Embeddings: $0.0004 / 1K in March 2023, $0.0001 from June on; the 2026 catalog does not list ada-002.
        Assert.Equal(0.0004m, At("text-embedding-ada-002", April2023).Cost(1000, 0));
        Assert.Equal(0.0001m, At("text-embedding-ada-002", July2023).Cost(1000, 0));
        Assert.Equal(0.0001m, At("text-embedding-ada-002", April2026).Cost(1000, 0));
    }

    [Fact]
    public void Without_an_instant_an_id_resolves_in_the_newest_edition_that_lists_it()
    {
        Assert.Same(OpenAI2026Prices.Chat.Gpt35Turbo.Model, History.GetModel("gpt-3.5-turbo"));
        Assert.True(History.TryResolve("gpt-3.5-turbo-16k", out var sixteen));
        Assert.Same(OpenAIJune2023Prices.GetModel("gpt-3.5-turbo-16k"), sixteen.Model);
        Assert.True(History.TryResolve("text-embedding-ada-002", out var ada));
        Assert.Same(OpenAIJune2023Prices.Embedding.Ada.Model, ada.Model);
        Assert.False(History.TryGetModel("gpt-3.5-turbo-1345", out _));
        Assert.False(History.TryGetModel(null, out _));
        Assert.False(History.TryGetModel(null, April2026, out _));
    }

    [Fact]
    public void Aliases_and_snapshots_resolve_within_each_edition()
    {
        Assert.Equal((OpenAIPrices.Chat.Gpt35Turbo.Model, ModelMatchKind.Alias), Resolve("gpt-35-turbo", April2023));
        Assert.Equal((OpenAIJune2023Prices.Chat.Gpt35Turbo.Model, ModelMatchKind.Alias), Resolve("gpt-35-turbo", July2023));
        Assert.Equal((OpenAI2026Prices.Chat.Gpt35Turbo.Model, ModelMatchKind.Alias), Resolve("gpt-35-turbo", April2026));

        Assert.Equal((OpenAIPrices.Chat.Gpt35Turbo.Model, ModelMatchKind.DatedSnapshot), Resolve("gpt-3.5-turbo-0301", April2023));
        Assert.Equal((OpenAIJune2023Prices.Chat.Gpt35Turbo.Model, ModelMatchKind.DatedSnapshot), Resolve("gpt-3.5-turbo-0613", July2023));
        Assert.Equal((OpenAIJune2023Prices.GetModel("gpt-3.5-turbo-16k"), ModelMatchKind.DatedSnapshot), Resolve("gpt-3.5-turbo-16k-0613", July2023));
        Assert.Equal((OpenAI2026Prices.Chat.Gpt35Turbo.Model, ModelMatchKind.Snapshot), Resolve("gpt-3.5-turbo-0125", April2026));

        // The 2026 catalog lists only the 0125 snapshot, not dated ones: 0613 keeps the price of the newest edition
        // that resolves it.
        Assert.Equal((OpenAIJune2023Prices.Chat.Gpt35Turbo.Model, ModelMatchKind.DatedSnapshot), Resolve("gpt-3.5-turbo-0613", April2026));
    }

    [Fact]
    public void Models_lists_every_model_of_every_edition()
    {
        Assert.Equal(OpenAI2026Prices.Models.Count + OpenAIJune2023Prices.Models.Count + OpenAIPrices.Models.Count, History.Models.Count);
        Assert.Equal(3, History.Models.Count(m => m.Id == "gpt-3.5-turbo"));
        Assert.Equal(OpenAI2026Prices.Models.First(), History.Models.First());
        Assert.Equal(new[] { "USD" }, History.Currencies);
    }

    [Fact]
    public void The_order_of_the_catalogs_does_not_matter()
    {
        var oldestFirst = ModelCatalog.From(OpenAIPrices.Models).With(OpenAIJune2023Prices.Models).With(OpenAI2026Prices.Models);

        foreach (var at in new[] { April2023, July2023, April2026 })
        {
            Assert.Same(At("gpt-3.5-turbo", at), oldestFirst.TryGetModel("gpt-3.5-turbo", at, out var model) ? model : null);
        }

        Assert.Same(OpenAI2026Prices.Chat.Gpt35Turbo.Model, oldestFirst.GetModel("gpt-3.5-turbo"));
    }

    [Fact]
    public void Another_providers_catalog_of_the_same_date_is_one_edition_with_it()
    {
        var both = History.With(GeminiPrices.Models);

        Assert.Same(GeminiPrices.Chat.Gemini25Pro.Model, both.GetModel("gemini-2.5-pro"));
        Assert.True(both.TryGetModel("gemini-2.5-pro", April2026, out _));
        Assert.False(both.TryGetModel("gemini-2.5-pro", July2023, out _));
    }

    [Fact]
    public void Undated_models_are_in_force_at_any_time()
    {
        var handBuilt = Model("claude-3-haiku", "Anthropic", effective: null);
        var catalog = ModelCatalog.From(OpenAIPrices.Models).With(new[] { handBuilt });

        Assert.True(catalog.TryGetModel("claude-3-haiku", Utc(1999, 1, 1), out var early));
        Assert.Same(handBuilt, early);
        Assert.Same(handBuilt, catalog.GetModel("claude-3-haiku"));
        Assert.False(catalog.TryGetModel("gpt-3.5-turbo", Utc(1999, 1, 1), out _));
        Assert.True(catalog.TryGetModel("gpt-3.5-turbo", April2023, out _));
    }

    [Fact]
    public void One_catalog_is_unknown_before_its_date_and_found_without_one()
    {
        var catalog = ModelCatalog.From(OpenAI2026Prices.Models);

        Assert.False(catalog.TryGetModel("gpt-4o", Utc(2026, 2, 28), out _));
        Assert.True(catalog.TryGetModel("gpt-4o", Utc(2026, 3, 1), out var model));
        Assert.Same(OpenAI2026Prices.Chat.Gpt4o.Model, model);
        Assert.Same(OpenAI2026Prices.Chat.Gpt4o.Model, catalog.GetModel("gpt-4o"));
        Assert.False(ModelCatalog.Empty.TryGetModel("gpt-4o", April2026, out _));
    }

    [Fact]
    public void One_provider_listing_an_id_twice_on_one_date_is_an_error()
    {
        var again = Model("gpt-3.5-turbo", "OpenAI", new DateTime(2023, 3, 1));

        var error = Assert.Throws<ArgumentException>(() => History.With(new[] { again }));

        Assert.StartsWith(
            "The model id 'gpt-3.5-turbo' is listed by two catalogs (OpenAI effective 2023-03-01 and OpenAI effective 2023-03-01); a combined catalog must price each id one way at a time",
            error.Message);
    }

    [Fact]
    public void Two_providers_claiming_an_id_on_different_dates_is_an_error()
    {
        var reseller = Model("gpt-3.5-turbo", "Reseller", new DateTime(2024, 1, 1));
        var error = Assert.Throws<ArgumentException>(() => History.With(new[] { reseller }));
        Assert.StartsWith("The model id 'gpt-3.5-turbo' is listed by two catalogs (OpenAI and Reseller); a combined catalog must price each id one way.", error.Message);

        var acme = Model("acme-chat", "Acme", new DateTime(2024, 1, 1), aliases: "gpt-35-turbo");
        var alias = Assert.Throws<ArgumentException>(() => ModelCatalog.From(OpenAIPrices.Models).With(new[] { acme }));
        Assert.StartsWith("The id 'gpt-35-turbo' is claimed by two models: an alias of OpenAI gpt-3.5-turbo and an alias of Acme acme-chat", alias.Message);
    }

    [Fact]
    public void An_undated_model_shares_no_id_with_a_dated_one()
    {
        var undated = Model("gpt-3.5-turbo", "OpenAI", effective: null);

        var error = Assert.Throws<ArgumentException>(() => ModelCatalog.From(OpenAIPrices.Models).With(new[] { undated }));

        Assert.StartsWith("The model id 'gpt-3.5-turbo' is listed by two catalogs (OpenAI effective 2023-03-01 and OpenAI without an effective date)", error.Message);
        Assert.Contains("an undated model has no place in one", error.Message);
    }

    [Fact]
    public void A_history_claim_is_checked_against_every_edition()
    {
        // An alias of one edition that names another model's id in a second edition of the same provider is history;
        // the same alias from a third provider's edition is still a conflict.
        var renamed = Model("gpt-3.5", "OpenAI", new DateTime(2024, 1, 1), aliases: "gpt-3.5-turbo");
        var catalog = ModelCatalog.From(OpenAIPrices.Models).With(new[] { renamed });
        Assert.Equal((renamed, ModelMatchKind.Alias), Resolve(catalog, "gpt-3.5-turbo", Utc(2024, 2, 1)));
        Assert.Equal((OpenAIPrices.Chat.Gpt35Turbo.Model, ModelMatchKind.Exact), Resolve(catalog, "gpt-3.5-turbo", April2023));

        var other = Model("other", "Other", new DateTime(2025, 1, 1), aliases: "gpt-3.5-turbo");
        Assert.Throws<ArgumentException>(() => catalog.With(new[] { other }));
    }

    [Fact]
    public void A_lookup_in_a_history_allocates_nothing()
    {
        // Built at run time, so the ids are not interned literals; each walks more than one edition.
        var olderOnly = string.Concat("text-davinci-", "003");
        var dated = string.Concat("gpt-3.5-turbo-", "0613");
        var unknown = string.Concat("gpt-3.5-turbo-", "1345");
        History.TryResolve(olderOnly, July2023, out _);
        History.TryGetModel(dated, out _);
        History.TryResolve(unknown, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = 0;
        for (var i = 0; i < 1000; i++)
        {
            found += History.TryResolve(olderOnly, July2023, out _) ? 1 : 0;
            found += History.TryGetModel(dated, April2026, out _) ? 1 : 0;
            found += History.TryGetModel(dated, out _) ? 1 : 0;
            found += History.TryResolve(unknown, out _) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(3000, found);
    }

    [Fact]
    public void An_effective_date_has_no_time_of_day()
    {
        var error = Assert.Throws<ArgumentException>(() => Model("x", "OpenAI", new DateTime(2023, 6, 13, 12, 0, 0)));

        Assert.StartsWith("The effective date of OpenAI x is a date, without a time of day: 2023-06-13T12:00:00.0000000.", error.Message);
        Assert.Null(new ModelPrice("x", "x", ModelKind.Chat, "OpenAI", "USD", null, new TokenRate("usage", 0.001m, 1000, "USD")).Effective);
    }

    private static ModelPrice At(string id, DateTimeOffset at) =>
        History.TryGetModel(id, at, out var model) ? model : throw new Xunit.Sdk.XunitException(id + " is unknown at " + at.ToString("o"));

    private static (ModelPrice Model, ModelMatchKind Kind) Resolve(string id, DateTimeOffset at) => Resolve(History, id, at);

    private static (ModelPrice Model, ModelMatchKind Kind) Resolve(ModelCatalog catalog, string id, DateTimeOffset at)
    {
        Assert.True(catalog.TryResolve(id, at, out var match), id + " is unknown at " + at.ToString("o"));
        Assert.Equal(id, match.Id);
        return (match.Model, match.Kind);
    }
}
