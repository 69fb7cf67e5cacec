using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PriceGen.Extensions.AI;
using PriceGen.Integration.Anthropic.Tests.Generated;
using Xunit;

namespace PriceGen.Integration.Anthropic.Tests;

/// <summary>
/// What the middleware bills from the adapter's <c>UsageDetails</c> alone, when there is no raw Anthropic response for
/// the reader (a wrapper that drops it, a cache): every write at the 5-minute rate, never a token lost.
/// </summary>
public sealed class DefaultMappingTests
{
    private static readonly ModelCatalog Catalog = ModelCatalog.From(AnthropicPrices.Models);

    // Exactly what Anthropic's adapter reports for 1,000 input, 5,000 cache reads, 2,000 cache writes, 500 output.
    private static UsageDetails AdapterUsage() => new()
    {
        InputTokenCount = 8_000,
        CachedInputTokenCount = 5_000,
        OutputTokenCount = 500,
        TotalTokenCount = 8_500,
        AdditionalCounts = new() { ["CacheCreationInputTokens"] = 2_000 },
    };

    [Fact]
    public async Task Without_a_raw_response_every_write_is_priced_at_the_five_minute_rate()
    {
        var ledger = new InMemoryCostLedger();
        var inner = new ReportingChatClient(new ChatResponse(new ChatMessage(ChatRole.Assistant, "Hello")) { ModelId = "claude-sonnet-4-5-20250929", Usage = AdapterUsage() });
        var client = new ChatClientBuilder(inner).UseCostTracking(Catalog, new MonthlySpendingLimit(1m), ledger).Build();

        var response = await client.GetResponseAsync("Hi", new ChatOptions { ModelId = "claude-sonnet-4-5" });

        // 1,000 × $3 + 5,000 × $0.30 + 2,000 × $3.75 + 500 × $15 = 3,000 + 1,500 + 7,500 + 7,500 per 1M.
        Assert.Equal(0.0195m, response.AdditionalProperties![CostProperties.Cost]);
        Assert.Equal(new PriceGen.Usage(inputTokens: 8_000, outputTokens: 500, cachedInputTokens: 5_000, cacheWriteTokens: 2_000), Assert.Single(ledger.Records).Usage);
    }

    [Fact]
    public async Task A_raw_response_of_another_kind_is_not_read()
    {
        var ledger = new InMemoryCostLedger();
        var inner = new ReportingChatClient(new ChatResponse(new ChatMessage(ChatRole.Assistant, "Hello"))
        {
            ModelId = "claude-sonnet-4-5-20250929",
            Usage = AdapterUsage(),
            RawRepresentation = new { cache_creation = new { ephemeral_1h_input_tokens = 2_000 } },
        });

        await new ChatClientBuilder(inner).UseCostTracking(Catalog, null, ledger).Build().GetResponseAsync("Hi");

        Assert.Equal(0.0195m, Assert.Single(ledger.Records).Cost);
    }

    private sealed class ReportingChatClient(ChatResponse response) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(response);

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            throw new NotSupportedException("These tests do not stream.");
#pragma warning disable CS0162 // An async iterator needs a yield.
            yield break;
#pragma warning restore CS0162
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
