using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace PriceGen.Tests.Quotas;

public class MonthlySpendingLimitTests
{
    private static FakeTimeProvider ClockAt(string utc) => new(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Charges_up_to_the_hard_limit_and_no_further()
    {
        var limit = new MonthlySpendingLimit(hardLimit: 1.00m, timeProvider: ClockAt("2024-05-10T12:00:00Z"));

        Assert.True(limit.TryCharge(0.40m));
        Assert.True(limit.TryCharge(0.60m));
        Assert.False(limit.TryCharge(0.000001m));
        Assert.True(limit.TryCharge(0m));

        Assert.Equal(1.00m, limit.Spent);
        Assert.Equal(0m, limit.Remaining);
        Assert.True(limit.IsExhausted);
    }

    [Fact]
    public void A_refused_charge_changes_nothing()
    {
        var limit = new MonthlySpendingLimit(hardLimit: 1m, timeProvider: ClockAt("2024-05-10T12:00:00Z"));
        Assert.True(limit.TryCharge(0.75m));

        Assert.False(limit.TryCharge(0.26m));

        Assert.Equal(0.75m, limit.Spent);
        Assert.Equal(0.25m, limit.Remaining);
        Assert.False(limit.IsExhausted);
    }

    [Fact]
    public void Totals_are_exact_decimal_sums()
    {
        var limit = new MonthlySpendingLimit(hardLimit: 1m, timeProvider: ClockAt("2024-05-10T12:00:00Z"));

        // 0.1 has no exact binary floating-point form; ten of them are exactly 1 only in decimal.
        for (var i = 0; i < 10; i++)
        {
            Assert.True(limit.TryCharge(0.1m));
        }

        Assert.Equal(1.0m, limit.Spent);
        Assert.True(limit.IsExhausted);
    }

    [Fact]
    public void Sixteen_threads_never_pass_the_hard_limit_and_the_total_is_exact()
    {
        const int Threads = 16;
        const int ChargesPerThread = 100_000;
        const decimal Amount = 0.01m;
        var limit = new MonthlySpendingLimit(hardLimit: 12_345.67m, softLimit: 10_000m, timeProvider: ClockAt("2024-05-10T12:00:00Z"));
        var notifications = new List<SoftLimitReachedEventArgs>();
        limit.SoftLimitReached += (_, e) => { lock (notifications) { notifications.Add(e); } };
        var accepted = new long[Threads];
        var highestSeen = 0m;
        var done = 0;
        using var start = new ManualResetEventSlim();

        var chargers = new Thread[Threads];
        for (var t = 0; t < Threads; t++)
        {
            var index = t;
            chargers[t] = new Thread(() =>
            {
                start.Wait();
                for (var i = 0; i < ChargesPerThread; i++)
                {
                    if (limit.TryCharge(Amount))
                    {
                        accepted[index]++;
                    }
                }

                Interlocked.Increment(ref done);
            });
            chargers[t].Start();
        }

        // Samples the total while the chargers run: it must never be seen above the limit.
        var watcher = new Thread(() =>
        {
            start.Wait();
            while (Volatile.Read(ref done) < Threads)
            {
                highestSeen = Math.Max(highestSeen, limit.Spent);
            }
        });
        watcher.Start();
        start.Set();
        foreach (var charger in chargers)
        {
            charger.Join();
        }

        watcher.Join();

        long acceptedTotal = 0;
        foreach (var count in accepted)
        {
            acceptedTotal += count;
        }

        Assert.Equal(1_234_567, acceptedTotal);
        Assert.Equal(12_345.67m, limit.Spent);
        Assert.Equal(acceptedTotal * Amount, limit.Spent);
        Assert.True(highestSeen <= limit.HardLimit, $"seen {highestSeen}");
        var notification = Assert.Single(notifications);
        Assert.Equal(10_000.00m, notification.Spent);
        Assert.Equal(10_000m, notification.SoftLimit);
    }

    [Fact]
    public void Soft_limit_is_reported_once_per_month()
    {
        var clock = ClockAt("2024-05-10T12:00:00Z");
        var limit = new MonthlySpendingLimit(hardLimit: 120m, softLimit: 100m, timeProvider: clock);
        var months = new List<CalendarMonth>();
        limit.SoftLimitReached += (sender, e) =>
        {
            Assert.Same(limit, sender);
            months.Add(e.Month);
        };

        Assert.True(limit.TryCharge(99.99m));
        Assert.Empty(months);
        Assert.True(limit.TryCharge(0.01m));
        Assert.True(limit.TryCharge(5m));
        limit.ChargeIncurred(30m);
        Assert.Equal(new[] { new CalendarMonth(2024, 5) }, months);

        clock.SetUtcNow(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.True(limit.TryCharge(100m));

        Assert.Equal(new[] { new CalendarMonth(2024, 5), new CalendarMonth(2024, 6) }, months);
    }

    [Fact]
    public void A_new_utc_month_starts_at_zero()
    {
        var clock = ClockAt("2024-01-31T23:59:59Z");
        var limit = new MonthlySpendingLimit(hardLimit: 120m, timeProvider: clock);
        Assert.True(limit.TryCharge(120m));
        Assert.False(limit.TryCharge(1m));
        Assert.Equal(new CalendarMonth(2024, 1), limit.Month);

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(new CalendarMonth(2024, 2), limit.Month);
        Assert.Equal(0m, limit.Spent);
        Assert.False(limit.IsExhausted);
        Assert.True(limit.TryCharge(1m));
        Assert.Equal(1m, limit.Spent);
    }

    [Fact]
    public void The_month_is_the_utc_month_whatever_the_local_offset()
    {
        // 00:30 on 1 February in Paris (UTC+1) is still 31 January in UTC.
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 2, 1, 0, 30, 0, TimeSpan.FromHours(1)));
        clock.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC+1", TimeSpan.FromHours(1), "UTC+1", "UTC+1"));

        var limit = new MonthlySpendingLimit(hardLimit: 1m, timeProvider: clock);

        Assert.Equal(new CalendarMonth(2024, 1), limit.Month);
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(new CalendarMonth(2024, 2), limit.Month);
    }

