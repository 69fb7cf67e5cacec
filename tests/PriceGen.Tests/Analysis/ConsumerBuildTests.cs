using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Analysis;

/// <summary>
/// Builds tests/PriceGen.Consumer — a project on the real OpenAI and Microsoft.Extensions.AI packages — with
/// `dotnet build`, and checks the warnings against the `// expect:` markers in its source.
/// </summary>
public class ConsumerBuildTests
{
    [Fact]
    public void Build_reports_exactly_the_expected_warnings()
    {
        var project = Path.Combine(Paths.RepositoryRoot, "tests", "PriceGen.Consumer");
        var source = Path.Combine(project, "CostCalculator.cs");
        var expected = File.ReadAllLines(source)
            .Select((line, index) => (Line: index + 1, Match: Regex.Match(line, @"// expect: (PRICE\d{3})")))
            .Where(x => x.Match.Success)
            .Select(x => $"CostCalculator.cs({x.Line}): {x.Match.Groups[1].Value}")
            .OrderBy(x => x)
            .ToList();

        var output = DotNet.BuildProjectAlone(project);

        Assert.True(output.ExitCode == 0, output.Text);
        var actual = Regex.Matches(output.Text, @"CostCalculator\.cs\((\d+),\d+\): warning (PRICE\d{3})")
            .Select(m => $"CostCalculator.cs({m.Groups[1].Value}): {m.Groups[2].Value}")
            .Distinct()
            .OrderBy(x => x)
            .ToList();
        Assert.Equal(expected, actual);
        Assert.DoesNotContain("AD0001", output.Text);
        Assert.DoesNotContain("CS8785", output.Text);
    }
}
