using System;
using System.Linq;
using System.Reflection;
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

    // Ids of every length the hash reads differently: under four characters (one at a time), four to seven (two
    // overlapping reads), eight, up to sixteen (one pass and the last eight) and longer (more passes).
    private static readonly int[] LengthsRead = { 1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 23, 24, 25, 40 };

    public static TheoryData<int> Lengths() => new(LengthsRead);

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Every_character_of_an_id_changes_its_hash(int length)
    {
        var id = Id(length);
        var variants = Enumerable.Range(0, length).Select(position => OneCharacterChanged(id, position)).Prepend(id).ToList();

        Assert.Equal(variants.Count, variants.Select(v => Hash(v, v.Length)).Distinct().Count());
        Assert.Equal(Hash(id, length), Hash(id + "-2024-08-06", length)); // a prefix hashes as the id it equals
    }

    [Fact]
    public void Ids_that_differ_in_one_character_are_told_apart_at_every_length_and_position()
    {
        // Ids sharing everything but one character, whatever the length: the ones a weak hash or an off-by-one compare would confuse.
        var ids = LengthsRead.SelectMany(length => Enumerable.Range(0, length).Select(position => OneCharacterChanged(Id(length), position)).Prepend(Id(length))).ToArray();
        var table = new ModelLookupTable(ids, i => Model(ids[i]), datedSnapshotModels: Enumerable.Range(0, ids.Length).ToArray());

        Assert.All(ids, id =>
        {
            Assert.True(table.TryGet(new string(id.ToCharArray()), out var model) && model.Id == id, id);
            Assert.True(table.TryResolve(id + "-2024-08-06", out var dated) && dated.Model.Id == id && dated.Kind == ModelMatchKind.DatedSnapshot, id + " dated");
        });
        Assert.All(LengthsRead, length =>
        {
            var changedTwice = OneCharacterChanged(OneCharacterChanged(Id(length), 0), length - 1);
            Assert.False(table.TryGet(changedTwice, out _), changedTwice);
            Assert.False(table.TryGet(Id(length).Substring(0, length - 1) + "#", out _), "last character unknown");
            Assert.False(table.TryResolve(Id(length) + "#2024-08-06", out _), "no date separator");
        });
    }

    // The table's private hash of whole ids (a table built without a slice), by reflection: that it reads every
    // character is not visible from outside, only slower when broken (the runtime cannot show its internals to the
    // tests, whose generated code would see its polyfills).
    private static ulong Hash(string text, int length) =>
        (ulong)typeof(ModelLookupTable).GetMethod("HashWhole", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, new object[] { text, length })!;

    private static string Id(int length) => new string(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))).ToArray());

    private static string OneCharacterChanged(string id, int position) =>
        id.Substring(0, position) + (char)(id[position] + 1) + id.Substring(position + 1);

    private static ModelPrice Model(string id) =>
        new(id, id, ModelKind.Chat, "Test", "USD", new Rate[] { new TokenRate("usage", 1m, 1_000_000, "USD") });
}
