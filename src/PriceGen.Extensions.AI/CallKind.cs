namespace PriceGen.Extensions.AI;

/// <summary>Which kind of call a ledger entry comes from.</summary>
public enum CallKind
{
    /// <summary><c>IChatClient.GetResponseAsync</c>.</summary>
    Chat,

    /// <summary><c>IChatClient.GetStreamingResponseAsync</c>: one entry per streamed usage report.</summary>
    StreamingChat,

    /// <summary><c>IEmbeddingGenerator.GenerateAsync</c>.</summary>
    Embedding,
}
