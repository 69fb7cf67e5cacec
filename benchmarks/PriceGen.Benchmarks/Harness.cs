using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PriceGen.Analysis;

namespace PriceGen.Benchmarks;

/// <summary>
/// The measurements BenchmarkDotNet is not made for — a 100,000-line compilation, compiling generated code, a fresh
/// process — timed side by side in one run, several times each, reporting medians and ratios.
/// </summary>
internal static class Harness
{
    public static void Run(double scale, TextWriter output, string? only = null)
    {
        var rows = new List<string>();
        if (only is null or "generation")
        {
            GenerationBreakdown(scale, rows);
            PlainChatOutput(scale, rows);
        }

        if (only is null or "analyzers" or "analyzers-clean")
        {
            AnalyzerOverhead(scale, findings: false, rows);
        }

        if (only is null or "analyzers" or "analyzers-findings")
        {
            AnalyzerOverhead(scale, findings: true, rows);
        }

        if (only is null or "compile")
        {
            CompileCost(scale, rows);
        }

        if (only is null or "startup")
        {
            FirstUse(rows);
        }

        output.WriteLine("| Measurement | Median | Compared with | Median | Ratio |");
        output.WriteLine("| --- | ---: | --- | ---: | ---: |");
        foreach (var row in rows)
        {
            output.WriteLine(row);
        }
    }

    /// <summary>1b. Where a cold generator run's time goes, each step against the YamlDotNet floor.</summary>
    private static void GenerationBreakdown(double scale, List<string> rows)
    {
        var models = (int)(10_000 * scale);
        var text = SyntheticCatalog.Generate(models);
        var floor = new List<double>();
        var parse = new List<double>();
        var emit = new List<double>();
        var csharp = new List<double>();
        for (var run = 0; run < 6; run++)
        {
            var floorTime = YamlDotNetFloor(text);
            var watch = Stopwatch.StartNew();
            var catalog = PriceGen.Catalog.CatalogParser.Parse(text).Catalog!;
            var parseTime = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var source = Emit(catalog);
            var emitTime = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            _ = Compilations.Tree(source).GetRoot();
            var csharpTime = watch.Elapsed.TotalMilliseconds;
            if (run > 0)
            {
                floor.Add(floorTime);
                parse.Add(parseTime);
                emit.Add(emitTime);
                csharp.Add(csharpTime);
            }
        }

        rows.Add(Row($"1b. Parse and validate the catalog (PriceGen), {models:N0} models", Median(parse), "YamlDotNet parse alone (floor)", Median(floor)));
        rows.Add(Row($"1b. Emit the C# source, {models:N0} models", Median(emit), "YamlDotNet parse alone (floor)", Median(floor)));
        rows.Add(Row($"1b. The compiler parses the emitted C# (part of every generator run), {models:N0} models", Median(csharp), "YamlDotNet parse alone (floor)", Median(floor)));
    }

