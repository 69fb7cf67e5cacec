using System;
using System.Globalization;
using System.IO;
using System.Linq;
using PriceGen.Demo.Pricing;

namespace PriceGen.Demo;

/// <summary>Prints the catalog the way the price page lays it out, then a few worked costs.</summary>
internal static class PriceTable
{
    public static int Run(TextWriter output)
    {
        output.WriteLine($"{OpenAIPrices.Provider} prices in {OpenAIPrices.Currency}, effective {OpenAIPrices.EffectiveDate}");
        output.WriteLine();
        output.WriteLine("Language models (per 1,000 tokens; 1,000 tokens is about 750 words)");
        output.WriteLine($"  {"Kind",-12} {"Model",-36} {"Training",-22} Usage");
        foreach (var model in OpenAIPrices.Models.Where(m => m.Usage is not null))
        {
            var label = model.Name == model.Id ? model.Id : $"{model.Name} ({model.Id})";
            output.WriteLine($"  {model.Kind,-12} {label,-36} {model.Training?.ToString() ?? "",-22} {model.Usage}");
        }

        output.WriteLine();
        output.WriteLine("Image models");
        foreach (var model in OpenAIPrices.Models.Where(m => m.Kind == ModelKind.Image))
        {
            foreach (var size in model.Rates.OfType<ImageRate>())
            {
                output.WriteLine($"  {model.Name,-12} {size.Size,-12} {size}");
            }
        }

        output.WriteLine();
        output.WriteLine("Audio models");
        foreach (var model in OpenAIPrices.Models.Where(m => m.Duration is not null))
        {
            var rounding = model.Duration!.Rounding == DurationRounding.NearestSecond ? " (rounded to the nearest second)" : "";
            output.WriteLine($"  {model.Name,-12} {model.Duration}{rounding}");
        }

        output.WriteLine();
        output.WriteLine("Worked costs");
        Worked(output, "1,500 tokens of gpt-3.5-turbo", OpenAIPrices.Chat.Gpt35Turbo.Usage.Cost(1_500));
        Worked(output, "1M tokens of text-davinci-003", OpenAIPrices.Instruct.Davinci.Usage.Cost(1_000_000));
        Worked(output, "Fine-tune Curie on 100K tokens, 4 epochs", OpenAIPrices.FineTuning.Curie.Training.Cost(100_000, epochs: 4));
        Worked(output, "Then 50K tokens of requests to it", OpenAIPrices.FineTuning.Curie.Usage.Cost(50_000));
        Worked(output, "Embed 2M tokens with Ada", OpenAIPrices.Embedding.Ada.Usage.Cost(2_000_000));
        Worked(output, "3 DALL·E images at 512x512", OpenAIPrices.Image.DallE.Size512x512.Cost(3));
        Worked(output, "Whisper, 90.4 s of audio (billed 90 s)", OpenAIPrices.Audio.Whisper.Usage.Cost(TimeSpan.FromSeconds(90.4)));
        Worked(output, "Whisper, 90.5 s of audio (billed 91 s)", OpenAIPrices.Audio.Whisper.Usage.Cost(TimeSpan.FromSeconds(90.5)));

        output.WriteLine();
        output.WriteLine($"Three years later: {OpenAI2026Prices.Provider} prices effective {OpenAI2026Prices.EffectiveDate} (catalog/openai-2026-03.prices.yaml), next to the 2023 ones");
        Worked(output, "gpt-3.5-turbo, 1,000 in + 500 out, in 2023", OpenAIPrices.Chat.Gpt35Turbo.Model.Cost(1_000, 500));
        Worked(output, "gpt-3.5-turbo, 1,000 in + 500 out, in 2026", OpenAI2026Prices.Chat.Gpt35Turbo.Cost(1_000, 500));
        Worked(output, "gpt-4o, 10,000 in (4,000 cached) + 1,000 out", OpenAI2026Prices.Chat.Gpt4o.Cost(10_000, 1_000, cachedInputTokens: 4_000));
        Worked(output, "The same through the batch API (50% off)", OpenAI2026Prices.Chat.Gpt4o.Cost(10_000, 1_000, cachedInputTokens: 4_000, batch: true));
        Worked(output, "DALL·E 3, 2 HD images at 1024x1792", OpenAI2026Prices.Image.DallE3.SizeHd1024x1792.Cost(2));
        Worked(output, "TTS, 10,000 characters", OpenAI2026Prices.Audio.Tts.Input.Cost(10_000));
        Worked(output, "Monthly quota (soft limit)", OpenAI2026Prices.Quota.SoftLimit);
        Worked(output, "Gemini 2.5 Pro, 150,000 in + 2,000 out", GeminiPrices.Chat.Gemini25Pro.Cost(150_000, 2_000));
        Worked(output, "Gemini 2.5 Pro, 250,000 in + 2,000 out (long-context tier)", GeminiPrices.Chat.Gemini25Pro.Cost(250_000, 2_000));

        // Every billed dimension: Anthropic bills a cache write by how long it is kept.
        var call = new Usage(inputTokens: 8_000, outputTokens: 500, cachedInputTokens: 5_000, cacheWriteTokens: 1_500, cacheWrite1hTokens: 500);
        output.WriteLine();
        output.WriteLine($"Anthropic prices effective {AnthropicPrices.EffectiveDate} (catalog/anthropic-2026-03.prices.yaml), one call of Claude Sonnet 4.5, line by line");
        foreach (var line in AnthropicPrices.Chat.ClaudeSonnet45.Model.Breakdown(call).Lines)
        {
            Worked(output, line.Dimension + ": " + line.Quantity.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " × " + line.Rate, line.Amount);
        }

        Worked(output, "total, as Anthropic bills it", AnthropicPrices.Chat.ClaudeSonnet45.Model.Cost(call));

        // One provider's catalogs of different effective dates combine into a history: the price on a given day.
        output.WriteLine();
        output.WriteLine($"Price history: the catalogs effective {OpenAIPrices.EffectiveDate}, {OpenAIJune2023Prices.EffectiveDate} and {OpenAI2026Prices.EffectiveDate} as one ModelCatalog");
        var history = ModelCatalog.Combine(
            ModelCatalog.From(OpenAIPrices.Models), ModelCatalog.From(OpenAIJune2023Prices.Models), ModelCatalog.From(OpenAI2026Prices.Models));
        foreach (var day in new[] { new DateTimeOffset(2023, 4, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, 7, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero) })
        {
            var model = history.TryGetModel("gpt-3.5-turbo", day, out var found) ? found : throw new InvalidOperationException("gpt-3.5-turbo has no price on " + day);
            Worked(output, $"gpt-3.5-turbo, 1,000 in + 500 out, on {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", model.Cost(1_000, 500));
        }

        return 0;
    }

    private static void Worked(TextWriter output, string what, decimal cost) =>
        output.WriteLine($"  {what,-60} {RateText.FormatAmount(cost, OpenAIPrices.Currency)}");
}
