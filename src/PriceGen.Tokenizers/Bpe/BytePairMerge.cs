using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;

namespace PriceGen.Tokenizers.Bpe;

/// <summary>
/// Rank-based byte-pair merging of one pre-tokenized piece: start from its bytes and keep joining the adjacent pair
/// whose merge has the lowest rank (the leftmost of equals) until no adjacent pair is a token. Two algorithms with the
/// same result: a linear scan for short pieces, where it is fastest, and a heap over a linked list for long ones, so
/// the time of a piece of n bytes is O(n log n) instead of O(n²). The split follows tiktoken's
/// <c>byte_pair_encode</c>, which also uses its heap merge from 100 bytes on.
/// </summary>
internal static class BytePairMerge
{
    /// <summary>Pieces of at least this many bytes take the heap merge.</summary>
    internal const int LongPieceBytes = 100;

    // A long merge looks at the cancellation token once per this many merges.
    private const int MergesPerCancellationCheck = 1 << 16;

    /// <summary>
    /// The number of tokens <paramref name="piece"/> merges into; their ranks are appended to
    /// <paramref name="tokens"/> when it is given.
    /// </summary>
    internal static int Merge(ReadOnlySpan<byte> piece, PairRanks ranks, List<int>? tokens, CancellationToken cancellationToken) =>
        piece.Length < LongPieceBytes ? MergeByScan(piece, ranks, tokens) : MergeByHeap(piece, ranks, tokens, cancellationToken);