    /// <summary>Milliseconds YamlDotNet's parser alone takes to read <paramref name="text"/>: the floor of every generator from YAML.</summary>
    private static double YamlDotNetFloor(string text)
    {
        var watch = Stopwatch.StartNew();
        var yaml = new YamlDotNet.Core.Parser(new StringReader(text));
        while (yaml.MoveNext())
        {
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>The generated source of one catalog, planned as a modern project would plan it.</summary>
    internal static string Emit(PriceGen.Catalog.PriceCatalog catalog) =>
        PriceGen.Generation.PriceEmitter.Emit(PriceGen.Generation.Plan.ApiPlanner.Plan("/bench/s.prices.yaml", catalog, PriceGen.Common.EquatableArray<PriceGen.Catalog.ClassOwner>.Empty,
            new PriceGen.Generation.GenerationOptions("Bench", false), PriceGen.Generation.CompilationFeatures.Modern));

    /// <summary>1c. Plain chat models: bytes of C# per model, and a whole generator run on a fresh driver against the floor.</summary>
    private static void PlainChatOutput(double scale, List<string> rows)
    {
        var models = (int)(10_000 * scale);
        var text = SyntheticCatalog.PlainChat(models);
        var source = Emit(PriceGen.Catalog.CatalogParser.Parse(text).Catalog!);
        var bytes = Encoding.UTF8.GetByteCount(source);
        rows.Add($"| 1c. Generated C# per plain chat model, {models:N0} models ({text.Length / 1024:N0} KiB of YAML → {bytes / 1024:N0} KiB of C#) | {bytes / (double)models:N0} bytes | | | |");

        var catalog = new Compilations.Text("/bench/plain.prices.yaml", text);
        var compilation = Compilations.Create(new[] { Compilations.Tree("class Program { }") });
        var floor = new List<double>();
        var generator = new List<double>();
        var parse = new List<double>();
        var emit = new List<double>();
        for (var run = 0; run < 6; run++)
        {
            var floorTime = YamlDotNetFloor(text);
            var watch = Stopwatch.StartNew();
            _ = Compilations.Driver(catalog).RunGenerators(compilation).GetRunResult().GeneratedTrees.Length;
            var generatorTime = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var parsed = PriceGen.Catalog.CatalogParser.Parse(text).Catalog!;
            var parseTime = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            _ = Emit(parsed);
            var emitTime = watch.Elapsed.TotalMilliseconds;
            if (run > 0)
            {
                floor.Add(floorTime);
                generator.Add(generatorTime);
                parse.Add(parseTime);
                emit.Add(emitTime);
            }
        }

        rows.Add(Row($"1c. Generator on a fresh driver, {models:N0} plain chat models", Median(generator), "YamlDotNet parse alone (floor)", Median(floor)));
        rows.Add(Row("1c. — of which parse and validate (PriceGen)", Median(parse), "YamlDotNet parse alone (floor)", Median(floor)));
        rows.Add(Row("1c. — of which plan and emit", Median(emit), "YamlDotNet parse alone (floor)", Median(floor)));
    }

    /// <summary>3. Analyzer execution time against the compilation's own diagnostics time.</summary>
    /// <summary>
    /// Runs of the analyzer figure; the first <see cref="WarmRunsFrom"/> are dropped. Per run, the pass went 1,610 →
    /// 1,079 → 1,224 → 581 ms and then stayed there: the compiler's and the analyzers' code reaches tier 1 over the
    /// first runs, so a median that kept runs 1 to 3 measured how warm the JIT was, not the analyzers.
    /// </summary>
    private const int Runs = 7, WarmRunsFrom = 4;

    private static void AnalyzerOverhead(double scale, bool findings, List<string> rows)
    {
        var catalog = new Compilations.Text("/bench/synthetic-2000.prices.yaml", SyntheticCatalog.Generate(2_000));
        var files = (int)(1_000 * scale);
        var trees = Enumerable.Range(0, files).Select(i => Compilations.Tree(SyntheticSource(i, findings), $"File{i}.cs")).ToList();
        var lines = trees.Sum(t => t.GetText().Lines.Count);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new HardCodedPriceAnalyzer(), new ModelIdAnalyzer(), new CatalogAnalyzer());
        var options = Compilations.AnalyzerOptions(catalog);

        var compileTimes = new List<double>();
        var analyzerTimes = new List<double>();
        var wallTimes = new List<double>();
        var allocated = new List<double>(); // load-independent, unlike the times: what the pass leaves the GC to collect
        var paused = new List<double>(); // of the pass's time, how much the GC paused it
        var compileCpu = new List<double>(); // the process's CPU time: other processes on a loaded machine do not lengthen it
        var analyzerCpu = new List<double>();
        var perAnalyzer = analyzers.ToDictionary(a => a.GetType().Name, _ => new List<double>());
        var reported = 0;
        for (var run = 0; run < Runs; run++)
        {
            var compilation = Compilations.Create(trees);
            var cpuBefore = ProcessCpu();
            var watch = Stopwatch.StartNew();
            var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            var compileTime = watch.Elapsed.TotalMilliseconds;
            var compileCpuTime = ProcessCpu() - cpuBefore;
            if (errors > 0)
            {
                throw new InvalidOperationException("the synthetic project does not compile: " + compilation.GetDiagnostics().First(d => d.Severity == DiagnosticSeverity.Error));
            }

            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));

            // The last run's compilation is garbage by now: collected here, so that a full collection of it does not
            // land, at random, inside this run's analyzer pass (it moved the figures by 2x from run to run).
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var pausedBefore = GC.GetTotalPauseDuration();
            cpuBefore = ProcessCpu();
            watch.Restart();
            reported = withAnalyzers.GetAnalyzerDiagnosticsAsync().Result.Length;
            var analyzerCpuTime = ProcessCpu() - cpuBefore;
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0);
            paused.Add((GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds);

            // Wall time of the whole analyzer pass: the per-analyzer telemetry leaves out the driver's own binding
            // for operation callbacks, while a syntax-first analyzer pays the binding it asks for itself.
            wallTimes.Add(watch.Elapsed.TotalMilliseconds);
            var times = analyzers.ToDictionary(a => a.GetType().Name, a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, default).Result.ExecutionTime.TotalMilliseconds);
            if (run >= WarmRunsFrom)
            {
                // The first runs pay for JIT and tiering; keep the warm ones.
                compileTimes.Add(compileTime);
                compileCpu.Add(compileCpuTime);
                analyzerCpu.Add(analyzerCpuTime);
                analyzerTimes.Add(times.Values.Sum());
                foreach (var time in times)
                {
                    perAnalyzer[time.Key].Add(time.Value);
                }
            }
        }

        var workload = findings ? "every method hard-codes prices and passes a typo" : "clean code, same shapes";
        rows.Add(Row($"3. PriceGen analyzers, {lines:N0} lines, {workload}, 2,000-model catalog ({reported:N0} diagnostics)", Median(analyzerTimes), "the compilation's own diagnostics", Median(compileTimes)));
        foreach (var analyzer in perAnalyzer)
        {
            rows.Add(Row($"3. of which {analyzer.Key}", Median(analyzer.Value), "the compilation's own diagnostics", Median(compileTimes)));
        }

        rows.Add(Row("3. wall time of the whole analyzer pass (driver and binding included; cold runs dropped)", Median(wallTimes.Skip(WarmRunsFrom).ToList()), "the compilation's own diagnostics", Median(compileTimes)));
        rows.Add(Row("3. CPU time of the whole analyzer pass (the process's, GC included; cold runs dropped)", Median(analyzerCpu), "the compilation's own diagnostics, CPU time", Median(compileCpu)));
        rows.Add(string.Create(CultureInfo.InvariantCulture, $"| 3. allocated by the whole analyzer pass (cold runs dropped) | {Median(allocated.Skip(WarmRunsFrom).ToList()):0.0} MB | | | |"));
        rows.Add(Row("3. of the pass's wall time, paused by the GC (cold runs dropped)", Median(paused.Skip(WarmRunsFrom).ToList()), "the compilation's own diagnostics", Median(compileTimes)));
    }

    /// <summary>The process's CPU time so far, in milliseconds: unlike a stopwatch, not lengthened by other processes on a loaded machine.</summary>
    private static double ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    /// <summary>4a. Compiling the generated source for 10,000 models, against generating it.</summary>
    private static void CompileCost(double scale, List<string> rows)
    {
        var models = (int)(10_000 * scale);
        var catalog = new Compilations.Text("/bench/synthetic.prices.yaml", SyntheticCatalog.Generate(models));
        var empty = Compilations.Create(new[] { Compilations.Tree("class Program { }") });
        var generateTimes = new List<double>();
        var compileTimes = new List<double>();
        long size = 0;
        for (var run = 0; run < 4; run++)
        {
            var watch = Stopwatch.StartNew();
            var generated = Compilations.Driver(catalog).RunGenerators(empty).GetRunResult().GeneratedTrees;
            var generateTime = watch.Elapsed.TotalMilliseconds;

            watch.Restart();
            using var assembly = new MemoryStream();
            var result = Compilations.Create(generated).Emit(assembly);
            var compileTime = watch.Elapsed.TotalMilliseconds;
            if (!result.Success)
            {
                throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Take(5)));
            }

            size = assembly.Length;
            if (run > 0)
            {
                generateTimes.Add(generateTime);
                compileTimes.Add(compileTime);
            }
        }

        rows.Add(Row($"4. Compile (emit) the generated source, {models:N0} models ({size / 1024:N0} KiB assembly)", Median(compileTimes), "generating that source", Median(generateTimes)));
    }

    /// <summary>4b/5c. A fresh process's first lookup and cost: the generated catalog against loading LiteLLM's JSON.</summary>
    private static void FirstUse(List<string> rows)
    {
        var json = FindLiteLlm();
        var generated = new List<double>();
        var loaded = new List<double>();
        var generatedProcess = new List<double>();
        var loadedProcess = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var (inside, total) = Probe("generated");
            generated.Add(inside);
            generatedProcess.Add(total);
            if (json is not null)
            {
                (inside, total) = Probe("json", json);
                loaded.Add(inside);
                loadedProcess.Add(total);
            }
        }

        if (json is null)
        {
            rows.Add(Row("5. Fresh process: first TryGetModel + Cost, generated 10,000-model catalog", Median(generated), "(LiteLLM JSON not found)", double.NaN));
            return;
        }

        rows.Add(Row("4/5. Fresh process: first TryGetModel + Cost, generated 10,000-model catalog", Median(generated), "System.Text.Json load of LiteLLM's 2,668 models + first lookup", Median(loaded)));
        rows.Add(Row("5. Whole process (start to exit) with the generated catalog", Median(generatedProcess), "with the JSON load", Median(loadedProcess)));
    }

    /// <summary>Runs this program with <c>--probe</c> in a new process; returns the probe's own time and the wall time.</summary>
    private static (double Inside, double Total) Probe(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(Harness).Assembly.Location);
        start.ArgumentList.Add("--probe");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return (double.Parse(line, CultureInfo.InvariantCulture), watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>The code a fresh process runs: the first lookup and cost, timed from just before to just after.</summary>
    public static int RunProbe(string[] arguments, TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        decimal cost;
        if (arguments[0] == "generated")
        {
            Catalogs.Synthetic10000Prices.TryGetModel(SyntheticCatalog.IdOf(6_000), out var model);
            cost = model!.Cost(10_000, 1_000, cachedInputTokens: 4_000);
        }
        else
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(arguments[1]));
            var prices = new Dictionary<string, (decimal Input, decimal Output)>(StringComparer.Ordinal);
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.Object &&
                    entry.Value.TryGetProperty("input_cost_per_token", out var input) && input.ValueKind == JsonValueKind.Number &&
                    entry.Value.TryGetProperty("output_cost_per_token", out var outputPrice) && outputPrice.ValueKind == JsonValueKind.Number)
                {
                    prices[entry.Name] = (input.GetDecimal(), outputPrice.GetDecimal());
                }
            }

            var (inputRate, outputRate) = prices["gpt-4o"];
            cost = (10_000 * inputRate) + (1_000 * outputRate);
        }

        var elapsed = watch.Elapsed.TotalMilliseconds;
        GC.KeepAlive(cost);
        output.WriteLine(elapsed.ToString("0.###", CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>
    /// About 100 lines of the shapes the analyzers look at: arithmetic with literals, ids at sinks, switches. With
    /// <paramref name="findings"/>, the literals are catalog prices and every other id is a typo; without, the same
    /// shapes hold other numbers and known ids through constants, as clean code does.
    /// </summary>
    private static string SyntheticSource(int file, bool findings)
    {
        var source = new StringBuilder();
        source.Append("using PriceGen;\nnamespace Bench.App;\n");
        source.Append("public static class Pricing").Append(file).Append("\n{\n");
        source.Append("    public static void Send([ModelId] string model, string prompt) { }\n");
        for (var m = 0; m < 8; m++)
        {
            var id = SyntheticCatalog.IdOf(((file * 8) + m) % 2_000);
            var literal = findings ? "0." + (((file + m) % 997) + 1).ToString(CultureInfo.InvariantCulture) : "1." + (((file + m) % 997) + 1).ToString(CultureInfo.InvariantCulture) + "3";
            var typo = findings ? "\"" + id + "x\"" : "Model" + m.ToString(CultureInfo.InvariantCulture);
            source.Append("    const string Model").Append(m).Append(" = \"").Append(id).Append("\";\n");
            source.Append("    public static decimal Cost").Append(m).Append("(int tokens, string model)\n    {\n");
            source.Append("        var scaled = tokens / 1000m * ").Append(literal).Append(findings ? "m + tokens * 0.5m;\n" : "m + tokens * 0.4321m;\n");
            source.Append("        Send(").Append(findings ? "\"" + id + "\"" : "Model" + m.ToString(CultureInfo.InvariantCulture)).Append(", \"hello\");\n");
            source.Append("        Send(").Append(typo).Append(", \"typo\");\n");
            source.Append("        var rate = model switch\n        {\n");
            // Clean: a number beside the id that is no price of it (100× off every rate), so PRICE005 weighs it and stays silent.
            source.Append("            \"").Append(id).Append(findings ? "\" => 0.25m,\n" : "\" => 71234m,\n");
            source.Append(findings ? "            \"other\" => 1.5m,\n            _ => 0m,\n        };\n" : "            \"other\" => 9.8765m,\n            _ => 0m,\n        };\n");
            source.Append("        return scaled * rate + tokens * ").Append(findings ? "0.000002m" : "0.000003m").Append(";\n    }\n");
        }

        source.Append("}\n");
        return source.ToString();
    }

    private static string? FindLiteLlm()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", "litellm-model-prices.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    private static string Row(string what, double value, string against, double reference) =>
        string.Create(CultureInfo.InvariantCulture, $"| {what} | {value:0.0} ms | {against} | {reference:0.0} ms | {value / reference:0.00}× |");
}
