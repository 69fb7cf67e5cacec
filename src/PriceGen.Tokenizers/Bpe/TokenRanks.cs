using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace PriceGen.Tokenizers.Bpe;

/// <summary>
/// The rank of a token by its bytes: an open-addressed table over one array holding every token's bytes, so a lookup
/// hashes a span and allocates nothing.
/// </summary>
internal sealed class TokenRanks
{
    internal const int NotAToken = -1;

    private readonly byte[] _bytes;
    private readonly int[] _starts; // token r is _bytes[_starts[r] .. _starts[r + 1])
    private readonly int[] _slots;  // rank + 1, or 0 for an empty slot
    private readonly int _mask;

    /// <summary><paramref name="tokens"/>[rank] is the token's bytes, or <see langword="null"/> for a rank that is no mergeable token.</summary>
    internal TokenRanks(IReadOnlyList<byte[]?> tokens)
    {
        var total = 0;
        var count = 0;
        foreach (var token in tokens)
        {
            if (token is not null)
            {
                total += token.Length;
                count++;
                MaxTokenLength = Math.Max(MaxTokenLength, token.Length);
            }
        }

        _bytes = new byte[total];
        _starts = new int[tokens.Count + 1];
        var position = 0;
        for (var rank = 0; rank < tokens.Count; rank++)
        {
            _starts[rank] = position;
            if (tokens[rank] is { } token)
            {
                Buffer.BlockCopy(token, 0, _bytes, position, token.Length);
                position += token.Length;
            }
        }

        _starts[tokens.Count] = position;

        var capacity = 2;
        while (capacity < 2 * count)
        {
            capacity <<= 1;
        }

        _slots = new int[capacity];
        _mask = capacity - 1;
        for (var rank = 0; rank < tokens.Count; rank++)
        {
            if (tokens[rank] is not { } token)
            {
                continue;
            }

            var index = Hash(token) & _mask;
            while (_slots[index] != 0)
            {
                if (Token(_slots[index] - 1).SequenceEqual(token))
                {
                    throw new ArgumentException("The token of rank " + rank + " repeats the token of rank " + (_slots[index] - 1) + ".", nameof(tokens));
                }

                index = (index + 1) & _mask;
            }

            _slots[index] = rank + 1;
        }

        Count = tokens.Count;
    }

    /// <summary>The number of ranks (mergeable tokens and the gaps of special ones).</summary>
    internal int Count { get; }

    /// <summary>The length in bytes of the longest token.</summary>
    internal int MaxTokenLength { get; }

    /// <summary>The bytes of the token of <paramref name="rank"/> (empty for a gap).</summary>
    internal ReadOnlySpan<byte> Token(int rank) => _bytes.AsSpan(_starts[rank], _starts[rank + 1] - _starts[rank]);

    /// <summary>The rank of the token <paramref name="bytes"/>, or <see cref="NotAToken"/>.</summary>
    internal int RankOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0 || bytes.Length > MaxTokenLength)
        {
            return NotAToken;
        }

        var index = Hash(bytes) & _mask;
        while (true)
        {
            var slot = _slots[index];
            if (slot == 0)
            {
                return NotAToken;
            }

            if (Token(slot - 1).SequenceEqual(bytes))
            {
                return slot - 1;
            }

            index = (index + 1) & _mask;
        }
    }

    // Four bytes a step (most tokens are short words), then a finalizer that spreads the bits over the table.
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = (uint)bytes.Length * 0x9E3779B1u;
        var i = 0;
        for (; i + 4 <= bytes.Length; i += 4)
        {
            hash = (hash ^ MemoryMarshal.Read<uint>(bytes.Slice(i))) * 0x85EBCA6Bu;
            hash ^= hash >> 13;
        }

        for (; i < bytes.Length; i++)
        {
            hash = (hash ^ bytes[i]) * 0x01000193u;
        }

        hash ^= hash >> 16;
        hash *= 0x7FEB352Du;
        hash ^= hash >> 15;
        return (int)hash;
    }
}
