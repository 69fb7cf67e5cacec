using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using OpenAI;
using PriceGen.Extensions.AI;
using PriceGen.Integration.Tests.Generated;
using Xunit;

namespace PriceGen.Integration.Tests;

/// <summary>
/// Cost tracking on the real OpenAI SDK (<c>OpenAI</c> 2.15.0 through <c>Microsoft.Extensions.AI.OpenAI</c> 10.11.0)
/// talking to <see cref="OpenAIStub"/>. Every expected cost is worked by hand from the bundled catalogs' prices.
/// </summary>
public sealed class RealOpenAISdkTests : IAsyncLifetime
{
    private static readonly ModelCatalog OpenAI2026 = ModelCatalog.From(OpenAI2026Prices.Models);
    private static readonly ModelCatalog OpenAI2023 = ModelCatalog.From(OpenAIPrices.Models);
    private static readonly ModelCatalog OpenAIHistory = ModelCatalog.Combine(
        ModelCatalog.From(OpenAIPrices.Models), ModelCatalog.From(OpenAIJune2023Prices.Models), OpenAI2026);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private OpenAIStub _server = null!;

    public Task InitializeAsync()
    {
        _server = OpenAIStub.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _timeout.Dispose();
    }

    private CancellationToken Timeout => _timeout.Token;

    private OpenAIClient OpenAI() => new(
        new ApiKeyCredential("sk-test"),
        new OpenAIClientOptions { Endpoint = _server.Endpoint, RetryPolicy = new ClientRetryPolicy(maxRetries: 0), NetworkTimeout = TimeSpan.FromSeconds(20) });

    private IChatClient Chat(string model, ModelCatalog catalog, CostTrackingOptions options) =>
        OpenAI().GetChatClient(model).AsIChatClient().AsBuilder().UseCostTracking(catalog, options).Build();

    // The example: 10,000 prompt tokens of which 4,000 cached, 1,000 completion tokens.
    private void AnswerGpt4oAsAugustSnapshot()
    {
        _server.AnsweringModel = "gpt-4o-2024-08-06";
        (_server.PromptTokens, _server.CachedTokens, _server.CompletionTokens) = (10_000, 4_000, 1_000);
    }

    [Fact]
    public async Task Gpt4o_answered_as_a_dated_snapshot_is_priced_as_gpt4o_with_cached_tokens()
    {
        AnswerGpt4oAsAugustSnapshot();
        var ledger = new InMemoryCostLedger();
        var client = Chat("gpt-4o", OpenAI2026, new CostTrackingOptions { Ledger = ledger });

        var response = await client.GetResponseAsync("Hi", cancellationToken: Timeout);

        // 6,000 fresh input × $2.50/1M + 4,000 cached × $1.25/1M + 1,000 output × $10/1M = 0.015 + 0.005 + 0.010.
        Assert.Equal(0.030m, response.AdditionalProperties![CostProperties.Cost]);
        var record = Assert.Single(ledger.Records);
        Assert.Equal((0.030m, 10_000L, 4_000L, 1_000L), (record.Cost, record.InputTokens, record.CachedInputTokens, record.OutputTokens));
        Assert.Equal(("gpt-4o", "gpt-4o", "gpt-4o-2024-08-06"), (record.ModelId, record.RequestedModelId, record.ResponseModelId));
        Assert.Equal((ModelMatchKind.DatedSnapshot, PricedModelSource.ResponseModel), (record.Match, record.Source));
        Assert.Equal("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", record.ResponseId);
        Assert.Equal("gpt-4o", Assert.Single(_server.Requests).Json.GetProperty("model").GetString());
        Assert.Empty(ledger.Unpriced);
    }

    [Fact]
    public async Task Gpt35_answered_as_0301_is_priced_with_the_2023_catalog()
    {
        _server.AnsweringModel = "gpt-3.5-turbo-0301";
        (_server.PromptTokens, _server.CachedTokens, _server.CompletionTokens) = (1_200, 0, 300);
        var ledger = new InMemoryCostLedger();
        var client = Chat("gpt-3.5-turbo", OpenAI2023, new CostTrackingOptions { Ledger = ledger, Limit = new MonthlySpendingLimit(1m) });

        await client.GetResponseAsync("Hi", cancellationToken: Timeout);

        // 1,500 tokens × $0.002/1K.
        var record = Assert.Single(ledger.Records);
        Assert.Equal(0.003m, record.Cost);
        Assert.Equal(("gpt-3.5-turbo", ModelMatchKind.DatedSnapshot), (record.ModelId, record.Match));
    }

