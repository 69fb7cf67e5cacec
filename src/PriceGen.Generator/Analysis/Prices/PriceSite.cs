using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PriceGen.Analysis.Prices;

/// <summary>
/// Where a price-shaped literal sits, read from syntax alone: the names the value goes to (nearest first), the
/// expressions beside it that may name its model (sibling arguments, dictionary keys, switch patterns, if
/// conditions), the scale written in its own arithmetic, and whether it scales another price instead of being one.
/// </summary>
internal sealed class PriceSite
{
    private const int MaxEntryLevels = 3;

    // The factors of the literal's product and the expressions of its entry, as read last: scratch, reused.
    private readonly List<(ExpressionSyntax Leaf, bool Divides)> _factors = new();
    private readonly List<ExpressionSyntax> _entry = new();

    private PriceSite(LiteralExpressionSyntax literal, ExpressionSyntax value) => (Literal, Value) = (literal, value);

    /// <summary>A site to pass to <see cref="Read"/> again and again, for one tree's literals in turn.</summary>
    public static PriceSite Reusable() => new(null!, null!);

    public LiteralExpressionSyntax Literal { get; private set; }

    /// <summary>The literal with its own scale arithmetic (<c>2.5m / 1_000_000</c>): what a fix would replace.</summary>
    public ExpressionSyntax Value { get; private set; }

    /// <summary>How many units the literal is the price of, from divisors and multipliers beside it (<c>/ 1000</c>, <c>* 1e-6</c>).</summary>
    public decimal? ArithmeticScale { get; private set; }

    /// <summary>The literal is multiplied by something counted (tokens, characters, minutes).</summary>
    public bool MultipliesCount { get; private set; }

    /// <summary>Names the value is stored to or passed as: assignment target, declarator, parameter, property, named argument.</summary>
    public List<string> TargetNames { get; } = new();

    /// <summary>The creation, call or attribute the value is part of (<c>new UsageCost</c>, <c>.Register</c>, <c>[Rate]</c>), and the tables it sits in.</summary>
    public List<string> OwnerNames { get; } = new();

    /// <summary>The enclosing member, then the enclosing types, innermost first.</summary>
    public List<string> EnclosingNames { get; } = new();

    /// <summary>Expressions around the literal that may hold or spell the model id, nearest first.</summary>
    public List<SyntaxNode> Keys { get; } = new();

    /// <summary>Sibling entries' names (<c>ModelString</c> in an object initializer): they say where the model id is, never the price.</summary>
    public List<string> SiblingNames { get; } = new();

    /// <summary>
    /// Strings held by sibling entries whose names say model (<c>ModelId = "mistral-large"</c>, <c>Id = "codestral"</c>):
    /// model ids whatever they look like, so one no catalog lists makes the entry's numbers no catalog model's.
    /// </summary>
    public List<string> NamedModelIds { get; } = new();

    /// <summary>The argument whose parameter name may name the price (resolved only if needed).</summary>
    public ArgumentSyntax? Argument { get; private set; }

    /// <summary>Position of the literal among the numbers of its entry, and how many numbers the entry holds.</summary>
    public int Ordinal { get; private set; } = -1;

    public int NumberCount { get; private set; }

    /// <summary>A switch arm or case: the value is chosen by a pattern (a model id, or a discard beside model ids).</summary>
    public SyntaxNode? Switch { get; private set; }

    public TypeDeclarationSyntax? Type { get; private set; }

    public SyntaxNode? Member { get; private set; }

    /// <summary>
    /// Whether all of <see cref="EnclosingNames"/> may say "price", not only the member's: a type's name counts for the
    /// fields and properties it declares (<c>static class TokenPrices { const decimal Gpt4oPrompt = … }</c>) and for a
    /// switch arm, never for the code in its methods.
    /// </summary>
    public bool AllEnclosingNamesPrice => Member is FieldDeclarationSyntax or PropertyDeclarationSyntax || Switch is not null;

    /// <summary>How many of <see cref="EnclosingNames"/> are the enclosing member (0 or 1); the rest are types.</summary>
    public int MemberNameCount { get; private set; }

