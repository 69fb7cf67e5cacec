using System.Globalization;
using System.Text;

namespace PriceGen.Benchmarks;

/// <summary>
/// Deterministic catalogs of any size with every section and rate shape mixed, so benchmarks measure what real
/// catalogs cost: model i gets the section i % 6 and prices derived from i alone.
/// </summary>
public static class SyntheticCatalog
{
    public static string Generate(int models, string provider = "Synthetic")
    {
        var sections = new[] { new StringBuilder(), new StringBuilder(), new StringBuilder(), new StringBuilder(), new StringBuilder(), new StringBuilder() };
        for (var i = 0; i < models; i++)
        {
            var price = ((i % 997) + 1).ToString(CultureInfo.InvariantCulture);
            var id = $"model-{i:D5}";
            var entry = (i % 6) switch
            {
                0 => $"  {id}-chat:\n    input: ${price}.25 / 1M tokens\n    output: ${price}.75 / 1M tokens\n    cached-input: $0.{price} / 1M tokens\n" +
                     (i % 12 == 0 ? $"    tiers:\n      - {{ above: 200K tokens, input: ${price}.5 / 1M tokens, output: ${price}.9 / 1M tokens }}\n" : "    batch: 50%\n") +
                     "    context-window: 128K\n",
                1 => $"  {id}-instruct: {{ usage: $0.{price} / 1K tokens }}\n",
                2 => $"  {id}-ft: {{ training: $0.{price}1 / 1K tokens, usage: $0.{price}2 / 1K tokens }}\n",
                3 => $"  {id}-embed: {{ input: $0.0{price} / 1M tokens }}\n",
                4 => $"  {id}-image:\n    sizes: {{ 1024x1024: $0.{price} / image, hd/1024x1792: $0.{price}5 / image }}\n",
                _ => $"  {id}-audio: {{ input: $0.00{price} / minute, rounding: nearest-second }}\n",
            };
            sections[i % 6].Append(entry);
        }

        var text = new StringBuilder($"pricegen: 1\nprovider: {provider}\ncurrency: USD\neffective: 2026-01-01\n");
        var names = new[] { "chat", "instruct", "fine-tuning", "embedding", "image", "audio" };
        for (var s = 0; s < sections.Length; s++)
        {
            if (sections[s].Length > 0)
            {
                text.Append(names[s]).Append(":\n").Append(sections[s]);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The commonest catalog shape: plain chat models with one usage rate each, <c>chat-00001: { usage: $0.002 / 1K tokens }</c>,
    /// about 44 bytes of YAML a model. What the generated code costs per model is measured on this one.
    /// </summary>
    public static string PlainChat(int models, string provider = "Synthetic")
    {
        var text = new StringBuilder($"pricegen: 1\nprovider: {provider}\ncurrency: USD\neffective: 2026-01-01\nchat:\n");
        for (var i = 0; i < models; i++)
        {
            var price = ((i % 997) + 1).ToString(CultureInfo.InvariantCulture);
            text.Append($"  chat-{i:D5}: {{ usage: $0.{price} / 1K tokens }}\n");
        }

        return text.ToString();
    }

    /// <summary>The id of model <paramref name="i"/>, as <see cref="Generate"/> writes it.</summary>
    public static string IdOf(int i) => $"model-{i:D5}-" + (i % 6) switch { 0 => "chat", 1 => "instruct", 2 => "ft", 3 => "embed", 4 => "image", _ => "audio" };
}
