using System;
using Xunit;

namespace PriceGen.Tests.Quotas;

public class CalendarMonthTests
{
    [Fact]
    public void Writes_and_reads_year_dash_month()
    {
        Assert.Equal("2024-05", new CalendarMonth(2024, 5).ToString());
        Assert.Equal("0999-12", new CalendarMonth(999, 12).ToString());
        Assert.Equal(new CalendarMonth(2024, 5), CalendarMonth.Parse("2024-05"));
    }

    [Theory]
    [InlineData("2024-5")]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("24-05-01")]
    [InlineData("2024/05")]
    [InlineData("+024-05")]
    public void Refuses_other_forms(string text)
    {
        Assert.Throws<FormatException>(() => CalendarMonth.Parse(text));
    }

    [Fact]
    public void Next_month_crosses_the_year()
    {
        Assert.Equal(new CalendarMonth(2025, 1), new CalendarMonth(2024, 12).Next);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new CalendarMonth(2024, 12).Next.Start);
        Assert.True(new CalendarMonth(2024, 12).CompareTo(new CalendarMonth(2025, 1)) < 0);
    }
}
