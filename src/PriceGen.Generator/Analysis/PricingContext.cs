using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PriceGen.Analysis;

/// <summary>
/// Decides whether a literal that equals a catalog price sits where a price would: in arithmetic, next to a catalog
/// model id, in a switch arm or case on one, in a table or member named like a price. Only called after the price
/// lookup matched, so the walk up the operation tree is paid for suspicious literals alone.
/// </summary>
internal static class PricingContext
{
    public static bool IsPricing(IOperation literal, ISymbol? containingSymbol, CatalogIndex index)
    {
        var value = literal;
        while (value.Parent is IConversionOperation or IParenthesizedOperation or IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus or UnaryOperatorKind.Minus })
        {
            value = value.Parent;
        }

        switch (value.Parent)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide or BinaryOperatorKind.Add or BinaryOperatorKind.Subtract }:
                return true;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return PriceNames.IsPriceLike(declarator.Symbol.Name);
            case IFieldInitializerOperation field:
                return field.InitializedFields.Any(f => PriceNames.IsPriceLike(f.Name));
            case IPropertyInitializerOperation property:
                return property.InitializedProperties.Any(p => PriceNames.IsPriceLike(p.Name));
            case IParameterInitializerOperation parameter:
                return PriceNames.IsPriceLike(parameter.Parameter.Name);
            case ISimpleAssignmentOperation assignment when assignment.Value == value:
                return IsPriceTarget(assignment.Target, index);
            case IArgumentOperation argument:
                return PriceNames.IsPriceLike(argument.Parameter?.Name) ||
                    NamesCatalogId(argument.Parent switch
                    {
                        IInvocationOperation invocation => invocation.Arguments.Where(a => a != argument).Select(a => a.Value),
                        IObjectCreationOperation creation => creation.Arguments.Where(a => a != argument).Select(a => a.Value),
                        _ => Enumerable.Empty<IOperation>(),
                    }, index) ||
                    (argument.Parent is IInvocationOperation { Parent: IObjectOrCollectionInitializerOperation table } && IsPriceTable(table));
            case ITupleOperation tuple:
                return NamesCatalogId(tuple.Elements.Where(e => e != value), index);
            case ISwitchExpressionArmOperation arm:
                return IsCatalogIdPattern(arm.Pattern, index);
            case IReturnOperation:
                return InCaseOfCatalogId(value, index) || PriceNames.IsPriceLike(NameOf(containingSymbol));
            default:
                return false;
        }
    }

    private static bool IsPriceTarget(IOperation target, CatalogIndex index) => target switch
    {
        IPropertyReferenceOperation { Property.IsIndexer: true } indexer =>
            NamesCatalogId(indexer.Arguments.Select(a => a.Value), index) || IsImageSize(indexer.Arguments) ||
            (indexer.Parent?.Parent is IObjectOrCollectionInitializerOperation table && IsPriceTable(table)) ||
            PriceNames.IsPriceLike(NameOf(indexer.Instance)),
        IArrayElementReferenceOperation element => PriceNames.IsPriceLike(NameOf(element.ArrayReference)),
        IMemberReferenceOperation member => PriceNames.IsPriceLike(member.Member.Name),
        ILocalReferenceOperation local => PriceNames.IsPriceLike(local.Local.Name),
        _ => false,
    };

    /// <summary>A collection or object initializer of something named like a price table (<c>_costTable = new() { … }</c>).</summary>
    private static bool IsPriceTable(IObjectOrCollectionInitializerOperation initializer)
    {
        var creation = initializer.Parent;
        return creation?.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => PriceNames.IsPriceLike(declarator.Symbol.Name),
            IFieldInitializerOperation field => field.InitializedFields.Any(f => PriceNames.IsPriceLike(f.Name)),
            IPropertyInitializerOperation property => property.InitializedProperties.Any(p => PriceNames.IsPriceLike(p.Name)),
            ISimpleAssignmentOperation assignment => PriceNames.IsPriceLike(NameOf(assignment.Target)),
            IConversionOperation { Parent: IFieldInitializerOperation field } => field.InitializedFields.Any(f => PriceNames.IsPriceLike(f.Name)),
            IConversionOperation { Parent: IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } } => PriceNames.IsPriceLike(declarator.Symbol.Name),
            _ => false,
        };
    }

    private static bool NamesCatalogId(System.Collections.Generic.IEnumerable<IOperation> operations, CatalogIndex index) =>
        operations.Any(o => o.ConstantValue is { HasValue: true, Value: string id } && index.TryGetModel(id, out _));

    private static bool IsImageSize(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments) =>
        arguments.Length == 1 && arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } &&
        key.IndexOf('x') > 0 && key.Replace("x", string.Empty).All(char.IsDigit);

    private static bool IsCatalogIdPattern(IPatternOperation pattern, CatalogIndex index) => pattern switch
    {
        IConstantPatternOperation constant => NamesCatalogId(new[] { constant.Value }, index),
        IBinaryPatternOperation binary => IsCatalogIdPattern(binary.LeftPattern, index) || IsCatalogIdPattern(binary.RightPattern, index),
        _ => false,
    };

    private static bool InCaseOfCatalogId(IOperation operation, CatalogIndex index)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is ISwitchCaseOperation switchCase)
            {
                return switchCase.Clauses.Any(clause => clause switch
                {
                    ISingleValueCaseClauseOperation single => NamesCatalogId(new[] { single.Value }, index),
                    IPatternCaseClauseOperation patternClause => IsCatalogIdPattern(patternClause.Pattern, index),
                    _ => false,
                });
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation)
            {
                return false;
            }
        }

        return false;
    }

    private static string? NameOf(ISymbol? symbol) => symbol switch
    {
        IMethodSymbol { AssociatedSymbol: { } property } => property.Name,
        null => null,
        _ => symbol.Name,
    };

    private static string? NameOf(IOperation? operation) => operation switch
    {
        IMemberReferenceOperation member => member.Member.Name,
        ILocalReferenceOperation local => local.Local.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        IConversionOperation conversion => NameOf(conversion.Operand),
        _ => null,
    };
}
