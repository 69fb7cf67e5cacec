using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PriceGen.Extensions.AI;
using PriceGen.Tests.Generated;
using Xunit;

namespace PriceGen.Tests.ExtensionsAI;

public class CostTrackingStreamingTests
{
    private static readonly ModelCatalog Seed = ModelCatalog.From(OpenAIPrices.Models);

    private static ChatResponseUpdate Text(string text, string? modelId = "gpt-3.5-turbo") =>
        new(ChatRole.Assistant, text) { ModelId = modelId, ResponseId = "stream-1" };

    // As OpenAI streams it: text first, then a last update whose only content is the usage.
    private static ChatResponseUpdate UsageUpdate(long input, long output, string? modelId = "gpt-3.5-turbo") =>
        new(ChatRole.Assistant, new List<AIContent> { new UsageContent(new UsageDetails { InputTokenCount = input, OutputTokenCount = output }) })
        {
            ModelId = modelId,
            ResponseId = "stream-1",
        };

    private static async Task<List<ChatResponseUpdate>> ReadAll(IAsyncEnumerable<ChatResponseUpdate> stream)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in stream)
        {
            updates.Add(update);
        }

        return updates;
    }

    [Fact]
    public async Task The_update_with_usage_carries_the_exact_cost()
    {
        var inner = new FakeChatClient { Stream = _ => new[] { Text("Hel"), Text("lo"), UsageUpdate(1000, 500) } };
        var ledger = new InMemoryCostLedger();
        var client = inner.AsBuilder().UseCostTracking(Seed, ledger: ledger).Build();

        var updates = await ReadAll(client.GetStreamingResponseAsync("Hi"));

        Assert.Equal(3, updates.Count);
        Assert.Null(updates[0].AdditionalProperties);
        Assert.Null(updates[1].AdditionalProperties);
        Assert.True(CostProperties.TryGetCost(updates[2].AdditionalProperties, out var cost, out var currency));
        Assert.Equal((0.003m, "USD"), (cost, currency));
        var record = Assert.Single(ledger.Records);
        Assert.Equal(CallKind.StreamingChat, record.Call);
        Assert.Equal("stream-1", record.ResponseId);
        Assert.Empty(ledger.Unpriced);

        // The cost survives Microsoft.Extensions.AI's own merge of the updates into one response.
        var merged = updates.ToChatResponse();
        Assert.Equal("Hello", merged.Text);
        Assert.Equal(0.003m, merged.AdditionalProperties![CostProperties.Cost]);
    }

    [Fact]
    public async Task Every_usage_report_of_a_stream_is_priced()
    {
        var inner = new FakeChatClient { Stream = _ => new[] { Text("a"), UsageUpdate(1000, 0), Text("b"), UsageUpdate(0, 500) }, Metadata = new ChatClientMetadata("fake", null, "gpt-3.5-turbo") };
        var ledger = new InMemoryCostLedger();
        var limit = new MonthlySpendingLimit(1m);
        var client = inner.AsBuilder().UseCostTracking(Seed, limit, ledger).Build();

        await ReadAll(client.GetStreamingResponseAsync("Hi"));

        Assert.Equal(new[] { 0.002m, 0.001m }, ledger.Records.Select(r => r.Cost));
        Assert.Equal(0.003m, limit.Spent);
    }

    [Fact]
    public async Task With_message_ids_a_content_free_update_carries_the_cost_to_the_merged_response()
    {
        var usage = UsageUpdate(1000, 500);
        usage.MessageId = "msg-1";
        var text = Text("Hello");
        text.MessageId = "msg-1";
        var inner = new FakeChatClient { Stream = _ => new[] { text, usage } };
        var limit = new MonthlySpendingLimit(1m);
        var client = inner.AsBuilder().UseCostTracking(Seed, new CostTrackingOptions { Limit = limit, AllowUnpricedModels = true }).Build();

        var updates = await ReadAll(client.GetStreamingResponseAsync("Hi"));
        var merged = updates.ToChatResponse();

        Assert.Equal(3, updates.Count);
        Assert.Empty(updates[2].Contents);
        Assert.Null(updates[2].MessageId);
        Assert.Equal(0.003m, updates[2].AdditionalProperties![CostProperties.Cost]);
        Assert.Equal("Hello", Assert.Single(merged.Messages).Text);
        Assert.Equal(0.003m, merged.AdditionalProperties![CostProperties.Cost]);
        Assert.Equal(0.003m, limit.Spent);
    }

    [Fact]
    public async Task Each_usage_update_carries_the_stream_cost_so_far_and_the_merged_response_the_total_charged_once()
    {
        var inner = new FakeChatClient { Stream = _ => new[] { Text("a"), UsageUpdate(1000, 0), Text("b"), UsageUpdate(0, 500) }, Metadata = new ChatClientMetadata("fake", null, "gpt-3.5-turbo") };
        var limit = new MonthlySpendingLimit(1m);
        var client = inner.AsBuilder().UseCostTracking(Seed, limit).Build();

        var updates = await ReadAll(client.GetStreamingResponseAsync("Hi"));
        var merged = updates.ToChatResponse();

        Assert.Equal(0.002m, updates[1].AdditionalProperties![CostProperties.Cost]);
        Assert.Equal(0.003m, updates[3].AdditionalProperties![CostProperties.Cost]);
        Assert.True(CostProperties.TryGetCost(merged.AdditionalProperties, out var total, out _));
        Assert.Equal(0.003m, total);
        Assert.Equal(0.003m, limit.Spent);
    }

    [Fact]
    public async Task A_stream_takes_the_model_id_of_an_earlier_update_else_the_options()
    {
        var ledger = new InMemoryCostLedger();
        var inner = new FakeChatClient { Stream = _ => new[] { Text("x", modelId: "text-ada-001"), UsageUpdate(1000, 0, modelId: null) } };
        var client = inner.AsBuilder().UseCostTracking(Seed, ledger: ledger).Build();

        await ReadAll(client.GetStreamingResponseAsync("Hi", new ChatOptions { ModelId = "gpt-3.5-turbo" }));
        inner.Stream = _ => new[] { Text("x", modelId: null), UsageUpdate(1000, 0, modelId: null) };
        await ReadAll(client.GetStreamingResponseAsync("Hi", new ChatOptions { ModelId = "text-curie-001" }));

        Assert.Equal(new[] { "text-ada-001", "text-curie-001" }, ledger.Records.Select(r => r.ModelId));
    }

    [Fact]
    public async Task A_stream_that_ends_without_usage_is_reported_once()
    {
        var inner = new FakeChatClient { Stream = _ => new[] { Text("Hel"), Text("lo") } };
        var ledger = new InMemoryCostLedger();
        var client = inner.AsBuilder().UseCostTracking(Seed, ledger: ledger).Build();

        await ReadAll(client.GetStreamingResponseAsync("Hi"));

        var unpriced = Assert.Single(ledger.Unpriced);
        Assert.Equal((CallKind.StreamingChat, UnpricedReason.MissingUsage, "gpt-3.5-turbo"), (unpriced.Call, unpriced.Reason, unpriced.ModelId));
        Assert.Empty(ledger.Records);
    }

    [Fact]
    public async Task A_stream_abandoned_before_its_usage_is_reported_as_missing_usage()
    {
        var inner = new FakeChatClient { Stream = _ => new[] { Text("Hel"), Text("lo"), UsageUpdate(1000, 500) } };
        var ledger = new InMemoryCostLedger();
        var client = inner.AsBuilder().UseCostTracking(Seed, ledger: ledger).Build();

        await foreach (var update in client.GetStreamingResponseAsync("Hi"))
        {
            break;
        }

        Assert.Equal(UnpricedReason.MissingUsage, Assert.Single(ledger.Unpriced).Reason);
        Assert.Empty(ledger.Records);
    }

    [Fact]
    public async Task An_unknown_model_in_a_stream_is_reported()
    {
        var inner = new FakeChatClient { Stream = _ => new[] { Text("x", "gpt-9"), UsageUpdate(1000, 500, "gpt-9") } };
        var ledger = new InMemoryCostLedger();
        var client = inner.AsBuilder().UseCostTracking(Seed, ledger: ledger).Build();

        var updates = await ReadAll(client.GetStreamingResponseAsync("Hi"));

        Assert.Null(updates[1].AdditionalProperties);
        var unpriced = Assert.Single(ledger.Unpriced);
        Assert.Equal((UnpricedReason.UnknownModel, "gpt-9"), (unpriced.Reason, unpriced.ModelId));
    }

    [Fact]
    public async Task A_stream_is_refused_once_the_hard_limit_is_reached()
    {
        var inner = new FakeChatClient { Stream = _ => new[] { Text("Hello"), UsageUpdate(1000, 500) }, Metadata = new ChatClientMetadata("fake", null, "gpt-3.5-turbo") };
        var limit = new MonthlySpendingLimit(hardLimit: 0.003m);
        var client = inner.AsBuilder().UseCostTracking(Seed, limit).Build();

        await ReadAll(client.GetStreamingResponseAsync("first"));
        await Assert.ThrowsAsync<SpendingLimitExceededException>(() => ReadAll(client.GetStreamingResponseAsync("second")));

        Assert.Equal(1, inner.Requests);
        Assert.Equal(0.003m, limit.Spent);
    }
}
