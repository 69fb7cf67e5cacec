using System.Collections.Immutable;
using System.Composition;
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
/// PRICE002: replace an unknown id with the suggested one, as the generated constant or as a literal.
/// PRICE003: replace a known id literal with its generated constant (a const, so it fits case labels and attributes).
/// PRICE004: replace a retired model's id with its replacement, as the constant or as a literal.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModelIdCodeFixProvider)), Shared]
public sealed class ModelIdCodeFixProvider : CodeFixProvider
{
    internal const string UseConstantKey = "PriceGen.UseModelIdConstant";
    internal const string UseLiteralKey = "PriceGen.UseSuggestedModelId";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UnknownModelId, DiagnosticIds.ModelIdHasConstant, DiagnosticIds.RetiredModelId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression ||
                !diagnostic.Properties.TryGetValue(ModelIdAnalyzer.IdProperty, out var id) || id is null)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(ModelIdAnalyzer.ConstantProperty, out var constant);
            diagnostic.Properties.TryGetValue(ModelIdAnalyzer.ConstantDisplayProperty, out var display);
            if (!string.IsNullOrEmpty(constant))
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Use {display}", token => ReplaceAsync(context.Document, expression, SyntaxEdits.Member(constant!, expression), token), UseConstantKey),
                    diagnostic);
            }

            if (diagnostic.Id is DiagnosticIds.UnknownModelId or DiagnosticIds.RetiredModelId)
            {
                var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(id)).WithTriviaFrom(expression);
                context.RegisterCodeFix(
                    CodeAction.Create($"Change to \"{id}\"", token => ReplaceAsync(context.Document, expression, literal, token), UseLiteralKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax expression, ExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(expression, replacement));
    }
}