    /// <summary>
    /// The textbook merge: each step scans all pairs for the lowest rank, O(n·m) for n bytes and m merges. The
    /// reference the heap merge is tested against.
    /// </summary>
    internal static int MergeByScan(ReadOnlySpan<byte> piece, PairRanks ranks, List<int>? tokens)
    {
        var length = piece.Length;
        if (length == 0)
        {
            return 0;
        }

        // part[i] is the rank of the i-th part's token; pair[i] what it and the next part would merge into.
        Span<int> part = length <= 128 ? stackalloc int[length] : new int[length];
        Span<int> pair = length <= 128 ? stackalloc int[length] : new int[length];
        for (var i = 0; i < length; i++)
        {
            part[i] = ranks.ByteRank(piece[i]);
        }

        for (var i = 0; i < length - 1; i++)
        {
            pair[i] = ranks.Merged(part[i], part[i + 1]);
        }

        pair[length - 1] = PairRanks.NoRank;
        var count = length;
        while (true)
        {
            var best = -1;
            var bestRank = PairRanks.NoRank;
            for (var i = 0; i < count - 1; i++)
            {
                if (pair[i] < bestRank)
                {
                    bestRank = pair[i];
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            part[best] = bestRank;
            part.Slice(best + 2, count - best - 2).CopyTo(part.Slice(best + 1));
            pair.Slice(best + 2, count - best - 2).CopyTo(pair.Slice(best + 1));
            count--;
            pair[best] = best + 1 < count ? ranks.Merged(part[best], part[best + 1]) : PairRanks.NoRank;
            if (best > 0)
            {
                pair[best - 1] = ranks.Merged(part[best - 1], part[best]);
            }
        }

        if (tokens is not null)
        {
            for (var i = 0; i < count; i++)
            {
                tokens.Add(part[i]);
            }
        }

        return count;
    }

    /// <summary>
    /// The same merge with the candidate pairs in a min-heap ordered by (rank, position) and the parts in a doubly
    /// linked list over the byte positions: each merge is O(log n), so a piece is O(n log n). Heap entries are not
    /// removed when their pair changes; an entry whose rank is no longer its part's pair rank is stale and skipped
    /// (a pair's rank never returns to an earlier value: each merge makes its bytes longer).
    /// </summary>
    internal static int MergeByHeap(ReadOnlySpan<byte> piece, PairRanks ranks, List<int>? tokens, CancellationToken cancellationToken)
    {
        var length = piece.Length;
        if (length == 0)
        {
            return 0;
        }

        // Indexed by the byte position a part starts at; only the positions where a part starts are live.
        var part = ArrayPool<int>.Shared.Rent(length);
        var pair = ArrayPool<int>.Shared.Rent(length);
        var next = ArrayPool<int>.Shared.Rent(length);
        var previous = ArrayPool<int>.Shared.Rent(length);
        // At most length - 1 entries to start with, and each merge adds at most one: never above 2 × length.
        var heap = ArrayPool<long>.Shared.Rent(2 * length);
        try
        {
            var heapSize = 0;
            for (var i = 0; i < length; i++)
            {
                part[i] = ranks.ByteRank(piece[i]);
                next[i] = i + 1;
                previous[i] = i - 1;
            }

            for (var i = 0; i < length - 1; i++)
            {
                pair[i] = ranks.Merged(part[i], part[i + 1]);
                if (pair[i] != PairRanks.NoRank)
                {
                    heap[heapSize++] = Entry(pair[i], i);
                }
            }

            pair[length - 1] = PairRanks.NoRank;
            for (var i = (heapSize - 2) / Arity; i >= 0; i--)
            {
                SiftDown(heap, heapSize, i);
            }

            var count = length;
            var merges = 0;
            while (heapSize > 0)
            {
                var top = heap[0];
                var rank = (int)(top >> 32);
                var left = (int)(top & 0xFFFFFFFF);
                if (pair[left] != rank)
                {
                    RemoveTop(heap, ref heapSize);
                    continue;
                }

                if (++merges % MergesPerCancellationCheck == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var right = next[left];
                var afterRight = next[right];
                part[left] = rank;
                next[left] = afterRight;
                if (afterRight < length)
                {
                    previous[afterRight] = left;
                }

                pair[right] = PairRanks.NoRank;
                count--;

                // The merged part's own new pair takes the top's place: one sift instead of a pop and a push.
                pair[left] = afterRight < length ? ranks.Merged(rank, part[afterRight]) : PairRanks.NoRank;
                if (pair[left] != PairRanks.NoRank)
                {
                    heap[0] = Entry(pair[left], left);
                    SiftDown(heap, heapSize, 0);
                }
                else
                {
                    RemoveTop(heap, ref heapSize);
                }

                var before = previous[left];
                if (before >= 0)
                {
                    pair[before] = ranks.Merged(part[before], rank);
                    if (pair[before] != PairRanks.NoRank)
                    {
                        Push(heap, ref heapSize, Entry(pair[before], before));
                    }
                }
            }

            if (tokens is not null)
            {
                for (var i = 0; i < length; i = next[i])
                {
                    tokens.Add(part[i]);
                }
            }

            return count;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(heap);
            ArrayPool<int>.Shared.Return(previous);
            ArrayPool<int>.Shared.Return(next);
            ArrayPool<int>.Shared.Return(pair);
            ArrayPool<int>.Shared.Return(part);
        }
    }

    // Lower rank first, then the leftmost position: the order the scan merge picks pairs in.
    private static long Entry(int rank, int position) => (long)rank << 32 | (uint)position;

    // A 4-ary heap: half the depth of a binary one, and a node's children share a cache line. A long piece's heap
    // is megabytes, so the levels are cache misses and fewer of them is most of the speed.
    private const int Arity = 4;

    private static void RemoveTop(long[] heap, ref int size)
    {
        heap[0] = heap[--size];
        SiftDown(heap, size, 0);
    }

    private static void Push(long[] heap, ref int size, long entry)
    {
        var i = size++;
        while (i > 0)
        {
            var parent = (i - 1) / Arity;
            if (heap[parent] <= entry)
            {
                break;
            }

            heap[i] = heap[parent];
            i = parent;
        }

        heap[i] = entry;
    }

    private static void SiftDown(long[] heap, int size, int i)
    {
        if (size == 0)
        {
            return;
        }

        var entry = heap[i];
        while (true)
        {
            var first = Arity * i + 1;
            if (first >= size)
            {
                break;
            }

            var smallest = first;
            var end = Math.Min(first + Arity, size);
            for (var child = first + 1; child < end; child++)
            {
                if (heap[child] < heap[smallest])
                {
                    smallest = child;
                }
            }

            if (heap[smallest] >= entry)
            {
                break;
            }

            heap[i] = heap[smallest];
            i = smallest;
        }

        heap[i] = entry;
    }
}
