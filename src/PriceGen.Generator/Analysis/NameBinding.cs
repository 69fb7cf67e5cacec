using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PriceGen.Analysis;

/// <summary>
/// The constant a name stands for, bound on its own between the members of its type (speculative binding) instead of
/// in place: asking the semantic model about any node of a member body binds that whole body and runs its nullable
/// analysis, which on a real project cost the analyzers more than everything else they do. A constant is a member of a
/// type, so its name resolves there as it does in the body, unless a variable or local constant of the body hides it:
/// those are told from syntax (<see cref="DeclaredNames"/>), and a local constant is bound in place.
/// </summary>
internal static class NameBinding
{
    /// <summary>The expression's constant value: a name or a member access through names alone, else the full binding.</summary>
    public static Optional<object?> ConstantValue(SemanticModel model, ExpressionSyntax expression, DeclaredNames names, CancellationToken cancellationToken)
    {
        if (expression is not (SimpleNameSyntax or MemberAccessExpressionSyntax or AliasQualifiedNameSyntax))
        {
            return model.GetConstantValue(expression, cancellationToken);
        }

        var root = expression;
        while (root is MemberAccessExpressionSyntax access)
        {
            root = access.Expression;
        }

        switch (root)
        {
            case IdentifierNameSyntax first when names.IsVariable(first) is { } isVariable:
                if (isVariable)
                {
                    return default; // a parameter or a variable, or a member of its value: never a constant
                }

                return model.GetConstantValue(expression, cancellationToken); // a local constant: the body's binder knows it
            case SimpleNameSyntax or PredefinedTypeSyntax or AliasQualifiedNameSyntax:
                break;
            default:
                return default; // a member of a call's, an element's or this's value: constants are reached through types only
        }

        if (expression.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type)
        {
            switch (model.GetSpeculativeSymbolInfo(type.OpenBraceToken.Span.End, expression, SpeculativeBindingOption.BindAsExpression).Symbol)
            {
                case IFieldSymbol { HasConstantValue: true } field:
                    return new Optional<object?>(field.ConstantValue);
                case IFieldSymbol or IPropertySymbol or IMethodSymbol or IEventSymbol or ITypeSymbol or INamespaceSymbol:
                    return default; // resolved, and no constant
            }
        }

        return model.GetConstantValue(expression, cancellationToken); // unresolved between the members (a primary constructor's parameter, a query variable…)
    }
}
