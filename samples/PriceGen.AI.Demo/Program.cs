// PriceGen with Microsoft.Extensions.AI, offline (a fake chat client, no network):
//   dotnet run --project samples/PriceGen.AI.Demo
// 1. count and price a prompt before sending it; 2. the exact cost of every call through the pipeline;
// 3. a monthly spending limit that warns at its soft limit and stops spending at its hard limit.
using System;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PriceGen;
using PriceGen.AI.Demo;
using PriceGen.AI.Demo.Pricing;
using PriceGen.Extensions.AI;
using PriceGen.Tokenizers;

const string Prompt = "Explain in one sentence what a token is, for a price page.";

Console.WriteLine("== Before sending");
var turbo = OpenAIPrices.Chat.Gpt35Turbo.Model;
var counter = TokenCounter.For(turbo);
Console.WriteLine($"prompt: \"{Prompt}\"");
Console.WriteLine($"{turbo.Id} ({counter.Encoding}): {counter.Count(Prompt)} tokens; rough estimates: {TokenEstimate.FromWords(Prompt)} from words, {TokenEstimate.FromCharacters(Prompt)} from characters");
Console.WriteLine($"estimated cost with 200 output tokens: {Money(counter.EstimateCost(Prompt, expectedOutputTokens: 200))}");

Console.WriteLine();
Console.WriteLine("== Tracked calls");
var limit = new MonthlySpendingLimit(hardLimit: 0.0003m, softLimit: 0.0002m);
limit.SoftLimitReached += (_, e) => Console.WriteLine($"  soft limit: {Money(e.Spent)} spent in {e.Month}, of {Money(e.HardLimit)}");
var ledger = new InMemoryCostLedger();
IChatClient client = new OfflineChatClient()
    .AsBuilder()
    .UseCostTracking(ModelCatalog.From(OpenAIPrices.Models), limit, ledger)
    .Build();

var response = await client.GetResponseAsync(Prompt);
Console.WriteLine($"{response.ModelId}: {response.Usage!.InputTokenCount} in + {response.Usage.OutputTokenCount} out = {CostOf(response.AdditionalProperties)}");

var streamed = await client.GetStreamingResponseAsync(Prompt, new ChatOptions { ModelId = "text-curie-001" }).ToChatResponseAsync();
Console.WriteLine($"{streamed.ModelId} (streamed): {streamed.Usage!.InputTokenCount} in + {streamed.Usage.OutputTokenCount} out = {CostOf(streamed.AdditionalProperties)}");

// A model the 2023 catalog does not list cannot be charged to the limit, so the request is refused before it is sent
// (CostTrackingOptions.AllowUnpricedModels would send it and report it as unpriced). PRICE002 flags the id at build time.
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
Console.WriteLine("saved state, to restore after a restart:");
Console.WriteLine(limit.Snapshot().ToJson());
return 0;

static string Money(decimal amount) => RateText.FormatAmount(amount, "USD");

static string CostOf(AdditionalPropertiesDictionary? properties) =>
    CostProperties.TryGetCost(properties, out var cost, out var currency) ? RateText.FormatAmount(cost, currency) : "unpriced";
