using System.Text.Json;
using Anthropic.Models.Messages;
using PriceGen.Extensions.AI.Anthropic;
using Xunit;

namespace PriceGen.Integration.Anthropic.Tests;

/// <summary>
/// The reader on the Anthropic SDK's own types, read from the Messages API's JSON: what it takes from where, and that
/// it leaves the adapter's counts alone whenever the raw response does not explain them.
/// </summary>
public sealed class AnthropicUsageReaderTests
{
    private static readonly AnthropicUsageReader Reader = new();

    // What the adapter reports for 1,000 input, 5,000 cache reads, 2,000 cache writes, 500 output: writes all 5-minute.
    private static readonly PriceGen.Usage Reported = new(inputTokens: 8_000, outputTokens: 500, cachedInputTokens: 5_000, cacheWriteTokens: 2_000);

    private static Message MessageWith(string usage) => JsonSerializer.Deserialize<Message>(
        "{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":" + usage + "}")!;

    private static RawMessageStreamEvent Event(string json) => JsonSerializer.Deserialize<RawMessageStreamEvent>(json)!;

    private const string SplitUsage =
        "{\"input_tokens\":1000,\"cache_creation_input_tokens\":2000,\"cache_read_input_tokens\":5000,\"cache_creation\":{\"ephemeral_5m_input_tokens\":1500,\"ephemeral_1h_input_tokens\":500},\"output_tokens\":500,\"service_tier\":\"standard\"}";

    [Fact]
    public void Reads_the_split_of_the_writes_from_cache_creation()
    {
        var usage = Reader.Read(Reported, new object[] { MessageWith(SplitUsage) });

        Assert.Equal((1_500L, 500L), (usage.CacheWriteTokens, usage.CacheWrite1hTokens));
        Assert.Equal((8_000L, 5_000L, 500L, ServiceTier.Standard), (usage.InputTokens, usage.CachedInputTokens, usage.OutputTokens, usage.ServiceTier));
    }

    [Theory]
    [InlineData("{\"ephemeral_5m_input_tokens\":1500,\"ephemeral_1h_input_tokens\":400}")] // 1,900: not the 2,000 written
    [InlineData("{\"ephemeral_5m_input_tokens\":2000,\"ephemeral_1h_input_tokens\":0}")] // no 1-hour writes: nothing to refine
    [InlineData("{\"ephemeral_5m_input_tokens\":1500}")] // a split the SDK cannot read
    public void Leaves_the_reported_writes_alone_when_the_split_does_not_account_for_them(string split)
    {
        var usage = Reader.Read(Reported, new object[] { MessageWith(SplitUsage.Replace("{\"ephemeral_5m_input_tokens\":1500,\"ephemeral_1h_input_tokens\":500}", split)) });

        Assert.Same(Reported, usage);
    }

    [Fact]
    public void Reads_a_stream_from_message_start_and_the_last_message_delta()
    {
        var start = Event("{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":" +
            SplitUsage.Replace("\"output_tokens\":500", "\"output_tokens\":1") + "}}");
        var firstDelta = Event("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":null,\"stop_sequence\":null},\"usage\":{\"output_tokens\":200,\"server_tool_use\":{\"web_search_requests\":1,\"web_fetch_requests\":0}}}");
        var lastDelta = Event("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":500,\"server_tool_use\":{\"web_search_requests\":3,\"web_fetch_requests\":0}}}");
        var text = Event("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}");

        Assert.True(Reader.CanRead(start) && Reader.CanRead(lastDelta));
        Assert.False(Reader.CanRead(text));
        var usage = Reader.Read(Reported, new object[] { start, firstDelta, lastDelta });

        Assert.Equal((1_500L, 500L, 3L), (usage.CacheWriteTokens, usage.CacheWrite1hTokens, usage.WebSearchCalls));
    }

    [Theory]
    [InlineData("batch", ServiceTier.Batch)]
    [InlineData("standard", ServiceTier.Standard)]
    [InlineData("priority", ServiceTier.Standard)] // Priority Tier has no per-token prices of its own to bill
    public void Reads_the_batch_tier(string tier, ServiceTier expected)
    {
        var usage = Reader.Read(Reported, new object[] { MessageWith(SplitUsage.Replace("\"standard\"", "\"" + tier + "\"")) });

        Assert.Equal(expected, usage.ServiceTier);
        Assert.Equal(500, usage.CacheWrite1hTokens);
    }

    [Fact]
    public void Reads_nothing_but_the_SDKs_messages_and_usage_events()
    {
        Assert.False(Reader.CanRead("message"));
        Assert.False(Reader.CanRead(Event("{\"type\":\"message_stop\"}")));
        Assert.True(Reader.CanRead(MessageWith(SplitUsage)));
    }
}
