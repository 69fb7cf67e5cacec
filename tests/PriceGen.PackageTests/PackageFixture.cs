using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;

namespace PriceGen.PackageTests;

/// <summary>
/// Packs PriceGen once into a private feed, and makes a console project that installed it with
/// <c>dotnet add package PriceGen --version …</c>. Everything lives in a temporary folder with its own NuGet
/// packages folder, so no stale copy of the package from an earlier run can be used.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        RepositoryRoot = FindRoot();
        Root = Directory.CreateTempSubdirectory("pricegen-e2e-").FullName;
        Feed = Path.Combine(Root, "feed");
        Version = XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Build.props")).Descendants("Version").First().Value;

        // The repository builds with the machine's own packages folder; only the consumers get a private one.
        Check(Run(RepositoryRoot, isolatedPackages: false, "pack", "src/PriceGen", "-c", "Release", "-o", Feed, "-p:UseSharedCompilation=false", "-nr:false"));
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="pricegen-local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

        Template = Path.Combine(Root, "template");
        Check(Run(Root, "new", "console", "-o", Template, "-n", "App", "--framework", "net10.0"));
        Check(Run(Template, "add", "package", "PriceGen", "--version", Version));
        Directory.CreateDirectory(Path.Combine(Template, "prices"));
        File.Copy(Path.Combine(RepositoryRoot, "catalog", "openai-2023-03.prices.yaml"), Path.Combine(Template, "prices", "openai-2023-03.prices.yaml"));
    }

    public string RepositoryRoot { get; }

    public string Root { get; }

    public string Feed { get; }

    public string Template { get; }

    public string Version { get; }

    /// <summary>A fresh copy of the installed console project, for one test to change.</summary>
    public string NewProject(string name, string program)
    {
        var directory = Path.Combine(Root, name);
        CopyDirectory(Template, directory);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        return directory;
    }

    public (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, isolatedPackages: true, arguments);

    private (int ExitCode, string Output) Run(string workingDirectory, bool isolatedPackages, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "VSTEST_HOST_DEBUG" })
        {
            start.Environment.Remove(inherited);
        }

        if (isolatedPackages)
        {
            start.Environment["NUGET_PACKAGES"] = Path.Combine(Root, "packages");
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output + "\n(timed out)");
        }

        // WaitForExit with a timeout returns at exit, maybe before the redirected output is read to its end; without one,
        // it waits for both streams to close. Without this, a build's warnings could be missing from its output.
        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Check((int ExitCode, string Output) result)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.Output);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar) || relative.StartsWith("obj" + Path.DirectorySeparatorChar))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PriceGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PriceGen.sln not found");
    }
}
