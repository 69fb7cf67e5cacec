using System;

namespace PriceGen.Tokenizers;

/// <summary>
/// The tokens a chat API adds around the messages it is sent, per OpenAI's cookbook ("How to count tokens with
/// tiktoken", <c>num_tokens_from_messages</c>): a message is <c>&lt;|start|&gt;{role/name}\n{content}&lt;|end|&gt;\n</c>, and
/// the reply is primed with <c>&lt;|start|&gt;assistant&lt;|message|&gt;</c>.
/// </summary>
/// <remarks>
/// A chat counts <c>TokensPerMessage</c> for each message, plus the tokens of its role and content, plus the tokens
/// of its name and <c>TokensPerName</c> when it has a name; then <c>TokensToPrimeReply</c> once.
/// </remarks>
public sealed class ChatOverhead
{
    /// <summary>
    /// <c>gpt-3.5-turbo</c> (from its 0613 snapshot), <c>gpt-4</c>, <c>gpt-4o</c> and their snapshots: 3 per message,
    /// 1 per name, 3 to prime the reply.
    /// </summary>
    public static readonly ChatOverhead OpenAIChat = new(tokensPerMessage: 3, tokensPerName: 1, tokensToPrimeReply: 3);

    /// <summary>
    /// <c>gpt-3.5-turbo-0301</c>: 4 per message, and a name replaces the role (−1); 3 to prime the reply.
    /// </summary>
    public static readonly ChatOverhead Gpt35Turbo0301 = new(tokensPerMessage: 4, tokensPerName: -1, tokensToPrimeReply: 3);

    /// <summary>An overhead for a format the cookbook does not cover.</summary>
    public ChatOverhead(int tokensPerMessage, int tokensPerName, int tokensToPrimeReply)
    {
        TokensPerMessage = tokensPerMessage;
        TokensPerName = tokensPerName;
        TokensToPrimeReply = tokensToPrimeReply;
    }

    /// <summary>Tokens added for each message.</summary>
    public int TokensPerMessage { get; }

    /// <summary>Tokens added for each message that has a name (besides the name's own tokens).</summary>
    public int TokensPerName { get; }

    /// <summary>Tokens added once, for the start of the reply.</summary>
    public int TokensToPrimeReply { get; }

    /// <summary>
    /// The overhead of <paramref name="modelId"/>'s chat format: <see cref="Gpt35Turbo0301"/> for
    /// <c>gpt-3.5-turbo-0301</c>, <see cref="OpenAIChat"/> for other <c>gpt-3.5-turbo*</c>, <c>gpt-4*</c> and
    /// <c>gpt-4o*</c> ids (and fine-tunes of them), else <see langword="null"/>: the cookbook gives no figures for it.
    /// </summary>
    public static ChatOverhead? For(string modelId)
    {
        if (modelId is null)
        {
            throw new ArgumentNullException(nameof(modelId));
        }

        var id = TokenEncodings.BaseModelOfFineTune(modelId);
        if (id == "gpt-3.5-turbo-0301")
        {
            return Gpt35Turbo0301;
        }

        return id is "gpt-3.5-turbo" or "gpt-4" ||
            id.StartsWith("gpt-3.5-turbo-", StringComparison.Ordinal) || id.StartsWith("gpt-4-", StringComparison.Ordinal) ||
            id.StartsWith("gpt-4o", StringComparison.Ordinal)
            ? OpenAIChat
            : null;
    }
}
