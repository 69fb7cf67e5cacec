using System;
using Microsoft.Extensions.AI;

namespace PriceGen.Extensions.AI;

/// <summary>Adds cost tracking to Microsoft.Extensions.AI pipelines.</summary>
public static class CostTrackingBuilderExtensions
{
    /// <summary>
    /// Adds a <see cref="CostTrackingChatClient"/>: every response is priced from <paramref name="catalog"/>, recorded
    /// and charged to <paramref name="limit"/>, and requests are refused once the limit is reached.
    /// </summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="catalog">The prices, such as <c>ModelCatalog.From(OpenAIPrices.Models)</c>.</param>
    /// <param name="limit">The spending limit; when <see langword="null"/>, one registered in the services, else none.</param>
    /// <param name="ledger">
    /// The ledger; when <see langword="null"/>, one registered in the services, else a new <see cref="InMemoryCostLedger"/>
    /// (reach it with <c>client.GetService&lt;ICostLedger&gt;()</c>).
    /// </param>
    /// <remarks>A <see cref="TimeProvider"/> registered in the services stamps the ledger entries.</remarks>
    public static ChatClientBuilder UseCostTracking(this ChatClientBuilder builder, ModelCatalog catalog, MonthlySpendingLimit? limit = null, ICostLedger? ledger = null)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (catalog is null)
        {
            throw new ArgumentNullException(nameof(catalog));
        }

        return builder.Use((inner, services) =>
            new CostTrackingChatClient(inner, catalog, ledger ?? Resolve<ICostLedger>(services), limit ?? Resolve<MonthlySpendingLimit>(services), Resolve<TimeProvider>(services)));
    }

    /// <summary>
    /// Adds a <see cref="CostTrackingChatClient"/> configured by <paramref name="options"/>: its limit, ledger and clock
    /// (each, when <see langword="null"/>, taken from the pipeline's services) and whether requests for models the
    /// catalog cannot price may be sent although a limit is configured.
    /// </summary>
    public static ChatClientBuilder UseCostTracking(this ChatClientBuilder builder, ModelCatalog catalog, CostTrackingOptions options)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (catalog is null)
        {
            throw new ArgumentNullException(nameof(catalog));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        return builder.Use((inner, services) => new CostTrackingChatClient(inner, catalog, WithServices(options, services)));
    }

    /// <summary>
    /// Adds a <see cref="CostTrackingEmbeddingGenerator{TInput, TEmbedding}"/> configured by <paramref name="options"/>,
    /// as the chat overload does.
    /// </summary>
    public static EmbeddingGeneratorBuilder<TInput, TEmbedding> UseCostTracking<TInput, TEmbedding>(
        this EmbeddingGeneratorBuilder<TInput, TEmbedding> builder, ModelCatalog catalog, CostTrackingOptions options)
        where TEmbedding : Embedding
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (catalog is null)
        {
            throw new ArgumentNullException(nameof(catalog));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        return builder.Use((inner, services) => new CostTrackingEmbeddingGenerator<TInput, TEmbedding>(inner, catalog, WithServices(options, services)));
    }

    /// <summary>
    /// Adds a <see cref="CostTrackingEmbeddingGenerator{TInput, TEmbedding}"/>; the parameters are those of the chat
    /// overload.
    /// </summary>
    public static EmbeddingGeneratorBuilder<TInput, TEmbedding> UseCostTracking<TInput, TEmbedding>(
        this EmbeddingGeneratorBuilder<TInput, TEmbedding> builder, ModelCatalog catalog, MonthlySpendingLimit? limit = null, ICostLedger? ledger = null)
        where TEmbedding : Embedding
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (catalog is null)
        {
            throw new ArgumentNullException(nameof(catalog));
        }

        return builder.Use((inner, services) =>
            new CostTrackingEmbeddingGenerator<TInput, TEmbedding>(inner, catalog, ledger ?? Resolve<ICostLedger>(services), limit ?? Resolve<MonthlySpendingLimit>(services), Resolve<TimeProvider>(services)));
    }

    // A copy per built pipeline, so building one pipeline never changes the options another was built from.
    private static CostTrackingOptions WithServices(CostTrackingOptions options, IServiceProvider services) => new()
    {
        Limit = options.Limit ?? Resolve<MonthlySpendingLimit>(services),
        Ledger = options.Ledger ?? Resolve<ICostLedger>(services),
        TimeProvider = options.TimeProvider ?? Resolve<TimeProvider>(services),
        AllowUnpricedModels = options.AllowUnpricedModels,
    };

    private static T? Resolve<T>(IServiceProvider services)
        where T : class => services.GetService(typeof(T)) as T;
}