    [Fact]
    public async Task A_pinned_snapshot_is_requested_and_priced()
    {
        AnswerGpt4oAsAugustSnapshot();
        var ledger = new InMemoryCostLedger();
        var client = Chat("gpt-4o-2024-08-06", OpenAI2026, new CostTrackingOptions { Ledger = ledger, Limit = new MonthlySpendingLimit(1m) });

        await client.GetResponseAsync("Hi", cancellationToken: Timeout);

        Assert.Equal(0.030m, Assert.Single(ledger.Records).Cost);
        Assert.Equal("gpt-4o-2024-08-06", Assert.Single(_server.Requests).Json.GetProperty("model").GetString());
    }

    [Fact]
    public async Task A_snapshot_listed_as_a_model_of_its_own_is_priced_at_its_own_price()
    {
        _server.AnsweringModel = "gpt-4o-2024-05-13";
        (_server.PromptTokens, _server.CachedTokens, _server.CompletionTokens) = (10_000, 0, 1_000);
        var ledger = new InMemoryCostLedger();
        var client = Chat("gpt-4o", OpenAI2026, new CostTrackingOptions { Ledger = ledger });

        await client.GetResponseAsync("Hi", cancellationToken: Timeout);

        // 10,000 × $5/1M + 1,000 × $15/1M = 0.050 + 0.015, not gpt-4o's $2.50/$10.
        var record = Assert.Single(ledger.Records);
        Assert.Equal(0.065m, record.Cost);
        Assert.Equal(("gpt-4o-2024-05-13", ModelMatchKind.Exact), (record.ModelId, record.Match));
    }

    [Fact]
    public async Task The_Azure_spelling_is_an_alias()
    {
        _server.AnsweringModel = "gpt-35-turbo";
        (_server.PromptTokens, _server.CachedTokens, _server.CompletionTokens) = (20_000, 0, 10_000);
        var ledger = new InMemoryCostLedger();
        var client = Chat("gpt-35-turbo", OpenAI2026, new CostTrackingOptions { Ledger = ledger, Limit = new MonthlySpendingLimit(1m) });

        await client.GetResponseAsync("Hi", cancellationToken: Timeout);

        // 20,000 × $0.50/1M + 10,000 × $1.50/1M = 0.010 + 0.015.
        var record = Assert.Single(ledger.Records);
        Assert.Equal(0.025m, record.Cost);
        Assert.Equal(("gpt-3.5-turbo", ModelMatchKind.Alias), (record.ModelId, record.Match));
    }

    [Fact]
    public async Task A_response_id_that_is_the_requested_id_plus_a_date_is_priced_as_the_request()
    {
        // gpt-35-turbo is an alias; dated forms are of ids, so only the request makes this id priceable.
        _server.AnsweringModel = "gpt-35-turbo-0125";
        (_server.PromptTokens, _server.CachedTokens, _server.CompletionTokens) = (20_000, 0, 10_000);
        var ledger = new InMemoryCostLedger();
        var client = Chat("gpt-35-turbo", OpenAI2026, new CostTrackingOptions { Ledger = ledger });

        await client.GetResponseAsync("Hi", cancellationToken: Timeout);

        var record = Assert.Single(ledger.Records);
        Assert.Equal(0.025m, record.Cost);
        Assert.Equal(("gpt-3.5-turbo", "gpt-35-turbo-0125", PricedModelSource.DatedSnapshotOfRequest), (record.ModelId, record.ResponseModelId, record.Source));
        Assert.False(record.ChargedAtRequestedModelPrice);
    }

    [Fact]
    public async Task Without_a_limit_an_unknown_response_model_is_reported_not_priced_as_another_model()
    {
        AnswerGpt4oAsAugustSnapshot();
        _server.AnsweringModel = "gpt-4o-audio-preview";
        var ledger = new InMemoryCostLedger();
        var client = Chat("gpt-4o", OpenAI2026, new CostTrackingOptions { Ledger = ledger });

        var response = await client.GetResponseAsync("Hi", cancellationToken: Timeout);

        Assert.False(CostProperties.TryGetCost(response.AdditionalProperties, out _, out _));
        Assert.Empty(ledger.Records);
        var unpriced = Assert.Single(ledger.Unpriced);
        Assert.Equal(("gpt-4o-audio-preview", UnpricedReason.UnknownModel, 10_000L), (unpriced.ModelId, unpriced.Reason, unpriced.InputTokens!.Value));
    }