    [Fact]
    public void Incurred_spending_may_pass_the_limit_and_then_every_charge_is_refused()
    {
        var limit = new MonthlySpendingLimit(hardLimit: 1m, timeProvider: ClockAt("2024-05-10T12:00:00Z"));
        Assert.True(limit.TryCharge(0.9m));

        limit.ChargeIncurred(0.25m);

        Assert.Equal(1.15m, limit.Spent);
        Assert.True(limit.IsExhausted);
        Assert.Equal(0m, limit.Remaining);
        Assert.False(limit.TryCharge(0m));
        var error = Assert.Throws<SpendingLimitExceededException>(limit.ThrowIfExhausted);
        Assert.Equal("The monthly spending limit of $1 is reached for 2024-05 ($1.15 spent); nothing more is spent until 2024-06.", error.Message);
        Assert.Equal(1.15m, error.Spent);
        Assert.Equal(1m, error.HardLimit);
        Assert.Equal(new CalendarMonth(2024, 5), error.Month);
    }

    [Fact]
    public void ThrowIfExhausted_passes_below_the_limit()
    {
        var limit = new MonthlySpendingLimit(hardLimit: 1m, timeProvider: ClockAt("2024-05-10T12:00:00Z"));
        Assert.True(limit.TryCharge(0.99m));

        limit.ThrowIfExhausted();

        Assert.True(limit.TryCharge(0.01m));
        Assert.Throws<SpendingLimitExceededException>(limit.ThrowIfExhausted);
    }

    [Fact]
    public void Invalid_limits_and_amounts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonthlySpendingLimit(-1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonthlySpendingLimit(100m, softLimit: 120m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonthlySpendingLimit(100m, softLimit: 0m));
        var limit = new MonthlySpendingLimit(100m);
        Assert.Throws<ArgumentOutOfRangeException>(() => limit.TryCharge(-0.01m));
        Assert.Throws<ArgumentOutOfRangeException>(() => limit.ChargeIncurred(-0.01m));
        Assert.Equal(0m, limit.Spent);
    }

    [Fact]
    public void Huge_amounts_are_refused_without_overflow()
    {
        var limit = new MonthlySpendingLimit(decimal.MaxValue, timeProvider: ClockAt("2024-05-10T12:00:00Z"));
        Assert.True(limit.TryCharge(decimal.MaxValue - 1m));

        Assert.False(limit.TryCharge(decimal.MaxValue));

        Assert.Equal(decimal.MaxValue - 1m, limit.Spent);
    }
}
