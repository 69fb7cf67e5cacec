using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace PriceGen.Benchmarks;

/// <summary>
/// 2. The same driver, warm, at 10,000 models: after an unrelated C# edit (nothing may re-run) and after a one-line
/// catalog edit (only that catalog re-runs), against a cold run.
/// </summary>
[MemoryDiagnoser]
public class IncrementalBenchmarks
{
    private GeneratorDriver _warm = null!;
    private Compilation _compilation = null!;
    private Compilation _edited = null!;
    private Compilations.Text _catalog = null!;
    private Compilations.Text _editedCatalog = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = SyntheticCatalog.Generate(10_000);
        _catalog = new Compilations.Text("/bench/synthetic.prices.yaml", text);
        _editedCatalog = new Compilations.Text(_catalog.Path, text.Replace("  model-00001-instruct: { usage: $0.2 / 1K tokens }", "  model-00001-instruct: { usage: $0.3 / 1K tokens }"));
        _compilation = Compilations.Create(new[] { Compilations.Tree("class Program { }") });
        _edited = _compilation.AddSyntaxTrees(Compilations.Tree("class Unrelated { int x = 1; }", "Unrelated.cs"));
        _warm = Compilations.Driver(_catalog).RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true, Description = "Cold run, 10,000 models")]
    public GeneratorDriver ColdRun() => Compilations.Driver(_catalog).RunGenerators(_compilation);

    [Benchmark(Description = "Unrelated C# edit")]
    public GeneratorDriver UnrelatedEdit() => _warm.RunGenerators(_edited);

    [Benchmark(Description = "One-line catalog edit")]
    public GeneratorDriver CatalogEdit() => _warm.ReplaceAdditionalText(_catalog, _editedCatalog).RunGenerators(_compilation);
}
