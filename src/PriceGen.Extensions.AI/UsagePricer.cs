using System;
using System.Linq;
using Microsoft.Extensions.AI;

namespace PriceGen.Extensions.AI;

/// <summary>
/// What the chat and embedding middleware share: turns one usage report into an exact cost from the catalog, records
/// it in the ledger and charges the limit — or reports why it could not price it.
/// </summary>
internal sealed class UsagePricer
{
    private readonly TimeProvider _timeProvider;

    private readonly bool _allowUnpricedModels;

    public UsagePricer(ModelCatalog catalog, ICostLedger? ledger, MonthlySpendingLimit? limit, TimeProvider? timeProvider, bool allowUnpricedModels = false)
    {
        Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _allowUnpricedModels = allowUnpricedModels;
        Ledger = ledger ?? new InMemoryCostLedger();
        Limit = limit;
        _timeProvider = timeProvider ?? TimeProvider.System;

        // A cost in one currency charged to a limit in another would be a wrong number, so refuse the pairing up front
        // rather than on some later response.
        if (limit is not null)
        {
            var foreign = catalog.Currencies.Where(c => !string.Equals(c, limit.Currency, StringComparison.Ordinal)).ToList();
            if (foreign.Count > 0)
            {
                throw new ArgumentException(
                    "The spending limit is in " + limit.Currency + " but the catalog also prices in " + string.Join(", ", foreign) +
                    "; use one limit per currency.",
                    nameof(limit));
            }
        }
    }

    public ModelCatalog Catalog { get; }

    public ICostLedger Ledger { get; }

    public MonthlySpendingLimit? Limit { get; }

    /// <summary>
    /// Before a request is sent: refuses it when the limit's hard limit is reached, or — with a limit, unless unpriced
    /// models are allowed — when the catalog cannot price the requested model, since its cost could not be charged.
    /// </summary>
    /// <exception cref="SpendingLimitExceededException">The limit's hard limit is reached.</exception>
    /// <exception cref="UnpricedModelException">The requested model cannot be priced.</exception>
    public void ThrowIfRefused(string? requestedModelId)
    {
        if (Limit is null)
        {
            return;
        }

        Limit.ThrowIfExhausted();
        if (_allowUnpricedModels)
        {
            return;
        }

        var problem = requestedModelId is null ? UnpricedReason.NoModelId
            : !Catalog.TryResolve(requestedModelId, _timeProvider.GetUtcNow(), out var match) ? UnpricedReason.UnknownModel
            : match.Model.Tokens is null ? UnpricedReason.NotPricedPerToken
            : (UnpricedReason?)null;
        if (problem is { } reason)
        {
            throw new UnpricedModelException(requestedModelId, reason, ProviderNames());
        }
    }

    /// <summary>Prices and records one usage report; <see langword="null"/> when it was reported as unpriced instead.</summary>
    /// <param name="call">The kind of call.</param>
    /// <param name="requestedModelId">The model the request named (options, else the client's default).</param>
    /// <param name="responseModelId">The model the response named.</param>
    /// <param name="tokens">The reported usage.</param>
    /// <param name="responseId">The provider's response id.</param>
    /// <param name="createdAt">When the provider says it created the response; the price in force then applies, else the price of now.</param>
    public CostRecord? Price(CallKind call, string? requestedModelId, string? responseModelId, ReportedTokens tokens, string? responseId, DateTimeOffset? createdAt)
    {
        var (input, output, cached) = (tokens.Input, tokens.Output, tokens.CachedInput);
        UnpricedReason? problem = null;
        var now = _timeProvider.GetUtcNow();
        var (found, match, source) = FindPricedModel(requestedModelId, responseModelId, createdAt ?? now);
        var model = found ? match.Model : null;
        if (!found)
        {
            problem = responseModelId is null && requestedModelId is null ? UnpricedReason.NoModelId : UnpricedReason.UnknownModel;
        }
        else if (model!.Tokens is null)
        {
            problem = UnpricedReason.NotPricedPerToken;
        }
        else if (tokens.Usage is null)
        {
            problem = UnpricedReason.MissingUsage;
        }

        decimal cost = 0m;
        if (problem is null)
        {
            try
            {
                cost = model!.Cost(tokens.Usage!);
            }
            catch (UnpricedDimensionException)
            {
                // Audio, 1-hour cache writes, … that the catalog does not price: a zero would hide what the provider bills.
                problem = UnpricedReason.UnpricedDimension;
            }
            catch (InvalidOperationException)
            {
                // A service tier (priority, flex, batch) the catalog has no prices of for this model: the same.
                problem = UnpricedReason.UnpricedDimension;
            }
            catch (ArgumentOutOfRangeException)
            {
                // Negative counts, or more cached than input tokens: the report cannot be priced as it stands.
                problem = UnpricedReason.InconsistentUsage;
            }
        }

        if (problem is { } reason)
        {
            Ledger.RecordUnpriced(new UnpricedUsage(call, reason, responseModelId ?? requestedModelId, input, output, cached, responseId, now));
            return null;
        }

        var record = new CostRecord(call, model!, cost, input!.Value, output!.Value, cached ?? 0, responseId, now, requestedModelId, responseModelId, match.Kind, source)
        {
            Usage = tokens.Usage,
        };
        Ledger.Record(record);
        Limit?.ChargeIncurred(cost);
        return record;
    }

