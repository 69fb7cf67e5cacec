using System;
using PriceGen.Catalog;
using Xunit;

namespace PriceGen.Tests.Catalog;

/// <summary>Exact spans (not only start positions) of problems whose extent is easy to get wrong.</summary>
public class CatalogLocationTests
{
    private const string Header = "pricegen: 1\nprovider: Acme\ncurrency: USD\neffective: 2023-03-01\n";

    [Theory]
    [InlineData(Header + "---\nchat: {}\n", "---")]
    [InlineData(Header + "--- # second\nchat: {}\n", "---")]
    [InlineData(Header + "chat:\n  a: { usage: $0.002 / 1K tokens }\n  b: { usage: $0.002 / 1K tokenz }\n", "$0.002 / 1K tokenz")]
    [InlineData(Header + "chat:\n  dup-id: { usage: $0.002 / 1K tokens }\n  dup-id: { usage: $0.002 / 1K tokens }\n", "dup-id")]
    [InlineData(Header + "chat:\n  a: { usage: &x $1 / token }\n  b: { usage: *x, usage: $2 / token }\n", "usage")]
    [InlineData(Header + "image:\n  d: { sizes: { 1024X1024: $1 / image } }\n", "1024X1024")]
    public void Problem_spans_exactly_the_offending_text(string text, string offending)
    {
        var result = CatalogParser.Parse(text);

        CatalogAssert.WellFormed(text, result);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(offending, text.Substring(problem.Span.Start, problem.Span.Length));
        Assert.Equal(text.LastIndexOf(offending, StringComparison.Ordinal), problem.Span.Start);
    }

    [Fact]
    public void Tab_indentation_is_reported_at_the_tab()
    {
        var text = Header + "chat:\n  a:\n    description: fine\n\tusage: $1 / token\n";

        var problem = Assert.Single(CatalogParser.Parse(text).Problems);

        Assert.Equal("PRICE100", problem.Id);
        Assert.Equal(text.IndexOf('\t'), problem.Span.Start);
    }
}
