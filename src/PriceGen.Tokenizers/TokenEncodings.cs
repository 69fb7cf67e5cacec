using System;

namespace PriceGen.Tokenizers;

/// <summary>
/// The names of OpenAI's tiktoken encodings, and the encoding a well-known model id uses when its catalog entry gives
/// none. The table follows OpenAI's tiktoken (<c>tiktoken/model.py</c>):
/// <list type="table">
///   <listheader><term>Model ids</term><description>Encoding</description></listheader>
///   <item><term><c>gpt-4o</c>, <c>gpt-4o-*</c> (gpt-4o-mini, dated snapshots)</term><description><c>o200k_base</c></description></item>
///   <item><term><c>gpt-4</c>, <c>gpt-4-*</c>, <c>gpt-3.5-turbo</c>, <c>gpt-3.5-turbo-*</c>, <c>text-embedding-ada-002</c>, <c>text-embedding-3-small</c>, <c>text-embedding-3-large</c></term><description><c>cl100k_base</c></description></item>
///   <item><term><c>ada</c>, <c>babbage</c>, <c>curie</c>, <c>davinci</c>, <c>text-*-001</c></term><description><c>r50k_base</c></description></item>
///   <item><term><c>text-davinci-002</c>, <c>text-davinci-003</c>, <c>code-davinci-*</c>, <c>code-cushman-*</c></term><description><c>p50k_base</c></description></item>
/// </list>
/// A fine-tuned id (<c>ft:gpt-3.5-turbo:acme::abc123</c>) uses its base model's encoding.
/// </summary>
public static class TokenEncodings
{
    /// <summary>GPT-4o's encoding.</summary>
    public const string O200kBase = "o200k_base";

    /// <summary>The encoding of GPT-4, GPT-3.5 Turbo and the second- and third-generation embedding models.</summary>
    public const string Cl100kBase = "cl100k_base";

    /// <summary>The encoding of the GPT-3 base models and the <c>text-*-001</c> models.</summary>
    public const string R50kBase = "r50k_base";

    /// <summary>
    /// The encoding of <c>text-davinci-002</c>/<c>-003</c> and Codex: r50k_base with tokens for runs of 2 to 25 spaces,
    /// derived exactly from r50k_base's data (no data package for it is served).
    /// </summary>
    public const string P50kBase = "p50k_base";

    // Every encoding TokenCounter counts with.
    internal static readonly string[] Available = { O200kBase, Cl100kBase, P50kBase, R50kBase };

    /// <summary>Whether <see cref="TokenCounter"/> can count with <paramref name="encoding"/> (case-insensitive).</summary>
    public static bool IsAvailable(string? encoding) => Canonical(encoding) is not null;

    /// <summary>The encoding that <paramref name="modelId"/> uses according to the table above, or <see langword="null"/> for an id it does not list.</summary>
    public static string? DefaultFor(string modelId)
    {
        if (modelId is null)
        {
            throw new ArgumentNullException(nameof(modelId));
        }

        var id = BaseModelOfFineTune(modelId);
        if (id == "gpt-4o" || id.StartsWith("gpt-4o-", StringComparison.Ordinal))
        {
            return O200kBase;
        }

        if (id is "gpt-4" or "gpt-3.5-turbo" or "text-embedding-ada-002" or "text-embedding-3-small" or "text-embedding-3-large" ||
            id.StartsWith("gpt-4-", StringComparison.Ordinal) || id.StartsWith("gpt-3.5-turbo-", StringComparison.Ordinal))
        {
            return Cl100kBase;
        }

        if (id is "ada" or "babbage" or "curie" or "davinci" ||
            (id.StartsWith("text-", StringComparison.Ordinal) && id.EndsWith("-001", StringComparison.Ordinal)))
        {
            return R50kBase;
        }

        if (id is "text-davinci-002" or "text-davinci-003" ||
            id.StartsWith("code-davinci-", StringComparison.Ordinal) || id.StartsWith("code-cushman-", StringComparison.Ordinal))
        {
            return P50kBase;
        }

        return null;
    }

    /// <summary>The encoding's canonical (lower-case) name when it is available here, else <see langword="null"/>.</summary>
    internal static string? Canonical(string? encoding)
    {
        foreach (var available in Available)
        {
            if (string.Equals(encoding, available, StringComparison.OrdinalIgnoreCase))
            {
                return available;
            }
        }

        return null;
    }

    // "ft:gpt-3.5-turbo:acme::abc123" → "gpt-3.5-turbo": a fine-tune keeps its base model's tokenizer.
    internal static string BaseModelOfFineTune(string modelId)
    {
        const string FineTunePrefix = "ft:";
        if (!modelId.StartsWith(FineTunePrefix, StringComparison.Ordinal))
        {
            return modelId;
        }

        var end = modelId.IndexOf(':', FineTunePrefix.Length);
        return end < 0 ? modelId.Substring(FineTunePrefix.Length) : modelId.Substring(FineTunePrefix.Length, end - FineTunePrefix.Length);
    }
}