    /// <summary>
    /// The model the provider billed: the response's id as the catalog resolves it; else, for a response id that is
    /// the requested id plus a date, the requested model; else — only with a limit, which must see the spending —
    /// the requested model, marked as a fallback. A response id that is still unknown is never priced as another model.
    /// Each at the price in force at <paramref name="at"/>.
    /// </summary>
    private (bool Found, ModelMatch Match, PricedModelSource Source) FindPricedModel(string? requestedModelId, string? responseModelId, DateTimeOffset at)
    {
        if (responseModelId is null)
        {
            return Catalog.TryResolve(requestedModelId, at, out var requested) ? (true, requested, PricedModelSource.RequestedModel) : (false, default, default);
        }

        if (Catalog.TryResolve(responseModelId, at, out var responded))
        {
            return (true, responded, PricedModelSource.ResponseModel);
        }

        if (requestedModelId is not null && IsDatedSnapshotOf(responseModelId, requestedModelId) && Catalog.TryResolve(requestedModelId, at, out var snapshotOf))
        {
            return (true, new ModelMatch(snapshotOf.Model, ModelMatchKind.DatedSnapshot, responseModelId), PricedModelSource.DatedSnapshotOfRequest);
        }

        if (Limit is not null && Catalog.TryResolve(requestedModelId, at, out var fallback))
        {
            return (true, fallback, PricedModelSource.RequestedModelFallback);
        }

        return (false, default, default);
    }

    private static bool IsDatedSnapshotOf(string responseModelId, string requestedModelId) =>
        DatedSnapshot.TryGetBaseLength(responseModelId, out var baseLength) && baseLength == requestedModelId.Length &&
        string.CompareOrdinal(responseModelId, 0, requestedModelId, 0, baseLength) == 0;

    private string ProviderNames()
    {
        var providers = Catalog.Models.Select(m => m.Provider).Distinct(StringComparer.Ordinal).ToList();
        return providers.Count == 0 ? "empty" : string.Join(" + ", providers);
    }

    /// <summary>Reports a call whose response carried no usage at all.</summary>
    public void ReportMissingUsage(CallKind call, string? modelId, string? responseId) =>
        Ledger.RecordUnpriced(new UnpricedUsage(call, UnpricedReason.MissingUsage, modelId, null, null, null, responseId, _timeProvider.GetUtcNow()));

    /// <summary>
    /// The services of a cost-tracking middleware, in this order: the middleware itself, then its ledger, limit and
    /// catalog, then what the inner client or generator offers. Asking the inner one last keeps a nested
    /// cost-tracking middleware from answering for this one.
    /// </summary>
    public object? GetService(object middleware, Type serviceType, object? serviceKey, Func<Type, object?, object?> innerGetService)
    {
        if (serviceType is null)
        {
            throw new ArgumentNullException(nameof(serviceType));
        }

        if (serviceKey is null)
        {
            foreach (var service in new object?[] { middleware, Ledger, Limit, Catalog })
            {
                if (service is not null && serviceType.IsInstanceOfType(service))
                {
                    return service;
                }
            }
        }

        return innerGetService(serviceType, serviceKey);
    }
}
