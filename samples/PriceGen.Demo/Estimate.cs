using System;
using System.Globalization;
using System.IO;
using System.Linq;
using PriceGen.Demo.Pricing;

namespace PriceGen.Demo;

/// <summary><c>estimate MODEL --tokens N | --images N [--size WxH] | --seconds S [--epochs E]</c>: one cost.</summary>
internal static class Estimate
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 3 || args.Length % 2 == 0)
        {
            error.WriteLine("usage: estimate MODEL (--tokens N [--epochs E] | --images N [--size WxH] | --seconds S)");
            return 2;
        }

        if (!OpenAIPrices.TryGetModel(args[0], out var model))
        {
            try
            {
                OpenAIPrices.GetModel(args[0]);
            }
            catch (System.Collections.Generic.KeyNotFoundException notFound)
            {
                error.WriteLine(notFound.Message);
            }

            return 1;
        }

        var options = Enumerable.Range(0, (args.Length - 1) / 2).ToDictionary(i => args[1 + (2 * i)], i => args[2 + (2 * i)]);
        decimal? cost = null;
        if (options.TryGetValue("--tokens", out var tokens))
        {
            var count = long.Parse(tokens, CultureInfo.InvariantCulture);
            cost = options.TryGetValue("--epochs", out var epochs) && model.Training is { } training
                ? training.Cost(count, int.Parse(epochs, CultureInfo.InvariantCulture))
                : model.Usage?.Cost(count);
        }
        else if (options.TryGetValue("--images", out var images))
        {
            var size = options.TryGetValue("--size", out var requested) ? model.FindImageSize(requested) : model.Rates.OfType<ImageRate>().FirstOrDefault();
            cost = size?.Cost(int.Parse(images, CultureInfo.InvariantCulture));
        }
        else if (options.TryGetValue("--seconds", out var seconds))
        {
            cost = model.Duration?.Cost(TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)));
        }

        if (cost is null)
        {
            error.WriteLine($"{model.Id} is a {model.Kind} model and has no price for that quantity.");
            return 1;
        }

        output.WriteLine(RateText.FormatAmount(cost.Value, model.Currency));
        return 0;
    }
}
