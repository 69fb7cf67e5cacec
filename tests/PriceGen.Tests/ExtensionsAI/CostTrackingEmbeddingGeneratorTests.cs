using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PriceGen.Extensions.AI;
using PriceGen.Tests.Generated;
using Xunit;

namespace PriceGen.Tests.ExtensionsAI;

public class CostTrackingEmbeddingGeneratorTests
{
    private static readonly ModelCatalog Seed = ModelCatalog.From(OpenAIPrices.Models);

    private static IEmbeddingGenerator<string, Embedding<float>> Pipeline(FakeEmbeddingGenerator inner, MonthlySpendingLimit? limit, ICostLedger ledger) =>
        new EmbeddingGeneratorBuilder<string, Embedding<float>>(inner).UseCostTracking(Seed, limit, ledger).Build();

    [Fact]
    public async Task Prices_embeddings_by_input_tokens()
    {
        var inner = new FakeEmbeddingGenerator { ModelIdOnEmbeddings = "text-embedding-ada-002", Usage = new UsageDetails { InputTokenCount = 2500, TotalTokenCount = 2500 } };
        var ledger = new InMemoryCostLedger();
        var generator = Pipeline(inner, null, ledger);

        var embeddings = await generator.GenerateAsync(new[] { "a", "b" });

        // 2,500 tokens at $0.0004 / 1K tokens.
        Assert.Equal(0.001m, embeddings.AdditionalProperties![CostProperties.Cost]);
        var record = Assert.Single(ledger.Records);
        Assert.Equal((CallKind.Embedding, "text-embedding-ada-002", 2500L, 0L), (record.Call, record.ModelId, record.InputTokens, record.OutputTokens));
    }

    [Fact]
    public async Task A_total_alone_is_the_input_and_the_options_name_the_model()
    {
        var inner = new FakeEmbeddingGenerator { Usage = new UsageDetails { TotalTokenCount = 1000 } };
        var ledger = new InMemoryCostLedger();
        var generator = Pipeline(inner, null, ledger);

        await generator.GenerateAsync(new[] { "a" }, new EmbeddingGenerationOptions { ModelId = "text-embedding-ada-002" });

        Assert.Equal(0.0004m, Assert.Single(ledger.Records).Cost);
    }

    [Fact]
    public async Task The_generator_default_model_is_the_last_resort()
    {
        var inner = new FakeEmbeddingGenerator
        {
            Usage = new UsageDetails { InputTokenCount = 1000 },
            Metadata = new EmbeddingGeneratorMetadata("fake", null, "text-embedding-ada-002"),
        };
        var ledger = new InMemoryCostLedger();

        await Pipeline(inner, null, ledger).GenerateAsync(new[] { "a" });

        Assert.Equal("text-embedding-ada-002", Assert.Single(ledger.Records).ModelId);
    }

    [Fact]
    public async Task Unknown_model_and_missing_usage_are_reported()
    {
        var ledger = new InMemoryCostLedger();
        var unknown = new FakeEmbeddingGenerator { ModelIdOnEmbeddings = "text-embedding-3-small", Usage = new UsageDetails { InputTokenCount = 10 } };
        var noUsage = new FakeEmbeddingGenerator { ModelIdOnEmbeddings = "text-embedding-ada-002" };

        var priced = await Pipeline(unknown, null, ledger).GenerateAsync(new[] { "a" });
        await Pipeline(noUsage, null, ledger).GenerateAsync(new[] { "a" });

        Assert.Null(priced.AdditionalProperties);
        Assert.Empty(ledger.Records);
        Assert.Equal(new[] { UnpricedReason.UnknownModel, UnpricedReason.MissingUsage }, ledger.Unpriced.Select(u => u.Reason));
    }

    [Fact]
    public async Task Calls_are_refused_once_the_hard_limit_is_reached()
    {
        var inner = new FakeEmbeddingGenerator
        {
            ModelIdOnEmbeddings = "text-embedding-ada-002",
            Usage = new UsageDetails { InputTokenCount = 1000 },
            Metadata = new EmbeddingGeneratorMetadata("fake", null, "text-embedding-ada-002"),
        };
        var limit = new MonthlySpendingLimit(hardLimit: 0.0004m);
        var ledger = new InMemoryCostLedger();
        var generator = Pipeline(inner, limit, ledger);

        await generator.GenerateAsync(new[] { "a" });
        await Assert.ThrowsAsync<SpendingLimitExceededException>(() => generator.GenerateAsync(new[] { "b" }));

        Assert.Equal(1, inner.Requests);
        Assert.Equal(0.0004m, limit.Spent);
        Assert.Same(ledger, generator.GetService<ICostLedger>());
    }
}
