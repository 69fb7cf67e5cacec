using System;
using System.Collections.Generic;

namespace PriceGen.Extensions.AI;

/// <summary>A thread-safe ledger that keeps every record in memory, for tests, demos and short-lived processes.</summary>
public sealed class InMemoryCostLedger : ICostLedger
{
    private readonly object _gate = new();
    private readonly List<CostRecord> _records = new();
    private readonly List<UnpricedUsage> _unpriced = new();

    /// <summary>A copy of the priced calls, in the order they were recorded.</summary>
    public IReadOnlyList<CostRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return _records.ToArray();
            }
        }
    }

    /// <summary>A copy of the unpriced calls, in the order they were reported.</summary>
    public IReadOnlyList<UnpricedUsage> Unpriced
    {
        get
        {
            lock (_gate)
            {
                return _unpriced.ToArray();
            }
        }
    }

    /// <summary>The exact sum of the recorded costs in <paramref name="currency"/>.</summary>
    public decimal Total(string currency)
    {
        var total = 0m;
        lock (_gate)
        {
            foreach (var record in _records)
            {
                if (string.Equals(record.Currency, currency, StringComparison.Ordinal))
                {
                    total += record.Cost;
                }
            }
        }

        return total;
    }

    /// <inheritdoc/>
    public void Record(CostRecord record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        lock (_gate)
        {
            _records.Add(record);
        }
    }

    /// <inheritdoc/>
    public void RecordUnpriced(UnpricedUsage usage)
    {
        if (usage is null)
        {
            throw new ArgumentNullException(nameof(usage));
        }

        lock (_gate)
        {
            _unpriced.Add(usage);
        }
    }
}
