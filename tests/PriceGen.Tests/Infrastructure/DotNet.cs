using System.Diagnostics;
using System.Text;

namespace PriceGen.Tests.Infrastructure;

/// <summary>Runs the dotnet CLI for the tests that need a real build.</summary>
internal static class DotNet
{
    /// <summary>
    /// Rebuilds the project at <paramref name="project"/> alone. Its references (the runtime, the generator) are
    /// already built with this test assembly and are only read: a rebuild of them would delete their outputs while
    /// another build test, run in parallel, compiles against them (CS0006).
    /// </summary>
    public static (int ExitCode, string Text) BuildProjectAlone(string project) =>
        Run(project, "build", "--no-incremental", "--no-dependencies", "-nologo", "-clp:NoSummary", "-p:UseSharedCompilation=false");

    public static (int ExitCode, string Text) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Let the child build on its own, not inside this test host's MSBuild environment.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
