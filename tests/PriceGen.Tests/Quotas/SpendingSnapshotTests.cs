using System;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace PriceGen.Tests.Quotas;

public class SpendingSnapshotTests
{
    private const string May2024 = """
        {
          "format": "pricegen-spending/1",
          "month": "2024-05",
          "currency": "USD",
          "spent": "12.3450",
          "softLimitReported": true
        }
        """;

    private static FakeTimeProvider MayClock() => new(new DateTimeOffset(2024, 5, 20, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Snapshot_writes_the_documented_json()
    {
        var limit = new MonthlySpendingLimit(hardLimit: 20m, softLimit: 10m, timeProvider: MayClock());
        limit.ChargeIncurred(12.3450m);

        Assert.Equal(May2024, limit.Snapshot().ToJson());
    }

    [Fact]
    public void Round_trip_restores_the_exact_amount_and_the_soft_limit_state()
    {
        var before = new MonthlySpendingLimit(hardLimit: 20m, softLimit: 10m, timeProvider: MayClock());
        Assert.True(before.TryCharge(12.3450m));
        var json = before.Snapshot().ToJson();

        var after = new MonthlySpendingLimit(hardLimit: 20m, softLimit: 10m, timeProvider: MayClock());
        var reported = 0;
        after.SoftLimitReached += (_, _) => reported++;
        after.Restore(SpendingSnapshot.FromJson(json));

        Assert.Equal(12.3450m, after.Spent);
        Assert.Equal("12.3450", after.Spent.ToString(CultureInfo.InvariantCulture));
        Assert.True(after.TryCharge(7.6550m));
        Assert.Equal(20m, after.Spent);
        Assert.Equal(0, reported);
        Assert.False(after.TryCharge(0.0001m));
    }

    [Fact]
    public void A_comma_decimal_culture_writes_and_reads_the_same_document()
    {
        var commaCulture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaCulture.NumberFormat.NumberDecimalSeparator = ",";
        commaCulture.NumberFormat.NumberGroupSeparator = ".";
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = commaCulture;
            Assert.Equal("12,3450", 12.3450m.ToString(CultureInfo.CurrentCulture));

            var snapshot = new SpendingSnapshot(new CalendarMonth(2024, 5), 12.3450m, "USD", softLimitReported: true);
            Assert.Equal(May2024, snapshot.ToJson());

            var read = SpendingSnapshot.FromJson(May2024);
            Assert.Equal(12.3450m, read.Spent);
            Assert.Equal(new CalendarMonth(2024, 5), read.Month);
            Assert.Equal("USD", read.Currency);
            Assert.True(read.SoftLimitReported);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Reads_any_whitespace_and_field_order_and_ignores_unknown_fields()
    {
        const string Json = "{\"softLimitReported\":false,\"spent\":\"0.5\",\"note\":\"saved by \\\"host-1\\\"\",\"count\":3,\"other\":null,\"currency\":\"EUR\",\"month\":\"2023-12\",\"format\":\"pricegen-spending/1\"}";

        var read = SpendingSnapshot.FromJson(Json);

        Assert.Equal(0.5m, read.Spent);
        Assert.Equal("EUR", read.Currency);
        Assert.Equal(new CalendarMonth(2023, 12), read.Month);
        Assert.False(read.SoftLimitReported);
    }

    [Fact]
    public void Last_months_snapshot_restores_nothing()
    {
        var limit = new MonthlySpendingLimit(hardLimit: 20m, timeProvider: MayClock());

        limit.Restore(new SpendingSnapshot(new CalendarMonth(2024, 4), 19m, "USD", softLimitReported: false));

        Assert.Equal(new CalendarMonth(2024, 5), limit.Month);
        Assert.Equal(0m, limit.Spent);
    }

    [Fact]
    public void A_snapshot_in_another_currency_is_refused()
    {
        var limit = new MonthlySpendingLimit(hardLimit: 20m, currency: "USD", timeProvider: MayClock());

        var error = Assert.Throws<ArgumentException>(() => limit.Restore(new SpendingSnapshot(new CalendarMonth(2024, 5), 1m, "EUR", false)));

        Assert.StartsWith("The snapshot is in EUR but the limit is in USD.", error.Message);
        Assert.Equal(0m, limit.Spent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"format\":\"pricegen-spending/1\",\"month\":\"2024-05\",\"currency\":\"USD\",\"spent\":\"1\",\"softLimitReported\":false} extra")]
    [InlineData("{\"format\":\"pricegen-spending/1\",\"month\":\"2024-05\",\"currency\":\"USD\",\"spent\":\"1\",\"softLimitReported\":false,\"spent\":\"2\"}")]
    [InlineData("{\"format\":\"pricegen-spending/1\",\"month\":\"2024-05\",\"currency\":\"USD\",\"spent\":\"1\",\"softLimitReported\":{}}")]
    [InlineData("{\"format\":\"pricegen-spending/2\",\"month\":\"2024-05\",\"currency\":\"USD\",\"spent\":\"1\",\"softLimitReported\":false}")]
    [InlineData("{\"format\":\"pricegen-spending/1\",\"month\":\"2024-5\",\"currency\":\"USD\",\"spent\":\"1\",\"softLimitReported\":false}")]
    [InlineData("{\"format\":\"pricegen-spending/1\",\"month\":\"2024-05\",\"currency\":\"USD\",\"spent\":1.5,\"softLimitReported\":false}")]
    [InlineData("{\"format\":\"pricegen-spending/1\",\"month\":\"2024-05\",\"currency\":\"USD\",\"spent\":\"1,5\",\"softLimitReported\":false}")]
    [InlineData("{\"format\":\"pricegen-spending/1\",\"month\":\"2024-05\",\"currency\":\"USD\",\"spent\":\"-1\",\"softLimitReported\":false}")]
    [InlineData("{\"format\":\"pricegen-spending/1\",\"month\":\"2024-05\",\"currency\":\"USD\",\"softLimitReported\":false}")]
    public void Malformed_documents_are_refused(string json)
    {
        Assert.Throws<FormatException>(() => SpendingSnapshot.FromJson(json));
    }

    [Fact]
    public void Strings_are_escaped_and_unescaped()
    {
        var snapshot = new SpendingSnapshot(new CalendarMonth(2024, 5), 1m, "U\"S\\D\n", softLimitReported: false);

        var json = snapshot.ToJson();

        Assert.Contains("\"currency\": \"U\\\"S\\\\D\\n\"", json);
        Assert.Equal("U\"S\\D\n", SpendingSnapshot.FromJson(json).Currency);
    }
}
