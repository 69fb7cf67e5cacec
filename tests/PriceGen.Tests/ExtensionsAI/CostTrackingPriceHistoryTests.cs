using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using PriceGen.Extensions.AI;
using PriceGen.Tests.Generated;
using Xunit;

namespace PriceGen.Tests.ExtensionsAI;

/// <summary>The middleware over OpenAI's price history: a response is priced at its CreatedAt, else at the clock's now.</summary>
public class CostTrackingPriceHistoryTests
{
    private static readonly ModelCatalog History = ModelCatalog.Combine(
        ModelCatalog.From(OpenAIPrices.Models), ModelCatalog.From(OpenAIJune2023Prices.Models), ModelCatalog.From(OpenAI2026Prices.Models));

    private static readonly DateTimeOffset July2023 = new(2023, 7, 1, 12, 0, 0, TimeSpan.Zero);

    // Every test's clock says April 2026, when gpt-3.5-turbo costs $0.50 / $1.50 per 1M tokens.
    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));

    private static IChatClient Pipeline(FakeChatClient inner, ICostLedger ledger, TimeProvider clock, MonthlySpendingLimit? limit = null) =>
        inner.AsBuilder().UseCostTracking(History, new CostTrackingOptions { Ledger = ledger, Limit = limit, TimeProvider = clock }).Build();

    [Fact]
    public async Task A_response_created_in_july_2023_costs_the_june_2023_price()
    {
        var answer = FakeChatClient.Answer("gpt-3.5-turbo", FakeChatClient.Usage(1000, 1000));
        answer.CreatedAt = July2023;
        var inner = new FakeChatClient { Respond = _ => answer };
        var ledger = new InMemoryCostLedger();
        var clock = Clock();

        var response = await Pipeline(inner, ledger, clock).GetResponseAsync("Hello");

        // 1,000 in at $0.0015 / 1K + 1,000 out at $0.002 / 1K.
        Assert.Equal(0.0035m, response.AdditionalProperties![CostProperties.Cost]);
        var record = Assert.Single(ledger.Records);
        Assert.Same(OpenAIJune2023Prices.Chat.Gpt35Turbo.Model, record.Model);
        Assert.Equal(clock.GetUtcNow(), record.Timestamp); // the ledger still records when it was priced
    }

    [Theory]
    [InlineData("2023-04-01", "0.004")] // usage: $0.002 / 1K, in and out
    [InlineData("2023-07-01", "0.0035")]
    [InlineData(null, "0.002")] // no CreatedAt: now, $0.50 + $1.50 per 1M
    public async Task The_price_is_the_one_in_force_when_the_response_was_created(string? createdAt, string expected)
    {
        var answer = FakeChatClient.Answer("gpt-3.5-turbo", FakeChatClient.Usage(1000, 1000));
        answer.CreatedAt = createdAt is null ? null : DateTimeOffset.Parse(createdAt + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var ledger = new InMemoryCostLedger();

        await Pipeline(new FakeChatClient { Respond = _ => answer }, ledger, Clock()).GetResponseAsync("Hello");

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(ledger.Records).Cost);
    }

    [Fact]
    public async Task A_response_created_before_every_catalog_is_unpriced()
    {
        var answer = FakeChatClient.Answer("gpt-3.5-turbo", FakeChatClient.Usage(1000, 1000));
        answer.CreatedAt = new DateTimeOffset(2022, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var ledger = new InMemoryCostLedger();

        await Pipeline(new FakeChatClient { Respond = _ => answer }, ledger, Clock()).GetResponseAsync("Hello");

        Assert.Empty(ledger.Records);
        Assert.Equal(UnpricedReason.UnknownModel, Assert.Single(ledger.Unpriced).Reason);
    }

    [Fact]
    public async Task A_stream_is_priced_at_the_created_at_of_its_updates()
    {
        // The usage update carries no CreatedAt of its own: the stream's, from its first update, applies.
        var inner = new FakeChatClient
        {
            Stream = _ => new[]
            {
                new ChatResponseUpdate(ChatRole.Assistant, "Hi") { ModelId = "gpt-3.5-turbo", CreatedAt = July2023 },
                new ChatResponseUpdate(ChatRole.Assistant, new List<AIContent> { new UsageContent(FakeChatClient.Usage(1000, 1000)) }) { ModelId = "gpt-3.5-turbo" },
            },
        };
        var ledger = new InMemoryCostLedger();

        await foreach (var _ in Pipeline(inner, ledger, Clock()).GetStreamingResponseAsync("Hello"))
        {
        }

        var record = Assert.Single(ledger.Records);
        Assert.Same(OpenAIJune2023Prices.Chat.Gpt35Turbo.Model, record.Model);
        Assert.Equal(0.0035m, record.Cost);
    }

    [Fact]
    public async Task Embeddings_are_priced_at_their_created_at()
    {
        var inner = new FakeEmbeddingGenerator
        {
            ModelIdOnEmbeddings = "text-embedding-ada-002",
            CreatedAtOnEmbeddings = new DateTimeOffset(2023, 4, 1, 0, 0, 0, TimeSpan.Zero),
            Usage = new UsageDetails { InputTokenCount = 1000 },
        };
        var ledger = new InMemoryCostLedger();
        var generator = new EmbeddingGeneratorBuilder<string, Embedding<float>>(inner)
            .UseCostTracking(History, new CostTrackingOptions { Ledger = ledger, TimeProvider = Clock() })
            .Build();

        await generator.GenerateAsync(new[] { "a" });
        inner.CreatedAtOnEmbeddings = null;
        await generator.GenerateAsync(new[] { "b" });

        // $0.0004 / 1K in April 2023; $0.0001 / 1K from June 2023 on, and now (the 2026 catalog does not list ada-002).
        Assert.Equal(new[] { 0.0004m, 0.0001m }, new[] { ledger.Records[0].Cost, ledger.Records[1].Cost });
    }

    [Fact]
    public async Task A_request_is_checked_against_the_prices_of_now()
    {
        // With a limit, an unknown model is refused before sending: gpt-3.5-turbo-16k has no price before June 2023.
        var inner = new FakeChatClient { Respond = _ => FakeChatClient.Answer("gpt-3.5-turbo-16k", FakeChatClient.Usage(1000, 1000)) };
        var options = new ChatOptions { ModelId = "gpt-3.5-turbo-16k" };
        var april2023 = new FakeTimeProvider(new DateTimeOffset(2023, 4, 1, 0, 0, 0, TimeSpan.Zero));
        var early = Pipeline(inner, new InMemoryCostLedger(), april2023, new MonthlySpendingLimit(10m, timeProvider: april2023));

        var refused = await Assert.ThrowsAsync<UnpricedModelException>(() => early.GetResponseAsync("Hello", options));
        Assert.Equal(UnpricedReason.UnknownModel, refused.Reason);
        Assert.Equal(0, inner.Requests);

        var later = Pipeline(inner, new InMemoryCostLedger(), Clock(), new MonthlySpendingLimit(10m, timeProvider: Clock()));
        await later.GetResponseAsync("Hello", options);
        Assert.Equal(1, inner.Requests);
    }
}
