using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PriceGen.Analysis;

/// <summary>
/// One tree's variables, parameters and local constants as syntax declares them, so a simple name is told from a
/// constant without binding. Made per tree action; not shared between threads.
/// </summary>
internal sealed class DeclaredNames
{
    /// <summary>
    /// What a simple name is by syntax alone: true for a parameter of an enclosing method, local function or lambda,
    /// or a variable declared in an enclosing scope (a declaration, a <c>foreach</c>, <c>for</c>, <c>using</c> or
    /// <c>catch</c> variable, an <c>out var</c> or pattern variable of a statement of an enclosing block, of an expression
    /// body or of a switch arm), which is never a constant and hides any field of its name; false for a local constant
    /// there; null when syntax does not say.
    /// </summary>
    public bool? IsVariable(IdentifierNameSyntax identifier)
    {
        var name = identifier.Identifier.ValueText;
        for (var node = identifier.Parent; node is not null && node is not MemberDeclarationSyntax; node = node.Parent)
        {
            switch (node)
            {
                case LocalFunctionStatementSyntax local when local.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name):
                case ParenthesizedLambdaExpressionSyntax lambda when lambda.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name):
                case AnonymousMethodExpressionSyntax { ParameterList: { } anonymous } when anonymous.Parameters.Any(p => p.Identifier.ValueText == name):
                case SimpleLambdaExpressionSyntax simple when simple.Parameter.Identifier.ValueText == name:
                case ForEachStatementSyntax loop when loop.Identifier.ValueText == name:
                case CatchClauseSyntax { Declaration: { } caught } when caught.Identifier.ValueText == name:
                case ForStatementSyntax { Declaration: { } declaration } when declaration.Variables.Any(v => v.Identifier.ValueText == name):
                case UsingStatementSyntax { Declaration: { } used } when used.Variables.Any(v => v.Identifier.ValueText == name):
                    return true;
                case BlockSyntax block when NamesDeclaredIn(block).TryGetValue(name, out var isVariable):
                    return isVariable;
                case AnonymousFunctionExpressionSyntax { ExpressionBody: { } body } when DesignatesIn(body, name):
                case ArrowExpressionClauseSyntax arrow when DesignatesIn(arrow.Expression, name):
                case SwitchExpressionArmSyntax arm when DesignatesIn(arm.Pattern, name):
                    return true; // a pattern variable of an expression body or a switch arm: x is Literal s && s.Text…
            }
        }

        return identifier.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>() is { } method && method.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name)
            ? true
            : null;
    }

    private static bool DesignatesIn(SyntaxNode expression, string name)
    {
        foreach (var node in expression.DescendantNodesAndSelf(n => n == expression || n is not AnonymousFunctionExpressionSyntax))
        {
            if (node is SingleVariableDesignationSyntax designation && designation.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    // Per block, once: asking every name at every use walked the block's statements again (quadratic in a long method).
    private readonly Dictionary<BlockSyntax, Dictionary<string, bool>> _declaredInBlock = new();

    /// <summary>
    /// The names a block's own statements declare, each with whether its first declaration there is a variable (true)
    /// or a local constant (false): locals, and <c>out var</c> or pattern variables outside nested blocks and functions.
    /// </summary>
    private Dictionary<string, bool> NamesDeclaredIn(BlockSyntax block)
    {
        if (_declaredInBlock.TryGetValue(block, out var names))
        {
            return names;
        }

        names = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var statement in block.Statements)
        {
            if (statement is LocalDeclarationStatementSyntax local)
            {
                foreach (var variable in local.Declaration.Variables)
                {
                    if (!names.ContainsKey(variable.Identifier.ValueText))
                    {
                        names.Add(variable.Identifier.ValueText, !local.IsConst);
                    }
                }
            }

            // A switch expression's arm scopes its pattern variables to itself; an if's condition does not.
            foreach (var node in statement.DescendantNodes(n => n is not BlockSyntax and not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax and not SwitchExpressionArmSyntax))
            {
                if (node is SingleVariableDesignationSyntax designation && !names.ContainsKey(designation.Identifier.ValueText))
                {
                    names.Add(designation.Identifier.ValueText, true);
                }
            }
        }

        _declaredInBlock.Add(block, names);
        return names;
    }
}
