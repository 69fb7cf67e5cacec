using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace PriceGen.CodeFixes;

/// <summary>Builds the replacement expressions the fixes insert: fully qualified, then simplified by the workspace.</summary>
internal static class SyntaxEdits
{
    /// <summary>A member, or a member at another scale (<c>(global::Ns.X.Input.PricePerToken * 1000m)</c>): every name in it simplified.</summary>
    public static ExpressionSyntax Member(string qualifiedName, SyntaxNode replaced)
    {
        var expression = SyntaxFactory.ParseExpression(qualifiedName);
        expression = expression.ReplaceNodes(
            expression.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Where(m => m.Parent is not MemberAccessExpressionSyntax),
            (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));
        return expression
            .WithTriviaFrom(replaced)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
    }

    /// <summary>The member cast to the literal's type when that is not <c>decimal</c>: <c>(double)OpenAIPrices…Price</c>.</summary>
    public static ExpressionSyntax Cast(ExpressionSyntax member, string literalType, SyntaxNode replaced)
    {
        if (literalType is not ("double" or "float"))
        {
            return member;
        }

        var keyword = literalType == "double" ? SyntaxKind.DoubleKeyword : SyntaxKind.FloatKeyword;
        return SyntaxFactory.ParenthesizedExpression(
                SyntaxFactory.CastExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(keyword)), member.WithoutTrivia()))
            .WithTriviaFrom(replaced)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
    }
}
