using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Npgsql;
using PriceGen.Extensions.AI;
using PriceGen.Storage.PostgreSql;
using PriceGen.Storage.Sqlite;
using Xunit;

namespace PriceGen.Storage.Tests;

/// <summary>The persistent cost ledgers: every field kept, exact costs, one row per response id.</summary>
[Collection(StoreCollection.Name)]
public class CostLedgerTests
{
    private static readonly ModelPrice Turbo = new("gpt-3.5-turbo", "GPT-3.5 Turbo", ModelKind.Chat, "OpenAI", "USD", null, new TokenRate("usage", 0.002m, 1000, "USD"));
    private static readonly DateTimeOffset At = new(2024, 5, 10, 14, 30, 15, 123, TimeSpan.FromHours(2));

    private readonly Stores _stores;

    public CostLedgerTests(Stores stores) => _stores = stores;

    public static TheoryData<string> DatabaseKinds => Stores.DatabaseKinds;

    [Theory]
    [MemberData(nameof(DatabaseKinds))]
    public void Every_field_of_a_record_is_stored_and_the_new_model_id_columns_are_null(string kind)
    {
        var name = NewName();
        var ledger = Open(kind, name);

        ledger.Record(new CostRecord(CallKind.StreamingChat, Turbo, 0.0030000m, 1500, 20, 1024, "chatcmpl-1", At));
        ledger.RecordUnpriced(new UnpricedUsage(CallKind.Embedding, UnpricedReason.UnknownModel, "gpt-9", 12, null, null, "emb-1", At));

        var record = Row(kind, name, "cost_records", "response_id, call, model_id, currency, cost, input_tokens, output_tokens, cached_input_tokens, recorded_at, requested_model_id, response_model_id, match_kind");
        Assert.Equal(new[] { "chatcmpl-1", "StreamingChat", "gpt-3.5-turbo", "USD", "0.0030000", "1500", "20", "1024", "2024-05-10T12:30:15.123Z", null, null, null }, record);
        var unpriced = Row(kind, name, "unpriced_usage", "response_id, call, reason, model_id, input_tokens, output_tokens, cached_input_tokens, recorded_at, requested_model_id, response_model_id");
        Assert.Equal(new[] { "emb-1", "Embedding", "UnknownModel", "gpt-9", "12", null, null, "2024-05-10T12:30:15.123Z", null, null }, unpriced);
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds))]
    public void A_retried_record_is_kept_once_and_records_without_an_id_are_all_kept(string kind)
    {
        var ledger = Open(kind, NewName());
        var record = new CostRecord(CallKind.Chat, Turbo, 0.1m, 50_000, 0, 0, "chatcmpl-1", At);

        for (var i = 0; i < 3; i++)
        {
            ledger.Record(record);
            ledger.RecordUnpriced(new UnpricedUsage(CallKind.Chat, UnpricedReason.MissingUsage, "gpt-3.5-turbo", null, null, null, "chatcmpl-2", At));
        }

        ledger.Record(new CostRecord(CallKind.Chat, Turbo, 0.2m, 100_000, 0, 0, null, At));
        ledger.Record(new CostRecord(CallKind.Chat, Turbo, 0.2m, 100_000, 0, 0, null, At));

        Assert.Equal(3, RecordCount(ledger));
        Assert.Equal(1, UnpricedCount(ledger));
        Assert.Equal(0.5m, Total(ledger, "USD"));
        Assert.Equal(0m, Total(ledger, "EUR"));
    }

    [Theory]
    [MemberData(nameof(DatabaseKinds))]
    public async Task The_cost_tracking_pipeline_writes_to_the_database_and_stops_at_the_durable_limit(string kind)
    {
        var name = NewName();
        var limit = new MonthlySpendingLimit(_stores.Open(kind, name), hardLimit: 0.005m);
        var ledger = Open(kind, name);
        var provider = new CountingChatClient();
        using var client = provider.AsBuilder().UseCostTracking(ModelCatalog.From(new[] { Turbo }), limit, ledger).Build();

        await client.GetResponseAsync("hello");
        await client.GetResponseAsync("hello");
        await Assert.ThrowsAsync<SpendingLimitExceededException>(() => client.GetResponseAsync("hello"));

        // 1,500 tokens at $0.002 / 1K is $0.003 a call: the second call took the total past the limit, the third was not sent.
        Assert.Equal(2, provider.Calls);
        Assert.Equal(0.006m, Total(ledger, "USD"));
        Assert.Equal(2, RecordCount(ledger));

        // A process that starts later sees the month's spending and refuses at once.
        var restarted = new MonthlySpendingLimit(_stores.Open(kind, name), hardLimit: 0.005m);
        Assert.Equal(0.006m, restarted.Spent);
        Assert.Throws<SpendingLimitExceededException>(restarted.ThrowIfExhausted);
    }

    private static string NewName() => "l" + Guid.NewGuid().ToString("N").Substring(0, 12);

    private static long RecordCount(ICostLedger ledger) => ledger is SqliteCostLedger sqlite ? sqlite.RecordCount : ((PostgreSqlCostLedger)ledger).RecordCount;

    private static long UnpricedCount(ICostLedger ledger) => ledger is SqliteCostLedger sqlite ? sqlite.UnpricedCount : ((PostgreSqlCostLedger)ledger).UnpricedCount;

    private static decimal Total(ICostLedger ledger, string currency) => ledger is SqliteCostLedger sqlite ? sqlite.Total(currency) : ((PostgreSqlCostLedger)ledger).Total(currency);

    private ICostLedger Open(string kind, string name) =>
        kind == Stores.Sqlite ? new SqliteCostLedger(_stores.SqlitePath(name)) : new PostgreSqlCostLedger(_stores.PostgresCluster.ConnectionString, name);

    // Every column as text, as the database holds it (timestamps as UTC ISO 8601 with milliseconds).
    private string?[] Row(string kind, string name, string table, string columns)
    {
        if (kind == Stores.Sqlite)
        {
            using var connection = new SqliteConnection("Data Source=" + _stores.SqlitePath(name));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT " + columns + " FROM pricegen_" + table + ";";
            using var rows = command.ExecuteReader();
            Assert.True(rows.Read());
            var values = Enumerable.Range(0, rows.FieldCount).Select(i => rows.IsDBNull(i) ? null : Convert.ToString(rows.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return values.Select(v => v is not null && DateTimeOffset.TryParseExact(v, "O", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t) ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture) : v)
                .ToArray();
        }

        using var pg = new NpgsqlConnection(_stores.PostgresCluster.ConnectionString);
        pg.Open();
        var select = string.Join(", ", columns.Split(", ").Select(c => c == "recorded_at" ? "to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')" : c + "::text"));
        using var query = new NpgsqlCommand("SELECT " + select + " FROM " + name + "." + table + ";", pg);
        using var reader = query.ExecuteReader();
        Assert.True(reader.Read());
        return Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToArray();
    }

    // A provider that answers every call with the same usage and a fresh response id, and counts the calls it got.
    private sealed class CountingChatClient : IChatClient
    {
        private int _calls;

        public int Calls => _calls;

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var call = Interlocked.Increment(ref _calls);
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "hi"))
            {
                ModelId = "gpt-3.5-turbo",
                ResponseId = "chatcmpl-" + call,
                Usage = new UsageDetails { InputTokenCount = 1000, OutputTokenCount = 500 },
            });
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("Not used by these tests.");

        // As real clients do: the model a request without ChatOptions.ModelId goes to, so a limit can price it before sending.
        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("counting", null, "gpt-3.5-turbo") : null;

        public void Dispose()
        {
        }
    }
}
