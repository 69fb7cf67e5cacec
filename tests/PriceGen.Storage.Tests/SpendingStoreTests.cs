using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace PriceGen.Storage.Tests;

/// <summary>The behaviour every store gives a <see cref="MonthlySpendingLimit"/>: in memory, in SQLite and in PostgreSQL alike.</summary>
[Collection(StoreCollection.Name)]
public class SpendingStoreTests
{
    private readonly Stores _stores;

    public SpendingStoreTests(Stores stores) => _stores = stores;

    public static TheoryData<string> AllKinds => Stores.AllKinds;

    public static TheoryData<string> DatabaseKinds => Stores.DatabaseKinds;

    private static FakeTimeProvider May2024() => new(new DateTimeOffset(2024, 5, 10, 12, 0, 0, TimeSpan.Zero));

    private static string NewName() => "s" + Guid.NewGuid().ToString("N").Substring(0, 12);

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Charges_up_to_the_hard_limit_exactly_and_no_further(string kind)
    {
        var limit = new MonthlySpendingLimit(_stores.Open(kind, NewName()), hardLimit: 1m, timeProvider: May2024());

        // 0.1 has no exact binary floating-point form; ten of them are exactly 1 only in decimal.
        for (var i = 0; i < 10; i++)
        {
            Assert.True(limit.TryCharge(0.1m));
        }

        Assert.False(limit.TryCharge(0.000001m));
        Assert.True(limit.TryCharge(0m));
        Assert.Equal(1.0m, limit.Spent);
        Assert.True(limit.IsExhausted);
        Assert.Throws<SpendingLimitExceededException>(limit.ThrowIfExhausted);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Amounts_keep_every_digit_and_huge_ones_are_refused_without_overflow(string kind)
    {
        var name = NewName();
        var limit = new MonthlySpendingLimit(_stores.Open(kind, name), hardLimit: decimal.MaxValue, timeProvider: May2024());
        Assert.True(limit.TryCharge(0.0000000000000000000000000001m));
        Assert.True(limit.TryCharge(1.2345m));
        Assert.Equal("1.2345000000000000000000000001", limit.Spent.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var huge = new MonthlySpendingLimit(_stores.Open(kind, NewName()), hardLimit: decimal.MaxValue, timeProvider: May2024());
        Assert.True(huge.TryCharge(decimal.MaxValue - 1m));
        Assert.False(huge.TryCharge(decimal.MaxValue));
        Assert.Equal(decimal.MaxValue - 1m, huge.Spent);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void A_retried_charge_id_is_counted_once(string kind)
    {
        var limit = new MonthlySpendingLimit(_stores.Open(kind, NewName()), hardLimit: 1m, timeProvider: May2024());

        Assert.True(limit.TryCharge(0.6m, "resp_1"));
        Assert.True(limit.TryCharge(0.6m, "resp_1"));
        limit.ChargeIncurred(0.6m, "resp_1");
        Assert.Equal(0.6m, limit.Spent);

        // A refused charge is not remembered: its retry is judged again.
        Assert.False(limit.TryCharge(0.5m, "resp_2"));
        Assert.True(limit.TryCharge(0.4m, "resp_2"));
        Assert.Equal(1.0m, limit.Spent);
        limit.ChargeIncurred(0.25m, "resp_3");
        limit.ChargeIncurred(0.25m, "resp_3");
        Assert.Equal(1.25m, limit.Spent);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Incurred_spending_passes_the_limit_then_everything_is_refused(string kind)
    {
        var limit = new MonthlySpendingLimit(_stores.Open(kind, NewName()), hardLimit: 1m, timeProvider: May2024());
        Assert.True(limit.TryCharge(0.9m));

        limit.ChargeIncurred(0.25m);

        Assert.Equal(1.15m, limit.Spent);
        Assert.False(limit.TryCharge(0m));
        var error = Assert.Throws<SpendingLimitExceededException>(limit.ThrowIfExhausted);
        Assert.Equal("The monthly spending limit of $1 is reached for 2024-05 ($1.15 spent); nothing more is spent until 2024-06.", error.Message);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Soft_limit_is_reported_once_per_month_and_a_new_month_starts_at_zero(string kind)
    {
        var clock = May2024();
        var limit = new MonthlySpendingLimit(_stores.Open(kind, NewName()), hardLimit: 120m, softLimit: 100m, timeProvider: clock);
        var reports = new List<(CalendarMonth Month, decimal Spent)>();
        limit.SoftLimitReached += (_, e) => reports.Add((e.Month, e.Spent));

        Assert.True(limit.TryCharge(99.99m));
        Assert.True(limit.TryCharge(0.01m));
        Assert.True(limit.TryCharge(5m));
        limit.ChargeIncurred(30m);
        Assert.False(limit.TryCharge(1m));

        clock.SetUtcNow(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(0m, limit.Spent);
        Assert.True(limit.TryCharge(100m));

        Assert.Equal(new[] { (new CalendarMonth(2024, 5), 100.00m), (new CalendarMonth(2024, 6), 100m) }, reports);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Limits_of_one_account_share_a_total_and_other_accounts_do_not(string kind)
    {
        var store = _stores.Open(kind, NewName());
        var first = new MonthlySpendingLimit(store, hardLimit: 1m, timeProvider: May2024(), account: "team-a");
        var second = new MonthlySpendingLimit(store, hardLimit: 1m, timeProvider: May2024(), account: "team-a");
        var other = new MonthlySpendingLimit(store, hardLimit: 1m, timeProvider: May2024(), account: "team-b");

        Assert.True(first.TryCharge(0.7m));
        Assert.False(second.TryCharge(0.7m));
        Assert.True(other.TryCharge(0.7m));

        Assert.Equal(0.7m, second.Spent);
        Assert.Equal(0.7m, other.Spent);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Another_currency_under_the_same_account_fails_with_a_clear_error(string kind)
    {
        var store = _stores.Open(kind, NewName());
        Assert.True(new MonthlySpendingLimit(store, hardLimit: 1m, currency: "USD", timeProvider: May2024()).TryCharge(0.5m));
        var euros = new MonthlySpendingLimit(store, hardLimit: 1m, currency: "EUR", timeProvider: May2024());

        var error = Assert.Throws<SpendingStoreException>(() => euros.TryCharge(0.1m));
        Assert.Equal("The store keeps the spending of 'default' in USD, not in EUR.", error.Message);
        Assert.Throws<SpendingStoreException>(() => euros.Spent);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Snapshot_and_restore_go_through_the_store(string kind)
    {
        var limit = new MonthlySpendingLimit(_stores.Open(kind, NewName()), hardLimit: 20m, softLimit: 10m, timeProvider: May2024());
        var reported = 0;
        limit.SoftLimitReached += (_, _) => reported++;

        limit.Restore(SpendingSnapshot.FromJson(new SpendingSnapshot(new CalendarMonth(2024, 5), 12.3450m, "USD", softLimitReported: true).ToJson()));
        limit.Restore(new SpendingSnapshot(new CalendarMonth(2024, 4), 19m, "USD", softLimitReported: false));

        Assert.Equal(12.3450m, limit.Snapshot().Spent);
        Assert.True(limit.Snapshot().SoftLimitReported);
        Assert.True(limit.TryCharge(7.6550m));
        Assert.False(limit.TryCharge(0.0001m));
        Assert.Equal(0, reported);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds))]
    public void A_reopened_store_continues_the_month(string kind)
    {
        var name = NewName();
        var before = new MonthlySpendingLimit(_stores.Open(kind, name), hardLimit: 1m, softLimit: 0.5m, timeProvider: May2024());
        var reported = 0;
        before.SoftLimitReached += (_, _) => reported++;
        Assert.True(before.TryCharge(0.75m, "resp_1"));
        Assert.Equal(1, reported);
        (before.Store as IDisposable)?.Dispose();

        // As after a restart: a new store object on the same file or schema.
        var after = new MonthlySpendingLimit(_stores.Open(kind, name), hardLimit: 1m, softLimit: 0.5m, timeProvider: May2024());
        after.SoftLimitReached += (_, _) => reported++;

        Assert.Equal(0.75m, after.Spent);
        Assert.True(after.TryCharge(0.75m, "resp_1"));
        Assert.False(after.TryCharge(0.26m));
        Assert.True(after.TryCharge(0.25m));
        Assert.Equal(1m, after.Spent);
        Assert.Equal(1, reported);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Sixteen_threads_of_one_process_never_pass_the_limit(string kind)
    {
        const int Threads = 16;
        var charges = kind == Stores.Memory ? 2_000 : 40;
        var limit = new MonthlySpendingLimit(_stores.Open(kind, NewName()), hardLimit: Threads * charges * 0.01m * 0.75m, softLimit: 1m, timeProvider: May2024());
        var softReports = 0;
        limit.SoftLimitReached += (_, _) => Interlocked.Increment(ref softReports);
        var accepted = 0;
        var threads = new Thread[Threads];
        for (var t = 0; t < Threads; t++)
        {
            threads[t] = new Thread(() =>
            {
                for (var i = 0; i < charges; i++)
                {
                    if (limit.TryCharge(0.01m))
                    {
                        Interlocked.Increment(ref accepted);
                    }
                }
            });
            threads[t].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.Equal(Threads * charges * 3 / 4, accepted);
        Assert.Equal(accepted * 0.01m, limit.Spent);
        Assert.Equal(1, softReports);
    }
}
