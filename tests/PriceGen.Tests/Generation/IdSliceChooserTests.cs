using System.Linq;
using PriceGen.Benchmarks;
using PriceGen.Generation;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Generation;

/// <summary>The characters the generated lookup table hashes: where the ids, with their lengths, differ.</summary>
public class IdSliceChooserTests
{
    [Theory]
    [InlineData(2_000)]
    [InlineData(10_000)]
    public void The_synthetic_ids_are_told_apart_by_their_four_last_digits(int count)
    {
        // model-01234-chat, model-01235-instruct, ...: characters 7 to 10 are the number below 10,000.
        var ids = Enumerable.Range(0, count).Select(SyntheticCatalog.IdOf).ToList();

        Assert.Equal(new ChosenSlice(FromEnd: false, Offset: 7, Length: 4), IdSliceChooser.Choose(ids));
    }

    [Fact]
    public void Ids_sharing_a_long_prefix_are_hashed_from_the_end_with_their_lengths()
    {
        // organization/project/model-7, ...-77, ...-777: the last four characters differ only with the lengths.
        var ids = Enumerable.Range(0, 1_000).Select(i => "organization/project/model-" + i).ToList();

        Assert.Equal(new ChosenSlice(FromEnd: true, Offset: 0, Length: 4), IdSliceChooser.Choose(ids));
    }

    [Fact]
    public void Ids_sharing_a_long_suffix_are_hashed_from_the_start()
    {
        var ids = Enumerable.Range(0, 500).Select(i => "v" + i.ToString("D3") + "-instruct-preview-for-testing-only").ToList();

        Assert.Equal(new ChosenSlice(FromEnd: false, Offset: 0, Length: 4), IdSliceChooser.Choose(ids));
    }

    [Fact]
    public void Ids_that_differ_only_in_length_share_one_character_and_are_told_apart_by_their_lengths()
    {
        var ids = Enumerable.Range(1, 40).Select(length => new string('a', length)).ToList();

        Assert.Equal(new ChosenSlice(FromEnd: false, Offset: 0, Length: 1), IdSliceChooser.Choose(ids));
    }

    [Fact]
    public void Ids_no_four_characters_tell_apart_get_eight()
    {
        // x001-y001 and x001-y002 share x001, x002-y002 and x001-y002 share y002; only eight characters hold both numbers.
        var ids = Enumerable.Range(0, 100).Select(i => $"x{i:D3}-y{i:D3}").Append("x001-y002").ToList();

        var slice = IdSliceChooser.Choose(ids);

        Assert.Equal(8, slice?.Length);
        Assert.Equal(ids.Count, ids.Select(id => SliceOf(id, slice!.Value)).Distinct().Count());
    }

    [Fact]
    public void A_few_ids_sharing_every_slice_still_get_the_best_one()
    {
        // 000-----001 shares its first digits with 000-----000 and its last with 001-----001; no eight characters hold both.
        var ids = Enumerable.Range(0, 100).Select(i => $"{i:D3}-----{i:D3}").Append("000-----001").ToList();

        var slice = IdSliceChooser.Choose(ids);

        Assert.Equal(new ChosenSlice(FromEnd: false, Offset: 0, Length: 4), slice);
        Assert.Equal(ids.Count - 1, ids.Select(id => SliceOf(id, slice!.Value)).Distinct().Count());
    }

    [Fact]
    public void Ids_that_differ_only_more_than_eight_characters_apart_hash_whole()
    {
        // 0---------0 to 9---------9: any eight characters see one of the two digits, so ten ids share each slice.
        var ids = Enumerable.Range(0, 100).Select(i => $"{i / 10}---------{i % 10}").ToList();

        Assert.Null(IdSliceChooser.Choose(ids));
    }

    [Fact]
    public void No_ids_or_an_empty_id_hash_whole()
    {
        Assert.Null(IdSliceChooser.Choose(new string[0]));
        Assert.Null(IdSliceChooser.Choose(new[] { "gpt-4o", string.Empty }));
    }

    [Fact]
    public void The_generated_table_of_the_synthetic_catalog_hashes_the_slice()
    {
        var (result, output) = GeneratorHarness.Run(SyntheticCatalog.Generate(120), "/project/synthetic.prices.yaml");

        Assert.Contains("hashed: global::PriceGen.IdSlice.FromStart(7, 4));", GeneratorHarness.GeneratedText(result, "SyntheticPrices.g.cs"));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    private static string SliceOf(string id, ChosenSlice slice) =>
        id.Length + ":" + id.Substring(slice.FromEnd ? id.Length - slice.Offset - slice.Length : slice.Offset, slice.Length);
}
