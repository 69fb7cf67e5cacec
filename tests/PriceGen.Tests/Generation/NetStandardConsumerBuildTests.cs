using System.IO;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Generation;

/// <summary>
/// Builds tests/PriceGen.NetStandardConsumer — netstandard2.0, nullable enabled, public generated classes with
/// documentation, warnings as errors — with `dotnet build`: netstandard2.0 has no NotNullWhenAttribute, so the
/// generator adds an internal one, and `TryGetModel(id, out var m) &amp;&amp; m.Id.Length > 0` gets no CS8602.
/// </summary>
public class NetStandardConsumerBuildTests
{
    [Fact]
    public void A_nullable_netstandard_library_builds_with_warnings_as_errors()
    {
        var project = Path.Combine(Paths.RepositoryRoot, "tests", "PriceGen.NetStandardConsumer");

        var output = DotNet.BuildProjectAlone(project);

        Assert.True(output.ExitCode == 0, output.Text);
        Assert.DoesNotContain("warning", output.Text);
        Assert.DoesNotContain("CS8785", output.Text);
    }
}
