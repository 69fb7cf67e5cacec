using PriceGen.Extensions.AI;

namespace PriceGen.AI.Demo;

/// <summary>Records every call twice: in memory, to print this run's calls, and in the SQLite file, to keep them.</summary>
internal sealed class BothLedgers : ICostLedger
{
    private readonly ICostLedger _first;
    private readonly ICostLedger _second;

    public BothLedgers(ICostLedger first, ICostLedger second)
    {
        _first = first;
        _second = second;
    }

    public void Record(CostRecord record)
    {
        _second.Record(record);
        _first.Record(record);
    }

    public void RecordUnpriced(UnpricedUsage usage)
    {
        _second.RecordUnpriced(usage);
        _first.RecordUnpriced(usage);
    }
}
