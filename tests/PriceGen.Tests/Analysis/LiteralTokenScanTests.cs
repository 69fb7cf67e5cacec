using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PriceGen.Analysis;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Analysis;

/// <summary>
/// PRICE001/PRICE005 find their literals by scanning a tree's text for where a number or a "$" may start, instead of
/// walking every token: the scan must find exactly the numeric literals, and the string literals holding a "$", that
/// the full token walk finds, less the zeros and the integers 1000 and 1000000 written in plain digits, which are never
/// prices (the analyzer drops them from their value) and are not looked up.
/// </summary>
public class LiteralTokenScanTests
{
    [Theory]
    [InlineData("class C { decimal a = 1.5m, b = .5m, c = 1e-6m; double d = 0x1F + 1_000 + 2.5e3; int e = x1 + y.Item1; }")]
    [InlineData("class C { int[] a = { 1, 2 }; System.Range r = 1..2; object o = a[..5]; char c = '1'; }")]
    [InlineData("class C { string s = \"model-00001 costs $2.50\", t = @\"$0.002 / 1K\", u = $\"{1.5m} and {2}\", v = \"\"\"\n  $3 raw\n  \"\"\"; }")]
    [InlineData("class C { // 0.002 in a comment\n /* $2.50 */ decimal x = 3.5m; /// <summary>2.5</summary>\n decimal y = -0.25m;\n#if NEVER\n decimal z = 9.99m;\n#endif\n }")]
    [InlineData("class C { decimal M(int tokens) => tokens/1000m*0.002m+tokens*(decimal)2/1000000; string N() => \"no price\" + \"$\"; }")]
    [InlineData("class C { object[] a = { 0, 0m, 0.0, 0.00m, 00, 0_0, .0, 0f, 0d, 0e3, 0x0, 0b0, 0L, 0u, 0UL, 1000, 1_000m, 1000.0, 1000d, 1000000, 1000001, 10000000, 1000e0, 0.5, 0.ToString(), 1000.ToString() }; System.Range r = 0..1000; }")]
    public void The_scan_finds_what_the_token_walk_finds(string source) => AssertSameAsTokenWalk(source);

    [Fact]
    public void The_scan_finds_what_the_token_walk_finds_in_this_repository()
    {
        foreach (var file in Paths.RepositorySources())
        {
            AssertSameAsTokenWalk(File.ReadAllText(file), file);
        }
    }

    private static void AssertSameAsTokenWalk(string source, string? file = null)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview));
        var root = tree.GetRoot();
        var walked = root.DescendantTokens()
            .Where(t => (t.IsKind(SyntaxKind.NumericLiteralToken) && !IsZeroOrQuantityInPlainDigits(t)) || (t.IsKind(SyntaxKind.StringLiteralToken) && t.Text.Contains('$')))
            .Select(t => t.SpanStart).ToList();
        var scanned = HardCodedPriceAnalyzer.LiteralTokens(source, root).Select(t => t.SpanStart).ToList();
        Assert.True(walked.SequenceEqual(scanned), $"{file}: the token walk found [{string.Join(", ", walked)}], the scan [{string.Join(", ", scanned)}]");
    }

    /// <summary>From the token's value: zero, or 1000 or 1000000 written without a decimal point, in plain digits.</summary>
    private static bool IsZeroOrQuantityInPlainDigits(SyntaxToken token)
    {
        if (!Regex.IsMatch(token.Text, "^[0-9_.]+[mMdDfF]?$"))
        {
            return false;
        }

        var value = token.Value switch
        {
            int i => i,
            decimal m => m,
            double d => (decimal)d,
            float f => (decimal)f,
            _ => -1m,
        };
        return value == 0m || (!token.Text.Contains('.') && value is 1_000m or 1_000_000m);
    }
}