    /// <summary>Null when the literal scales another value: a divisor, or a factor of something priced (<c>price * 0.001</c>, <c>GetInputCost(m) * 0.1</c>).</summary>
    /// <param name="literal">The literal.</param>
    /// <param name="reuse">
    /// A site to overwrite, the one read for the tree's previous literal: its lists keep their capacity, so a tree's
    /// literals allocate one site, not six lists each. The caller must be done with it.
    /// </param>
    public static PriceSite? Read(LiteralExpressionSyntax literal, PriceSite? reuse = null)
    {
        ExpressionSyntax node = Unwrap(literal);
        if (IsComparison(node))
        {
            return null; // ratio < 0.02, x is 0.001m: a bound or a pattern, not a price (switch arms and case labels hold their prices in the arm)
        }

        var chain = node;
        while (chain.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.MultiplyExpression or (int)SyntaxKind.DivideExpression } ||
            (chain.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax && chain.Parent.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.MultiplyExpression or (int)SyntaxKind.DivideExpression }))
        {
            chain = (ExpressionSyntax)chain.Parent;
        }

        var site = reuse?.Reset(literal, node) ?? new PriceSite(literal, node);
        if (chain != node && !site.ReadChain(chain, node))
        {
            return null;
        }

        var top = chain;
        while (top.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or CheckedExpressionSyntax ||
            top.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression or (int)SyntaxKind.SubtractExpression })
        {
            top = (ExpressionSyntax)top.Parent!;
        }

        site.ReadSlot(top);
        site.ReadEnclosing(literal);
        return site;
    }

    private PriceSite Reset(LiteralExpressionSyntax literal, ExpressionSyntax value)
    {
        (Literal, Value) = (literal, value);
        (ArithmeticScale, MultipliesCount, Argument, Ordinal, NumberCount, Switch, Type, Member, MemberNameCount) = (null, false, null, -1, 0, null, null, null, 0);
        TargetNames.Clear();
        OwnerNames.Clear();
        EnclosingNames.Clear();
        Keys.Clear();
        SiblingNames.Clear();
        NamedModelIds.Clear();
        return this;
    }

    private static bool IsComparison(ExpressionSyntax node) =>
        node.Parent is ConstantPatternSyntax or RelationalPatternSyntax ||
        node.Parent is BinaryExpressionSyntax
        {
            RawKind: (int)SyntaxKind.LessThanExpression or (int)SyntaxKind.LessThanOrEqualExpression or (int)SyntaxKind.GreaterThanExpression or
                (int)SyntaxKind.GreaterThanOrEqualExpression or (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression,
        };

    private static ExpressionSyntax Unwrap(ExpressionSyntax literal)
    {
        ExpressionSyntax node = literal;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or CheckedExpressionSyntax ||
            node.Parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryPlusExpression } ||
            node.Parent is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
        {
            node = (ExpressionSyntax)node.Parent;
        }

        return node;
    }

    /// <summary>Reads the product/quotient around the literal; false when the literal is a divisor or scales a price.</summary>
    private bool ReadChain(ExpressionSyntax chain, ExpressionSyntax self)
    {
        var factors = _factors;
        factors.Clear();
        Flatten(chain, divides: false, factors);
        var mine = -1;
        for (var i = 0; i < factors.Count; i++)
        {
            if (factors[i].Leaf.Span.Contains(self.Span) || self.Span.Contains(factors[i].Leaf.Span))
            {
                mine = i;
                break;
            }
        }

        if (mine < 0 || factors[mine].Divides)
        {
            return false;
        }

        var selfValue = NumberOf(self);
        var selfIsPowerOfTen = selfValue is { } v && IsPowerOfTen(v);
        decimal scale = 1m;
        var sawOtherNumber = false;
        for (var i = 0; i < factors.Count; i++)
        {
            if (i == mine)
            {
                continue;
            }

            var (leaf, divides) = factors[i];
            if (NumberOf(leaf) is { } number)
            {
                if (divides && number is 1_000m or 1_000_000m)
                {
                    scale *= number;
                }
                else if (!divides && number is 0.001m or 0.000001m)
                {
                    scale /= number;
                }
                else
                {
                    sawOtherNumber = true;
                }

                continue;
            }

            var name = NameOf(leaf);
            if (PriceNames.IsCount(name))
            {
                MultipliesCount = true;
            }
            else if (PriceNames.IsPriceLike(name) && !divides)
            {
                return false; // price * 0.001, GetInputCost(model) * 0.1: a factor applied to a price
            }
        }

        if (selfIsPowerOfTen && (sawOtherNumber || (scale == 1m && !MultipliesCount)))
        {
            return false; // 2.5m * 0.000001m: the power of ten is the scale
        }

        if (scale != 1m)
        {
            ArithmeticScale = scale;
        }

        return true;
    }

    private static void Flatten(ExpressionSyntax expression, bool divides, List<(ExpressionSyntax, bool)> factors)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                Flatten(parenthesized.Expression, divides, factors);
                break;
            case CastExpressionSyntax cast:
                Flatten(cast.Expression, divides, factors);
                break;
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.MultiplyExpression } multiply:
                Flatten(multiply.Left, divides, factors);
                Flatten(multiply.Right, divides, factors);
                break;
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.DivideExpression } divide:
                Flatten(divide.Left, divides, factors);
                Flatten(divide.Right, !divides, factors);
                break;
            default:
                factors.Add((expression, divides));
                break;
        }
    }

    private static bool IsPowerOfTen(decimal value) => value is 0.001m or 0.000001m or 1_000m or 1_000_000m or 0.0001m or 0.00001m or 0.0000001m or 0.00000001m;

    internal static decimal? NumberOf(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            expression = expression is ParenthesizedExpressionSyntax p ? p.Expression : ((CastExpressionSyntax)expression).Expression;
        }

        return expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal
            ? literal.Token.Value switch
            {
                decimal m => m,
                double d when d is > -1e15 and < 1e15 => (decimal)d,
                float f when f is > -1e7f and < 1e7f => (decimal)f,
                int i => i,
                long l => l,
                _ => null,
            }
            : null;
    }

    /// <summary>The identifier that names an expression: <c>tokens</c>, <c>usage.InputTokenCount</c>, <c>GetInputCost(model)</c>.</summary>
    internal static string? NameOf(SyntaxNode? node) => node switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        ConditionalAccessExpressionSyntax conditional => NameOf(conditional.WhenNotNull),
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        InvocationExpressionSyntax invocation => NameOf(invocation.Expression),
        ElementAccessExpressionSyntax element => NameOf(element.Expression),
        ParenthesizedExpressionSyntax parenthesized => NameOf(parenthesized.Expression),
        CastExpressionSyntax cast => NameOf(cast.Expression),
        PostfixUnaryExpressionSyntax postfix => NameOf(postfix.Operand),
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        _ => null,
    };

    /// <summary>What the value becomes: a variable, a property, an argument, a tuple or table entry, a switch arm.</summary>
    private void ReadSlot(ExpressionSyntax value)
    {
        SyntaxNode current = value;
        for (var level = 0; level < MaxEntryLevels && current.Parent is { } parent; level++)
        {
            switch (parent)
            {
                case ArgumentSyntax argument:
                    if (ReadArgument(argument, level) is not ExpressionSyntax owner)
                    {
                        return;
                    }

                    current = owner;
                    continue;
                case AttributeArgumentSyntax attributeArgument when attributeArgument.Parent?.Parent is AttributeSyntax attribute:
                    if (attributeArgument.NameEquals is { } nameEquals)
                    {
                        TargetNames.Add(nameEquals.Name.Identifier.ValueText);
                    }
                    else if (attributeArgument.NameColon is { } nameColon)
                    {
                        TargetNames.Add(nameColon.Name.Identifier.ValueText);
                    }

                    OwnerNames.Add(NameOf(attribute.Name) ?? attribute.Name.ToString());
                    _entry.Clear();
                    foreach (var each in attribute.ArgumentList!.Arguments)
                    {
                        _entry.Add(each.Expression);
                    }

                    ReadNumbers(_entry, attributeArgument.Expression, level);
                    if (attribute.Parent?.Parent is MemberDeclarationSyntax target && DeclaredName(target) is { } targetName)
                    {
                        OwnerNames.Add(targetName);
                    }

                    return;
                case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression } entry:
                    _entry.Clear();
                    foreach (var each in entry.Expressions)
                    {
                        _entry.Add(each);
                        if (each != current)
                        {
                            Keys.Add(each);
                        }
                    }

                    ReadNumbers(_entry, current as ExpressionSyntax, level);
                    current = entry.Parent is InitializerExpressionSyntax outer ? outer : entry;
                    ReadTable(current);
                    return;
                case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ArrayInitializerExpression, Parent: ImplicitArrayCreationExpressionSyntax or ArrayCreationExpressionSyntax } returned
                    when returned.Parent?.Parent is ReturnStatementSyntax or ArrowExpressionClauseSyntax:
                    // if (m.Contains("opus-4-1")) return new[] { 15.0, 75, 1.5 }: one model's prices, chosen by the condition.
                    _entry.Clear();
                    foreach (var each in returned.Expressions)
                    {
                        _entry.Add(each);
                    }

                    ReadNumbers(_entry, current as ExpressionSyntax, level);
                    ReadStatementConditions(returned.Parent!.Parent!);
                    return;
                case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ObjectInitializerExpression or (int)SyntaxKind.CollectionInitializerExpression or (int)SyntaxKind.ArrayInitializerExpression } list:
                    ReadTable(list);
                    return;
                case AssignmentExpressionSyntax assignment when assignment.Right == current:
                    ReadAssignment(assignment);
                    if (assignment.Parent is InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ObjectInitializerExpression } objectInitializer)
                    {
                        // ["gpt-4o"] = new() { … }: the other ["…"] = entries of a dictionary are other models, and so are,
                        // around an entry that is itself an object, the siblings that are objects too (Gpt4o = new() { … }).
                        var entryOfTable = assignment.Left is ImplicitElementAccessSyntax;
                        foreach (var expression in objectInitializer.Expressions)
                        {
                            if (expression is not AssignmentExpressionSyntax sibling || sibling == assignment || entryOfTable ||
                                (level > 0 && IsEntry(sibling.Right)))
                            {
                                continue;
                            }

                            Keys.Add(sibling.Right);
                            if (NameOf(sibling.Left) is { } siblingName)
                            {
                                SiblingNames.Add(siblingName);
                                if (sibling.Right is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } text && NamesModelId(siblingName))
                                {
                                    NamedModelIds.Add(text.Token.ValueText);
                                }
                            }
                        }

                        if (objectInitializer.Parent is BaseObjectCreationExpressionSyntax creation)
                        {
                            AddCreationName(creation);
                            current = creation;
                            continue;
                        }
                    }
                    else if (assignment.Parent is InitializerExpressionSyntax indexed)
                    {
                        ReadTable(indexed);
                    }

                    return;
                case EqualsValueClauseSyntax equals:
                    if (DeclaredName(equals.Parent) is { } declared)
                    {
                        // Directly initialized, the name is the price's own; around a creation or call, it names the whole.
                        (level == 0 ? TargetNames : OwnerNames).Add(declared);
                    }

                    return;
                case SwitchExpressionArmSyntax arm when arm.Expression == current:
                    Switch = arm;
                    Keys.Add(arm.Pattern);
                    if (arm.WhenClause is { } when)
                    {
                        Keys.Add(when.Condition);
                    }

                    current = arm.Parent!;
                    level = 0;
                    continue;
                case SwitchExpressionSyntax:
                    current = parent;
                    continue;
                case ConditionalExpressionSyntax conditional when conditional.WhenTrue == current:
                    Keys.Add(conditional.Condition);
                    current = conditional;
                    continue;
                case ConditionalExpressionSyntax conditional when conditional.WhenFalse == current:
                    // vendor == "Gemini" ? 0.000075m : 0.00015m: the condition names the other branch's model, not this one's;
                    // what the whole is stored as still names this price.
                    current = conditional;
                    continue;
                case ReturnStatementSyntax or ArrowExpressionClauseSyntax or YieldStatementSyntax:
                    ReadStatementConditions(parent);
                    return;
                default:
                    return;
            }
        }
    }

    /// <summary>Reads an argument (of a call, creation, indexer or tuple) and returns what holds the argument list.</summary>
    private SyntaxNode? ReadArgument(ArgumentSyntax argument, int level)
    {
        if (argument.NameColon is { } nameColon)
        {
            TargetNames.Add(nameColon.Name.Identifier.ValueText);
        }
        else if (level == 0)
        {
            Argument = argument;
        }

        SeparatedSyntaxList<ArgumentSyntax> arguments;
        SyntaxNode? owner;
        switch (argument.Parent)
        {
            case BaseArgumentListSyntax list:
                (arguments, owner) = (list.Arguments, list.Parent);
                break;
            case TupleExpressionSyntax tuple:
                (arguments, owner) = (tuple.Arguments, tuple);
                break;
            default:
                return null;
        }

        var expressions = _entry;
        expressions.Clear();
        foreach (var each in arguments)
        {
            expressions.Add(each.Expression);

            // HasData(new Rate("claude-sonnet-4", 3m, …), new Rate("gpt-5", 1.25m, …)): around a row that is itself an
            // object or tuple, the arguments that are objects or tuples too are other rows, with other models.
            if (each != argument && !(level > 0 && IsEntry(each.Expression) && IsEntry(argument.Expression)))
            {
                Keys.Add(each.Expression);
            }
        }

        ReadNumbers(expressions, argument.Expression, level);
        switch (owner)
        {
            case InvocationExpressionSyntax invocation when NameOf(invocation.Expression) is { } method:
                OwnerNames.Add(method);
                break;
            case BaseObjectCreationExpressionSyntax creation:
                AddCreationName(creation);
                break;
            case ElementAccessExpressionSyntax element when NameOf(element.Expression) is { } collection:
                OwnerNames.Add(collection);
                break;
        }

        return owner;
    }

    private void AddCreationName(BaseObjectCreationExpressionSyntax creation)
    {
        if (creation is ObjectCreationExpressionSyntax { Type: var type } && NameOf(type) is { } typeName)
        {
            OwnerNames.Add(typeName);
        }
        else if (creation is ObjectCreationExpressionSyntax { Type: PredefinedTypeSyntax or ArrayTypeSyntax })
        {
            // new decimal(...) has no name to read
        }
    }

    private void ReadAssignment(AssignmentExpressionSyntax assignment)
    {
        switch (assignment.Left)
        {
            case ImplicitElementAccessSyntax implicitElement:
                Keys.AddRange(implicitElement.ArgumentList.Arguments.Select(a => a.Expression));
                break;
            case ElementAccessExpressionSyntax element:
                Keys.AddRange(element.ArgumentList.Arguments.Select(a => a.Expression));
                if (NameOf(element.Expression) is { } collection)
                {
                    OwnerNames.Add(collection);
                }

                break;
            default:
                if (NameOf(assignment.Left) is { } name)
                {
                    TargetNames.Add(name);
                }

                break;
        }
    }

    /// <summary><c>ModelId</c>, <c>Model</c>, <c>model_name</c>, <c>Id</c>: a member that holds its entry's model id.</summary>
    private static bool NamesModelId(string name) =>
        name.IndexOf("model", System.StringComparison.OrdinalIgnoreCase) >= 0 || name is "Id" or "ID" or "id";

    /// <summary>An object or collection written in place: beside another such value, an entry of the same table.</summary>
    private static bool IsEntry(ExpressionSyntax value) =>
        value is BaseObjectCreationExpressionSyntax or InitializerExpressionSyntax or AnonymousObjectCreationExpressionSyntax or
            TupleExpressionSyntax or CollectionExpressionSyntax;

    /// <summary>A dictionary, array or object initializer: its name (the field, variable or property it initializes) names the table.</summary>
    private void ReadTable(SyntaxNode table)
    {
        var creation = table.Parent;
        var slot = creation?.Parent;
        while (slot is CastExpressionSyntax or ParenthesizedExpressionSyntax)
        {
            slot = slot.Parent;
        }

        if (creation is BaseObjectCreationExpressionSyntax objectCreation)
        {
            AddCreationName(objectCreation);
        }

        switch (slot)
        {
            case EqualsValueClauseSyntax equals when DeclaredName(equals.Parent) is { } declared:
                OwnerNames.Add(declared);
                break;
            case AssignmentExpressionSyntax assignment when NameOf(assignment.Left) is { } target:
                OwnerNames.Add(target);
                break;
            case ArrowExpressionClauseSyntax or ReturnStatementSyntax:
                break;
        }
    }

    /// <summary><c>if (id.StartsWith("gpt-4o")) return …</c> and <c>case "gpt-4o": return …</c>: the conditions that chose this value.</summary>
    private void ReadStatementConditions(SyntaxNode statement)
    {
        SyntaxNode child = statement;
        for (var node = statement.Parent; node is not null and not MemberDeclarationSyntax and not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax; child = node, node = node.Parent)
        {
            switch (node)
            {
                case IfStatementSyntax ifStatement when ifStatement.Statement == child:
                    Keys.Add(ifStatement.Condition);
                    return;
                case SwitchSectionSyntax section:
                    Switch = section;
                    foreach (var label in section.Labels)
                    {
                        Keys.Add(label);
                    }

                    return;
            }
        }
    }

    private void ReadNumbers(List<ExpressionSyntax> expressions, ExpressionSyntax? self, int level)
    {
        if (level > 0 || self is null)
        {
            return;
        }

        var position = 0;
        foreach (var expression in expressions)
        {
            var unwrapped = expression;
            while (unwrapped is BinaryExpressionSyntax binary)
            {
                unwrapped = binary.Left;
            }

            while (unwrapped is ParenthesizedExpressionSyntax or CastExpressionSyntax)
            {
                unwrapped = unwrapped is ParenthesizedExpressionSyntax p ? p.Expression : ((CastExpressionSyntax)unwrapped).Expression;
            }

            var isNumber = unwrapped is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } ||
                unwrapped is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } s && s.Token.ValueText.TrimStart().StartsWith("$", System.StringComparison.Ordinal);
            if (expression == self || expression.Span.Contains(self.Span))
            {
                Ordinal = position;
            }

            if (isNumber)
            {
                position++;
            }
        }

        NumberCount = position;
    }

    private void ReadEnclosing(SyntaxNode literal)
    {
        for (var ancestor = literal.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            switch (ancestor)
            {
                case TypeDeclarationSyntax type:
                    Type ??= type;
                    EnclosingNames.Add(type.Identifier.ValueText);
                    break;
                case EnumDeclarationSyntax enumeration:
                    EnclosingNames.Add(enumeration.Identifier.ValueText);
                    break;
                case MemberDeclarationSyntax member when Member is null && member is not BaseNamespaceDeclarationSyntax:
                    Member = member;
                    if (DeclaredName(member) is { } name && !TargetNames.Contains(name))
                    {
                        EnclosingNames.Add(name);
                        MemberNameCount = 1;
                    }

                    break;
                case LocalFunctionStatementSyntax local when Member is null:
                    EnclosingNames.Add(local.Identifier.ValueText);
                    break;
            }
        }
    }

    internal static string? DeclaredName(SyntaxNode? node) => node switch
    {
        VariableDeclaratorSyntax declarator => declarator.Identifier.ValueText,
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        ParameterSyntax parameter => parameter.Identifier.ValueText,
        EnumMemberDeclarationSyntax enumMember => enumMember.Identifier.ValueText,
        FieldDeclarationSyntax field => field.Declaration.Variables.FirstOrDefault()?.Identifier.ValueText,
        BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
        IndexerDeclarationSyntax => null,
        _ => null,
    };
}
