using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace PriceGen.Tests.Runtime;

/// <summary>
/// A table that hashes only a slice of each id finds exactly the ids, aliases and dated snapshots it lists, whichever
/// slice it hashes: one that tells the ids apart, one they all share, one from the end, one shorter than a read.
/// </summary>
public class ModelLookupTableSliceTests
{
    private static readonly string[] SharedPrefix = Enumerable.Range(0, 300).Select(i => "azure/openai/deployments/production-eastus-" + i.ToString("D3")).ToArray();

    private static readonly string[] SharedSuffix = Enumerable.Range(0, 300).Select(i => i.ToString("D3") + "-instruct-preview-for-testing-only").ToArray();

    // Unpadded numbers: the slice from the end tells them apart only together with their lengths.
    private static readonly string[] SharedPrefixOfManyLengths = Enumerable.Range(0, 1_200).Select(i => "organization/project/model-" + i).ToArray();

    // Lengths 1 to 70: past 63 characters the length mask cannot rule a length out.
    private static readonly string[] OnlyLengthsDiffer = Enumerable.Range(1, 70).Select(length => new string('a', length)).ToArray();

    // The same characters 2 to 5 everywhere: every id differs from the others only outside that slice.
    private static readonly string[] DifferOutsideTheSlice = { "x-0001-a", "y-0001-a", "x-0001-b", "x-0001-ab", "y-0001-ab", "x-0001" };

    private static readonly string[] Short = { "a", "b", "ab", "ba", "abc", "o1", "o3", "o1-mini", "gpt-4o" };

