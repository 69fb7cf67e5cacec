using System;
using System.Collections.Generic;
using Xunit;

namespace PriceGen.Tests.Runtime;

/// <summary>How <see cref="ModelCatalog.TryResolve(string, out ModelMatch)"/> matches ids: exact, alias, listed snapshot, dated snapshot.</summary>
public class ModelResolutionTests
{
    private static readonly ModelPrice Gpt4o = Model("gpt-4o", 2.50m, aliases: new[] { "openai/gpt-4o" }, dated: true);
    private static readonly ModelPrice Gpt4oMay = Model("gpt-4o-2024-05-13", 5m);
    private static readonly ModelPrice Gpt35 = Model("gpt-3.5-turbo", 0.50m, aliases: new[] { "gpt-35-turbo" }, dated: true);
    private static readonly ModelPrice Gemini = Model("gemini-1.5-pro", 3.50m, snapshots: new[] { "gemini-1.5-pro-001", "gemini-1.5-pro-002" });
    private static readonly ModelPrice Undated = Model("gpt-4.1", 2m);

    private static readonly ModelCatalog Catalog = ModelCatalog.From(new[] { Gpt4o, Gpt4oMay, Gpt35, Gemini, Undated });

    private static ModelPrice Model(string id, decimal inputPer1M, string[]? aliases = null, string[]? snapshots = null, bool dated = false, string provider = "OpenAI") =>
        new(id, id, ModelKind.Chat, provider, "USD", new Rate[] { new TokenRate("usage", inputPer1M, 1_000_000, "USD") }, aliases: aliases, snapshots: snapshots, hasDatedSnapshots: dated);

    [Theory]
    [InlineData("gpt-4o", "gpt-4o", ModelMatchKind.Exact)]
    [InlineData("openai/gpt-4o", "gpt-4o", ModelMatchKind.Alias)]
    [InlineData("gpt-35-turbo", "gpt-3.5-turbo", ModelMatchKind.Alias)]
    [InlineData("gemini-1.5-pro-002", "gemini-1.5-pro", ModelMatchKind.Snapshot)]
    [InlineData("gpt-4o-2024-08-06", "gpt-4o", ModelMatchKind.DatedSnapshot)]
    [InlineData("gpt-3.5-turbo-0301", "gpt-3.5-turbo", ModelMatchKind.DatedSnapshot)]
    [InlineData("gpt-3.5-turbo-20240125", "gpt-3.5-turbo", ModelMatchKind.DatedSnapshot)]
    [InlineData("gpt-4o-2024-05-13", "gpt-4o-2024-05-13", ModelMatchKind.Exact)]
    public void Resolves(string id, string expectedModel, ModelMatchKind expectedKind)
    {
        Assert.True(Catalog.TryResolve(id, out var match));

        Assert.Equal(expectedModel, match.Model.Id);
        Assert.Equal(expectedKind, match.Kind);
        Assert.Equal(id, match.Id);
        Assert.True(Catalog.TryGetModel(id, out var model));
        Assert.Same(match.Model, model);
        Assert.Same(match.Model, Catalog.GetModel(id));
    }

    [Theory]
    [InlineData("gpt-4.1-2025-04-14")] // gpt-4.1 has no dated snapshots here
    [InlineData("gemini-1.5-pro-003")] // not listed, and the model's snapshots are not dated
    [InlineData("gpt-4o-2024-13-01")] // not a date
    [InlineData("gpt-4o-1345")]
    [InlineData("gpt-35-turbo-0613")] // dated forms are of the id, not of an alias
    [InlineData("GPT-4o")]
    [InlineData("gpt-4o-mini-2024-07-18")] // a dated form of a model the catalog does not have
    [InlineData("gpt-4-2024-08-06")]
    [InlineData("gpt-4o-")]
    [InlineData("")]
    [InlineData(null)]
    public void Does_not_resolve(string? id)
    {
        Assert.False(Catalog.TryResolve(id, out var match));
        Assert.Equal(default, match);
        Assert.False(Catalog.TryGetModel(id, out var model));
        Assert.Null(model);
    }

    [Fact]
    public void A_snapshot_listed_as_a_model_wins_over_the_dated_rule()
    {
        Assert.True(Catalog.TryResolve("gpt-4o-2024-05-13", out var may));
        Assert.True(Catalog.TryResolve("gpt-4o-2024-08-06", out var august));

        Assert.Same(Gpt4oMay, may.Model);
        Assert.Same(Gpt4o, august.Model);
    }

