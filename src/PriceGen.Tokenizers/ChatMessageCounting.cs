using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.AI;

namespace PriceGen.Tokenizers;

/// <summary>
/// Counts and prices Microsoft.Extensions.AI <see cref="ChatMessage"/>s as the API bills them. Here rather than in
/// PriceGen.Extensions.AI, which stays free of the tokenizer and its encoding data: this package needs only the small
/// abstractions assembly for it.
/// </summary>
public static class ChatMessageCounting
{
    /// <summary>The tokens the API bills for <paramref name="messages"/>: each message's role, text and author name, plus the model's per-message and reply-priming overhead.</summary>
    /// <exception cref="System.NotSupportedException">The model has no known chat format; count through <see cref="TokenCounter.CountChat(IEnumerable{ChatTurn}, ChatOverhead, CancellationToken)"/>.</exception>
    public static long CountChat(this TokenCounter counter, IEnumerable<ChatMessage> messages, CancellationToken cancellationToken = default) =>
        counter.CountChat(messages, ToTurn, cancellationToken);

    /// <summary>The cost of sending <paramref name="messages"/> and receiving <paramref name="expectedOutputTokens"/>, at the catalog's prices.</summary>
    public static decimal EstimateCost(this TokenCounter counter, IEnumerable<ChatMessage> messages, long expectedOutputTokens = 0, CancellationToken cancellationToken = default) =>
        counter.EstimateCost(messages.Select(ToTurn), expectedOutputTokens, cancellationToken);

    private static ChatTurn ToTurn(ChatMessage message) => new(message.Role.Value, message.Text, message.AuthorName);
}
