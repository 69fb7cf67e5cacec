using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PriceGen.Tokenizers;

namespace PriceGen.AI.Demo;

/// <summary>
/// Stands in for a real provider so the demo needs no network or key: it answers with a canned reply and reports
/// usage as a provider does, counting prompt and reply with the model's tokenizer (models it cannot count get a
/// rough estimate).
/// </summary>
internal sealed class OfflineChatClient : IChatClient
{
    private const string Reply = "Tokens are pieces of words; 1,000 tokens is about 750 words.";

    private readonly ChatClientMetadata _metadata = new("offline", null, defaultModelId: "gpt-3.5-turbo");

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var modelId = options?.ModelId ?? _metadata.DefaultModelId!;
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, Reply))
        {
            ModelId = modelId,
            Usage = UsageOf(modelId, messages, Reply),
        };
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var modelId = options?.ModelId ?? _metadata.DefaultModelId!;
        foreach (var word in Reply.Split(' '))
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ") { ModelId = modelId };
        }

        // Like OpenAI with include_usage: the last update carries only the usage.
        yield return new ChatResponseUpdate(ChatRole.Assistant, new List<AIContent> { new UsageContent(UsageOf(modelId, messages, Reply)) }) { ModelId = modelId };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static UsageDetails UsageOf(string modelId, IEnumerable<ChatMessage> messages, string reply)
    {
        var prompt = string.Join("\n", messages.Select(m => m.Text));
        Func<string, long> count = TokenEncodings.DefaultFor(modelId) is { } encoding && TokenEncodings.IsAvailable(encoding)
            ? TokenCounter.For(modelId).Count
            : TokenEstimate.FromWords;
        var input = count(prompt);
        var output = count(reply);
        return new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };
    }
}
