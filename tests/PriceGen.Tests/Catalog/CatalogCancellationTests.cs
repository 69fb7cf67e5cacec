using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using PriceGen.Analysis;
using PriceGen.Catalog;
using Xunit;

namespace PriceGen.Tests.Catalog;

/// <summary>The IDE cancels a parse it no longer needs: a catalog of the largest size stops promptly and leaves nothing cached.</summary>
public class CatalogCancellationTests
{
    /// <summary>Just under the 16 MiB limit, in entries with long descriptions: within the node budget, so the parse runs to its end unless cancelled.</summary>
    private static readonly string Largest = BuildLargest();

    [Fact]
    public void A_cancelled_token_stops_the_parse_before_it_starts() =>
        Assert.ThrowsAny<OperationCanceledException>(() => CatalogParser.Parse(Largest, new CancellationToken(canceled: true)));

    [Fact]
    public void A_sixteen_MiB_catalog_stops_within_100_ms_of_cancellation()
    {
        // The parser checks the token at every YAML event and every entry, microseconds apart. Cancellation comes from a
        // thread of its own a third of the way into a parse of measured length (a pool timer can fire after a fast machine
        // has already finished). The best of the tries that were cancelled mid-parse is what is asserted, so a machine that
        // deschedules the thread once does not decide the result.
        var fullParse = Stopwatch.StartNew();
        CatalogParser.Parse(Largest, CancellationToken.None);
        var cancelAfter = TimeSpan.FromTicks(fullParse.Elapsed.Ticks / 3);

        var latencies = Enumerable.Range(0, 5).Select(_ => CancellationLatency(cancelAfter)).OfType<TimeSpan>().ToList();

        Assert.NotEmpty(latencies);
        Assert.True(latencies.Min() < TimeSpan.FromMilliseconds(100), "from cancellation to OperationCanceledException: " + string.Join(", ", latencies));
    }

    [Fact]
    public void A_cancelled_analyzer_parse_is_not_cached()
    {
        var text = SourceText.From(Largest);

        Assert.ThrowsAny<OperationCanceledException>(() => CatalogCache.Parse(text, new CancellationToken(canceled: true)));
        var parsed = CatalogCache.Parse(text, CancellationToken.None);

        Assert.NotNull(parsed.Catalog);
        Assert.Same(parsed, CatalogCache.Parse(text, CancellationToken.None));
    }

    /// <summary>The time from cancellation to the exception, or null when the parse ended before the cancelling thread ran.</summary>
    private static TimeSpan? CancellationLatency(TimeSpan cancelAfter)
    {
        using var cancellation = new CancellationTokenSource();
        var sinceCancel = new Stopwatch();
        cancellation.Token.Register(() => sinceCancel.Start());
        var canceller = new Thread(() =>
        {
            Thread.Sleep(cancelAfter);
            cancellation.Cancel();
        }) { IsBackground = true };
        canceller.Start();

        try
        {
            CatalogParser.Parse(Largest, cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            sinceCancel.Stop();
            return sinceCancel.Elapsed;
        }
        finally
        {
            canceller.Join();
        }

        return null;
    }

    private static string BuildLargest()
    {
        var description = new string('x', 2_000);
        var text = new StringBuilder("pricegen: 1\nprovider: Acme\ncurrency: USD\neffective: 2026-01-01\nchat:\n");
        for (var i = 0; text.Length < CatalogLimits.MaxFileLength - 2_100; i++)
        {
            text.Append("  m").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(": { usage: $0.002 / 1K tokens, description: ").Append(description).Append(" }\n");
        }

        return text.ToString();
    }
}
