using System.IO;
using System.Runtime.CompilerServices;

namespace PriceGen.Tests.Infrastructure;

/// <summary>Where the repository's files are, found from this source file so tests run from any directory.</summary>
internal static class Paths
{
    public static string TestsDirectory { get; } = Path.GetDirectoryName(ThisFile())!.Replace(Path.DirectorySeparatorChar + "Infrastructure", string.Empty);

    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(TestsDirectory, "..", ".."));

    public static string ReferenceCatalogPath { get; } = Path.Combine(RepositoryRoot, "catalog", "openai-2023-03.prices.yaml");

    public static string ReferenceCatalog => File.ReadAllText(ReferenceCatalogPath);

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
