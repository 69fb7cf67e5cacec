using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

using PriceGen.Testing;

namespace PriceGen.Integration.Anthropic.Tests;

/// <summary>
/// A loopback HTTP server that answers <c>POST /v1/messages</c> the way Anthropic's Messages API does — a message as
/// JSON, or with <c>"stream": true</c> the server-sent events <c>message_start</c>, <c>content_block_start</c>,
/// <c>ping</c>, <c>content_block_delta</c>, <c>content_block_stop</c>, <c>message_delta</c>, <c>message_stop</c> — with
/// the model and usage a test gives it, and records every request. Bounded: it answers at most
/// <see cref="MaxRequests"/> requests and stops when disposed.
/// </summary>
internal sealed class AnthropicStub : IAsyncDisposable
{
    public const int MaxRequests = 20;

    public const string MessageId = "msg_01XFDUDYJgAACzvnptvVoYEL";

    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly LoopbackServer _server;

    private AnthropicStub() => _server = LoopbackServer.Start(AnswerAsync);

    /// <summary>The base URL to give the Anthropic client (the SDK adds <c>/v1/messages</c>).</summary>
    public string BaseUrl => _server.BaseUrl;

    /// <summary>The model id the server says answered (the real API answers an alias with its dated snapshot).</summary>
    public string AnsweringModel { get; set; } = "claude-sonnet-4-5-20250929";

    /// <summary>Prompt tokens neither read from nor written to the cache (the API's <c>input_tokens</c>).</summary>
    public long InputTokens { get; set; }

    public long CacheReadTokens { get; set; }

    public long CacheWrite5mTokens { get; set; }

    public long CacheWrite1hTokens { get; set; }

    /// <summary>Whether usage has <c>cache_creation</c>, the split of the writes by lifetime (older API versions had none).</summary>
    public bool ReportsCacheLifetimes { get; set; } = true;

    public long OutputTokens { get; set; }

    public long WebSearchRequests { get; set; }

    /// <summary>Whether <c>message_delta</c> repeats the input and cache counts (the API does so since 2025), or has <c>output_tokens</c> alone.</summary>
    public bool DeltaRepeatsInputCounts { get; set; } = true;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static AnthropicStub Start() => new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AnswerAsync(HttpListenerContext context, string body)
    {
        var path = context.Request.Url!.AbsolutePath;
        _requests.Enqueue(new RecordedRequest(context.Request.HttpMethod, path, body, context.Request.Headers["anthropic-version"]));
        var response = context.Response;
        response.AddHeader("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy");
        if (_requests.Count > MaxRequests)
        {
            await WriteAsync(response, 500, Error("api_error", "the test server answers at most " + MaxRequests + " requests")).ConfigureAwait(false);
            return;
        }

        if (context.Request.HttpMethod != "POST" || path != "/v1/messages")
        {
            await WriteAsync(response, 404, Error("not_found_error", "Not found: " + context.Request.HttpMethod + " " + path)).ConfigureAwait(false);
            return;
        }

        using var request = JsonDocument.Parse(body);
        if (request.RootElement.TryGetProperty("stream", out var stream) && stream.GetBoolean())
        {
            await StreamAsync(response).ConfigureAwait(false);
        }
        else
        {
            await WriteAsync(response, 200, Message("[{\"type\":\"text\",\"text\":\"Hello! How can I help?\"}]", "\"end_turn\"", Usage(OutputTokens))).ConfigureAwait(false);
        }
    }

    private string Usage(long outputTokens) =>
        "{\"input_tokens\":" + N(InputTokens) +
        ",\"cache_creation_input_tokens\":" + N(CacheWrite5mTokens + CacheWrite1hTokens) +
        ",\"cache_read_input_tokens\":" + N(CacheReadTokens) +
        (ReportsCacheLifetimes ? ",\"cache_creation\":{\"ephemeral_5m_input_tokens\":" + N(CacheWrite5mTokens) + ",\"ephemeral_1h_input_tokens\":" + N(CacheWrite1hTokens) + "}" : string.Empty) +
        ",\"output_tokens\":" + N(outputTokens) +
        (WebSearchRequests > 0 ? ",\"server_tool_use\":{\"web_search_requests\":" + N(WebSearchRequests) + ",\"web_fetch_requests\":0}" : string.Empty) +
        ",\"service_tier\":\"standard\"}";

    private string Message(string content, string stopReason, string usage) =>
        "{\"id\":\"" + MessageId + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + AnsweringModel + "\",\"content\":" + content +
        ",\"stop_reason\":" + stopReason + ",\"stop_sequence\":null,\"usage\":" + usage + "}";

    private async Task StreamAsync(HttpListenerResponse response)
    {
        response.StatusCode = 200;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.SendChunked = true;

        // message_start carries the prompt's usage (output_tokens counts the first token); message_delta the final counts.
        var deltaUsage = DeltaRepeatsInputCounts
            ? "{\"input_tokens\":" + N(InputTokens) + ",\"cache_creation_input_tokens\":" + N(CacheWrite5mTokens + CacheWrite1hTokens) +
              ",\"cache_read_input_tokens\":" + N(CacheReadTokens) + ",\"output_tokens\":" + N(OutputTokens) +
              (WebSearchRequests > 0 ? ",\"server_tool_use\":{\"web_search_requests\":" + N(WebSearchRequests) + ",\"web_fetch_requests\":0}" : string.Empty) + "}"
            : "{\"output_tokens\":" + N(OutputTokens) + "}";
        var events = new (string Name, string Data)[]
        {
            ("message_start", "{\"type\":\"message_start\",\"message\":" + Message("[]", "null", Usage(1)) + "}"),
            ("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
            ("ping", "{\"type\": \"ping\"}"),
            ("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}"),
            ("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"!\"}}"),
            ("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
            ("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":" + deltaUsage + "}"),
            ("message_stop", "{\"type\":\"message_stop\"}"),
        };
        var output = response.OutputStream;
        foreach (var (name, data) in events)
        {
            var bytes = Encoding.UTF8.GetBytes("event: " + name + "\ndata: " + data + "\n\n");
            await output.WriteAsync(bytes).ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
        }

        response.Close();
    }

    private static string Error(string type, string message) =>
        "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";

    private static Task WriteAsync(HttpListenerResponse response, int status, string body) =>
        LoopbackServer.WriteAsync(response, status, "application/json", body);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One request the server received: method, path, JSON body and the <c>anthropic-version</c> header.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Body, string? AnthropicVersion)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
