using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using PriceGen.Extensions.AI;
using PriceGen.Tests.Generated;
using Xunit;

namespace PriceGen.Tests.ExtensionsAI;

public class CostTrackingChatClientTests
{
    private static readonly ModelCatalog Seed = ModelCatalog.From(OpenAIPrices.Models);

    // A model with a cached-input rate, as newer catalogs have: $0.15 in, $0.60 out, $0.075 cached, per 1M tokens.
    private static readonly ModelPrice CachedModel = new(
        "gpt-4o-mini", "GPT-4o mini", ModelKind.Chat, "OpenAI", "USD", null,
        new TokenPricing(PerMillion("input", 0.15m), PerMillion("output", 0.60m), PerMillion("cached-input", 0.075m)),
        null);

    private static TokenRate PerMillion(string role, decimal price) => new(role, price, 1_000_000, "USD");

    private static IChatClient Pipeline(FakeChatClient inner, ModelCatalog catalog, MonthlySpendingLimit? limit = null, ICostLedger? ledger = null) =>
        inner.AsBuilder().UseCostTracking(catalog, limit, ledger).Build();

    [Fact]
    public async Task Prices_a_response_exactly_and_records_it_on_the_response_and_in_the_ledger()
    {
        var inner = new FakeChatClient { Respond = _ => FakeChatClient.Answer("gpt-3.5-turbo", FakeChatClient.Usage(1000, 500)) };
        var ledger = new InMemoryCostLedger();
        var client = Pipeline(inner, Seed, ledger: ledger);

        var response = await client.GetResponseAsync("Hello");

        // 1,500 tokens at $0.002 / 1K tokens.
        Assert.Equal(0.003m, response.AdditionalProperties![CostProperties.Cost]);
        Assert.Equal("USD", response.AdditionalProperties[CostProperties.Currency]);
        Assert.True(CostProperties.TryGetCost(response.AdditionalProperties, out var cost, out var currency));
        Assert.Equal((0.003m, "USD"), (cost, currency));
        var record = Assert.Single(ledger.Records);
        Assert.Equal(CallKind.Chat, record.Call);
        Assert.Same(OpenAIPrices.Chat.Gpt35Turbo.Model, record.Model);
        Assert.Equal(0.003m, record.Cost);
        Assert.Equal((1000L, 500L, 0L), (record.InputTokens, record.OutputTokens, record.CachedInputTokens));
        Assert.Equal("resp-1", record.ResponseId);
        Assert.Empty(ledger.Unpriced);
        Assert.Equal(0.003m, ledger.Total("USD"));
    }

    [Fact]
    public async Task Cached_input_tokens_are_priced_at_the_cached_rate()
    {
        var inner = new FakeChatClient { Respond = _ => FakeChatClient.Answer("gpt-4o-mini", FakeChatClient.Usage(2000, 100, cached: 1000)) };
        var ledger = new InMemoryCostLedger();
        var client = Pipeline(inner, Seed.With(new[] { CachedModel }), ledger: ledger);

        var response = await client.GetResponseAsync("Hello");

        // 1,000 uncached × 0.15/1M + 1,000 cached × 0.075/1M + 100 output × 0.60/1M.
        Assert.Equal(0.000285m, response.AdditionalProperties![CostProperties.Cost]);
        Assert.Equal(1000, Assert.Single(ledger.Records).CachedInputTokens);
    }

    [Fact]
    public async Task The_response_model_wins_then_the_options_then_the_client_default()
    {
        var ledger = new InMemoryCostLedger();
        string? responseModel = "text-ada-001";
        var inner = new FakeChatClient
        {
            Respond = _ => FakeChatClient.Answer(responseModel, FakeChatClient.Usage(1000, 0)),
            Metadata = new ChatClientMetadata("fake", null, "text-curie-001"),
        };
        var client = Pipeline(inner, Seed, ledger: ledger);

        await client.GetResponseAsync("Hello", new ChatOptions { ModelId = "gpt-3.5-turbo" });
        responseModel = null;
        await client.GetResponseAsync("Hello", new ChatOptions { ModelId = "text-babbage-001" });
        await client.GetResponseAsync("Hello");

        Assert.Equal(new[] { "text-ada-001", "text-babbage-001", "text-curie-001" }, ledger.Records.Select(r => r.ModelId));
        Assert.Equal(new[] { 0.0004m, 0.0005m, 0.0020m }, ledger.Records.Select(r => r.Cost));
    }

