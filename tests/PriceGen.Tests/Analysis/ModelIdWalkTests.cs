using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PriceGen.Analysis;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Analysis;

/// <summary>
/// PRICE002/003/004 find the places a value is handed on from the marks in a tree's text (an argument list's <c>(</c>
/// or <c>[</c>, an assignment's <c>=</c>) instead of walking every node: the scan must find every argument, attribute
/// argument, simple assignment, initializer and local constant the full walk finds, each once, and a local constant
/// before any node after it (its uses are read with it known).
/// </summary>
public class ModelIdWalkTests
{
    [Theory]
    [InlineData("class C { const string A = \"gpt-4\"; void M(string model = \"x\") { const string B = \"b\"; Send(A); var c = new X { Model = B, Other={ Id=\"q\" } }; } }")]
    [InlineData("class C { int M() => F(x=>G(\"a\"))+H[\"k\"]; object o = new(\"y\"); [Rate(\"$2\", Model=\"m\")] int P { get; set; } = 5; }")]
    [InlineData("class C { void M() { a==b; c<=d; e>=f; g!=h; i+=1; j??=k; l=>m; n=o; t=(u, \"v\"); w = x switch { \"a\" => 1, _ => 2 }; } }")]
    [InlineData("class C{void M(){x=y;Send(\"a\",b:\"c\");}}")]
    [InlineData("class C : B { C() : base(\"a\") { const int a = 1, b = a; F(G(H(\"x\"), a), b); s = $\"({F(\"i\")})\"; // F(\"c\")\n d[e[\"k\"]] = (f, g); x?[\"n\"] = 1; } }")]
    [InlineData("class C { void M() { x >>= 1; y <<= 2; z ??= \"q\"; w = v = \"u\"; var o = new { Model = \"m\" }; } }")]
    public void The_scan_finds_what_the_full_walk_finds(string source) => AssertSameAsFullWalk(source);

    [Fact]
    public void The_scan_finds_what_the_full_walk_finds_in_this_repository()
    {
        foreach (var file in Paths.RepositorySources())
        {
            AssertSameAsFullWalk(File.ReadAllText(file), file);
        }
    }

    private static void AssertSameAsFullWalk(string source, string? file = null)
    {
        var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        var full = root.DescendantNodes()
            .Where(n => n is LocalDeclarationStatementSyntax { IsConst: true } or ArgumentSyntax or AttributeArgumentSyntax or EqualsValueClauseSyntax ||
                n.IsKind(SyntaxKind.SimpleAssignmentExpression))
            .Select(n => n.SpanStart + ":" + n.Kind()).ToList();
        var found = ModelIdAnalyzer.ValueSites(root, source).ToList();
        var scanned = found.Select(n => n.SpanStart + ":" + n.Kind()).ToList();
        Assert.True(full.Count > 0 || file is not null, "the example has nothing to find");
        Assert.True(full.OrderBy(s => s, System.StringComparer.Ordinal).SequenceEqual(scanned.OrderBy(s => s, System.StringComparer.Ordinal)), $"{file}: the full walk found [{string.Join(", ", full.Except(scanned))}] that the scan did not, the scan [{string.Join(", ", scanned.Except(full))}] or some twice; it found {scanned.Count} of {full.Count}");
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i] is LocalDeclarationStatementSyntax local)
            {
                var before = found.Take(i).FirstOrDefault(n => n.SpanStart >= local.Span.End);
                Assert.True(before is null, $"{file}: {before?.Kind()} at {before?.SpanStart} came before the local constant at {local.SpanStart} that precedes it");
            }
        }
    }
}
