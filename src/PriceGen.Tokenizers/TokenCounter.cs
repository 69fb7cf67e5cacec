using System;
using System.Collections.Concurrent;
using Microsoft.ML.Tokenizers;

namespace PriceGen.Tokenizers;

/// <summary>
/// Counts the tokens of a text with a model's tokenizer and prices them from the catalog, before anything is sent:
/// <c>TokenCounter.For(OpenAIPrices.Chat.Gpt35Turbo.Model).EstimateCost(prompt, expectedOutputTokens: 200)</c>.
/// The count is what the tokenizer gives for the text itself; a chat API adds a few tokens per message for its
/// format, which this does not guess.
/// </summary>
/// <remarks>
/// The encoding is the catalog's <c>encoding</c> (<see cref="ModelInfo.Encoding"/>), else the default for well-known
/// ids in <see cref="TokenEncodings"/>. Tokenizers are built once per encoding and shared; counting is thread-safe.
/// </remarks>
public sealed class TokenCounter
{
    private static readonly ConcurrentDictionary<string, Lazy<Tokenizer>> TokenizersByEncoding = new(StringComparer.Ordinal);

    private readonly Tokenizer _tokenizer;

    private TokenCounter(string modelId, string encoding, ModelPrice? model)
    {
        ModelId = modelId;
        Encoding = encoding;
        Model = model;
        _tokenizer = TokenizersByEncoding.GetOrAdd(encoding, name => new Lazy<Tokenizer>(() => TiktokenTokenizer.CreateForEncoding(name))).Value;
    }

    /// <summary>The model id the counter was made for.</summary>
    public string ModelId { get; }

    /// <summary>The encoding counted with, such as <c>cl100k_base</c>.</summary>
    public string Encoding { get; }

    /// <summary>The catalog model that <see cref="EstimateCost"/> prices with, or <see langword="null"/> for a counter made from an id.</summary>
    public ModelPrice? Model { get; }

    /// <summary>A counter for a catalog model, which can also price what it counts.</summary>
    /// <exception cref="NotSupportedException">
    /// The model's encoding is not available (such as <c>p50k_base</c> for <c>text-davinci-003</c>), or the catalog
    /// gives none and the id is not a well-known one.
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
    public long Count(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return _tokenizer.CountTokens(text);
    }

    /// <summary>
    /// The exact catalog cost of sending <paramref name="text"/> as input and receiving
    /// <paramref name="expectedOutputTokens"/> tokens — an estimate only because the output is a guess and chat
    /// formatting adds a few input tokens.
    /// </summary>
    /// <exception cref="InvalidOperationException">The counter was made from an id, or the model is not priced per token.</exception>
    public decimal EstimateCost(string text, long expectedOutputTokens = 0)
    {
        var model = Model ?? throw new InvalidOperationException(
            "This counter was made for the id '" + ModelId + "' without a catalog model, so it has no prices; use TokenCounter.For(model) with a generated model.");
        return model.Cost(Count(text), expectedOutputTokens);
    }

    private static string ResolveEncoding(string modelId, string? encoding)
    {
        var name = encoding ?? TokenEncodings.DefaultFor(modelId) ?? throw new NotSupportedException(
            "No tokenizer encoding is known for the model '" + modelId + "': its catalog entry has no 'encoding' and it is " +
            "not a well-known OpenAI id. Add 'encoding: cl100k_base' (or o200k_base, r50k_base) to the catalog, or pass the encoding.");

        return TokenEncodings.Canonical(name) ?? throw new NotSupportedException(
            "The encoding '" + name + "' of the model '" + modelId + "' is not available: PriceGen.Tokenizers counts with " +
            TokenEncodings.O200kBase + ", " + TokenEncodings.Cl100kBase + " and " + TokenEncodings.R50kBase +
            ". Use TokenEstimate for a rough count instead.");
    }
}