    [Fact]
    public async Task An_unknown_model_is_reported_not_priced_at_zero()
    {
        var inner = new FakeChatClient { Respond = _ => FakeChatClient.Answer("gpt-3.5-turbo-instruct", FakeChatClient.Usage(1000, 500)) };
        var ledger = new InMemoryCostLedger();
        var client = Pipeline(inner, Seed, ledger: ledger);

        var response = await client.GetResponseAsync("Hello");

        Assert.False(CostProperties.TryGetCost(response.AdditionalProperties, out _, out _));
        Assert.Empty(ledger.Records);
        var unpriced = Assert.Single(ledger.Unpriced);
        Assert.Equal(UnpricedReason.UnknownModel, unpriced.Reason);
        Assert.Equal("gpt-3.5-turbo-instruct", unpriced.ModelId);
        Assert.Equal((1000L, 500L), (unpriced.InputTokens!.Value, unpriced.OutputTokens!.Value));
    }

    [Theory]
    [InlineData(null, 10L, 5L, null, UnpricedReason.NoModelId)]
    [InlineData("dall-e-2", 10L, 5L, null, UnpricedReason.NotPricedPerToken)]
    [InlineData("gpt-3.5-turbo", null, 5L, null, UnpricedReason.MissingUsage)]
    [InlineData("gpt-3.5-turbo", 10L, null, null, UnpricedReason.MissingUsage)]
    [InlineData("gpt-3.5-turbo", 10L, 5L, 11L, UnpricedReason.InconsistentUsage)]
    [InlineData("gpt-3.5-turbo", -1L, 5L, null, UnpricedReason.InconsistentUsage)]
    public async Task Usage_that_cannot_be_priced_is_reported_with_its_reason(string? modelId, long? input, long? output, long? cached, UnpricedReason reason)
    {
        var inner = new FakeChatClient { Respond = _ => FakeChatClient.Answer(modelId, FakeChatClient.Usage(input, output, cached)) };
        var ledger = new InMemoryCostLedger();
        var client = Pipeline(inner, Seed, ledger: ledger);

        var response = await client.GetResponseAsync("Hello");

        Assert.Null(response.AdditionalProperties);
        Assert.Empty(ledger.Records);
        Assert.Equal(reason, Assert.Single(ledger.Unpriced).Reason);
    }

    [Fact]
    public async Task A_response_without_usage_is_reported_as_missing_usage()
    {
        var inner = new FakeChatClient { Respond = _ => FakeChatClient.Answer("gpt-3.5-turbo", usage: null) };
        var ledger = new InMemoryCostLedger();
        var client = Pipeline(inner, Seed, ledger: ledger);

        await client.GetResponseAsync("Hello");

        var unpriced = Assert.Single(ledger.Unpriced);
        Assert.Equal(UnpricedReason.MissingUsage, unpriced.Reason);
        Assert.Equal("gpt-3.5-turbo", unpriced.ModelId);
    }

