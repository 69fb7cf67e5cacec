using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PriceGen.Tests.Infrastructure;

/// <summary>
/// Where the repository's files are, found by walking up from the test binary to PriceGen.sln (not from
/// [CallerFilePath]: CI builds map source paths to /_/ for determinism).
/// </summary>
internal static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string TestsDirectory { get; } = Path.Combine(RepositoryRoot, "tests", "PriceGen.Tests");

    public static string ReferenceCatalogPath { get; } = Path.Combine(RepositoryRoot, "catalog", "openai-2023-03.prices.yaml");

    public static string ReferenceCatalog => File.ReadAllText(ReferenceCatalogPath);

    /// <summary>The repository's own C# sources under src/ and tests/, build output left out: real code to check a scan against.</summary>
    public static IReadOnlyList<string> RepositorySources()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "tests"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .ToList();
        return files.Count > 100 ? files : throw new InvalidOperationException($"the repository's sources were not found under {RepositoryRoot} ({files.Count} files)");
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

        throw new InvalidOperationException($"PriceGen.sln not found above {AppContext.BaseDirectory}");
    }
}
