using System.IO;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using YamlDotNet.Core;

namespace PriceGen.Benchmarks;

/// <summary>
/// 1. The full generator run (parse, validate, emit) on a cold driver against the floor: reading the same text with
/// YamlDotNet's parser alone, which nothing that generates from YAML can avoid.
/// </summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private string _text = string.Empty;
    private Compilation _compilation = null!;
    private Compilations.Text _catalog = null!;

    [Params(10, 100, 1_000, 10_000)]
    public int Models { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = SyntheticCatalog.Generate(Models);
        _catalog = new Compilations.Text("/bench/synthetic.prices.yaml", _text);
        _compilation = Compilations.Create(new[] { Compilations.Tree("class Program { }") });
    }

    [Benchmark(Baseline = true, Description = "YamlDotNet parse (floor)")]
    public int YamlDotNetParse()
    {
        var parser = new Parser(new StringReader(_text));
        var events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }

    [Benchmark(Description = "Generator, cold driver")]
    public int GeneratorColdRun() =>
        Compilations.Driver(_catalog).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;
}