    [Fact]
    public async Task Requests_are_refused_once_the_hard_limit_is_reached()
    {
        var inner = new FakeChatClient { Respond = _ => FakeChatClient.Answer("gpt-3.5-turbo", FakeChatClient.Usage(1000, 500)), Metadata = new ChatClientMetadata("fake", null, "gpt-3.5-turbo") };
        var limit = new MonthlySpendingLimit(hardLimit: 0.005m, timeProvider: new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero)));
        var client = Pipeline(inner, Seed, limit);

        await client.GetResponseAsync("first");   // 0.003
        await client.GetResponseAsync("second");  // 0.006: the provider billed it, so it is charged past the limit
        var error = await Assert.ThrowsAsync<SpendingLimitExceededException>(() => client.GetResponseAsync("third"));

        Assert.Equal(2, inner.Requests);
        Assert.Equal(0.006m, limit.Spent);
        Assert.Equal("The monthly spending limit of $0.005 is reached for 2024-05 ($0.006 spent); nothing more is spent until 2024-06.", error.Message);
    }

    [Fact]
    public async Task The_soft_limit_is_reported_through_the_pipeline()
    {
        var inner = new FakeChatClient { Respond = _ => FakeChatClient.Answer("gpt-3.5-turbo", FakeChatClient.Usage(1000, 500)), Metadata = new ChatClientMetadata("fake", null, "gpt-3.5-turbo") };
        var limit = new MonthlySpendingLimit(hardLimit: 1m, softLimit: 0.005m);
        decimal? spentWhenReported = null;
        limit.SoftLimitReached += (_, e) => spentWhenReported = e.Spent;
        var client = Pipeline(inner, Seed, limit);

        await client.GetResponseAsync("first");
        Assert.Null(spentWhenReported);
        await client.GetResponseAsync("second");

        Assert.Equal(0.006m, spentWhenReported);
    }

    [Fact]
    public void A_limit_in_another_currency_than_the_catalog_is_refused()
    {
        var euroModel = new ModelPrice("mistral-small", "Mistral Small", ModelKind.Chat, "Mistral", "EUR", null, new TokenRate("usage", 0.2m, 1_000_000, "EUR"));

        var error = Assert.Throws<ArgumentException>(() => Pipeline(new FakeChatClient(), Seed.With(new[] { euroModel }), new MonthlySpendingLimit(10m, currency: "USD")));

        Assert.StartsWith("The spending limit is in USD but the catalog also prices in EUR", error.Message);
    }

    [Fact]
    public void Ledger_limit_and_catalog_are_services_of_the_pipeline()
    {
        var limit = new MonthlySpendingLimit(1m);
        var client = Pipeline(new FakeChatClient(), Seed, limit);

        Assert.IsType<InMemoryCostLedger>(client.GetService<ICostLedger>());
        Assert.Same(limit, client.GetService<MonthlySpendingLimit>());
        Assert.Same(Seed, client.GetService<ModelCatalog>());
        Assert.IsType<CostTrackingChatClient>(client.GetService<CostTrackingChatClient>());
        Assert.IsType<FakeChatClient>(client.GetService<FakeChatClient>());
    }

    [Fact]
    public async Task A_nested_cost_tracker_neither_answers_for_the_outer_one_nor_changes_the_cost()
    {
        var innerLedger = new InMemoryCostLedger();
        var outerLedger = new InMemoryCostLedger();
        var inner = new FakeChatClient { Respond = _ => FakeChatClient.Answer("gpt-3.5-turbo", FakeChatClient.Usage(1000, 500)) };
        var client = inner.AsBuilder().UseCostTracking(Seed, ledger: outerLedger).UseCostTracking(Seed, ledger: innerLedger).Build();

        var response = await client.GetResponseAsync("Hello");

        Assert.Same(outerLedger, client.GetService<ICostLedger>());
        Assert.Equal(0.003m, response.AdditionalProperties![CostProperties.Cost]);
        Assert.Equal(0.003m, outerLedger.Total("USD"));
        Assert.Equal(0.003m, innerLedger.Total("USD"));
    }

    [Fact]
    public async Task Ledger_limit_and_clock_come_from_the_services_when_not_given()
    {
        var ledger = new InMemoryCostLedger();
        var limit = new MonthlySpendingLimit(1m);
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
        var inner = new FakeChatClient { Respond = _ => FakeChatClient.Answer("gpt-3.5-turbo", FakeChatClient.Usage(1000, 500)), Metadata = new ChatClientMetadata("fake", null, "gpt-3.5-turbo") };
        var client = inner.AsBuilder().UseCostTracking(Seed).Build(new Services().Add<ICostLedger>(ledger).Add(limit).Add<TimeProvider>(clock));

        await client.GetResponseAsync("Hello");

        Assert.Equal(clock.GetUtcNow(), Assert.Single(ledger.Records).Timestamp);
        Assert.Equal(0.003m, limit.Spent);
    }
}
