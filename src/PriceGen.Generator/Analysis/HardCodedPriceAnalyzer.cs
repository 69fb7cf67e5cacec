using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PriceGen.Diagnostics;

namespace PriceGen.Analysis;

/// <summary>PRICE001: a real literal equal to a catalog rate, in a pricing context.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedPriceAnalyzer : CatalogAnalyzerBase
{
    /// <summary>Diagnostic property: the generated members that could replace the literal, one per line.</summary>
    internal const string MembersProperty = "Members";

    /// <summary>Diagnostic property: how the members read in a code-fix title, one per line.</summary>
    internal const string DisplaysProperty = "Displays";

    /// <summary>Diagnostic property: the literal's type, <c>decimal</c>, <c>double</c> or <c>float</c>.</summary>
    internal const string LiteralTypeProperty = "LiteralType";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HardCodedPrice);

    private protected override void RegisterActions(CompilationStartAnalysisContext start, CatalogIndex index) =>
        start.RegisterOperationAction(operation => AnalyzeLiteral(operation, index), OperationKind.Literal);

    private static void AnalyzeLiteral(OperationAnalysisContext context, CatalogIndex index)
    {
        var literal = (ILiteralOperation)context.Operation;
        if (!TryGetValue(literal.ConstantValue, out var value, out var type))
        {
            return;
        }

        var matches = index.PricesEqualTo(value);
        if (matches.IsEmpty ||
            literal.Syntax is not LiteralExpressionSyntax { Token: var token } ||
            !IsRealLiteral(token.Text) ||
            !PricingContext.IsPricing(literal, context.ContainingSymbol, index))
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        var fixable = matches.Where(m => m.Replacement is not null).ToList();
        properties[MembersProperty] = string.Join("\n", fixable.Select(m => m.Replacement));
        properties[DisplaysProperty] = string.Join("\n", fixable.Select(m => m.ReplacementDisplay));
        properties[LiteralTypeProperty] = type;
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.HardCodedPrice,
            literal.Syntax.GetLocation(),
            properties.ToImmutable(),
            NumberText(token.Text),
            Describe(matches),
            string.Join(" or ", matches.Select(m => m.RateDisplay).Distinct())));
    }

    private static bool TryGetValue(Optional<object?> constant, out decimal value, out string type)
    {
        value = 0m;
        type = string.Empty;
        switch (constant.Value)
        {
            case decimal m when constant.HasValue:
                (value, type) = (m, "decimal");
                break;
            case double d when constant.HasValue && d is > 0 and < 1e15:
                (value, type) = ((decimal)d, "double"); // exact for every literal with up to 15 significant digits
                break;
            case float f when constant.HasValue && f is > 0 and < 1e7f:
                (value, type) = ((decimal)f, "float");
                break;
            default:
                return false;
        }

        return value > 0m;
    }

    /// <summary>0.002m, 0.02, 2e-3f — never an integer literal such as 1000 or 2m.</summary>
    private static bool IsRealLiteral(string text) => text.IndexOfAny(new[] { '.', 'e', 'E' }) >= 0 && !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);

    private static string NumberText(string token) => token.TrimEnd('m', 'M', 'd', 'D', 'f', 'F').Replace("_", string.Empty);

    /// <summary>"gpt-3.5-turbo usage ($0.002 / 1K tokens) and text-curie-001 usage ($0.0020 / 1K tokens) in OpenAI".</summary>
    private static string Describe(ImmutableArray<PriceMatch> matches)
    {
        var byProvider = new List<string>();
        foreach (var provider in matches.GroupBy(m => m.Provider))
        {
            var entries = provider.Select(m => $"{m.ModelId} {m.Role}{(m.PerUnit ? " per unit" : string.Empty)} ({m.Written})").ToList();
            var joined = entries.Count <= 2 ? string.Join(" and ", entries) : string.Join(", ", entries.Take(entries.Count - 1)) + " and " + entries[entries.Count - 1];
            byProvider.Add(joined + " in " + provider.Key);
        }

        return string.Join("; ", byProvider);
    }
}
