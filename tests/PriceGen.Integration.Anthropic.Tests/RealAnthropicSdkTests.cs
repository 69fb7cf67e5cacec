using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Anthropic;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;
using PriceGen.Extensions.AI;
using PriceGen.Integration.Anthropic.Tests.Generated;
using Xunit;

namespace PriceGen.Integration.Anthropic.Tests;

/// <summary>
/// Cost tracking on the real Anthropic SDK (<c>Anthropic</c> 13.14.0 and its <c>AsIChatClient</c>) talking to
/// <see cref="AnthropicStub"/>, with PriceGen.Extensions.AI.Anthropic found by the middleware on its own. Every expected
/// cost is worked by hand from the bundled catalog: Claude Sonnet 4.5 costs $3 input, $0.30 cache read, $3.75 5-minute
/// write, $6 1-hour write, $15 output per 1M tokens.
/// </summary>
public sealed class RealAnthropicSdkTests : IAsyncLifetime
{
    private static readonly ModelCatalog Catalog = ModelCatalog.From(AnthropicPrices.Models);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private AnthropicStub _server = null!;
    private AnthropicClient _anthropic = null!;

    public Task InitializeAsync()
    {
        _server = AnthropicStub.Start();
        _anthropic = new AnthropicClient(new() { ApiKey = "sk-ant-test", BaseUrl = _server.BaseUrl, MaxRetries = 0, Timeout = TimeSpan.FromSeconds(20) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _anthropic.Dispose();
        await _server.DisposeAsync();
        _timeout.Dispose();
    }

    private CancellationToken Timeout => _timeout.Token;

    private IChatClient Chat(MonthlySpendingLimit? limit, ICostLedger ledger) =>
        new ChatClientBuilder(_anthropic.AsIChatClient("claude-sonnet-4-5", defaultMaxOutputTokens: 1024)).UseCostTracking(Catalog, limit, ledger).Build();

    // 1,000 fresh input, 5,000 cache reads, 2,000 cache writes (1,500 for 5 minutes, 500 for one hour), 500 output.
    private void AnswerWithOneHourWrites()
    {
        (_server.InputTokens, _server.CacheReadTokens, _server.CacheWrite5mTokens, _server.CacheWrite1hTokens, _server.OutputTokens) = (1_000, 5_000, 1_500, 500, 500);
    }

    // 1,000 × $3 + 5,000 × $0.30 + 1,500 × $3.75 + 500 × $6 + 500 × $15 = 3,000 + 1,500 + 5,625 + 3,000 + 7,500 per 1M.
    private const decimal WithOneHourWrites = 0.020625m;

    // The same with every write at the 5-minute rate: 2,000 × $3.75 = 7,500 instead of 8,625 per 1M.
    private const decimal AllAsFiveMinuteWrites = 0.0195m;

    [Fact]
    public async Task The_adapter_reports_writes_in_the_input_and_loses_their_lifetime()
    {
        // The facts the reader is built on: what Anthropic's own IChatClient puts in UsageDetails and RawRepresentation.
        AnswerWithOneHourWrites();
        var response = await _anthropic.AsIChatClient("claude-sonnet-4-5", defaultMaxOutputTokens: 1024).GetResponseAsync("Hi", cancellationToken: Timeout);

        var usage = response.Usage!;
        Assert.Equal((8_000L, 5_000L, 500L, 8_500L), (usage.InputTokenCount, usage.CachedInputTokenCount, usage.OutputTokenCount, usage.TotalTokenCount));
        Assert.Equal(new Dictionary<string, long> { ["CacheCreationInputTokens"] = 2_000 }, usage.AdditionalCounts);
        var message = Assert.IsType<Message>(response.RawRepresentation);
        Assert.Equal("Anthropic", message.GetType().Assembly.GetName().Name);
        Assert.Equal(500, message.Usage.CacheCreation!.Ephemeral1hInputTokens);
        Assert.Equal(("claude-sonnet-4-5-20250929", AnthropicStub.MessageId), (response.ModelId, response.ResponseId));
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/v1/messages", "claude-sonnet-4-5"), (request.Method, request.Path, request.Json.GetProperty("model").GetString()));
    }

    [Fact]
    public async Task A_response_with_one_hour_writes_is_priced_at_both_write_rates()
    {
        AnswerWithOneHourWrites();
        var ledger = new InMemoryCostLedger();

        var response = await Chat(new MonthlySpendingLimit(1m), ledger).GetResponseAsync("Hi", cancellationToken: Timeout);

        Assert.Equal(WithOneHourWrites, response.AdditionalProperties![CostProperties.Cost]);
        var record = Assert.Single(ledger.Records);
        Assert.Equal(WithOneHourWrites, record.Cost);
        Assert.Equal(
            new PriceGen.Usage(inputTokens: 8_000, outputTokens: 500, cachedInputTokens: 5_000, cacheWriteTokens: 1_500, cacheWrite1hTokens: 500),
            record.Usage);
        Assert.Equal(("claude-sonnet-4-5", "claude-sonnet-4-5-20250929", ModelMatchKind.DatedSnapshot), (record.ModelId, record.ResponseModelId, record.Match));
        Assert.Equal(0.003m, record.Breakdown![PriceDimensions.CacheWrite1h]!.Amount);
        Assert.Empty(ledger.Unpriced);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_stream_with_one_hour_writes_is_billed_once_at_both_write_rates(bool deltaRepeatsInputCounts)
    {
        AnswerWithOneHourWrites();
        _server.DeltaRepeatsInputCounts = deltaRepeatsInputCounts;
        var ledger = new InMemoryCostLedger();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in Chat(new MonthlySpendingLimit(1m), ledger).GetStreamingResponseAsync("Hi", cancellationToken: Timeout))
        {
            updates.Add(update);
        }

        Assert.Equal(WithOneHourWrites, ledger.Records.Where(r => r.ResponseId == AnthropicStub.MessageId).Sum(r => r.Cost));
        var record = Assert.Single(ledger.Records);
        Assert.Equal(500, record.Usage!.CacheWrite1hTokens);
        Assert.Equal(WithOneHourWrites, updates.ToChatResponse().AdditionalProperties![CostProperties.Cost]);
        Assert.Equal("Hello!", updates.ToChatResponse().Text);
        Assert.True(Assert.Single(_server.Requests).Json.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task The_adapter_reports_a_streams_usage_once_after_its_events()
    {
        AnswerWithOneHourWrites();
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in _anthropic.AsIChatClient("claude-sonnet-4-5", defaultMaxOutputTokens: 1024).GetStreamingResponseAsync("Hi", cancellationToken: Timeout))
        {
            updates.Add(update);
        }

        // One update per event but ping (the SDK drops it), each with the event as its raw representation, then the usage
        // on an update of its own, without one.
        var events = updates.Where(u => u.RawRepresentation is not null).Select(u => Assert.IsType<RawMessageStreamEvent>(u.RawRepresentation).Type.Raw()).ToArray();
        Assert.Equal(new[] { "message_start", "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop" }, events);
        var usageUpdate = Assert.Single(updates, u => u.Contents.OfType<UsageContent>().Any());
        Assert.Same(updates[^1], usageUpdate);
        Assert.Null(usageUpdate.RawRepresentation);
        Assert.Equal(AnthropicStub.MessageId, usageUpdate.MessageId);
        var usage = usageUpdate.Contents.OfType<UsageContent>().Single().Details;
        Assert.Equal((8_000L, 5_000L, 500L), (usage.InputTokenCount, usage.CachedInputTokenCount, usage.OutputTokenCount));
        Assert.Equal(2_000, usage.AdditionalCounts!["CacheCreationInputTokens"]);
    }

    [Fact]
    public async Task Writes_without_their_lifetimes_are_priced_as_five_minute_writes()
    {
        AnswerWithOneHourWrites();
        _server.ReportsCacheLifetimes = false;
        var ledger = new InMemoryCostLedger();

        var response = await Chat(null, ledger).GetResponseAsync("Hi", cancellationToken: Timeout);

        Assert.Equal(AllAsFiveMinuteWrites, response.AdditionalProperties![CostProperties.Cost]);
        Assert.Equal((2_000L, 0L), (ledger.Records.Single().Usage!.CacheWriteTokens, ledger.Records.Single().Usage!.CacheWrite1hTokens));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Web_searches_are_billed_per_call(bool streaming)
    {
        (_server.InputTokens, _server.OutputTokens, _server.WebSearchRequests) = (1_000, 500, 2);
        var ledger = new InMemoryCostLedger();
        var client = Chat(null, ledger);

        if (streaming)
        {
            await foreach (var _ in client.GetStreamingResponseAsync("Search", cancellationToken: Timeout))
            {
            }
        }
        else
        {
            await client.GetResponseAsync("Search", cancellationToken: Timeout);
        }

        // 1,000 × $3/1M + 500 × $15/1M + 2 × $10/1K = 0.003 + 0.0075 + 0.02.
        var record = Assert.Single(ledger.Records);
        Assert.Equal(0.0305m, record.Cost);
        Assert.Equal(2, record.Usage!.WebSearchCalls);
    }

    [Fact]
    public async Task The_spending_limit_refuses_the_next_call_before_it_is_sent()
    {
        AnswerWithOneHourWrites();
        var ledger = new InMemoryCostLedger();
        var limit = new MonthlySpendingLimit(hardLimit: 0.02m);
        var client = Chat(limit, ledger);

        await client.GetResponseAsync("Hi", cancellationToken: Timeout);
        Assert.Equal(WithOneHourWrites, limit.Spent);

        await Assert.ThrowsAsync<SpendingLimitExceededException>(() => client.GetResponseAsync("Hi again", cancellationToken: Timeout));
        await Assert.ThrowsAsync<SpendingLimitExceededException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("Hi again", cancellationToken: Timeout))
            {
            }
        });
        Assert.Single(_server.Requests);
        Assert.Single(ledger.Records);
    }
}
