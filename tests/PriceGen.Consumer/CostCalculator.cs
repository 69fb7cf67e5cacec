using System;
using System.Collections.Generic;
using Anthropic;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Audio;
using OpenAI.Chat;
using OpenAI.Embeddings;
using OpenAI.Images;

namespace Consumer;

// Shapes taken from public C# projects that compute OpenAI costs.
public static class CostCalculator
{
    private static readonly Dictionary<string, float> _costTable = new() { ["512x512"] = 0.018f }; // expect: PRICE001

    public static decimal InputPricePer1kTokens { get; } = 0.0200m; // expect: PRICE001

    public static decimal Chat(int tokens) => tokens / 1000m * 0.002m; // expect: PRICE001

    public static decimal ForModel(string model) => model switch
    {
        "gpt-3.5-turbo" => 0.002m, // expect: PRICE001
        _ => 0m,
    };

    public static double NotAPrice(double x) => Math.Max(x, 0.5) + TimeSpan.FromSeconds(0.02).TotalSeconds;

    public static int Sizes() => _costTable.Count;
}

public static class Clients
{
    public static void Create(OpenAIClient client)
    {
        _ = client.GetChatClient("gpt-3.5-turob"); // expect: PRICE002
        _ = new ChatClient("gpt-35-turbo", "key"); // Azure's spelling, an alias of gpt-3.5-turbo: a known id
        _ = new EmbeddingClient("text-embedding-ada-002", "key"); // expect: PRICE003
        _ = new ImageClient("dall-e-3", "key"); // expect: PRICE002
        _ = new AudioClient("whisper-2", "key"); // expect: PRICE002
        _ = new ChatOptions { ModelId = "gpt-3.5-turbo-0301" }; // a dated snapshot of gpt-3.5-turbo: a known id, kept pinned
        _ = new Microsoft.Extensions.AI.EmbeddingGenerationOptions { ModelId = Pricing.OpenAIPrices.Embedding.Ada.Id };
#pragma warning disable OPENAI001 // the Responses API is marked experimental in the SDK
        _ = new OpenAI.Responses.CreateResponseOptions { Model = "gpt-3.5-turbo-16" }; // expect: PRICE002
#pragma warning restore OPENAI001
    }
}

// The official Anthropic SDK: its IChatClient's model and a request's Model are model ids; dated ids are snapshots.
public static class AnthropicClients
{
    public static void Create(AnthropicClient client)
    {
        _ = client.AsIChatClient("claude-sonet-4-5"); // expect: PRICE002
        _ = client.AsIChatClient("claude-sonnet-4-5-20250929", defaultMaxOutputTokens: 1024); // a dated snapshot of claude-sonnet-4-5: known
        _ = new MessageCreateParams { Model = "claude-opus-4-51", MaxTokens = 1024, Messages = [] }; // expect: PRICE002
        _ = new MessageCountTokensParams { Model = "claude-haiku-4-5", Messages = [] }; // expect: PRICE003
    }
}
