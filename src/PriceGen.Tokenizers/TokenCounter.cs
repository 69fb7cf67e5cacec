using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PriceGen.Tokenizers.Bpe;

namespace PriceGen.Tokenizers;

/// <summary>
/// Counts the tokens of a text with a model's tokenizer and prices them from the catalog, before anything is sent:
/// <c>TokenCounter.For(OpenAIPrices.Chat.Gpt35Turbo.Model).EstimateCost(prompt, expectedOutputTokens: 200)</c>.
/// <see cref="Count(string)"/> counts one text; <see cref="CountChat(IEnumerable{ChatTurn}, CancellationToken)"/> counts
/// a conversation as a chat API bills it, with the tokens its format adds per message.
/// </summary>
/// <remarks>
/// The encoding is the catalog's <c>encoding</c> (<see cref="ModelInfo.Encoding"/>), else the default for well-known
/// ids in <see cref="TokenEncodings"/>. Encodings are loaded once and shared; counting is thread-safe. Time is
/// O(n log n) in the text's length whatever the text (long runs that the pre-tokenizer does not split are merged with
/// a heap, giving the same tokens as the usual merge).
/// </remarks>
public sealed class TokenCounter
{
    private static readonly ConcurrentDictionary<string, Lazy<TiktokenEncoding>> EncodingsByName = new(StringComparer.Ordinal);

    private readonly TiktokenEncoding _encoding;

    private TokenCounter(string modelId, string encoding, ModelPrice? model)
    {
        ModelId = modelId;
        Encoding = encoding;
        Model = model;
        _encoding = EncodingsByName.GetOrAdd(encoding, name => new Lazy<TiktokenEncoding>(() => TiktokenEncoding.Load(name))).Value;
    }

    /// <summary>The model id the counter was made for.</summary>
    public string ModelId { get; }

    /// <summary>The encoding counted with, such as <c>cl100k_base</c>.</summary>
    public string Encoding { get; }

    /// <summary>The catalog model that <c>EstimateCost</c> prices with, or <see langword="null"/> for a counter made from an id.</summary>
    public ModelPrice? Model { get; }

