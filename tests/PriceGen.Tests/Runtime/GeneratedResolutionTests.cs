using System;
using PriceGen.Tests.Generated;
using Xunit;

namespace PriceGen.Tests.Runtime;

/// <summary>The generated lookups resolve ids as <see cref="ModelCatalog"/> does: one resolver, ModelLookupTable.</summary>
public class GeneratedResolutionTests
{
    [Theory]
    [InlineData("gpt-3.5-turbo", ModelMatchKind.Exact)]
    [InlineData("gpt-35-turbo", ModelMatchKind.Alias)]
    [InlineData("gpt-3.5-turbo-0301", ModelMatchKind.DatedSnapshot)]
    [InlineData("gpt-3.5-turbo-2023-03-01", ModelMatchKind.DatedSnapshot)]
    public void The_2023_catalog_resolves_gpt35_by_every_id_it_answers_to(string id, ModelMatchKind kind)
    {
        Assert.True(OpenAIPrices.TryResolve(id, out var match));
        Assert.Same(OpenAIPrices.Chat.Gpt35Turbo.Model, match.Model);
        Assert.Equal(kind, match.Kind);
        Assert.True(OpenAIPrices.TryGetModel(id, out var model));
        Assert.Same(match.Model, model);
        Assert.Equal(match, ModelCatalog.From(OpenAIPrices.Models).TryResolve(id, out var viaCatalog) ? viaCatalog : default);
    }

    [Theory]
    [InlineData("gpt-3.5-turbo-1301")] // not a date
    [InlineData("text-ada-001-0301")] // a model without dated snapshots
    [InlineData("gpt-35-turbo-0301")] // an alias has no dated snapshots of its own
    [InlineData(null)]
    public void Ids_no_model_answers_to_are_misses(string? id)
    {
        Assert.False(OpenAIPrices.TryResolve(id, out _));
        Assert.False(OpenAIPrices.TryGetModel(id, out _));
    }

    [Fact]
    public void A_snapshot_listed_as_a_model_of_its_own_wins_over_the_dated_rule()
    {
        Assert.True(OpenAI2026Prices.TryResolve("gpt-4o-2024-05-13", out var listed));
        Assert.Equal(ModelMatchKind.Exact, listed.Kind);
        Assert.Equal("gpt-4o-2024-05-13", listed.Model.Id);

        Assert.True(OpenAI2026Prices.TryResolve("gpt-4o-2024-08-06", out var dated));
        Assert.Equal(ModelMatchKind.DatedSnapshot, dated.Kind);
        Assert.Equal("gpt-4o", dated.Model.Id);
    }

    [Fact]
    public void A_dated_lookup_through_the_generated_class_allocates_nothing()
    {
        var id = new string("gpt-3.5-turbo-0301".ToCharArray());
        OpenAIPrices.TryResolve(id, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            OpenAIPrices.TryResolve(id, out _);
            OpenAIPrices.TryGetModel("gpt-35-turbo", out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
