using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace PriceGen.Tests.ExtensionsAI;

/// <summary>A chat client that answers from canned responses and counts the requests that reach it.</summary>
internal sealed class FakeChatClient : IChatClient
{
    public Func<ChatOptions?, ChatResponse> Respond { get; set; } = _ => new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"));

    public Func<ChatOptions?, IEnumerable<ChatResponseUpdate>> Stream { get; set; } = _ => Array.Empty<ChatResponseUpdate>();

    public ChatClientMetadata? Metadata { get; set; }

    public int Requests { get; private set; }

    public static ChatResponse Answer(string? modelId, UsageDetails? usage, string text = "ok") =>
        new(new ChatMessage(ChatRole.Assistant, text)) { ModelId = modelId, Usage = usage, ResponseId = "resp-1" };

    public static UsageDetails Usage(long? input, long? output, long? cached = null) =>
        new() { InputTokenCount = input, OutputTokenCount = output, CachedInputTokenCount = cached };

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Requests++;
        return Task.FromResult(Respond(options));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Requests++;
        foreach (var update in Stream(options))
        {
            await Task.Yield();
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}

/// <summary>An embedding generator that returns one fixed vector per input with the usage it is given.</summary>
internal sealed class FakeEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public string? ModelIdOnEmbeddings { get; set; }

    public DateTimeOffset? CreatedAtOnEmbeddings { get; set; }

    public UsageDetails? Usage { get; set; }

    public EmbeddingGeneratorMetadata? Metadata { get; set; }

    public int Requests { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Requests++;
        var embeddings = new GeneratedEmbeddings<Embedding<float>> { Usage = Usage };
        foreach (var _ in values)
        {
            embeddings.Add(new Embedding<float>(new float[] { 0.25f, 0.5f }) { ModelId = ModelIdOnEmbeddings, CreatedAt = CreatedAtOnEmbeddings });
        }

        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}

/// <summary>The few services a pipeline asks for, without a DI container.</summary>
internal sealed class Services : IServiceProvider
{
    private readonly Dictionary<Type, object> _services = new();

    public Services Add<T>(T service)
        where T : class
    {
        _services[typeof(T)] = service;
        return this;
    }

    public object? GetService(Type serviceType) => _services.TryGetValue(serviceType, out var service) ? service : null;
}
