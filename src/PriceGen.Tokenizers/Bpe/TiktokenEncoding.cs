using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.ML.Tokenizers;

namespace PriceGen.Tokenizers.Bpe;

/// <summary>
/// One tiktoken encoding: Microsoft.ML.Tokenizers' pre-tokenizer (the encoding's regular expression, which splits
/// the special tokens out first) and PriceGen's own byte-pair merge over the encoding's ranks.
/// </summary>
/// <remarks>
/// Microsoft.ML.Tokenizers 2.0.1 merges a piece in time quadratic in its length; the pre-tokenizer is linear (its
/// patterns have no nested quantifiers: a million repeated characters take under a second). Memory beyond the text is
/// a UTF-8 buffer for the longest piece and, for a piece of 100 bytes or more, about 32 bytes per byte of it; nothing
/// is kept per piece.
/// </remarks>
internal sealed class TiktokenEncoding
{
    private const int PiecesPerCancellationCheck = 1024;

    private readonly TokenRanks _tokens;
    private readonly PairRanks _ranks;
    private readonly PreTokenizer _preTokenizer;
    private readonly KeyValuePair<string, int>[] _specialTokens;

    private TiktokenEncoding(string name, TokenRanks tokens, PreTokenizer preTokenizer, IReadOnlyDictionary<string, int> specialTokens)
    {
        Name = name;
        _tokens = tokens;
        _ranks = new PairRanks(tokens);
        _preTokenizer = preTokenizer;
        _specialTokens = specialTokens.ToArray();
    }

    internal string Name { get; }

    internal static TiktokenEncoding Load(string name)
    {
        // p50k_base splits text with r50k_base's pattern and has its special token (<|endoftext|> = 50256).
        var patternSource = TiktokenTokenizer.CreateForEncoding(name == TokenEncodings.P50kBase ? TokenEncodings.R50kBase : name);
        var preTokenizer = patternSource.PreTokenizer ?? throw new InvalidOperationException("The " + name + " tokenizer has no pre-tokenizer.");
        return new TiktokenEncoding(name, new TokenRanks(EncodingData.Load(name)), preTokenizer,
            patternSource.SpecialTokens ?? new Dictionary<string, int>());
    }

    /// <summary>The number of tokens of <paramref name="text"/>; a special token in it counts as one.</summary>
    internal long Count(string text, CancellationToken cancellationToken) => Run(text, null, cancellationToken);

    /// <summary>The tokens of <paramref name="text"/>, for tests that compare them with other implementations.</summary>
    internal List<int> Encode(string text)
    {
        var tokens = new List<int>();
        Run(text, tokens, CancellationToken.None);
        return tokens;
    }

    private long Run(string text, List<int>? tokens, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        long count = 0;
        var pieces = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(256);
        try
        {
            foreach (var (offset, length) in _preTokenizer.PreTokenize(text))
            {
                if (++pieces % PiecesPerCancellationCheck == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (SpecialToken(text, offset, length) is { } special)
                {
                    tokens?.Add(special);
                    count++;
                    continue;
                }

                // Short pieces take the bound; a long one its exact size, so a long run costs no more than its bytes.
                var maxBytes = length <= 1024 ? Utf8.MaxByteCount(length) : Utf8.ByteCount(text, offset, length);
                if (buffer.Length < maxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(maxBytes);
                }

                var piece = buffer.AsSpan(0, Utf8.Encode(text, offset, length, buffer));

                // Most pieces of ordinary text (a word with its space) are one token: one lookup, no merge.
                var whole = _tokens.RankOf(piece);
                if (whole != TokenRanks.NotAToken)
                {
                    tokens?.Add(whole);
                    count++;
                    continue;
                }

                count += BytePairMerge.Merge(piece, _ranks, tokens, cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return count;
    }

    private int? SpecialToken(string text, int offset, int length)
    {
        if (length == 0 || text[offset] != '<')
        {
            return null;
        }

        foreach (var special in _specialTokens)
        {
            if (special.Key.Length == length && string.CompareOrdinal(text, offset, special.Key, 0, length) == 0)
            {
                return special.Value;
            }
        }

        return null;
    }
}
