using System;
using System.IO;
using Xunit;

namespace PriceGen.Tests.Infrastructure;

/// <summary>
/// Compares text with a committed golden file under tests/PriceGen.Tests/Golden. Set PRICEGEN_ACCEPT=1 to rewrite the
/// golden files from the actual output instead (then review the diff: it is the change in behaviour).
/// </summary>
internal static class Golden
{
    public const string AcceptVariable = "PRICEGEN_ACCEPT";

    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(Paths.TestsDirectory, "Golden", name);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} does not exist; run the tests with {AcceptVariable}=1 to create it.");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            File.WriteAllText(path + ".received.cs", actual);
            Assert.Fail($"Generated text differs from {path}; the actual text is in {path}.received.cs. " +
                $"If the change is intended, run the tests with {AcceptVariable}=1 and review the diff.");
        }
    }
}