    public static TheoryData<string, bool, int, int> Cases() => new()
    {
        { nameof(SharedPrefix), true, 0, 4 }, // the characters that differ
        { nameof(SharedPrefix), false, 0, 4 }, // inside the prefix: every id has the same slice
        { nameof(SharedPrefix), true, 2, 8 }, // two reads, from the end
        { nameof(SharedSuffix), false, 0, 4 },
        { nameof(SharedSuffix), false, 1, 5 }, // two overlapping reads
        { nameof(SharedSuffix), true, 0, 8 }, // inside the suffix
        { nameof(SharedPrefixOfManyLengths), true, 0, 4 },
        { nameof(SharedPrefixOfManyLengths), true, 3, 4 },
        { nameof(SharedPrefixOfManyLengths), false, 20, 8 },
        { nameof(OnlyLengthsDiffer), false, 0, 1 },
        { nameof(OnlyLengthsDiffer), true, 0, 1 },
        { nameof(DifferOutsideTheSlice), false, 2, 4 },
        { nameof(DifferOutsideTheSlice), true, 0, 4 },
        { nameof(Short), false, 0, 1 },
        { nameof(Short), true, 0, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_id_is_found_and_every_other_string_misses(string idsName, bool fromEnd, int offset, int length)
    {
        var ids = IdsNamed(idsName);
        var slice = fromEnd ? IdSlice.FromEnd(offset, length) : IdSlice.FromStart(offset, length);

        // Half the ids as models, the other half as aliases of them, every model with dated snapshots.
        var models = ids.Where((_, i) => i % 2 == 0).ToArray();
        var aliases = ids.Where((_, i) => i % 2 == 1).ToArray();
        var table = new ModelLookupTable(models, i => Model(models[i]),
            aliases: aliases, aliasModels: aliases.Select((_, j) => j).ToArray(),
            datedSnapshotModels: Enumerable.Range(0, models.Length).ToArray(), hashed: slice);
        var listed = new HashSet<string>(ids, StringComparer.Ordinal);

        for (var i = 0; i < ids.Length; i++)
        {
            var id = new string(ids[i].ToCharArray());
            var expected = models[i % 2 == 0 ? i / 2 : (i - 1) / 2];
            Assert.True(table.TryGet(id, out var model), id);
            Assert.Equal(expected, model!.Id);
            if (i % 2 == 0)
            {
                Assert.True(table.TryResolve(id + "-2024-08-06", out var dated), id + " dated");
                Assert.Equal((expected, ModelMatchKind.DatedSnapshot), (dated.Model.Id, dated.Kind));
            }
        }

        foreach (var probe in NearMisses(ids).Where(p => !listed.Contains(p)))
        {
            Assert.False(table.TryGet(probe, out _), probe);
            Assert.False(table.TryResolve(probe + "-20240806", out _), probe + " dated");
        }
    }

    [Fact]
    public void A_slice_longer_than_the_shortest_id_is_refused_naming_that_id()
    {
        var error = Assert.Throws<ArgumentException>(() => new ModelLookupTable(new[] { "gpt-4o", "o1" }, i => Model("x"), hashed: IdSlice.FromEnd(0, 4)));

        Assert.Contains("'o1'", error.Message);
        Assert.Contains("IdSlice.FromEnd(0, 4)", error.Message);
    }

    [Fact]
    public void A_long_string_shorter_than_every_id_misses_even_past_the_length_mask()
    {
        // Ids of 70 and 80 characters hashed at characters 66 to 69: strings of 64 to 69 pass the length mask's
        // "64 or longer" but are shorter than the slice needs; the shortest id's length ends them before hashing.
        var ids = new[] { new string('m', 70), new string('m', 80) };
        var table = new ModelLookupTable(ids, i => Model(ids[i]), hashed: IdSlice.FromStart(66, 4));

        Assert.All(Enumerable.Range(64, 6), length => Assert.False(table.TryGet(new string('m', length), out _), length.ToString()));
        Assert.All(ids, id => Assert.True(table.TryGet(new string(id.ToCharArray()), out var model) && model.Id == id));
    }

    [Fact]
    public void An_id_listed_twice_is_refused_whatever_the_slice()
    {
        // The second "model-0002" shares the slice with every id: the duplicate is found by comparing the ids.
        var ids = new[] { "model-0001", "model-0002", "model-0003" };

        var error = Assert.Throws<ArgumentException>(() => new ModelLookupTable(ids, i => Model(ids[i]), aliases: new[] { "model-0002" }, aliasModels: new[] { 0 }, hashed: IdSlice.FromStart(0, 4)));

        Assert.Contains("'model-0002' is listed twice", error.Message);
    }

    [Theory]
    [InlineData(-1, 4)]
    [InlineData(0, 0)]
    [InlineData(0, 9)]
    public void A_slice_is_one_to_eight_characters_at_an_offset_of_zero_or_more(int offset, int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IdSlice.FromStart(offset, length));
        Assert.Throws<ArgumentOutOfRangeException>(() => IdSlice.FromEnd(offset, length));
    }

    /// <summary>Strings a broken table would confuse with an id: one character changed anywhere, one more or one less, a prefix or suffix added.</summary>
    private static IEnumerable<string> NearMisses(string[] ids)
    {
        yield return string.Empty;
        foreach (var id in ids.Where((_, i) => i % 7 == 0 || i == ids.Length - 1))
        {
            for (var position = 0; position < id.Length; position++)
            {
                yield return id.Substring(0, position) + (char)(id[position] + 1) + id.Substring(position + 1);
            }

            yield return id + "x";
            yield return "x" + id;
            yield return id.Substring(0, id.Length - 1);
            yield return id.Substring(1);
        }
    }

    private static string[] IdsNamed(string name) => name switch
    {
        nameof(SharedPrefix) => SharedPrefix,
        nameof(SharedSuffix) => SharedSuffix,
        nameof(SharedPrefixOfManyLengths) => SharedPrefixOfManyLengths,
        nameof(OnlyLengthsDiffer) => OnlyLengthsDiffer,
        nameof(DifferOutsideTheSlice) => DifferOutsideTheSlice,
        nameof(Short) => Short,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static ModelPrice Model(string id) =>
        new(id, id, ModelKind.Chat, "Test", "USD", new Rate[] { new TokenRate("usage", 1m, 1_000_000, "USD") });
}
