using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace PriceGen.Storage.Tests;

/// <summary>A <see cref="ChargeWorker"/> child process and the lines it has written so far.</summary>
internal sealed class ChildCharger : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ManualResetEventSlim _outputClosed = new();

    private ChildCharger(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _outputClosed.Set();
            }
            else
            {
                _lines.Enqueue(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _lines.Enqueue("stderr " + e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public static ChildCharger Start(string kind, string connection, string schema, string account, decimal hard, decimal? soft, int threads, int charges, decimal amount, string idPrefix, DateTimeOffset startAt)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "exec", typeof(ChargeWorker).Assembly.Location, "charge", kind, connection, schema, account,
                     Invariant(hard), soft is { } s ? Invariant(s) : "-", threads.ToString(CultureInfo.InvariantCulture),
                     charges.ToString(CultureInfo.InvariantCulture), Invariant(amount), idPrefix,
                     startAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        return new ChildCharger(Process.Start(start) ?? throw new InvalidOperationException("Could not start the charging child process."));
    }

    public IEnumerable<string> Ids(string verb) => Lines.Where(line => line.StartsWith(verb + " ", StringComparison.Ordinal)).Select(line => line.Substring(verb.Length + 1));

    /// <summary>Waits for the process to end by itself; fails the test if it does not within <paramref name="timeout"/>.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill();
            throw new TimeoutException("The charging child process did not finish within " + timeout + ". Its output:\n" + string.Join("\n", Lines.TakeLast(20)));
        }

        _process.WaitForExit();
        _outputClosed.Wait(TimeSpan.FromSeconds(10));
        return _process.ExitCode;
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the lines written so far.</summary>
    public void WaitUntil(Func<IReadOnlyList<string>, bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition(Lines))
        {
            if (clock.Elapsed > timeout || _process.HasExited)
            {
                throw new TimeoutException("The charging child process did not get there within " + timeout + ". Its output:\n" + string.Join("\n", Lines.TakeLast(20)));
            }

            Thread.Sleep(5);
        }
    }

    /// <summary>Kills the process with SIGKILL (<see cref="Process.Kill()"/> on Unix) and reads what it had written.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
        _outputClosed.Wait(TimeSpan.FromSeconds(10));
    }

    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
        _outputClosed.Dispose();
    }

    private static string Invariant(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}