    /// <summary>A counter for a catalog model, which can also price what it counts.</summary>
    /// <exception cref="NotSupportedException">
    /// The model's encoding is not one of o200k_base, cl100k_base, p50k_base and r50k_base, or the catalog gives none
    /// and the id is not a well-known one.
    /// </exception>
    public static TokenCounter For(ModelPrice model)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        return new TokenCounter(model.Id, ResolveEncoding(model.Id, model.Info.Encoding), model);
    }

    /// <summary>A counter for a model id that counts only (there is no price to estimate with).</summary>
    /// <param name="modelId">The model id, such as <c>gpt-4o-mini</c>.</param>
    /// <param name="encoding">The encoding to use instead of the id's default.</param>
    /// <exception cref="NotSupportedException">The encoding is not available, or none is given and the id is not a well-known one.</exception>
    public static TokenCounter For(string modelId, string? encoding = null)
    {
        if (modelId is null)
        {
            throw new ArgumentNullException(nameof(modelId));
        }

        return new TokenCounter(modelId, ResolveEncoding(modelId, encoding), null);
    }

    /// <summary>The number of tokens <paramref name="text"/> encodes to.</summary>
    public long Count(string text) => Count(text, CancellationToken.None);

    /// <summary>
    /// The number of tokens <paramref name="text"/> encodes to (a special token such as <c>&lt;|endoftext|&gt;</c>
    /// counts as one), in O(n log n) time; memory beyond the text is a buffer for its longest pre-tokenized piece.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; it is checked every 1,024 pieces and every 65,536 merges of a long one.</exception>
    public long Count(string text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return _encoding.Count(text, cancellationToken);
    }

    /// <summary>
    /// The input tokens a chat API bills for <paramref name="messages"/>: each message's role, content and name, plus
    /// the tokens the model's chat format adds (<see cref="ChatOverhead.For(string)"/>, from OpenAI's cookbook).
    /// </summary>
    /// <exception cref="NotSupportedException">The cookbook gives no chat format for the model; pass a <see cref="ChatOverhead"/>.</exception>
    public long CountChat(IEnumerable<ChatTurn> messages, CancellationToken cancellationToken = default) =>
        CountChat(messages, ChatOverhead.For(ModelId) ?? throw new NotSupportedException(
            "No chat format is known for the model '" + ModelId + "': OpenAI's cookbook gives the per-message tokens of " +
            "gpt-3.5-turbo, gpt-4 and gpt-4o. Pass a ChatOverhead to CountChat for another model."), cancellationToken);

    /// <summary>
    /// The input tokens of chat messages of any type, each read as a <see cref="ChatTurn"/>: for Microsoft.Extensions.AI,
    /// <c>counter.CountChat(messages, m =&gt; new ChatTurn(m.Role.Value, m.Text, m.AuthorName))</c>.
    /// </summary>
    /// <exception cref="NotSupportedException">The cookbook gives no chat format for the model.</exception>
    public long CountChat<TMessage>(IEnumerable<TMessage> messages, Func<TMessage, ChatTurn> toTurn, CancellationToken cancellationToken = default)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        if (toTurn is null)
        {
            throw new ArgumentNullException(nameof(toTurn));
        }

        return CountChat(messages.Select(toTurn), cancellationToken);
    }

    /// <summary>The input tokens of <paramref name="messages"/> with the given per-message <paramref name="overhead"/>.</summary>
    public long CountChat(IEnumerable<ChatTurn> messages, ChatOverhead overhead, CancellationToken cancellationToken = default)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        if (overhead is null)
        {
            throw new ArgumentNullException(nameof(overhead));
        }

        long tokens = overhead.TokensToPrimeReply;
        var index = 0;
        foreach (var message in messages)
        {
            if (message is null)
            {
                throw new ArgumentException("The message at index " + index + " is null.", nameof(messages));
            }

            tokens += overhead.TokensPerMessage + Count(message.Role, cancellationToken) + Count(message.Content, cancellationToken);
            if (message.Name is not null)
            {
                tokens += overhead.TokensPerName + Count(message.Name, cancellationToken);
            }

            index++;
        }

        return tokens;
    }

    /// <summary>
    /// The exact catalog cost of sending <paramref name="text"/> as input and receiving
    /// <paramref name="expectedOutputTokens"/> tokens — an estimate only because the output is a guess and chat
    /// formatting adds a few input tokens (<see cref="EstimateCost(IEnumerable{ChatTurn}, long, CancellationToken)"/>
    /// counts those).
    /// </summary>
    /// <exception cref="InvalidOperationException">The counter was made from an id, or the model is not priced per token.</exception>
    public decimal EstimateCost(string text, long expectedOutputTokens = 0) => Price(Count(text), expectedOutputTokens);

    /// <summary>
    /// The exact catalog cost of sending the chat <paramref name="messages"/> (<see cref="CountChat(IEnumerable{ChatTurn}, CancellationToken)"/>)
    /// and receiving <paramref name="expectedOutputTokens"/> tokens.
    /// </summary>
    /// <exception cref="InvalidOperationException">The counter was made from an id, or the model is not priced per token.</exception>
    /// <exception cref="NotSupportedException">The cookbook gives no chat format for the model.</exception>
    public decimal EstimateCost(IEnumerable<ChatTurn> messages, long expectedOutputTokens = 0, CancellationToken cancellationToken = default)
    {
        var model = PricedModel();
        return model.Cost(CountChat(messages, cancellationToken), expectedOutputTokens);
    }

    /// <summary>The tokens of <paramref name="text"/>, for tests that compare them with other implementations.</summary>
    internal List<int> Encode(string text) => _encoding.Encode(text);

    private decimal Price(long inputTokens, long expectedOutputTokens) => PricedModel().Cost(inputTokens, expectedOutputTokens);

    private ModelPrice PricedModel() => Model ?? throw new InvalidOperationException(
        "This counter was made for the id '" + ModelId + "' without a catalog model, so it has no prices; use TokenCounter.For(model) with a generated model.");

    private static string ResolveEncoding(string modelId, string? encoding)
    {
        var name = encoding ?? TokenEncodings.DefaultFor(modelId) ?? throw new NotSupportedException(
            "No tokenizer encoding is known for the model '" + modelId + "': its catalog entry has no 'encoding' and it is " +
            "not a well-known OpenAI id. Add 'encoding: cl100k_base' (or o200k_base, p50k_base, r50k_base) to the catalog, or pass the encoding.");

        return TokenEncodings.Canonical(name) ?? throw new NotSupportedException(
            "The encoding '" + name + "' of the model '" + modelId + "' is not available: PriceGen.Tokenizers counts with " +
            string.Join(", ", TokenEncodings.Available) + ". Use TokenEstimate for a rough count instead.");
    }
}
