using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PriceGen.Extensions.AI;
using PriceGen.Tests.Generated;
using Xunit;

namespace PriceGen.Tests.ExtensionsAI;

/// <summary>Which model cost tracking prices, and the limit that fails closed — with fakes; the real SDK is in PriceGen.Integration.Tests.</summary>
public class CostTrackingModelIdentityTests
{
    private static readonly ModelCatalog OpenAI2026 = ModelCatalog.From(OpenAI2026Prices.Models);

    // gpt-4o: $2.50 in, $1.25 cached, $10 out per 1M. 10,000 in (4,000 cached) and 1,000 out:
    // 6,000 × 2.50/1M + 4,000 × 1.25/1M + 1,000 × 10/1M = 0.015 + 0.005 + 0.010 = 0.030.
    private static FakeChatClient Answering(string? responseModel, string defaultModel = "gpt-4o") => new()
    {
        Respond = _ => FakeChatClient.Answer(responseModel, FakeChatClient.Usage(10_000, 1_000, 4_000)),
        Metadata = new ChatClientMetadata("fake", null, defaultModel),
    };

    [Fact]
    public async Task A_dated_response_id_is_priced_as_the_model_it_resolves_to()
    {
        var ledger = new InMemoryCostLedger();
        var client = Answering("gpt-4o-2024-08-06").AsBuilder().UseCostTracking(OpenAI2026, ledger: ledger).Build();

        var response = await client.GetResponseAsync("Hi");

        var record = Assert.Single(ledger.Records);
        Assert.Equal(0.030m, record.Cost);
        Assert.Equal(0.030m, response.AdditionalProperties![CostProperties.Cost]);
        Assert.Equal(("gpt-4o", "gpt-4o", "gpt-4o-2024-08-06"), (record.ModelId, record.RequestedModelId, record.ResponseModelId));
        Assert.Equal((ModelMatchKind.DatedSnapshot, PricedModelSource.ResponseModel, false), (record.Match, record.Source, record.ChargedAtRequestedModelPrice));
    }

    [Fact]
    public async Task A_snapshot_listed_as_its_own_model_is_priced_at_its_own_price()
    {
        var ledger = new InMemoryCostLedger();
        var client = new FakeChatClient
        {
            Respond = _ => FakeChatClient.Answer("gpt-4o-2024-05-13", FakeChatClient.Usage(10_000, 1_000)),
            Metadata = new ChatClientMetadata("fake", null, "gpt-4o"),
        }.AsBuilder().UseCostTracking(OpenAI2026, ledger: ledger).Build();

        await client.GetResponseAsync("Hi");

        // 10,000 × $5/1M + 1,000 × $15/1M = 0.050 + 0.015.
        var record = Assert.Single(ledger.Records);
        Assert.Equal(0.065m, record.Cost);
        Assert.Equal(("gpt-4o-2024-05-13", ModelMatchKind.Exact), (record.ModelId, record.Match));
    }

    [Fact]
    public async Task A_response_id_that_is_the_requested_alias_plus_a_date_is_priced_as_the_request()
    {
        // Azure answers a deployment of gpt-35-turbo with the model and its version; only the request resolves.
        var ledger = new InMemoryCostLedger();
        var client = new FakeChatClient
        {
            Respond = _ => FakeChatClient.Answer("gpt-35-turbo-0125", FakeChatClient.Usage(1_000_000, 1_000_000)),
            Metadata = new ChatClientMetadata("fake", null, "gpt-35-turbo"),
        }.AsBuilder().UseCostTracking(OpenAI2026, ledger: ledger).Build();

        await client.GetResponseAsync("Hi");

        var record = Assert.Single(ledger.Records);
        Assert.Equal(0.50m + 1.50m, record.Cost);
        Assert.Equal(("gpt-3.5-turbo", PricedModelSource.DatedSnapshotOfRequest, ModelMatchKind.DatedSnapshot), (record.ModelId, record.Source, record.Match));
    }

    [Fact]
    public async Task Without_a_limit_an_unknown_response_id_is_reported_never_priced_as_the_request()
    {
        var ledger = new InMemoryCostLedger();
        var client = Answering("gpt-4o-realtime").AsBuilder().UseCostTracking(OpenAI2026, ledger: ledger).Build();

        await client.GetResponseAsync("Hi");

        Assert.Empty(ledger.Records);
        Assert.Equal(("gpt-4o-realtime", UnpricedReason.UnknownModel), (Assert.Single(ledger.Unpriced).ModelId, ledger.Unpriced[0].Reason));
    }

