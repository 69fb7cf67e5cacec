using Xunit;

namespace PriceGen.Tests.Runtime;

public class DatedSnapshotTests
{
    [Theory]
    [InlineData("gpt-4o-2024-08-06", "gpt-4o")]
    [InlineData("o1-2024-12-17", "o1")]
    [InlineData("gpt-4-0613", "gpt-4")]
    [InlineData("gpt-3.5-turbo-0301", "gpt-3.5-turbo")]
    [InlineData("gpt-4-1106-preview-0101", "gpt-4-1106-preview")]
    [InlineData("claude-sonnet-4-5-20250929", "claude-sonnet-4-5")]
    [InlineData("x-2024-02-29", "x")]
    [InlineData("x-20240229", "x")]
    [InlineData("x-2000-02-29", "x")]
    [InlineData("x-0229", "x")]
    [InlineData("x-1231", "x")]
    [InlineData("x-0101", "x")]
    [InlineData("x-0430", "x")]
    [InlineData("x-9999-12-31", "x")]
    [InlineData("x-0001-01-01", "x")]
    public void Recognizes_a_date_suffix(string id, string expectedBase)
    {
        Assert.True(DatedSnapshot.TryGetBaseLength(id, out var baseLength));
        Assert.Equal(expectedBase, id.Substring(0, baseLength));
    }

    [Theory]
    [InlineData("gpt-4-1345")] // month 13
    [InlineData("gpt-4-0000")] // month 0
    [InlineData("gpt-4-0100")] // day 0
    [InlineData("gpt-4-0431")] // April has 30 days
    [InlineData("gpt-4-0230")]
    [InlineData("x-2023-02-29")] // 2023 is not a leap year
    [InlineData("x-1900-02-29")] // divisible by 100, not by 400
    [InlineData("x-20230229")]
    [InlineData("x-2024-13-01")]
    [InlineData("x-2024-00-10")]
    [InlineData("x-2024-06-31")]
    [InlineData("x-0000-01-01")] // there is no year 0
    [InlineData("x-20241301")]
    [InlineData("x-2024-8-6")] // one-digit month and day
    [InlineData("x-2024-08-6")]
    [InlineData("x-613")] // three digits
    [InlineData("x-06130")] // five digits
    [InlineData("x-06a3")]
    [InlineData("x_0613")] // no dash
    [InlineData("x0613")]
    [InlineData("-0613")] // nothing before the date
    [InlineData("-2024-08-06")]
    [InlineData("-20240806")]
    [InlineData("0613")]
    [InlineData("")]
    [InlineData("gpt-4o")]
    [InlineData("gpt-4o-mini")]
    [InlineData("x-2024-08-06-")]
    public void Rejects_what_is_not_a_date_suffix(string id)
    {
        Assert.False(DatedSnapshot.TryGetBaseLength(id, out var baseLength));
        Assert.Equal(0, baseLength);
    }

    [Fact]
    public void Null_is_not_a_snapshot() => Assert.False(DatedSnapshot.TryGetBaseLength(null, out _));

    [Theory]
    // The longest form wins: the tail of -YYYY-MM-DD is never read as -MMDD, and -YYYYMMDD not as -MMDD.
    [InlineData("m-2024-1231", "m-2024")] // -MMDD after a year-like part: only -MMDD fits
    [InlineData("m-1201-12-31", "m")] // -YYYY-MM-DD whose year looks like an MMDD
    [InlineData("m-12011231", "m")] // -YYYYMMDD whose year is also a valid MMDD
    [InlineData("m-2024-12-01-0613", "m-2024-12-01")] // a dated base with a further -MMDD
    [InlineData("m-2024-13-1231", "m-2024-13")] // no valid -YYYY-MM-DD: the -MMDD is read
    public void Prefers_the_longest_valid_form(string id, string expectedBase)
    {
        Assert.True(DatedSnapshot.TryGetBaseLength(id, out var baseLength));
        Assert.Equal(expectedBase, id.Substring(0, baseLength));
    }

    [Fact]
    public void Allocates_nothing()
    {
        DatedSnapshot.TryGetBaseLength("gpt-4o-2024-08-06", out _);
        var before = System.GC.GetAllocatedBytesForCurrentThread();
        var found = 0;
        for (var i = 0; i < 1000; i++)
        {
            found += DatedSnapshot.TryGetBaseLength("gpt-4o-2024-08-06", out _) ? 1 : 0;
            found += DatedSnapshot.TryGetBaseLength("gpt-4-1345", out _) ? 1 : 0;
        }

        Assert.Equal(0, System.GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000, found);
    }
}
