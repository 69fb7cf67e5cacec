using System;
using System.Text;
using System.Threading;
using PriceGen.Tokenizers;
using PriceGen.Tokenizers.Bpe;
using Xunit;

namespace PriceGen.Tests.Tokenizers;

public class CountingLimitsTests
{
    [Fact]
    public void Counting_a_100_mb_string_allocates_a_small_fraction_of_it()
    {
        var counter = TokenCounter.For("gpt-4o");
        var text = HundredMegabytesOfMixedText();
        counter.Count(text.Substring(0, 1_000_000)); // warm up: pooled buffers, the encoding's tables

        var before = GC.GetAllocatedBytesForCurrentThread();
        var tokens = counter.Count(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(tokens > 5_000_000, tokens + " tokens");
        // The string is 100 MB (50 million UTF-16 chars); nothing proportional to it may be allocated (no copy, no list of pieces).
        Assert.True(allocated < 16 * 1024 * 1024, allocated + " bytes allocated");
    }

    [Fact]
    public void A_cancelled_token_stops_counting()
    {
        var counter = TokenCounter.For("gpt-4o");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => counter.Count("a few words", cancelled.Token));
        Assert.Throws<OperationCanceledException>(() => counter.CountChat(ChatCountingTests.CookbookConversation, cancelled.Token));
    }

    [Fact]
    public void Cancellation_is_seen_inside_one_long_piece()
    {
        var counter = TokenCounter.For("gpt-4o");
        // One piece (letters without a break) whose merge takes far longer than the delay below.
        var run = new string('x', 5_000_000);
        using var cancellation = new CancellationTokenSource();

        // From a thread of its own: a thread-pool timer can fire late on a loaded machine, after the count has ended.
        var canceller = new Thread(() =>
        {
            Thread.Sleep(20);
            cancellation.Cancel();
        }) { IsBackground = true };
        canceller.Start();

        Assert.Throws<OperationCanceledException>(() => counter.Count(run, cancellation.Token));
        canceller.Join();
    }

    [Fact]
    public void The_long_piece_merge_itself_checks_the_token()
    {
        var ranks = new PairRanks(new TokenRanks(EncodingData.Load("r50k_base")));
        var piece = Encoding.ASCII.GetBytes(new string('x', 300_000)); // well over 65,536 merges
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => BytePairMerge.MergeByHeap(piece, ranks, null, cancelled.Token));
        Assert.True(BytePairMerge.MergeByHeap(piece, ranks, null, CancellationToken.None) > 0);
    }

    private static string HundredMegabytesOfMixedText()
    {
        const string Paragraph =
            "The quick brown fox jumps over the lazy dog; it's 12:45 and they'll pay $1,234.56 (about €1.100). " +
            "public static long Count(string text) => text.Length; // O(n)\n" +
            "お誕生日おめでとう Привет мир 👍 https://example.com/path?query=1&x=2\n\n";
        var builder = new StringBuilder(50_000_000);
        while (builder.Length < 50_000_000 - 20_000)
        {
            builder.Append(Paragraph);
            if (builder.Length % 100_000 < Paragraph.Length)
            {
                // A long run now and then, so long pieces and their merge buffers are part of the count too.
                builder.Append('x', 10_000).Append(' ');
            }
        }

        return builder.ToString();
    }
}
