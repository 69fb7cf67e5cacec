using System;
using System.IO;

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