    [Fact]
    public void Matches_are_values()
    {
        Catalog.TryResolve("gpt-4o-2024-08-06", out var first);
        Catalog.TryResolve("gpt-4o-" + "2024-08-06", out var second);
        Catalog.TryResolve("gpt-4o", out var exact);

        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, exact);
        Assert.True(first != exact);
        Assert.Equal("gpt-4o-2024-08-06 → gpt-4o (DatedSnapshot)", first.ToString());
    }

    [Fact]
    public void A_snapshot_lookup_allocates_nothing()
    {
        // Built at run time, so the ids are not interned literals that the lookup could short-circuit on.
        var dated = string.Concat("gpt-4o-", "2024-08-06");
        var aliased = string.Concat("gpt-35", "-turbo");
        var unknown = string.Concat("gpt-4.1-", "2025-04-14");
        Catalog.TryResolve(dated, out _);
        Catalog.TryResolve(aliased, out _);
        Catalog.TryResolve(unknown, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = 0;
        for (var i = 0; i < 1000; i++)
        {
            found += Catalog.TryResolve(dated, out _) ? 1 : 0;
            found += Catalog.TryResolve(aliased, out _) ? 1 : 0;
            found += Catalog.TryResolve(unknown, out _) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2000, found);
    }

    [Fact]
    public void Two_models_with_the_same_hash_bucket_resolve_each_to_its_own()
    {
        // Many dated models: whatever their hashes, every dated id finds its own base.
        var models = new List<ModelPrice>();
        for (var i = 0; i < 500; i++)
        {
            models.Add(Model("m" + i, 1m, dated: true));
        }

        var catalog = ModelCatalog.From(models);

        for (var i = 0; i < 500; i++)
        {
            Assert.True(catalog.TryResolve("m" + i + "-2025-01-31", out var match));
            Assert.Equal("m" + i, match.Model.Id);
        }
    }

    [Theory]
    [InlineData("gpt-35-turbo", "an alias of OpenAI gpt-3.5-turbo")]
    [InlineData("gemini-1.5-pro-001", "a snapshot of OpenAI gemini-1.5-pro")]
    [InlineData("gpt-4o", "the id of OpenAI gpt-4o")]
    public void An_alias_claimed_by_two_models_is_an_error(string claimed, string firstClaim)
    {
        var other = Model("azure-model", 1m, aliases: new[] { claimed }, provider: "Azure");

        var error = Assert.Throws<ArgumentException>(() => Catalog.With(new[] { other }));

        Assert.StartsWith("The id '" + claimed + "' is claimed by two models: " + firstClaim + " and an alias of Azure azure-model;", error.Message);
    }

    [Fact]
    public void A_model_whose_id_is_another_models_alias_is_an_error()
    {
        var other = Model("gpt-35-turbo", 1m, provider: "Azure");

        var error = Assert.Throws<ArgumentException>(() => Catalog.With(new[] { other }));

        Assert.StartsWith("The id 'gpt-35-turbo' is claimed by two models: an alias of OpenAI gpt-3.5-turbo and the id of Azure gpt-35-turbo;", error.Message);
    }

    [Fact]
    public void Combining_a_catalog_with_itself_keeps_its_aliases()
    {
        var twice = ModelCatalog.Combine(Catalog, Catalog);

        Assert.Equal(Catalog.Models, twice.Models);
        Assert.True(twice.TryResolve("gpt-35-turbo", out var match));
        Assert.Same(Gpt35, match.Model);
    }

    [Fact]
    public void Generated_models_carry_the_catalogs_aliases_and_snapshots()
    {
        var catalog2023 = ModelCatalog.From(PriceGen.Tests.Generated.OpenAIPrices.Models);
        var catalog2026 = ModelCatalog.From(PriceGen.Tests.Generated.OpenAI2026Prices.Models);

        Assert.Equal(new[] { "gpt-35-turbo" }, PriceGen.Tests.Generated.OpenAIPrices.Chat.Gpt35Turbo.Model.Aliases);
        Assert.True(catalog2023.TryResolve("gpt-3.5-turbo-0301", out var dated));
        Assert.Equal((PriceGen.Tests.Generated.OpenAIPrices.Chat.Gpt35Turbo.Model, ModelMatchKind.DatedSnapshot), (dated.Model, dated.Kind));
        Assert.True(catalog2026.TryResolve("gpt-35-turbo", out var azure));
        Assert.Equal((PriceGen.Tests.Generated.OpenAI2026Prices.Chat.Gpt35Turbo.Model, ModelMatchKind.Alias), (azure.Model, azure.Kind));
        Assert.True(catalog2026.TryResolve("gpt-3.5-turbo-0125", out var listed));
        Assert.Equal(ModelMatchKind.Snapshot, listed.Kind);
        Assert.False(catalog2026.TryResolve("gpt-3.5-turbo-0613", out _)); // priced differently: not matched by date
        Assert.True(catalog2026.TryResolve("gpt-4o-2024-08-06", out var august));
        Assert.Equal(2.50m, august.Model.Tokens!.Input.Price);
        Assert.True(catalog2026.TryResolve("gpt-4o-2024-05-13", out var may));
        Assert.Equal((5m, ModelMatchKind.Exact), (may.Model.Tokens!.Input.Price, may.Kind));
    }

    [Fact]
    public void A_model_keeps_its_aliases_and_snapshots()
    {
        Assert.Equal(new[] { "gpt-35-turbo" }, Gpt35.Aliases);
        Assert.Empty(Gpt35.Snapshots);
        Assert.True(Gpt35.HasDatedSnapshots);
        Assert.Equal(new[] { "gemini-1.5-pro-001", "gemini-1.5-pro-002" }, Gemini.Snapshots);
        Assert.False(Gemini.HasDatedSnapshots);
        Assert.Empty(Undated.Aliases);
        Assert.Throws<ArgumentException>(() => Model("x", 1m, aliases: new[] { "" }));
    }
}
