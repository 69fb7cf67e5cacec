using System;
using System.Collections.Generic;
using System.Linq;
using PriceGen.Tests.Generated;
using Xunit;

namespace PriceGen.Tests.Runtime;

public class ModelCatalogTests
{
    private static ModelPrice Model(string id, string provider, decimal pricePer1K, string currency = "USD") =>
        new(id, id, ModelKind.Chat, provider, currency, null, new TokenRate("usage", pricePer1K, 1000, currency));

    [Fact]
    public void Finds_the_generated_models_by_id()
    {
        var catalog = ModelCatalog.From(OpenAIPrices.Models);

        Assert.True(catalog.TryGetModel("gpt-3.5-turbo", out var chat));
        Assert.Same(OpenAIPrices.Chat.Gpt35Turbo.Model, chat);
        Assert.Same(OpenAIPrices.Audio.Whisper.Model, catalog.GetModel("whisper-1"));
        Assert.Equal(OpenAIPrices.Models.Select(m => m.Id), catalog.Models.Select(m => m.Id));
        Assert.Equal(new[] { "USD" }, catalog.Currencies);
    }

    [Fact]
    public void Ids_are_ordinal_and_unknown_ids_are_not_found()
    {
        var catalog = ModelCatalog.From(OpenAIPrices.Models);

        Assert.False(catalog.TryGetModel("GPT-3.5-turbo", out _));
        Assert.False(catalog.TryGetModel("gpt-3.5-turbo-1345", out _));
        Assert.False(catalog.TryGetModel(null, out _));
        var error = Assert.Throws<KeyNotFoundException>(() => catalog.GetModel("gpt-3.5-turob"));
        Assert.Equal("'gpt-3.5-turob' is not a model in the OpenAI price catalog; did you mean 'gpt-3.5-turbo'?", error.Message);
    }

    [Fact]
    public void Catalogs_combine()
    {
        var other = new[] { Model("claude-3-haiku", "Anthropic", 0.00025m, "USD") };

        var combined = ModelCatalog.From(OpenAIPrices.Models).With(other);

        Assert.Same(OpenAIPrices.Chat.Gpt35Turbo.Model, combined.GetModel("gpt-3.5-turbo"));
        Assert.Same(other[0], combined.GetModel("claude-3-haiku"));
        Assert.Equal(OpenAIPrices.Models.Count + 1, combined.Models.Count);
        Assert.StartsWith("'nope' is not a model in the OpenAI + Anthropic price catalog; the closest known id is '", Assert.Throws<KeyNotFoundException>(() => combined.GetModel("nope")).Message);
    }

    [Fact]
    public void Combining_a_catalog_with_itself_keeps_one_entry_per_model()
    {
        var catalog = ModelCatalog.From(OpenAIPrices.Models);

        var twice = ModelCatalog.Combine(catalog, catalog);

        Assert.Equal(catalog.Models, twice.Models);
    }

    [Fact]
    public void An_id_priced_two_ways_is_an_error()
    {
        var cheaper = new[] { Model("gpt-3.5-turbo", "Reseller", 0.001m) };

        var error = Assert.Throws<ArgumentException>(() => ModelCatalog.From(OpenAIPrices.Models).With(cheaper));

        Assert.StartsWith("The model id 'gpt-3.5-turbo' is listed by two catalogs (OpenAI and Reseller)", error.Message);
    }

    [Fact]
    public void Empty_catalog_knows_nothing()
    {
        Assert.Empty(ModelCatalog.Empty.Models);
        Assert.False(ModelCatalog.Empty.TryGetModel("gpt-3.5-turbo", out _));
    }
}
