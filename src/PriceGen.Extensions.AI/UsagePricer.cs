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

    public UsagePricer(ModelCatalog catalog, ICostLedger? ledger, MonthlySpendingLimit? limit, TimeProvider? timeProvider)
    {
        Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
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

    /// <exception cref="SpendingLimitExceededException">The limit's hard limit is reached.</exception>
    public void ThrowIfLimitReached() => Limit?.ThrowIfExhausted();

    /// <summary>Prices and records one usage report; <see langword="null"/> when it was reported as unpriced instead.</summary>
    public CostRecord? Price(CallKind call, string? modelId, ReportedTokens tokens, string? responseId)
    {
        var (input, output, cached) = (tokens.Input, tokens.Output, tokens.CachedInput);
        UnpricedReason? problem = null;
        ModelPrice? model = null;
        if (modelId is null)
        {
            problem = UnpricedReason.NoModelId;
        }
        else if (!Catalog.TryGetModel(modelId, out model))
        {
            problem = UnpricedReason.UnknownModel;
        }
        else if (model.Tokens is null)
        {
            problem = UnpricedReason.NotPricedPerToken;
        }
        else if (input is null || output is null)
        {
            problem = UnpricedReason.MissingUsage;
        }

        decimal cost = 0m;
        if (problem is null)
        {
            try
            {
                cost = model!.Cost(input!.Value, output!.Value, cached ?? 0);
            }
            catch (ArgumentOutOfRangeException)
            {
                // Negative counts, or more cached than input tokens: the report cannot be priced as it stands.
                problem = UnpricedReason.InconsistentUsage;
            }
        }

        var now = _timeProvider.GetUtcNow();
        if (problem is { } reason)
        {
            Ledger.RecordUnpriced(new UnpricedUsage(call, reason, modelId, input, output, cached, responseId, now));
            return null;
        }

        var record = new CostRecord(call, model!, cost, input!.Value, output!.Value, cached ?? 0, responseId, now);
        Ledger.Record(record);
        Limit?.ChargeIncurred(cost);
        return record;
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
