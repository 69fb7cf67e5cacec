using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PriceGen.Analysis;

/// <summary>
/// Per compilation, whether every source constant of a name (in a type of a given name, when the reference is
/// qualified) holds a current catalog id: then a reference to it at a model-id sink gets no diagnostic (a constant is
/// never PRICE003), and the analyzer need not bind it. A name with no source constant (a parameter, a local, a constant
/// from a package) is not quiet: it is bound where it may matter.
/// </summary>
/// <remarks>
/// Decided on names, so a qualified reference to a package's constant whose type and member names equal those of a
/// quiet source constant is not checked; binding every qualified name at every sink would cost more than the analysis.
/// </remarks>
internal sealed class QuietConstants
{
    private readonly Compilation _compilation;
    private readonly CatalogIndex _index;
    private readonly ConcurrentDictionary<(string? Type, string Name), bool> _quiet = new();

    public QuietConstants(Compilation compilation, CatalogIndex index)
    {
        _compilation = compilation;
        _index = index;
    }

    /// <summary>Whether the string is a current catalog id: neither retired nor unknown.</summary>
    public bool IsQuietId(string id) => _index.TryGetModel(id, out var known) && known.Retirement is null;

    /// <summary>Whether <paramref name="name"/>, of a type named <paramref name="type"/> when given, names only quiet constants.</summary>
    public bool AreQuiet(string? type, string name, CancellationToken cancellationToken) =>
        _quiet.GetOrAdd((type, name), key => Decide(key.Type, key.Name, cancellationToken));

    private bool Decide(string? type, string name, CancellationToken cancellationToken)
    {
        var any = false;
        foreach (var symbol in _compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
        {
            if (type is not null && symbol.ContainingType?.Name != type)
            {
                continue;
            }

            if (symbol is not IFieldSymbol { IsConst: true, ConstantValue: string id } || !IsQuietId(id))
            {
                return false;
            }

            any = true;
        }

        return any;
    }
}

/// <summary>
/// What one tree's walk knows about constants: the local constants declared so far, and each type declaration's own
/// constant fields, so a simple name of a quiet constant of the enclosing type is decided without any symbol.
/// </summary>
internal sealed class TreeConstants
{
    private readonly CatalogIndex _index;
    private readonly QuietConstants _constants;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<string> _localConstants = new(StringComparer.Ordinal);
    private readonly Dictionary<TypeDeclarationSyntax, Dictionary<string, bool>> _fieldsByType = new();

    public TreeConstants(CatalogIndex index, QuietConstants constants, CancellationToken cancellationToken)
    {
        Names = new DeclaredNames();
        _index = index;
        _constants = constants;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The tree's variables and local constants, read from syntax.</summary>
    public DeclaredNames Names { get; }

    public void AddLocalConstants(LocalDeclarationStatementSyntax local)
    {
        foreach (var variable in local.Declaration.Variables)
        {
            _localConstants.Add(variable.Identifier.ValueText);
        }
    }

    /// <summary>
    /// Whether <paramref name="expression"/> may be a constant string that gets a diagnostic: a literal of an unknown,
    /// retired or generated id, or anything that may be a constant other than a reference to constants that all hold
    /// current catalog ids. Calls, numbers, lambdas… are never constant strings.
    /// </summary>
    public bool MayReport(ExpressionSyntax expression) => MayBeConstantString(expression) && expression switch
    {
        LiteralExpressionSyntax literal =>
            !_index.TryGetModel(literal.Token.ValueText, out var known) || known.Retirement is not null || known.IdConstant is not null,
        ParenthesizedExpressionSyntax parenthesized => MayReport(parenthesized.Expression),
        CastExpressionSyntax cast => MayReport(cast.Expression),
        IdentifierNameSyntax identifier => !IsQuietSimpleName(identifier),
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => !IsQuietSimpleName(name),
        MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } access => !_constants.AreQuiet(RightmostName(access.Expression), name.Identifier.ValueText, _cancellationToken),
        AliasQualifiedNameSyntax { Name: IdentifierNameSyntax name } => !_constants.AreQuiet(null, name.Identifier.ValueText, _cancellationToken),
        _ => true, // a concatenation, an interpolation, a conditional, nameof: bound to find out
    };

    /// <summary>Whether the expression has a shape a constant string can have, from syntax alone.</summary>
    public static bool MayBeConstantString(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.StringLiteralExpression),
        ParenthesizedExpressionSyntax parenthesized => MayBeConstantString(parenthesized.Expression),
        CastExpressionSyntax cast => MayBeConstantString(cast.Expression),
        IdentifierNameSyntax or MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } or AliasQualifiedNameSyntax { Name: IdentifierNameSyntax } => true,
        BinaryExpressionSyntax binary => binary.IsKind(SyntaxKind.AddExpression) && MayBeConstantString(binary.Left) && MayBeConstantString(binary.Right),
        ConditionalExpressionSyntax conditional => MayBeConstantString(conditional.WhenTrue) && MayBeConstantString(conditional.WhenFalse),

        // A constant interpolated string has only constant strings in its holes, with no alignment or format.
        InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.All(c =>
            c is not InterpolationSyntax hole || (hole.AlignmentClause is null && hole.FormatClause is null && MayBeConstantString(hole.Expression))),
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } => true,
        _ => false,
    };

    private bool IsQuietSimpleName(IdentifierNameSyntax identifier)
    {
        var name = identifier.Identifier.ValueText;
        if (_localConstants.Contains(name))
        {
            return false; // a local constant of that name may hide the field: bound
        }

        // A simple name binds to the enclosing type's own member before anything outside it. A local or parameter of
        // that name would hide it, but is no constant, so a quiet field is quiet either way: decided without reading
        // the method's declarations (DeclaredNames), which was most of this analyzer's time on clean code.
        var field = identifier.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type && FieldsOf(type).TryGetValue(name, out var quiet) ? quiet : (bool?)null;
        if (field == true)
        {
            return true;
        }

        if (Names.IsVariable(identifier) == true)
        {
            return true; // a parameter or a variable: no constant, nothing to report
        }

        if (field is { } fieldIsQuiet)
        {
            return fieldIsQuiet;
        }

        return _constants.AreQuiet(null, name, _cancellationToken);
    }

    /// <summary>The type's own members by name: true for a constant holding a literal current id, false for any other member.</summary>
    private Dictionary<string, bool> FieldsOf(TypeDeclarationSyntax type)
    {
        if (_fieldsByType.TryGetValue(type, out var fields))
        {
            return fields;
        }

        fields = new Dictionary<string, bool>(type.Members.Count, StringComparer.Ordinal);
        foreach (var member in type.Members)
        {
            if (member is FieldDeclarationSyntax field)
            {
                var isConst = field.Modifiers.Any(SyntaxKind.ConstKeyword);
                foreach (var variable in field.Declaration.Variables)
                {
                    fields[variable.Identifier.ValueText] = !fields.ContainsKey(variable.Identifier.ValueText) && isConst &&
                        variable.Initializer?.Value is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal &&
                        _constants.IsQuietId(literal.Token.ValueText);
                }
            }
            else if (member is PropertyDeclarationSyntax property)
            {
                fields[property.Identifier.ValueText] = false;
            }
            else if (member is MethodDeclarationSyntax method)
            {
                fields[method.Identifier.ValueText] = false;
            }
        }

        _fieldsByType.Add(type, fields);
        return fields;
    }

    private static string? RightmostName(ExpressionSyntax qualifier) => qualifier switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };
}
