using System.Globalization;
using System.Linq;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Generation;

/// <summary>Byte-identical output in every culture, run and order of additional files.</summary>
public class DeterminismTests
{
    [Theory]
    [InlineData("de-DE")]
    [InlineData("fi-FI")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    [InlineData("zh-CN")]
    public void Output_is_byte_identical_in_every_culture(string culture)
    {
        var invariant = Generate(CultureInfo.InvariantCulture);

        var actual = Generate(new CultureInfo(culture));

        Assert.Equal(invariant, actual);
    }

    [Fact]
    public void Output_does_not_depend_on_additional_file_order()
    {
        var a = new TestAdditionalText("/p/a.prices.yaml", Paths.ReferenceCatalog);
        var b = new TestAdditionalText("/p/b.prices.yaml", Paths.ReferenceCatalog);

        var forward = GeneratorHarness.Driver(new[] { a, b }).RunGenerators(GeneratorHarness.Compilation(null)).GetRunResult();
        var backward = GeneratorHarness.Driver(new[] { b, a }).RunGenerators(GeneratorHarness.Compilation(null)).GetRunResult();

        Assert.Equal(
            forward.GeneratedTrees.Select(t => t.ToString()),
            backward.GeneratedTrees.Select(t => t.ToString()));
    }

    private static string Generate(CultureInfo culture)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            var (result, _) = GeneratorHarness.Run(Paths.ReferenceCatalog);
            return GeneratorHarness.GeneratedText(result, "OpenAIPrices.g.cs");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, ui);
        }
    }
}
