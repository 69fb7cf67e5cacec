using System;
using System.Linq;
using Xunit;

namespace PriceGen.Tests.Runtime;

/// <summary>The resolver behind every generated lookup and ModelCatalog, on ids of every shape.</summary>
public class ModelLookupTableTests
{
    private static readonly string Long = new string('m', 70) + "-model";

    private static readonly string[] Ids = { "a", "gpt-4o", "text-embedding-3-small", Long, "x-2024", "claude-sonnet-4-5" };

    private static ModelLookupTable Table() =>
        new(Ids, i => new ModelPrice(Ids[i], Ids[i], ModelKind.Chat, "Test", "USD", new Rate[] { new TokenRate("usage", 1m, 1_000_000, "USD") }),
            aliases: new[] { "gpt-4o-latest" }, aliasModels: new[] { 1 },
            snapshots: new[] { "claude-sonnet-4-5-v2" }, snapshotModels: new[] { 5 },
            datedSnapshotModels: new[] { 1, 5 });

    [Fact]
    public void Every_id_is_found_whatever_its_length_and_misses_are_misses()
    {
        var table = Table();
        foreach (var id in Ids)
        {
            Assert.True(table.TryGet(new string(id.ToCharArray()), out var model), id);
            Assert.Equal(id, model!.Id);
        }

        foreach (var miss in new[] { "", "b", "gpt-4", "gpt-4o ", new string('m', 70) + "-modem", new string('m', 200), "x", "x-2024-01-01" })
        {
            Assert.False(table.TryGet(miss, out _), miss);
        }
    }

    [Theory]
    [InlineData("gpt-4o-latest", "gpt-4o", ModelMatchKind.Alias)]
    [InlineData("claude-sonnet-4-5-v2", "claude-sonnet-4-5", ModelMatchKind.Snapshot)]
    [InlineData("gpt-4o-2024-08-06", "gpt-4o", ModelMatchKind.DatedSnapshot)]
    [InlineData("claude-sonnet-4-5-20250929", "claude-sonnet-4-5", ModelMatchKind.DatedSnapshot)]
    public void Other_ids_resolve_to_their_model(string id, string model, ModelMatchKind kind)
    {
        Assert.True(Table().TryResolve(id, out var match));
        Assert.Equal((model, kind, id), (match.Model.Id, match.Kind, match.Id));
    }

    [Fact]
    public void An_id_listed_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() => new ModelLookupTable(new[] { "a", "b" }, _ => null!, aliases: new[] { "a" }, aliasModels: new[] { 1 }));

    [Fact]
    public void Thousands_of_ids_of_few_lengths_are_all_found()
    {
        var ids = Enumerable.Range(0, 5_000).Select(i => $"model-{i:D5}-chat").ToArray();
        var table = new ModelLookupTable(ids, i => new ModelPrice(ids[i], ids[i], ModelKind.Chat, "Test", "USD", new Rate[] { new TokenRate("usage", 1m, 1_000_000, "USD") }));

        Assert.All(ids, id => Assert.True(table.TryGet(id, out var model) && model.Id == id));
        Assert.False(table.TryGet("model-05000-chat", out _));
    }
}
