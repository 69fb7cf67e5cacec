using System.Collections.Generic;
using Anthropic.Core;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using PriceGen.Extensions.AI;
using PriceGen.Extensions.AI.Anthropic;
using MessagesUsage = Anthropic.Models.Messages.Usage;

[assembly: ProviderUsageReader(typeof(AnthropicUsageReader))]

namespace PriceGen.Extensions.AI.Anthropic;

/// <summary>
/// Reads what the Anthropic SDK's <c>IChatClient</c> (<c>AnthropicClient.AsIChatClient(model)</c>) leaves out of
/// <c>UsageDetails</c>: how many cache writes were for one hour (<c>usage.cache_creation</c>), the web searches
/// (<c>usage.server_tool_use.web_search_requests</c>) and the batch tier (<c>usage.service_tier</c>).
/// Found by <c>UseCostTracking</c> with nothing more than a reference to this package.
/// </summary>
/// <remarks>
/// The raw representation is the <see cref="Message"/> of a response; of a stream, the <see cref="RawMessageStreamEvent"/>
/// of each event. A stream's <c>message_start</c> carries the message's usage with its split of cache writes;
/// <c>message_delta</c> carries the final counts (with the web searches so far) but no split. The adapter reports the
/// stream's usage once, on an update of its own after <c>message_stop</c>, so both events are there to read.
/// </remarks>
public sealed class AnthropicUsageReader : ProviderUsageReader
{
    /// <inheritdoc/>
    public override bool CanRead(object rawRepresentation) =>
        rawRepresentation is Message || rawRepresentation is RawMessageStreamEvent { Value: RawMessageStartEvent or RawMessageDeltaEvent };

    /// <inheritdoc/>
    public override PriceGen.Usage Read(PriceGen.Usage reported, IReadOnlyList<object> rawRepresentations)
    {
        MessagesUsage? usage = null;
        ServerToolUsage? serverTools = null;
        try
        {
            foreach (var raw in rawRepresentations)
            {
                switch (raw)
                {
                    case Message message:
                        usage = message.Usage;
                        serverTools = usage.ServerToolUse ?? serverTools;
                        break;
                    case RawMessageStreamEvent { Value: RawMessageStartEvent start }:
                        usage = start.Message.Usage;
                        serverTools = usage.ServerToolUse ?? serverTools;
                        break;
                    case RawMessageStreamEvent { Value: RawMessageDeltaEvent delta }:
                        // Counts in message_delta are cumulative: the last one is the stream's.
                        serverTools = delta.Usage.ServerToolUse ?? serverTools;
                        break;
                }
            }

            return usage is null && serverTools is null ? reported : Refine(reported, usage, serverTools);
        }
        catch (AnthropicInvalidDataException)
        {
            // A usage object the SDK cannot read: the adapter's counts stand, which never lose a token.
            return reported;
        }
    }

    private static PriceGen.Usage Refine(PriceGen.Usage reported, MessagesUsage? usage, ServerToolUsage? serverTools)
    {
        var refined = reported;
        if (usage?.CacheCreation is { } split && SplitsWrites(reported.CacheWriteTokens, split))
        {
            // Both lifetimes are part of the input already (the adapter counts every write there): only their rates differ.
            refined = Copy(refined, cacheWriteTokens: split.Ephemeral5mInputTokens, cacheWrite1hTokens: split.Ephemeral1hInputTokens);
        }

        if (serverTools is { WebSearchRequests: > 0 and var searches } && searches != reported.WebSearchCalls)
        {
            refined = Copy(refined, webSearchCalls: searches);
        }

        if (ServiceTierOf(usage) is { } tier && tier != reported.ServiceTier)
        {
            refined = Copy(refined, serviceTier: tier);
        }

        return refined;
    }

    /// <summary>
    /// Whether the split accounts for exactly the writes that were reported (they come from the same usage object,
    /// or from message_delta's final count). When it does not, the writes stay as reported, all at the 5-minute rate,
    /// rather than invent a split.
    /// </summary>
    private static bool SplitsWrites(long reportedWrites, CacheCreation split) =>
        split.Ephemeral1hInputTokens > 0 && split.Ephemeral5mInputTokens >= 0 && split.Ephemeral5mInputTokens + split.Ephemeral1hInputTokens == reportedWrites;

    /// <summary>
    /// Batch is priced by the catalog's <c>batch</c> rates. Priority Tier is sold by Anthropic as a capacity commitment,
    /// without per-token rates a catalog could hold, so a priority response is priced at the standard rates.
    /// </summary>
    private static ServiceTier? ServiceTierOf(MessagesUsage? usage) =>
        usage?.ServiceTier is { } tier && tier.Raw() == "batch" ? ServiceTier.Batch : null;

    private static PriceGen.Usage Copy(PriceGen.Usage u, long? cacheWriteTokens = null, long? cacheWrite1hTokens = null, long? webSearchCalls = null, ServiceTier? serviceTier = null) =>
        new(
            inputTokens: u.InputTokens, outputTokens: u.OutputTokens, cachedInputTokens: u.CachedInputTokens,
            cacheWriteTokens: cacheWriteTokens ?? u.CacheWriteTokens, cacheWrite1hTokens: cacheWrite1hTokens ?? u.CacheWrite1hTokens,
            reasoningTokens: u.ReasoningTokens, audioInputTokens: u.AudioInputTokens, cachedAudioInputTokens: u.CachedAudioInputTokens,
            audioOutputTokens: u.AudioOutputTokens, imageInputTokens: u.ImageInputTokens, imageOutputTokens: u.ImageOutputTokens,
            audioInputSeconds: u.AudioInputSeconds, videoInputSeconds: u.VideoInputSeconds, requests: u.Requests,
            webSearchCalls: webSearchCalls ?? u.WebSearchCalls, webSearchContext: u.WebSearchContext,
            codeInterpreterSessions: u.CodeInterpreterSessions, serviceTier: serviceTier ?? u.ServiceTier);
}
