using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.ML.Tokenizers;
using PriceGen.Tokenizers;

namespace PriceGen.Benchmarks;

/// <summary>
/// Token counting, PriceGen.Tokenizers against Microsoft.ML.Tokenizers' own <c>CountTokens</c> (what
/// <c>TokenCounter</c> called before), on tiktoken's catastrophically repetitive inputs, long unsplit runs and prose.
/// Medians of 5 runs (CPU and wall time); Microsoft.ML.Tokenizers gets 3 runs and is abandoned past a time limit, since its merge is
/// quadratic in a piece's length. Run with <c>--tokenizers [encoding] [limit-seconds]</c>.
/// </summary>
internal static class TokenCountingHarness
{
    public static void Run(TextWriter output, string encoding = TokenEncodings.O200kBase, double limitSeconds = 30)
    {
        var watch = Stopwatch.StartNew();
        var counter = TokenCounter.For("benchmark", encoding);
        counter.Count("warm up");
        var loadOurs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var reference = TiktokenTokenizer.CreateForEncoding(encoding);
        reference.CountTokens("warm up");
        var loadReference = watch.Elapsed.TotalMilliseconds;

        output.WriteLine($"Encoding {encoding}; loading: PriceGen {loadOurs:F0} ms (includes a Microsoft.ML.Tokenizers instance for its pre-tokenizer), Microsoft.ML.Tokenizers {loadReference:F0} ms.");
        output.WriteLine();
        output.WriteLine("| Input | Tokens | PriceGen CPU | PriceGen wall | Microsoft.ML.Tokenizers CPU | Microsoft.ML.Tokenizers wall | CPU ratio | PriceGen allocated (last run) |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");

        // "x" × 1,000,000 last: Microsoft.ML.Tokenizers does not finish it, and its abandoned thread would keep a core busy.
        foreach (var (name, text) in Inputs().Concat(new[] { ("`\"x\"` × 1,000,000", new string('x', 1_000_000)) }))
        {
            if (name.StartsWith("`\"x\"` × 1,000,000", StringComparison.Ordinal))
            {
                // 100 MB (50 million UTF-16 chars) of prose, PriceGen only; what it allocates shows what it holds.
                var big = Prose(50_000_000);
                var (bigCpu, bigWall) = Time(() => counter.Count(big), runs: 1, out var bigTokens, out var bigAllocated);
                output.WriteLine($"| 100 MB string (50M chars) of prose | {bigTokens:N0} | {Milliseconds(bigCpu)} | {Milliseconds(bigWall)} | not run | not run | — | {bigAllocated:N0} B |");
            }

            var (ours, oursWall) = Time(() => counter.Count(text), runs: 5, out var tokens, out var allocated);
            var (theirs, theirsWall) = TimeWithLimit(() => reference.CountTokens(text), runs: 3, limitSeconds, out var referenceTokens);
            if (!double.IsNaN(theirs) && referenceTokens != tokens)
            {
                throw new InvalidOperationException($"{name}: PriceGen counts {tokens}, Microsoft.ML.Tokenizers {referenceTokens}.");
            }

            var unfinished = $"did not finish in {limitSeconds:F0} s";
            var ratio = double.IsNaN(theirs) ? "—" : (theirs / ours).ToString("F1", CultureInfo.InvariantCulture) + "×";
            output.WriteLine($"| {name} | {tokens:N0} | {Milliseconds(ours)} | {Milliseconds(oursWall)} | " +
                $"{(double.IsNaN(theirs) ? "—" : Milliseconds(theirs))} | {(double.IsNaN(theirs) ? unfinished : Milliseconds(theirsWall))} | {ratio} | {allocated:N0} B |");
        }
    }

