using System;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PriceGen.Benchmarks;

if (args.Length > 0 && args[0] == "--probe")
{
    return Harness.RunProbe(args.Skip(1).ToArray(), Console.Out);
}

if (args.Length > 0 && args[0] == "--harness")
{
    Harness.Run(
        scale: args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1.0,
        Console.Out,
        only: args.Length > 2 ? args[2] : null);
    return 0;
}

if (args.Length > 0 && args[0] == "--tokenizers")
{
    TokenCountingHarness.Run(Console.Out,
        encoding: args.Length > 1 ? args[1] : PriceGen.Tokenizers.TokenEncodings.O200kBase,
        limitSeconds: args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 30);
    return 0;
}

if (args.Length > 0 && args[0] == "--quick")
{
    // Smoke mode for CI: every benchmark once, in process, and the harness at a tenth of the size. No timing is asserted.
    var quick = ManualConfig.CreateEmpty()
        .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
    BenchmarkRunner.Run(new[] { typeof(GenerationBenchmarks), typeof(IncrementalBenchmarks), typeof(LookupBenchmarks<Synthetic2000>), typeof(LookupBenchmarks<Synthetic10000>), typeof(CostBenchmarks), typeof(TokenCountingBenchmarks) }, quick);
    Harness.Run(scale: 0.1, Console.Out);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(GenerationBenchmarks).Assembly).Run(args);
return 0;
