using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PriceGen.Analysis;
using PriceGen.Diagnostics;

namespace PriceGen.CodeFixes;

/// <summary>
/// PRICE001 (a hard-coded price) and PRICE005 (an out-of-date one): replace the literal with the generated member, at
/// the scale the code uses it (<c>.Price</c>, <c>.PricePerToken</c>, <c>.PricePerToken * 1000m</c>). The analyzer
/// passes a member only when one candidate remains. In a
/// <c>const</c> declaration (where a static field cannot stand) the action also makes the declaration
/// <c>static readonly</c> (a field) or a plain local.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardCodedPriceCodeFixProvider)), Shared]
public sealed class HardCodedPriceCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HardCodedPrice, DiagnosticIds.OutdatedPrice);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal ||
                !diagnostic.Properties.TryGetValue(HardCodedPriceAnalyzer.MembersProperty, out var members) || string.IsNullOrEmpty(members) ||
                !diagnostic.Properties.TryGetValue(HardCodedPriceAnalyzer.DisplaysProperty, out var displays) ||
                !diagnostic.Properties.TryGetValue(HardCodedPriceAnalyzer.LiteralTypeProperty, out var literalType))
            {
                continue;
            }

            var candidates = members!.Split('\n');
            var titles = displays!.Split('\n');
            var constDeclaration = literal.FirstAncestorOrSelf<SyntaxNode>(n => n is FieldDeclarationSyntax or LocalDeclarationStatementSyntax);
            var isConst = constDeclaration switch
            {
                FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
                LocalDeclarationStatementSyntax local => local.IsConst,
                _ => false,
            };
            if (RequiresConstant(literal))
            {
                // A static field cannot stand where C# needs a constant: no fix rather than one that breaks the build.
                continue;
            }

            for (var i = 0; i < candidates.Length; i++)
            {
                var member = candidates[i];
                var title = isConst
                    ? $"Use {titles[i]} (and make the declaration {(constDeclaration is FieldDeclarationSyntax ? "static readonly" : "non-const")})"
                    : $"Use {titles[i]}";
                context.RegisterCodeFix(
                    CodeAction.Create(title, token => ReplaceAsync(context.Document, literal, member, literalType!, isConst ? constDeclaration : null, token), equivalenceKey: EquivalenceKey(member, diagnostic.Id)),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// Keyed by the member, not the candidate's position: Fix All then puts the member the user chose at every site that
    /// offers it, and leaves alone a site whose first candidate is another model's rate.
    /// </summary>
    internal static string EquivalenceKey(string member, string diagnosticId = DiagnosticIds.HardCodedPrice) => diagnosticId + ":" + member;

    private static bool RequiresConstant(SyntaxNode literal) =>
        literal.Ancestors().Any(a => a is AttributeArgumentSyntax or CaseSwitchLabelSyntax or ConstantPatternSyntax or RelationalPatternSyntax ||
            (a is EqualsValueClauseSyntax && a.Parent is ParameterSyntax));

    private static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, string member, string literalType, SyntaxNode? constDeclaration, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacement = SyntaxEdits.Cast(SyntaxEdits.Member(member, literal), literalType, literal);
        if (constDeclaration is null)
        {
            return document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
        }

        var edited = constDeclaration.ReplaceNode(literal, replacement);
        edited = edited switch
        {
            FieldDeclarationSyntax field => field.WithModifiers(ReplaceConst(field.Modifiers, static_: true)),
            LocalDeclarationStatementSyntax local => local.WithModifiers(ReplaceConst(local.Modifiers, static_: false)),
            _ => edited,
        };
        return document.WithSyntaxRoot(root.ReplaceNode(constDeclaration, edited));
    }

    private static SyntaxTokenList ReplaceConst(SyntaxTokenList modifiers, bool static_)
    {
        var index = modifiers.IndexOf(SyntaxKind.ConstKeyword);
        var constToken = modifiers[index];
        var replacements = static_
            ? new[] { SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithLeadingTrivia(constToken.LeadingTrivia).WithTrailingTrivia(SyntaxFactory.Space), SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(constToken.TrailingTrivia) }
            : System.Array.Empty<SyntaxToken>();
        var list = modifiers.RemoveAt(index);
        return list.InsertRange(index, replacements);
    }
}