    private static IEnumerable<(string Name, string Text)> Inputs()
    {
        // tiktoken's test_catastrophically_repetitive: each unit × 10,000, then with a leading space, then also a trailing newline.
        foreach (var unit in new[] { "^", "0", "a", "'s", " ", "\n" })
        {
            var text = string.Concat(Enumerable.Repeat(unit, 10_000));
            var shown = unit.Replace("\n", "\\n");
            yield return ($"`\"{shown}\"` × 10,000", text);
            yield return ($"`\" \" + \"{shown}\"` × 10,000", " " + text);
            yield return ($"`\" \" + \"{shown}\"` × 10,000 + `\"\\n\"`", " " + text + "\n");
        }

        yield return ("`\"x\"` × 10,000", new string('x', 10_000));
        yield return ("`\"x\"` × 80,000", new string('x', 80_000));
        var random = new Random(15);
        yield return ("100 KB of unspaced random letters", new string(Enumerable.Range(0, 100_000).Select(_ => (char)('a' + random.Next(26))).ToArray()));
        yield return ("1 MB of prose (words, numbers, code, some non-Latin text)", Prose(1_000_000));
    }

    /// <summary>Deterministic prose: English words with punctuation and numbers, a line of code and a line of other scripts now and then.</summary>
    internal static string Prose(int chars)
    {
        var words = ("the of and to in is that for it as was with be by on not he this are or his from at which but have an they you " +
            "price token model cost catalog request response limit month budget estimate count chat message system user assistant " +
            "generator analyzer compile runtime decimal exact invariant culture provider usage cached input output batch tier").Split(' ');
        var random = new Random(2026);
        var builder = new StringBuilder(chars + 200);
        while (builder.Length < chars)
        {
            var sentence = random.Next(6, 18);
            for (var i = 0; i < sentence; i++)
            {
                var word = words[random.Next(words.Length)];
                builder.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word.Substring(1) : word);
                builder.Append(random.Next(12) == 0 ? ", " : " ");
            }

            builder.Append(random.Next(5) == 0 ? random.Next(100_000).ToString(CultureInfo.InvariantCulture) + ". " : "the end. ");
            switch (random.Next(20))
            {
                case 0:
                    builder.Append("\n    var cost = counter.EstimateCost(prompt, expectedOutputTokens: 200); // $0.0004\n");
                    break;
                case 1:
                    builder.Append("\nお誕生日おめでとう — Привет, мир! 👍\n\n");
                    break;
            }
        }

        return builder.ToString(0, chars);
    }

    // Process CPU time as well as wall time: on a shared machine the wall clock also counts the time other processes had the cores.
    private static (double Cpu, double Wall) Time(Func<long> count, int runs, out long tokens, out long allocated)
    {
        var cpu = new List<double>();
        var wall = new List<double>();
        tokens = 0;
        allocated = 0;
        for (var run = 0; run < runs; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            tokens = count();
            wall.Add(watch.Elapsed.TotalMilliseconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        return (Median(cpu), Median(wall));
    }

    // Runs on a background thread that is left behind (it cannot be stopped) when it passes the limit.
    private static (double Cpu, double Wall) TimeWithLimit(Func<int> count, int runs, double limitSeconds, out long tokens)
    {
        var cpu = new List<double>();
        var wall = new List<double>();
        long result = 0;
        for (var run = 0; run < runs; run++)
        {
            var elapsed = 0.0;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var thread = new Thread(() =>
            {
                var watch = Stopwatch.StartNew();
                Interlocked.Exchange(ref result, count());
                elapsed = watch.Elapsed.TotalMilliseconds;
            }) { IsBackground = true };
            thread.Start();
            if (!thread.Join(TimeSpan.FromSeconds(limitSeconds)))
            {
                tokens = 0;
                return (double.NaN, double.NaN);
            }

            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            wall.Add(elapsed);
        }

        tokens = result;
        return (Median(cpu), Median(wall));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(value => value).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Milliseconds(double value) =>
        value < 10 ? value.ToString("F2", CultureInfo.InvariantCulture) + " ms" : value.ToString("N0", CultureInfo.InvariantCulture) + " ms";
}
