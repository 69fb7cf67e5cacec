using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PriceGen.Diagnostics;

namespace PriceGen.Analysis;

/// <summary>
/// PRICE002: a constant string reaching a model-id sink that no catalog lists (with "did you mean").
/// PRICE003: a known id written as a literal where the generated constant could stand.
/// PRICE004: the id of a model the catalog marks as deprecated or shut down, with its replacement.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelIdAnalyzer : CatalogAnalyzerBase
{
    /// <summary>Diagnostic property: the id to use instead (PRICE002) or the id itself (PRICE003).</summary>
    internal const string IdProperty = "Id";

    /// <summary>Diagnostic property: the fully qualified generated constant holding that id, when code is generated for it.</summary>
    internal const string ConstantProperty = "Constant";

    /// <summary>Diagnostic property: how that constant reads in a code-fix title.</summary>
    internal const string ConstantDisplayProperty = "ConstantDisplay";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnknownModelId, DiagnosticDescriptors.ModelIdHasConstant, DiagnosticDescriptors.RetiredModelId);

    private protected override void RegisterActions(CompilationStartAnalysisContext start, CatalogIndex index)
    {
        var sinks = new ModelIdSinks(start.Compilation);
        var names = new ModelIdSinkNames(start.Compilation, sinks);
        var constants = new QuietConstants(start.Compilation, index);

        // Syntax first: a value that may be a reportable constant string, at a place whose member name may take a model
        // id; only then is it bound, and the bound symbol decides (ModelIdSinks). Clean code binds nothing. One walk per
        // tree, as HardCodedPriceAnalyzer does, and the semantic model made only for a tree that needs it.
        var compilation = start.Compilation;
        start.RegisterSyntaxTreeAction(context =>
        {
            SemanticModel? model = null;
            string? extra = null;
            var extraRead = false;
            var scan = new TreeConstants(index, constants, context.CancellationToken);
            foreach (var node in ValueSites(context.Tree.GetRoot(context.CancellationToken), context.Tree.GetText(context.CancellationToken).ToString()))
            {
                if (node is LocalDeclarationStatementSyntax local)
                {
                    scan.AddLocalConstants(local); // declared before any use, so seen before it in this walk
                    continue;
                }

                // Cheapest first: the value's shape, then the receiving name (dictionary lookups), and only then whether
                // the value is a quiet constant, which may ask the compilation for the symbols of a name.
                if (Value(node) is not { } value || !TreeConstants.MayBeConstantString(value))
                {
                    continue;
                }

                if (!extraRead)
                {
                    extra = ExtraSinksOption(context.Options, context.Tree);
                    extraRead = true;
                }

                if ((extra is null && !MayBeSink(node, names)) || !scan.MayReport(value))
                {
                    continue;
                }

#pragma warning disable RS1030 // made at most once per tree, and only when a value at a possible sink must be bound
                model ??= compilation.GetSemanticModel(context.Tree);
#pragma warning restore RS1030
                if (NameBinding.ConstantValue(model, value, scan.Names, context.CancellationToken) is { HasValue: true, Value: string id } &&
                    ReceivingSymbol(model, node, context.CancellationToken) is { } receiver &&
                    (receiver is IParameterSymbol parameter ? sinks.IsSink(parameter, extra) : sinks.IsSink(receiver, extra)))
                {
                    Check(context.ReportDiagnostic, id, value, index);
                }
            }
        });
    }

    /// <summary>
    /// The nodes of a tree that may hand a value to a sink (arguments, attribute arguments, simple assignments, the
    /// initializers of fields, properties and parameters), and its local constants, each found from its mark in
    /// <paramref name="text"/>, the tree's text: an argument list's <c>(</c> or <c>[</c>, an assignment's or
    /// initializer's <c>=</c>. Only the nodes on the way to a mark are made (walking every node made all of them, most
    /// of PRICE002's time). In the order of their marks: a local constant comes before every use of it.
    /// </summary>
    internal static IEnumerable<SyntaxNode> ValueSites(SyntaxNode root, string text)
    {
        var tokens = new TextTokens(root);
        var resumeAt = 0;
        for (var i = NextMark(text, 0); i >= 0; i = NextMark(text, Math.Max(i + 1, resumeAt)))
        {
            var token = tokens.At(i, out resumeAt);
            if (token.IsKind(SyntaxKind.EqualsToken))
            {
                switch (token.Parent)
                {
                    case EqualsValueClauseSyntax clause:
                        if (clause.Parent is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax { IsConst: true } local } declaration } declarator &&
                            declaration.Variables[0] == declarator)
                        {
                            yield return local;
                        }

                        yield return clause;
                        break;
                    case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                        yield return assignment;
                        break;
                }
            }
            else if ((token.IsKind(SyntaxKind.OpenParenToken) || token.IsKind(SyntaxKind.OpenBracketToken)) &&
                token.Parent is BaseArgumentListSyntax or AttributeArgumentListSyntax or TupleExpressionSyntax)
            {
                // Their only child nodes are their arguments (the parentheses and commas are tokens).
                foreach (var argument in token.Parent.ChildNodes())
                {
                    yield return argument;
                }
            }
        }
    }

    private static readonly char[] Marks = { '(', '[', '=' };

    /// <summary>The next <c>(</c>, <c>[</c> or <c>=</c> from <paramref name="from"/> that is no part of <c>=&gt;</c>, <c>==</c>, <c>&lt;=</c>, <c>+=</c>…, or -1.</summary>
    private static int NextMark(string text, int from)
    {
        for (var i = from < text.Length ? text.IndexOfAny(Marks, from) : -1; i >= 0; i = i + 1 < text.Length ? text.IndexOfAny(Marks, i + 1) : -1)
        {
            if (text[i] != '=' || IsSimpleAssignment(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsSimpleAssignment(string text, int i) =>
        (i + 1 >= text.Length || text[i + 1] is not ('>' or '=')) &&
        (i == 0 || text[i - 1] is not ('=' or '<' or '>' or '!' or '+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' or '?'));

    /// <summary>
    /// The parameter, property or field that receives the node's value, bound only here: the statement's symbols, not
    /// its operation tree (asking for operations made the semantic model build each method body's whole tree).
    /// </summary>
    private static ISymbol? ReceivingSymbol(SemanticModel model, SyntaxNode node, System.Threading.CancellationToken cancellationToken)
    {
        switch (node)
        {
            case ArgumentSyntax { Parent: BaseArgumentListSyntax { Parent: { } owner } list } argument:
                return model.GetSymbolInfo(owner, cancellationToken).Symbol switch
                {
                    IMethodSymbol method => ParameterOf(method.Parameters, list.Arguments, argument),
                    IPropertySymbol indexer => ParameterOf(indexer.Parameters, list.Arguments, argument),
                    _ => null,
                };
            case AttributeArgumentSyntax { NameEquals: { } property }:
                return model.GetSymbolInfo(property.Name, cancellationToken).Symbol;
            case AttributeArgumentSyntax { Parent: AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } list } attributeArgument:
                return model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol constructor ? ParameterOf(constructor.Parameters, list.Arguments, attributeArgument) : null;
            case AssignmentExpressionSyntax assignment:
                return model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is { Kind: SymbolKind.Property or SymbolKind.Field } member ? member : null;
            case EqualsValueClauseSyntax { Parent: { } declaration }:
                return model.GetDeclaredSymbol(declaration, cancellationToken) is { Kind: SymbolKind.Property or SymbolKind.Field or SymbolKind.Parameter } declared ? declared : null;
            default:
                return null;
        }
    }

    /// <summary>The parameter an argument binds to: by its name when it has one, else by position (a params array takes the rest).</summary>
    private static IParameterSymbol? ParameterOf<TArgument>(ImmutableArray<IParameterSymbol> parameters, SeparatedSyntaxList<TArgument> arguments, TArgument argument)
        where TArgument : SyntaxNode
    {
        var name = argument switch
        {
            ArgumentSyntax a => a.NameColon?.Name.Identifier.ValueText,
            AttributeArgumentSyntax a => a.NameColon?.Name.Identifier.ValueText,
            _ => null,
        };
        if (name is not null)
        {
            return parameters.FirstOrDefault(p => p.Name == name);
        }

        var position = arguments.IndexOf(argument);
        for (var i = 0; i < position; i++)
        {
            if (arguments[i] is ArgumentSyntax { NameColon: not null } or AttributeArgumentSyntax { NameColon: not null })
            {
                return null; // positional after an out-of-place named argument: not valid C#
            }
        }

        return position < parameters.Length ? parameters[position]
            : parameters.Length > 0 && parameters[parameters.Length - 1].IsParams ? parameters[parameters.Length - 1]
            : null;
    }

    /// <summary>The expression a node hands on: an argument's, an assignment's right side, an initializer's value.</summary>
    private static ExpressionSyntax? Value(SyntaxNode node) => node switch
    {
        ArgumentSyntax argument => argument.Expression,
        AttributeArgumentSyntax attributeArgument => attributeArgument.Expression,
        AssignmentExpressionSyntax assignment => assignment.Right,
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } or PropertyDeclarationSyntax or ParameterSyntax } clause => clause.Value,
        _ => null,
    };

    /// <summary>Whether some member of the name the node hands its value to takes a model id there; unknown shapes say yes.</summary>
    private static bool MayBeSink(SyntaxNode node, ModelIdSinkNames names)
    {
        switch (node)
        {
            case ArgumentSyntax argument when argument.Parent is BaseArgumentListSyntax list:
            {
                var shape = list.Parent switch
                {
                    InvocationExpressionSyntax invocation => InvokedName(invocation.Expression) is { } name
                        ? name == "nameof" ? ModelIdSinkNames.Shape.None : names.OfMember(name)
                        : null,
                    ObjectCreationExpressionSyntax creation => TypeName(creation.Type) is { } type ? names.OfConstructor(type) : null,
                    ElementAccessExpressionSyntax or ElementBindingExpressionSyntax or ImplicitElementAccessSyntax => names.OfMember("this[]"),
                    ImplicitObjectCreationExpressionSyntax creation => TargetTypeName(creation) is { } type ? names.OfConstructor(type) : null,
                    ConstructorInitializerSyntax initializer => InitializedTypeName(initializer) is { } type ? names.OfConstructor(type) : null,
                    _ => null, // a delegate invoked from an expression, new(…) where no type is written: bound to find out
                };
                return shape is null || Accepts(shape, list.Arguments, argument);
            }

            case ArgumentSyntax { Parent: TupleExpressionSyntax }:
                return false; // a tuple's element: no parameter or member receives it

            case AttributeArgumentSyntax attributeArgument when attributeArgument.Parent is AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } list:
            {
                if (attributeArgument.NameEquals is { } property)
                {
                    return names.OfMember(property.Name.Identifier.ValueText).Member;
                }

                if (TypeName(attribute.Name) is not { } type)
                {
                    return true;
                }

                var position = list.Arguments.IndexOf(attributeArgument);
                var name = attributeArgument.NameColon?.Name.Identifier.ValueText;
                return names.OfConstructor(type).Accepts(position, name) ||
                    names.OfConstructor(type + "Attribute").Accepts(position, name);
            }

            case AssignmentExpressionSyntax assignment:
                return assignment.Left switch
                {
                    IdentifierNameSyntax identifier => names.OfMember(identifier.Identifier.ValueText).Member,
                    MemberAccessExpressionSyntax { Name: { } name } => names.OfMember(name.Identifier.ValueText).Member,
                    MemberBindingExpressionSyntax { Name: { } name } => names.OfMember(name.Identifier.ValueText).Member,
                    ElementAccessExpressionSyntax or ElementBindingExpressionSyntax => names.OfMember("this[]").Member,
                    _ => false, // a tuple deconstruction, a local: no member receives the value
                };

            // A declaration with an initializer is a sink through its own attributes, or as an SDK member declared in
            // source: read on the declaration itself, no symbol needed.
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } declarator }:
                return field.AttributeLists.Count > 0 || names.IsKnownMember(declarator.Identifier.ValueText);

            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return property.AttributeLists.Count > 0 || names.IsKnownMember(property.Identifier.ValueText);

            case EqualsValueClauseSyntax { Parent: ParameterSyntax parameter }:
                return parameter.AttributeLists.Count > 0;

            default:
                return true;
        }
    }

    /// <summary>Whether the argument's position or name may be a sink; after a named argument out of place, any may.</summary>
    private static bool Accepts(ModelIdSinkNames.Shape shape, SeparatedSyntaxList<ArgumentSyntax> arguments, ArgumentSyntax argument)
    {
        if (shape.IsEmpty)
        {
            return false;
        }

        if (argument.NameColon is { } named)
        {
            return shape.ParameterNames.Contains(named.Name.Identifier.ValueText);
        }

        var position = arguments.IndexOf(argument);
        for (var i = 0; i < position; i++)
        {
            if (arguments[i].NameColon is not null)
            {
                return true;
            }
        }

        return shape.Accepts(position, null);
    }

    private static string? InvokedName(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null, // a delegate from an expression: bind and see
    };

    private static string? TypeName(NameSyntax? type) => ModelIdSinkNames.RightmostName(type);

    private static string? TypeName(TypeSyntax type) => type switch
    {
        NameSyntax name => TypeName(name),
        NullableTypeSyntax nullable => TypeName(nullable.ElementType),
        PredefinedTypeSyntax predefined => predefined.Keyword.ValueText, // no constructor of a built-in type takes a model id
        _ => null,
    };

    /// <summary>The type a target-typed <c>new(…)</c> creates, where the declaration it initializes writes it.</summary>
    private static string? TargetTypeName(ImplicitObjectCreationExpressionSyntax creation) => creation.Parent switch
    {
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => TypeName(declaration.Type),
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => TypeName(property.Type),
        EqualsValueClauseSyntax { Parent: ParameterSyntax { Type: { } type } } => TypeName(type),
        ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } => TypeName(property.Type),
        ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method } => ReturnTypeName(method.ReturnType, method.Modifiers),
        ArrowExpressionClauseSyntax { Parent: LocalFunctionStatementSyntax local } => ReturnTypeName(local.ReturnType, local.Modifiers),
        ReturnStatementSyntax statement => statement.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax) switch
        {
            MethodDeclarationSyntax method => ReturnTypeName(method.ReturnType, method.Modifiers),
            LocalFunctionStatementSyntax local => ReturnTypeName(local.ReturnType, local.Modifiers),
            _ => null, // a lambda's or an accessor's type is not written beside it
        },
        _ => null,
    };

    /// <summary>An async method returns its task's result: the type written is then not the one created.</summary>
    private static string? ReturnTypeName(TypeSyntax returnType, SyntaxTokenList modifiers) =>
        modifiers.Any(SyntaxKind.AsyncKeyword) ? null : TypeName(returnType);

    /// <summary>The type whose constructor <c>this(…)</c> or <c>base(…)</c> calls, as the declaration writes it.</summary>
    private static string? InitializedTypeName(ConstructorInitializerSyntax initializer)
    {
        if (initializer.Parent?.Parent is not TypeDeclarationSyntax type)
        {
            return null;
        }

        if (initializer.IsKind(SyntaxKind.ThisConstructorInitializer))
        {
            return type.Identifier.ValueText;
        }

        return type.BaseList?.Types.FirstOrDefault()?.Type is { } baseType ? TypeName(baseType) : null;
    }

    private static string? ExtraSinksOption(AnalyzerOptions options, SyntaxTree tree) =>
        options.AnalyzerConfigOptionsProvider.GetOptions(tree)
            .TryGetValue(ModelIdSinks.ExtraSinksOption, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static void Check(Action<Diagnostic> report, string id, ExpressionSyntax written, CatalogIndex index)
    {
        var location = written.GetLocation();
        if (index.TryGetModel(id, out var known))
        {
            if (known.Retirement is { } retirement)
            {
                KnownModel? replacement = null;
                if (known.Replacement is { } replacementId)
                {
                    index.TryGetModel(replacementId, out replacement);
                }

                report(Diagnostic.Create(
                    DiagnosticDescriptors.RetiredModelId,
                    location,
                    known.Replacement is null ? ImmutableDictionary<string, string?>.Empty
                        : replacement is null ? ImmutableDictionary<string, string?>.Empty.Add(IdProperty, known.Replacement)
                        : Properties(replacement.Id, replacement),
                    id,
                    retirement,
                    known.Replacement is null ? string.Empty : $"; use '{known.Replacement}'"));
            }
            else if (written is LiteralExpressionSyntax && known.IdConstant is not null)
            {
                report(Diagnostic.Create(
                    DiagnosticDescriptors.ModelIdHasConstant,
                    location,
                    Properties(id, known),
                    id,
                    known.IdDisplay));
            }

            return;
        }

        var suggestion = index.Suggest(id);
        KnownModel? suggested = null;
        if (suggestion is not null)
        {
            index.TryGetModel(suggestion, out suggested);
        }

        report(Diagnostic.Create(
            DiagnosticDescriptors.UnknownModelId,
            location,
            suggested is null ? ImmutableDictionary<string, string?>.Empty : Properties(suggested.Id, suggested),
            id,
            suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
    }

    private static ImmutableDictionary<string, string?> Properties(string id, KnownModel model) =>
        ImmutableDictionary<string, string?>.Empty
            .Add(IdProperty, id)
            .Add(ConstantProperty, model.IdConstant)
            .Add(ConstantDisplayProperty, model.IdDisplay);
}
