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
/// PRICE002/003/004 walk a tree without entering subtrees whose text has no <c>(</c>, <c>[</c> or assignment <c>=</c>:
/// the pruned walk must find every argument, attribute argument, simple assignment, initializer and local constant the
/// full walk finds.
/// </summary>
public class ModelIdWalkTests
{
    [Theory]
    [InlineData("class C { const string A = \"gpt-4\"; void M(string model = \"x\") { const string B = \"b\"; Send(A); var c = new X { Model = B, Other={ Id=\"q\" } }; } }")]
    [InlineData("class C { int M() => F(x=>G(\"a\"))+H[\"k\"]; object o = new(\"y\"); [Rate(\"$2\", Model=\"m\")] int P { get; set; } = 5; }")]
    [InlineData("class C { void M() { a==b; c<=d; e>=f; g!=h; i+=1; j??=k; l=>m; n=o; t=(u, \"v\"); w = x switch { \"a\" => 1, _ => 2 }; } }")]
    [InlineData("class C{void M(){x=y;Send(\"a\",b:\"c\");}}")]
    public void The_pruned_walk_finds_what_the_full_walk_finds(string source) => AssertSameAsFullWalk(source);

    [Fact]
    public void The_pruned_walk_finds_what_the_full_walk_finds_in_this_repository()
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
        var pruned = ModelIdAnalyzer.ValueSites(root, source).Select(n => n.SpanStart + ":" + n.Kind()).ToList();
        Assert.True(full.Count > 0 || file is not null, "the example has nothing to find");
        Assert.True(full.SequenceEqual(pruned), $"{file}: the full walk found [{string.Join(", ", full.Except(pruned))}] that the pruned walk did not; it found {pruned.Count} of {full.Count}");
    }
}
