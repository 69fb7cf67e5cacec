using System;
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
        return 0;
    }

    private static void Worked(TextWriter output, string what, decimal cost) =>
        output.WriteLine($"  {what,-44} {RateText.FormatAmount(cost, OpenAIPrices.Currency)}");
}