    [Fact]
    public async Task With_a_limit_an_unknown_response_of_a_priced_request_is_charged_at_the_requested_price_and_marked()
    {
        var ledger = new InMemoryCostLedger();
        var limit = new MonthlySpendingLimit(1m);
        var client = Answering("gpt-4o-realtime").AsBuilder().UseCostTracking(OpenAI2026, limit, ledger).Build();

        await client.GetResponseAsync("Hi");

        var record = Assert.Single(ledger.Records);
        Assert.Equal(0.030m, record.Cost);
        Assert.True(record.ChargedAtRequestedModelPrice);
        Assert.Equal((PricedModelSource.RequestedModelFallback, "gpt-4o-realtime", "gpt-4o"), (record.Source, record.ResponseModelId, record.ModelId));
        Assert.Equal(0.030m, limit.Spent);
    }

    [Theory]
    [InlineData("gpt-9", UnpricedReason.UnknownModel, "The request for 'gpt-9', a model that the OpenAI price catalog does not list (as id, alias or snapshot), was not sent")]
    [InlineData("whisper-1", UnpricedReason.NotPricedPerToken, "The request for 'whisper-1', which the OpenAI price catalog does not price per token, was not sent")]
    [InlineData(null, UnpricedReason.NoModelId, "A request that names no model (neither the options' ModelId nor the client's default model) was not sent")]
    public async Task With_a_limit_a_request_for_a_model_that_cannot_be_priced_is_refused_before_it_is_sent(string? model, UnpricedReason reason, string message)
    {
        var inner = new FakeChatClient { Respond = _ => FakeChatClient.Answer(model, FakeChatClient.Usage(10, 10)) };
        var client = inner.AsBuilder().UseCostTracking(OpenAI2026, new MonthlySpendingLimit(1m)).Build();

        var error = await Assert.ThrowsAsync<UnpricedModelException>(() => client.GetResponseAsync("Hi", new ChatOptions { ModelId = model }));
        var streamError = await Assert.ThrowsAsync<UnpricedModelException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("Hi", new ChatOptions { ModelId = model }))
            {
            }
        });

        Assert.Equal(0, inner.Requests);
        Assert.Equal((model, reason), (error.ModelId, error.Reason));
        Assert.StartsWith(message, error.Message, System.StringComparison.Ordinal);
        Assert.EndsWith("set CostTrackingOptions.AllowUnpricedModels to send requests that cannot be priced.", error.Message, System.StringComparison.Ordinal);
        Assert.Equal(error.Message, streamError.Message);
    }

    [Fact]
    public async Task AllowUnpricedModels_sends_the_request_and_reports_it()
    {
        var inner = new FakeChatClient { Respond = _ => FakeChatClient.Answer("gpt-9", FakeChatClient.Usage(10, 10)) };
        var ledger = new InMemoryCostLedger();
        var limit = new MonthlySpendingLimit(1m);
        var client = inner.AsBuilder().UseCostTracking(OpenAI2026, new CostTrackingOptions { Limit = limit, Ledger = ledger, AllowUnpricedModels = true }).Build();

        await client.GetResponseAsync("Hi", new ChatOptions { ModelId = "gpt-9" });

        Assert.Equal(1, inner.Requests);
        Assert.Equal(UnpricedReason.UnknownModel, Assert.Single(ledger.Unpriced).Reason);
        Assert.Equal(0m, limit.Spent);
        Assert.Same(ledger, client.GetService<ICostLedger>());
        Assert.Same(limit, client.GetService<MonthlySpendingLimit>());
    }

    [Fact]
    public async Task Options_take_what_they_leave_out_from_the_services()
    {
        var ledger = new InMemoryCostLedger();
        var limit = new MonthlySpendingLimit(1m);
        var client = Answering("gpt-4o-2024-08-06").AsBuilder()
            .UseCostTracking(OpenAI2026, new CostTrackingOptions())
            .Build(new Services().Add<ICostLedger>(ledger).Add(limit));

        await client.GetResponseAsync("Hi");

        Assert.Equal(0.030m, limit.Spent);
        Assert.Single(ledger.Records);
        await Assert.ThrowsAsync<UnpricedModelException>(() => client.GetResponseAsync("Hi", new ChatOptions { ModelId = "gpt-9" }));
    }

    [Fact]
    public async Task Embeddings_fail_closed_too()
    {
        var inner = new FakeEmbeddingGenerator { ModelIdOnEmbeddings = "text-embedding-3-small", Usage = new UsageDetails { InputTokenCount = 1_000_000 } };
        var ledger = new InMemoryCostLedger();
        var generator = inner.AsBuilder().UseCostTracking(OpenAI2026, new CostTrackingOptions { Limit = new MonthlySpendingLimit(1m), Ledger = ledger }).Build();

        await Assert.ThrowsAsync<UnpricedModelException>(() => generator.GenerateAsync(new[] { "a" }, new EmbeddingGenerationOptions { ModelId = "text-embedding-4" }));
        await generator.GenerateAsync(new[] { "a" }, new EmbeddingGenerationOptions { ModelId = "text-embedding-3-small" });

        Assert.Equal(1, inner.Requests);
        Assert.Equal(0.02m, Assert.Single(ledger.Records).Cost);
    }
}