    [Fact]
    public async Task With_a_limit_an_unknown_response_model_is_charged_at_the_requested_price_and_marked()
    {
        AnswerGpt4oAsAugustSnapshot();
        _server.AnsweringModel = "gpt-4o-audio-preview";
        var ledger = new InMemoryCostLedger();
        var limit = new MonthlySpendingLimit(1m);
        var client = Chat("gpt-4o", OpenAI2026, new CostTrackingOptions { Ledger = ledger, Limit = limit });

        await client.GetResponseAsync("Hi", cancellationToken: Timeout);

        var record = Assert.Single(ledger.Records);
        Assert.Equal(0.030m, record.Cost);
        Assert.True(record.ChargedAtRequestedModelPrice);
        Assert.Equal(("gpt-4o", "gpt-4o-audio-preview", PricedModelSource.RequestedModelFallback), (record.ModelId, record.ResponseModelId, record.Source));
        Assert.Equal(0.030m, limit.Spent);
    }

    [Fact]
    public async Task A_limit_of_five_cents_stops_real_traffic()
    {
        AnswerGpt4oAsAugustSnapshot();
        var limit = new MonthlySpendingLimit(hardLimit: 0.05m);
        var client = Chat("gpt-4o", OpenAI2026, new CostTrackingOptions { Limit = limit });

        await client.GetResponseAsync("first", cancellationToken: Timeout);   // $0.030 spent
        await client.GetResponseAsync("second", cancellationToken: Timeout);  // $0.060: billed by the provider, so charged past the limit
        var refused = await Assert.ThrowsAsync<SpendingLimitExceededException>(() => client.GetResponseAsync("third", cancellationToken: Timeout));
        await Assert.ThrowsAsync<SpendingLimitExceededException>(() => client.GetStreamingResponseAsync("fourth", cancellationToken: Timeout).ToChatResponseAsync(Timeout));

        Assert.Equal(0.060m, limit.Spent);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains("$0.05", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_limit_a_request_for_an_unknown_model_is_refused_before_anything_is_sent()
    {
        var client = Chat("gpt-9", OpenAI2026, new CostTrackingOptions { Limit = new MonthlySpendingLimit(1m) });
        var embeddings = OpenAI().GetEmbeddingClient("text-embedding-4").AsIEmbeddingGenerator().AsBuilder()
            .UseCostTracking(OpenAI2026, new CostTrackingOptions { Limit = new MonthlySpendingLimit(1m) }).Build();

        var error = await Assert.ThrowsAsync<UnpricedModelException>(() => client.GetResponseAsync("Hi", cancellationToken: Timeout));
        await Assert.ThrowsAsync<UnpricedModelException>(() => client.GetStreamingResponseAsync("Hi", cancellationToken: Timeout).ToChatResponseAsync(Timeout));
        var embeddingError = await Assert.ThrowsAsync<UnpricedModelException>(() => embeddings.GenerateAsync(new[] { "a" }, cancellationToken: Timeout));

        Assert.Empty(_server.Requests);
        Assert.Equal("gpt-9", error.ModelId);
        Assert.Contains("'gpt-9'", error.Message, StringComparison.Ordinal);
        Assert.Contains("CostTrackingOptions.AllowUnpricedModels", error.Message, StringComparison.Ordinal);
        Assert.Equal("text-embedding-4", embeddingError.ModelId);
    }

    [Fact]
    public async Task AllowUnpricedModels_sends_the_request_and_reports_it_unpriced()
    {
        AnswerGpt4oAsAugustSnapshot();
        _server.AnsweringModel = "gpt-9";
        var ledger = new InMemoryCostLedger();
        var limit = new MonthlySpendingLimit(1m);
        var client = Chat("gpt-9", OpenAI2026, new CostTrackingOptions { Ledger = ledger, Limit = limit, AllowUnpricedModels = true });

        await client.GetResponseAsync("Hi", cancellationToken: Timeout);

        Assert.Single(_server.Requests);
        Assert.Equal(("gpt-9", UnpricedReason.UnknownModel), (Assert.Single(ledger.Unpriced).ModelId, ledger.Unpriced[0].Reason));
        Assert.Equal(0m, limit.Spent);
    }

    [Fact]
    public async Task A_stream_ending_in_a_usage_chunk_is_priced_once_and_its_merged_response_carries_the_cost()
    {
        AnswerGpt4oAsAugustSnapshot();
        var ledger = new InMemoryCostLedger();
        var limit = new MonthlySpendingLimit(1m);
        var client = Chat("gpt-4o", OpenAI2026, new CostTrackingOptions { Ledger = ledger, Limit = limit });

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("Hi", cancellationToken: Timeout))
        {
            updates.Add(update);
        }

        var merged = updates.ToChatResponse();

        var request = Assert.Single(_server.Requests).Json;
        Assert.True(request.GetProperty("stream").GetBoolean());
        Assert.True(request.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        Assert.Equal("Hello!", Assert.Single(merged.Messages).Text);
        Assert.Equal((10_000L, 4_000L, 1_000L), (merged.Usage!.InputTokenCount!.Value, merged.Usage.CachedInputTokenCount!.Value, merged.Usage.OutputTokenCount!.Value));
        Assert.Equal("gpt-4o-2024-08-06", merged.ModelId);
        Assert.Equal(0.030m, updates.Single(u => u.Contents.OfType<UsageContent>().Any()).AdditionalProperties![CostProperties.Cost]);
        Assert.True(CostProperties.TryGetCost(merged.AdditionalProperties, out var cost, out var currency));
        Assert.Equal((0.030m, "USD"), (cost, currency));
        var record = Assert.Single(ledger.Records);
        Assert.Equal((CallKind.StreamingChat, 0.030m, 4_000L, ModelMatchKind.DatedSnapshot), (record.Call, record.Cost, record.CachedInputTokens, record.Match));
        Assert.Equal(0.030m, limit.Spent);
        Assert.Empty(ledger.Unpriced);
    }

    // gpt-3.5-turbo answers as the snapshot it pointed to at the time.
    [Theory]
    [InlineData(1_680_307_200, "gpt-3.5-turbo-0301", "0.003")]   // 2023-04-01: $0.002 / 1K tokens, in and out
    [InlineData(1_688_169_600, "gpt-3.5-turbo-0613", "0.00240")] // 2023-07-01: $0.0015 / 1K in, $0.002 / 1K out
    [InlineData(1_775_001_600, "gpt-3.5-turbo-0125", "0.00105")] // 2026-04-01: $0.50 / 1M in, $1.50 / 1M out
    public async Task A_response_is_priced_at_the_price_in_force_when_the_API_created_it(long created, string answeringModel, string expected)
    {
        _server.Created = DateTimeOffset.FromUnixTimeSeconds(created);
        _server.AnsweringModel = answeringModel;
        (_server.PromptTokens, _server.CachedTokens, _server.CompletionTokens) = (1_200, 0, 300);
        var ledger = new InMemoryCostLedger();
        var client = Chat("gpt-3.5-turbo", OpenAIHistory, new CostTrackingOptions { Ledger = ledger });

        var response = await client.GetResponseAsync("Hi", cancellationToken: Timeout);
        var streamed = await client.GetStreamingResponseAsync("Hi", cancellationToken: Timeout).ToChatResponseAsync(Timeout);

        var price = decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(_server.Created, response.CreatedAt);
        Assert.Equal(new[] { price, price }, ledger.Records.Select(r => r.Cost));
        Assert.Equal(price, streamed.AdditionalProperties![CostProperties.Cost]);
    }

    [Fact]
    public async Task Embeddings_are_priced_from_the_usage_the_API_reports()
    {
        _server.AnsweringModel = "text-embedding-3-small";
        _server.PromptTokens = 50_000;
        var ledger = new InMemoryCostLedger();
        var generator = OpenAI().GetEmbeddingClient("text-embedding-3-small").AsIEmbeddingGenerator().AsBuilder()
            .UseCostTracking(OpenAI2026, new CostTrackingOptions { Ledger = ledger, Limit = new MonthlySpendingLimit(1m) }).Build();

        var embeddings = await generator.GenerateAsync(new[] { "first text", "second text" }, cancellationToken: Timeout);

        // 50,000 tokens × $0.02/1M.
        Assert.Equal(2, embeddings.Count);
        Assert.Equal(3, embeddings[0].Vector.Length);
        Assert.Equal(0.001m, embeddings.AdditionalProperties![CostProperties.Cost]);
        var record = Assert.Single(ledger.Records);
        Assert.Equal((CallKind.Embedding, 0.001m, "text-embedding-3-small", ModelMatchKind.Exact), (record.Call, record.Cost, record.ModelId, record.Match));
        Assert.Equal("/v1/embeddings", Assert.Single(_server.Requests).Path);
    }
}
