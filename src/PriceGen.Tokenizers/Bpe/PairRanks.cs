using System;
using System.Collections.Generic;

namespace PriceGen.Tokenizers.Bpe;

/// <summary>
/// The rank of the token that two adjacent tokens merge into, keyed by the pair of their ranks.
/// </summary>
/// <remarks>
/// A byte-pair merge starts from single bytes (each one a token in these byte-level vocabularies) and only ever joins
/// two tokens into a token, so asking "is left + right a token, and of which rank" by the two ranks is the same
/// question as looking the concatenated bytes up in the vocabulary — and far cheaper: one 64-bit key instead of a
/// byte slice to hash and compare. Every way of splitting a token into two tokens is in the table, so no merge that a
/// byte lookup would find is missed. An open-addressed table at a load factor of at most one half.
/// </remarks>
internal sealed class PairRanks
{
    internal const int NoRank = int.MaxValue;

    // Ranks fit in 21 bits (o200k_base has about 200,000), so a slot packs left, right and the merged rank.
    private const int RankBits = 21;
    private const ulong RankMask = (1UL << RankBits) - 1;
    private const ulong EmptySlot = ulong.MaxValue;

    private readonly ulong[] _slots;
    private readonly int _mask;
    private readonly int _shift;
    private readonly int[] _byteRanks = new int[256];

    /// <summary>Builds the table from the vocabulary's tokens.</summary>
    internal PairRanks(TokenRanks tokens)
    {
        if (tokens.Count >= 1 << RankBits)
        {
            throw new ArgumentException("A vocabulary of " + tokens.Count + " tokens does not fit " + RankBits + "-bit ranks.", nameof(tokens));
        }

        Span<byte> single = stackalloc byte[1];
        for (var b = 0; b < 256; b++)
        {
            single[0] = (byte)b;
            _byteRanks[b] = tokens.RankOf(single);
            if (_byteRanks[b] == TokenRanks.NotAToken)
            {
                throw new ArgumentException("The vocabulary has no token for the byte 0x" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + ".", nameof(tokens));
            }
        }

        var pairs = new List<ulong>();
        for (var rank = 0; rank < tokens.Count; rank++)
        {
            var token = tokens.Token(rank);
            for (var split = 1; split < token.Length; split++)
            {
                var left = tokens.RankOf(token.Slice(0, split));
                var right = left == TokenRanks.NotAToken ? TokenRanks.NotAToken : tokens.RankOf(token.Slice(split));
                if (right != TokenRanks.NotAToken)
                {
                    pairs.Add(Key(left, right) << RankBits | (uint)rank);
                }
            }
        }

        var capacity = 2;
        var bits = 1;
        while (capacity < 2 * pairs.Count)
        {
            capacity <<= 1;
            bits++;
        }

        _slots = new ulong[capacity];
        _mask = capacity - 1;
        _shift = 64 - bits;
        _slots.AsSpan().Fill(EmptySlot);
        foreach (var entry in pairs)
        {
            var key = entry >> RankBits;
            var index = Probe(key);
            while (_slots[index] != EmptySlot && _slots[index] >> RankBits != key)
            {
                index = (index + 1) & _mask;
            }

            _slots[index] = entry;
        }

        PairCount = pairs.Count;
    }

    /// <summary>How many (left, right) pairs merge into a token.</summary>
    internal int PairCount { get; }

    /// <summary>The rank of the single-byte token <paramref name="b"/>.</summary>
    internal int ByteRank(byte b) => _byteRanks[b];

    /// <summary>The rank of the token <paramref name="left"/> followed by <paramref name="right"/> form, or <see cref="NoRank"/>.</summary>
    internal int Merged(int left, int right)
    {
        var key = Key(left, right);
        var index = Probe(key);
        while (true)
        {
            var slot = _slots[index];
            if (slot >> RankBits == key)
            {
                return (int)(slot & RankMask);
            }

            if (slot == EmptySlot)
            {
                return NoRank;
            }

            index = (index + 1) & _mask;
        }
    }

    private static ulong Key(int left, int right) => (ulong)(uint)left << RankBits | (uint)right;

    // Fibonacci hashing spreads the packed ranks over the table.
    private int Probe(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
}
