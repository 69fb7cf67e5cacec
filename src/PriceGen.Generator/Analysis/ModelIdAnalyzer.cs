using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
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
        start.RegisterOperationAction(
            operation =>
            {
                // Only a constant string can be checked against the catalogs: decided before any symbol is looked at.
                var value = operation.Operation switch
                {
                    IArgumentOperation argument => argument.Value,
                    ISimpleAssignmentOperation assignment => assignment.Value,
                    ISymbolInitializerOperation initializer => initializer.Value,
                    _ => null,
                };
                if (value?.ConstantValue is not { HasValue: true, Value: string })
                {
                    return;
                }

                var extra = ExtraSinksOption(operation);
                switch (operation.Operation)
                {
                    case IArgumentOperation { Parameter: { } parameter } when sinks.IsSink(parameter, extra):
                    case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } target } when sinks.IsSink(target.Member, extra):
                    case IPropertyInitializerOperation initializer when initializer.InitializedProperties.Any(p => sinks.IsSink(p, extra)):
                    case IFieldInitializerOperation fieldInitializer when fieldInitializer.InitializedFields.Any(f => sinks.IsSink(f, extra)):
                    case IParameterInitializerOperation parameterInitializer when sinks.IsSink(parameterInitializer.Parameter, extra):
                        Check(operation, value, index);
                        break;
                }
            },
            OperationKind.Argument,
            OperationKind.SimpleAssignment,
            OperationKind.PropertyInitializer,
            OperationKind.FieldInitializer,
            OperationKind.ParameterInitializer);
    }

    private static string? ExtraSinksOption(OperationAnalysisContext context) =>
        context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Operation.Syntax.SyntaxTree)
            .TryGetValue(ModelIdSinks.ExtraSinksOption, out var value) ? value : null;

    private static void Check(OperationAnalysisContext context, IOperation value, CatalogIndex index)
    {
        if (value.ConstantValue is not { HasValue: true, Value: string id })
        {
            return;
        }

        var written = value;
        while (written is IConversionOperation { IsImplicit: true } conversion)
        {
            written = conversion.Operand;
        }

        var location = written.Syntax.GetLocation();
        if (index.TryGetModel(id, out var known))
        {
            if (known.Retirement is { } retirement)
            {
                KnownModel? replacement = null;
                if (known.Replacement is { } replacementId)
                {
                    index.TryGetModel(replacementId, out replacement);
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.RetiredModelId,
                    location,
                    known.Replacement is null ? ImmutableDictionary<string, string?>.Empty
                        : replacement is null ? ImmutableDictionary<string, string?>.Empty.Add(IdProperty, known.Replacement)
                        : Properties(replacement.Id, replacement),
                    id,
                    retirement,
                    known.Replacement is null ? string.Empty : $"; use '{known.Replacement}'"));
            }
            else if (written is ILiteralOperation && known.IdConstant is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
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

        context.ReportDiagnostic(Diagnostic.Create(
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
