using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using PriceGen.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace PriceGen.Tests.Schema;

/// <summary>schema/pricegen-1.schema.json agrees with the format: editors validate catalogs with it.</summary>
public class CatalogSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Paths.RepositoryRoot, "schema", "pricegen-1.schema.json")));

    [Fact]
    public void Reference_catalog_is_valid()
    {
        var result = Evaluate(Paths.ReferenceCatalog);

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("catalog/openai-2026-03.prices.yaml")]
    [InlineData("catalog/google-2026-03.prices.yaml")]
    [InlineData("catalog/anthropic-2026-03.prices.yaml")]
    [InlineData("tests/PriceGen.Tests/Runtime/Catalogs/every-dimension.prices.yaml")]
    public void Catalogs_of_every_dimension_are_valid(string path)
    {
        var result = Evaluate(File.ReadAllText(Path.Combine(Paths.RepositoryRoot, path)));

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("    usage: $0.002 / 1K tokens", "    usge: $0.002 / 1K tokens")]
    [InlineData("pricegen: 1", "pricegen: 2")]
    [InlineData("currency: USD", "currency: usd")]
    [InlineData("    usage: $0.002 / 1K tokens", "    usage: $0.002 / 1K images")]
    [InlineData("      512x512: $0.018 / image", "      512X512: $0.018 / image")]
    [InlineData("    rounding: nearest-second", "    rounding: nearest")]
    [InlineData("provider: OpenAI\n", "")]
    public void Broken_catalogs_are_invalid(string from, string to)
    {
        var broken = Paths.ReferenceCatalog.Replace(from, to);
        Assert.NotEqual(Paths.ReferenceCatalog, broken);

        Assert.False(Evaluate(broken).IsValid);
    }

    private static EvaluationResults Evaluate(string yaml) =>
        Schema.Evaluate(JsonSerializer.SerializeToElement(ToJson(yaml)), new EvaluationOptions { OutputFormat = OutputFormat.List });

    /// <summary>YAML to JSON as a YAML editor types it: plain integers become numbers, everything else strings.</summary>
    private static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);

        static JsonNode? Convert(YamlNode node) => node switch
        {
            YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
            YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: var value } when value is null or "" or "~" or "null" => null,
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: var value } when Regex.IsMatch(value!, "^-?[0-9]+$") => JsonValue.Create(long.Parse(value!)),
            YamlScalarNode scalar => JsonValue.Create(scalar.Value),
            _ => null,
        };
    }
}
