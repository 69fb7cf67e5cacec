using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

using PriceGen.Testing;

namespace PriceGen.Integration.Tests;

/// <summary>
/// A loopback HTTP server that answers <c>/v1/chat/completions</c> (plain and SSE) and <c>/v1/embeddings</c> the way the
/// OpenAI API does, with the model and usage a test gives it, and records every request. Bounded: it answers at most
/// <see cref="MaxRequests"/> requests and stops when disposed.
/// </summary>
internal sealed class OpenAIStub : IAsyncDisposable
{
    public const int MaxRequests = 20;

    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly LoopbackServer _server;

    private OpenAIStub() => _server = LoopbackServer.Start(AnswerAsync);

    /// <summary>The base address to give the OpenAI client, ending in <c>/v1</c>.</summary>
    public Uri Endpoint => new(_server.BaseUrl + "/v1");

    /// <summary>The model id the server says answered (the real API answers <c>gpt-4o</c> as <c>gpt-4o-2024-08-06</c>).</summary>
    public string AnsweringModel { get; set; } = "gpt-4o-2024-08-06";

    /// <summary>
    /// The <c>created</c> time of the answers, by which a price history prices them: by default March 10, 2026 (the
    /// recorded answer's time of day), when every bundled catalog is in force.
    /// </summary>
    public DateTimeOffset Created { get; set; } = DateTimeOffset.FromUnixTimeSeconds(1773106283);

    public long PromptTokens { get; set; }

    public long CachedTokens { get; set; }

    public long CompletionTokens { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static OpenAIStub Start() => new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AnswerAsync(HttpListenerContext context, string body)
    {
        var path = context.Request.Url!.AbsolutePath;
        _requests.Enqueue(new RecordedRequest(context.Request.HttpMethod, path, body));
        var response = context.Response;
        if (_requests.Count > MaxRequests)
        {
            await WriteAsync(response, 500, "application/json", "{\"error\":{\"message\":\"the test server answers at most " + MaxRequests + " requests\",\"type\":\"server_error\"}}").ConfigureAwait(false);
            return;
        }

        using var request = JsonDocument.Parse(body);
        switch (path)
        {
            case "/v1/chat/completions" when request.RootElement.TryGetProperty("stream", out var stream) && stream.GetBoolean():
                await StreamChatAsync(response, request.RootElement).ConfigureAwait(false);
                break;
            case "/v1/chat/completions":
                await WriteAsync(response, 200, "application/json", ChatCompletion()).ConfigureAwait(false);
                break;
            case "/v1/embeddings":
                await WriteAsync(response, 200, "application/json", Embeddings(request.RootElement)).ConfigureAwait(false);
                break;
            default:
                await WriteAsync(response, 404, "application/json", "{\"error\":{\"message\":\"Unknown path " + path + "\",\"type\":\"invalid_request_error\"}}").ConfigureAwait(false);
                break;
        }
    }

    private string Usage() =>
        "{\"prompt_tokens\":" + N(PromptTokens) + ",\"completion_tokens\":" + N(CompletionTokens) + ",\"total_tokens\":" + N(PromptTokens + CompletionTokens) +
        ",\"prompt_tokens_details\":{\"cached_tokens\":" + N(CachedTokens) + ",\"audio_tokens\":0}" +
        ",\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}";

    private string ChatCompletion() =>
        "{\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\"object\":\"chat.completion\",\"created\":" + N(Created.ToUnixTimeSeconds()) + ",\"model\":\"" + AnsweringModel + "\"," +
        "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello! How can I help?\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}]," +
        "\"usage\":" + Usage() + ",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_fc9f1d7035\"}";

    private async Task StreamChatAsync(HttpListenerResponse response, JsonElement request)
    {
        var includeUsage = request.TryGetProperty("stream_options", out var options) && options.TryGetProperty("include_usage", out var include) && include.GetBoolean();
        response.StatusCode = 200;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.SendChunked = true;
        var usageNull = includeUsage ? ",\"usage\":null" : string.Empty;
        string Chunk(string choices, string usage) =>
            "{\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\"object\":\"chat.completion.chunk\",\"created\":" + N(Created.ToUnixTimeSeconds()) + ",\"model\":\"" + AnsweringModel +
            "\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_fc9f1d7035\",\"choices\":" + choices + usage + "}";

        var events = new List<string>
        {
            Chunk("[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}]", usageNull),
            Chunk("[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"logprobs\":null,\"finish_reason\":null}]", usageNull),
            Chunk("[{\"index\":0,\"delta\":{\"content\":\"!\"},\"logprobs\":null,\"finish_reason\":null}]", usageNull),
            Chunk("[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]", usageNull),
        };
        if (includeUsage)
        {
            // With stream_options.include_usage, the last chunk has no choices and the whole request's usage.
            events.Add(Chunk("[]", ",\"usage\":" + Usage()));
        }

        events.Add("[DONE]");
        var output = response.OutputStream;
        foreach (var data in events)
        {
            var bytes = Encoding.UTF8.GetBytes("data: " + data + "\n\n");
            await output.WriteAsync(bytes).ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
        }

        response.Close();
    }

    private string Embeddings(JsonElement request)
    {
        var inputs = request.GetProperty("input") is { ValueKind: JsonValueKind.Array } array ? array.GetArrayLength() : 1;
        var base64 = request.TryGetProperty("encoding_format", out var format) && format.GetString() == "base64";
        var vector = new[] { 0.0023064255f, -0.009327292f, 0.015797347f };
        var embedding = base64
            ? "\"" + Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray()) + "\""
            : "[" + string.Join(",", vector.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";
        var data = string.Join(",", Enumerable.Range(0, inputs).Select(i => "{\"object\":\"embedding\",\"index\":" + N(i) + ",\"embedding\":" + embedding + "}"));
        return "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"" + AnsweringModel + "\",\"usage\":{\"prompt_tokens\":" + N(PromptTokens) + ",\"total_tokens\":" + N(PromptTokens) + "}}";
    }

    private static Task WriteAsync(HttpListenerResponse response, int status, string contentType, string body) =>
        LoopbackServer.WriteAsync(response, status, contentType, body);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One request the server received: method, path and JSON body.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
