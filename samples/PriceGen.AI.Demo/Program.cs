// PriceGen with Microsoft.Extensions.AI, offline (a fake chat client, no network):
//   dotnet run --project samples/PriceGen.AI.Demo [-- --store PATH]
// 1. count and price a prompt before sending it; 2. the exact cost of every call through the pipeline;
// 3. a monthly spending limit that warns at its soft limit and stops spending at its hard limit, kept in a SQLite
//    file (pricegen-ai-demo.db in the temp directory, or PATH): a second run continues the month of the first.
using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PriceGen;
using PriceGen.AI.Demo;
using PriceGen.AI.Demo.Pricing;
using PriceGen.Extensions.AI;
using PriceGen.Storage.Sqlite;
using PriceGen.Tokenizers;

const string Prompt = "Explain in one sentence what a token is, for a price page.";
var storePath = args.Length == 2 && args[0] == "--store" ? args[1]
    : args.Length == 0 ? Path.Combine(Path.GetTempPath(), "pricegen-ai-demo.db")
    : throw new ArgumentException("usage: PriceGen.AI.Demo [--store PATH]");

Console.WriteLine("== Before sending");
var turbo = OpenAIPrices.Chat.Gpt35Turbo.Model;
var counter = TokenCounter.For(turbo);
Console.WriteLine($"prompt: \"{Prompt}\"");
Console.WriteLine($"{turbo.Id} ({counter.Encoding}): {counter.Count(Prompt)} tokens; rough estimates: {TokenEstimate.FromWords(Prompt)} from words, {TokenEstimate.FromCharacters(Prompt)} from characters");
Console.WriteLine($"estimated cost with 200 output tokens: {Money(counter.EstimateCost(Prompt, expectedOutputTokens: 200))}");

Console.WriteLine();
Console.WriteLine("== Tracked calls");
// The one line that makes the limit durable and shared: its spending lives in a SQLite file, not in this process.
var limit = new MonthlySpendingLimit(new SqliteSpendingStore(storePath), hardLimit: 0.0003m, softLimit: 0.0002m);
limit.SoftLimitReached += (_, e) => Console.WriteLine($"  soft limit: {Money(e.Spent)} spent in {e.Month}, of {Money(e.HardLimit)}");
Console.WriteLine($"spending kept in {storePath}: {Money(limit.Spent)} spent in {limit.Month} before this run");
var ledger = new InMemoryCostLedger();
var durableLedger = new SqliteCostLedger(storePath);
IChatClient client = new OfflineChatClient()
    .AsBuilder()
    .UseCostTracking(ModelCatalog.From(OpenAIPrices.Models), limit, new BothLedgers(ledger, durableLedger))
    .Build();

await Send("gpt-3.5-turbo", async () =>
{
    var response = await client.GetResponseAsync(Prompt);
    Console.WriteLine($"{response.ModelId}: {response.Usage!.InputTokenCount} in + {response.Usage.OutputTokenCount} out = {CostOf(response.AdditionalProperties)}");
});

await Send("text-curie-001 (streamed)", async () =>
{
    var streamed = await client.GetStreamingResponseAsync(Prompt, new ChatOptions { ModelId = "text-curie-001" }).ToChatResponseAsync();
    Console.WriteLine($"{streamed.ModelId} (streamed): {streamed.Usage!.InputTokenCount} in + {streamed.Usage.OutputTokenCount} out = {CostOf(streamed.AdditionalProperties)}");
});

// A model the 2023 catalog does not list cannot be charged to the limit, so the request is refused before it is sent
// (CostTrackingOptions.AllowUnpricedModels would send it and report it as unpriced). PRICE002 flags the id at build time.
await Send("gpt-4o", async () =>
{
    try
    {
#pragma warning disable PRICE002
        await client.GetResponseAsync(Prompt, new ChatOptions { ModelId = "gpt-4o" });
#pragma warning restore PRICE002
    }
    catch (UnpricedModelException refused)
    {
        Console.WriteLine($"{refused.ModelId}: refused before sending ({refused.Reason})");
    }
});

Console.WriteLine();
Console.WriteLine($"== Spending limit: {Money(limit.HardLimit)} a month, warning at {Money(limit.SoftLimit!.Value)}; {Money(limit.Spent)} spent so far");
for (var call = 1; ; call++)
{
    try
    {
        await client.GetResponseAsync(Prompt);
        Console.WriteLine($"call {call}: spent {Money(limit.Spent)} of {Money(limit.HardLimit)}");
    }
    catch (SpendingLimitExceededException refused)
    {
        Console.WriteLine($"call {call}: refused, not sent: {refused.Message}");
        break;
    }
}

Console.WriteLine($"ledger: {ledger.Records.Count} priced calls, {Money(ledger.Total("USD"))}; {ledger.Unpriced.Count} unpriced");
Console.WriteLine($"ledger in {storePath}: {durableLedger.RecordCount} priced calls, {Money(durableLedger.Total("USD"))}; {durableLedger.UnpricedCount} unpriced, over every run");
Console.WriteLine("saved state, to restore after a restart:");
Console.WriteLine(limit.Snapshot().ToJson());
return 0;

// A call refused at the limit is not sent: on a run that starts with the month's limit already reached, every call is.
static async Task Send(string call, Func<Task> send)
{
    try
    {
        await send();
    }
    catch (SpendingLimitExceededException refused)
    {
        Console.WriteLine($"{call}: refused, not sent: {refused.Message}");
    }
}

static string Money(decimal amount) => RateText.FormatAmount(amount, "USD");

static string CostOf(AdditionalPropertiesDictionary? properties) =>
    CostProperties.TryGetCost(properties, out var cost, out var currency) ? RateText.FormatAmount(cost, currency) : "unpriced";
