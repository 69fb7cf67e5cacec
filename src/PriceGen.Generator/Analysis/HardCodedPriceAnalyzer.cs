using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PriceGen.Analysis.Prices;
using PriceGen.Catalog;
using PriceGen.Diagnostics;

namespace PriceGen.Analysis;

/// <summary>
/// PRICE001: a literal equal to a catalog rate, in a pricing context, named after the model its context names.
/// PRICE005: a literal its context ties to a catalog model whose rate differs under every plausible scale.
/// Syntax first: a numeric or "$…" string literal token, then its surroundings; the semantic model is asked only for
/// constants and parameter names beside a literal that already looks like a price.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedPriceAnalyzer : CatalogAnalyzerBase
{
    /// <summary>Diagnostic property: the generated members that could replace the literal, one per line.</summary>
    internal const string MembersProperty = "Members";

    /// <summary>Diagnostic property: how the members read in a code-fix title, one per line.</summary>
    internal const string DisplaysProperty = "Displays";

    /// <summary>Diagnostic property: the literal's type, <c>decimal</c>, <c>double</c>, <c>float</c>, <c>int</c> or <c>string</c>.</summary>
    internal const string LiteralTypeProperty = "LiteralType";

    /// <summary>Ratio beyond which a number beside a model is not taken for an out-of-date price of it.</summary>
    private const double PlausibleRatio = 10;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.HardCodedPrice, DiagnosticDescriptors.OutdatedPrice);

    private protected override void RegisterActions(CompilationStartAnalysisContext start, CatalogIndex index)
    {
        var rates = ModelRates.Of(index);
        var compilation = start.Compilation;

        // One pass over each tree's text for where a number or a "$…" string may start, and the token found there:
        // cheaper than walking every token (or the driver dispatching every node); the semantic model is made only for
        // a tree where a literal needs a constant or a parameter name.
        start.RegisterSyntaxTreeAction(context =>
        {
            SemanticModel? model = null;
#pragma warning disable RS1030 // made at most once per tree, and only when a price-shaped literal needs a constant or a parameter name
            Func<SemanticModel> semanticModel = () => model ??= compilation.GetSemanticModel(context.Tree);
#pragma warning restore RS1030
            Action<Diagnostic> report = context.ReportDiagnostic;
            var names = new DeclaredNames();
            var site = PriceSite.Reusable(); // the tree's literals are read one after the other into one site
            var otherCurrencyComments = new Dictionary<SyntaxNode, bool>();
            var membersNamingOnlyUnlistedModels = new Dictionary<SyntaxNode, bool>();
            var root = context.Tree.GetRoot(context.CancellationToken);
            foreach (var token in LiteralTokens(context.Tree.GetText(context.CancellationToken).ToString(), root))
            {
                if (token.Parent is LiteralExpressionSyntax literal)
                {
                    Analyze(new LiteralContext(literal, names, site, otherCurrencyComments, membersNamingOnlyUnlistedModels, semanticModel, report, context.CancellationToken), index, rates);
                }
            }
        });
    }

    /// <summary>
    /// The numeric literal tokens, and the string literal tokens with a <c>$</c>, of a tree: a number starts with a digit
    /// (or <c>.</c> and a digit) after a character that cannot precede one inside an identifier or a number, and only
    /// such positions are looked up in the tree. A position inside a string, a comment or a longer token skips to its end.
    /// A number that is never a price (<see cref="IsZeroOrQuantity"/>) is not looked up at all.
    /// </summary>
    internal static IEnumerable<SyntaxToken> LiteralTokens(string text, SyntaxNode root)
    {
        var tokens = new TextTokens(root);
        var resumeAt = 0;
        for (var i = NextLiteralStart(text, 0); i >= 0; i = NextLiteralStart(text, Math.Max(i + 1, resumeAt)))
        {
            if (IsZeroOrQuantity(text, i))
            {
                continue;
            }

            var token = tokens.At(i, out resumeAt);
            if ((token.IsKind(SyntaxKind.NumericLiteralToken) && token.SpanStart == i) ||
                (token.IsKind(SyntaxKind.StringLiteralToken) && token.Text.IndexOf('$') >= 0))
            {
                yield return token;
            }
        }
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>
    /// Whether the number written at <paramref name="start"/> is zero (<c>0</c>, <c>0m</c>, <c>0.00</c>) or the integer
    /// 1000 or 1000000, read from the text: <see cref="Analyze"/> drops these (a zero is no price; 1000 and 1000000 beside a
    /// price are its quantity), and in real code zeros are the commonest literal, so finding their tokens was wasted.
    /// Plain digits with an optional <c>m</c>/<c>d</c>/<c>f</c> suffix only; anything else is left to the tree.
    /// </summary>
    internal static bool IsZeroOrQuantity(string text, int start)
    {
        var i = start;
        var digits = 0;
        var zero = true;
        var integer = true;
        var value = 0L; // stops growing past 10^7, beyond the quantities compared with
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (IsDigit(c))
            {
                digits++;
                zero &= c == '0';
                value = value < 10_000_000 ? (value * 10) + (c - '0') : value;
            }
            else if (c == '.' && integer && i + 1 < text.Length && IsDigit(text[i + 1]))
            {
                integer = false;
            }
            else if (c != '_')
            {
                break;
            }
        }

        if (i < text.Length && text[i] is 'm' or 'M' or 'd' or 'D' or 'f' or 'F')
        {
            i++;
        }

        if (digits == 0 || (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')))
        {
            return false; // an exponent, a hex, long or unsigned literal: not decided here
        }

        return zero || (integer && value is 1_000 or 1_000_000);
    }

    private static readonly char[] LiteralStartCharacters = "0123456789.$".ToCharArray();

    /// <summary>
    /// The next position from <paramref name="from"/> where a number or a <c>$</c> may start, or -1. Outside the iterator
    /// and through <c>IndexOfAny</c>, which the runtime vectorizes: a character at a time in the iterator was a third of
    /// PRICE001's time on clean code.
    /// </summary>
    private static int NextLiteralStart(string text, int from)
    {
        for (var i = from < text.Length ? text.IndexOfAny(LiteralStartCharacters, from) : -1; i >= 0; i = i + 1 < text.Length ? text.IndexOfAny(LiteralStartCharacters, i + 1) : -1)
        {
            var c = text[i];
            if (c == '$' ||
                ((IsDigit(c) || (i + 1 < text.Length && IsDigit(text[i + 1]))) && (i == 0 || !(char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_'))))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>What <see cref="Analyze"/> needs of its caller: the literal, the tree's names, reusable site and answers about comments and members, a lazy semantic model, where to report.</summary>
    private readonly record struct LiteralContext(LiteralExpressionSyntax Node, DeclaredNames Names, PriceSite Site, Dictionary<SyntaxNode, bool> CommentsNameOtherCurrency, Dictionary<SyntaxNode, bool> MembersNamingOnlyUnlistedModels, Func<SemanticModel> Model, Action<Diagnostic> ReportDiagnostic, System.Threading.CancellationToken CancellationToken)
    {
        public SemanticModel SemanticModel => Model();
    }

    private static void Analyze(LiteralContext context, CatalogIndex index, ModelRates rates)
    {
        var literal = context.Node;
        if (!PriceLiteral.TryRead(literal, out var price) || (price.IsInteger && price.Value is 1_000m or 1_000_000m) || PriceSite.Read(literal, context.Site) is not { } site)
        {
            return; // 1000 and 1000000 beside a price are its quantity, never a price
        }

        var verdict = NameVerdict(site);
        if (verdict == false || (site.Keys.Count == 0 && site.Switch is null && verdict is null && !site.MultipliesCount))
        {
            return; // nothing around it says price or model: the common case, decided on syntax alone
        }

        // Only entries beside it: they must name a model before the callee's parameter name is worth binding for.
        var attribution = verdict is null && site.Switch is null && !site.MultipliesCount
            ? ModelAttribution.Of(site, index, rates, context.Names, context.Model, context.CancellationToken)
            : null;
        if (attribution is { NamesModel: false } or { UnknownModel: true })
        {
            return; // no model, or one no catalog lists (below, that ends the analysis too)
        }

        if (site.TargetNames.Count == 0 && site.Argument is { } argument && ParameterNameCanMatter(site, price, ref attribution, context, index, rates) &&
            ParameterName(argument, context) is { } parameter)
        {
            site.TargetNames.Add(parameter);
            if (attribution is { ById: false })
            {
                attribution = null; // the parameter's name may spell a model too: attributed again below
            }

            if (PriceNames.IsNotPrice(parameter))
            {
                return;
            }

            verdict ??= PriceNames.IsPriceLike(parameter) ? true : null;
        }

        if (IsOtherCurrency(site, context.CommentsNameOtherCurrency))
        {
            return;
        }

        // The name the value is stored as decides first: "SortOrder" or "ContextLength" beside a model id is no price.
        if (site.TargetNames.Count > 0 && !site.MultipliesCount && !site.TargetNames.Any(n => PriceNames.IsPriceLike(n) || PriceNames.Roles(n) is not null))
        {
            return;
        }

        var strong = verdict == true || site.MultipliesCount;
        var scale = price.WrittenScale ?? site.ArithmeticScale ?? UnitInNames(site);
        attribution ??= ModelAttribution.Of(site, index, rates, context.Names, context.Model, context.CancellationToken);
        if (attribution.UnknownModel)
        {
            return; // the context names a model no catalog lists: any equal rate of another model is a coincidence
        }

        var roles = Roles(site);
        if (!attribution.Ids.IsEmpty)
        {
            if (!strong && !attribution.ById && site.Switch is null)
            {
                return; // an identifier that spells a model is not enough without a price word or a count
            }

            var modelRates = new List<ModelRate>();
            foreach (var id in attribution.Ids)
            {
                foreach (var rate in rates.RatesOf(id))
                {
                    modelRates.Add(rate); // not AddRange: it would box the ImmutableArray
                }
            }

            var candidates = Matches(modelRates, roles, price.Value, scale);
            if (candidates.Count == 0 && roles is not null)
            {
                candidates = Matches(modelRates, roles: null, price.Value, scale);
            }

            if (candidates.Count > 0 && attribution.Ids.Length == 1 && NewerPriceOf(candidates, modelRates, roles) is { } newer)
            {
                ReportOutdated(context, literal, price, newer.Rates, newer.Scale, newer.Effective);
            }
            else if (candidates.Count > 0)
            {
                ReportHardCoded(context, literal, price, candidates);
            }
            else if (strong && attribution.Ids.Length == 1)
            {
                ReportOutdated(context, literal, price, modelRates, roles, scale);
            }

            return;
        }

        if ((price.IsInteger && site.ArithmeticScale is null) || (!strong && !InSwitchOfIds(site, index)))
        {
            return;
        }

        // Without a model in context: the rates of every model with a rate of this value at some plausible scale.
        var all = RatesEqualTo(price.Value, scale, index, rates);
        if (all is null || NamesOnlyUnlistedModels(site.Member, index, context.MembersNamingOnlyUnlistedModels))
        {
            return;
        }

        // Without a model, the role its names say is all that ties it to a rate: an "output" price equal to some
        // model's cached-input rate is a coincidence, so no match with the role left out.
        var found = OfNamedFamily(site, Matches(all, roles, price.Value, scale));
        if (found.Count > 0)
        {
            ReportHardCoded(context, literal, price, found);
        }
    }

    /// <summary>
    /// Of several candidates, those of the model family the context names (<c>static class GptTokenRates</c>,
    /// <c>vendor == "Gemini" ? …</c>), when some are: without a model in context, the family is what tells gpt-4o's
    /// $10 / 1M from gemini-2.5-pro's. Otherwise all of them.
    /// </summary>
    private static List<PriceCandidate> OfNamedFamily(PriceSite site, List<PriceCandidate> found)
    {
        if (found.Count < 2)
        {
            return found;
        }

        foreach (var family in FamiliesNamedBy(site))
        {
            var ofFamily = found.FindAll(c => ModelRates.Spelling(c.Rate.ModelId).Contains(family));
            if (ofFamily.Count > 0)
            {
                return ofFamily;
            }
        }

        return found;
    }

    /// <summary>The model families (lower case) in the keys beside a literal, then in its enclosing member and types, nearest first.</summary>
    private static IEnumerable<string> FamiliesNamedBy(PriceSite site)
    {
        const int MaxTokensPerKey = 64; // a key may be a long condition or a lambda: its first tokens say the family
        foreach (var key in site.Keys)
        {
            var seen = 0;
            foreach (var token in key.DescendantTokens())
            {
                if (++seen > MaxTokensPerKey)
                {
                    break;
                }

                if (token.IsKind(SyntaxKind.IdentifierToken) || token.IsKind(SyntaxKind.StringLiteralToken))
                {
                    foreach (var family in ModelAttribution.FamiliesIn(token.ValueText))
                    {
                        yield return family.ToLowerInvariant();
                    }
                }
            }
        }

        foreach (var name in site.EnclosingNames)
        {
            foreach (var family in ModelAttribution.FamiliesIn(name))
            {
                yield return family.ToLowerInvariant();
            }
        }
    }

    /// <summary>
    /// Whether the callee's parameter name can change what is reported: asking for it binds the whole member around the
    /// call, nullable analysis included (on this repository's own code, four fifths of PRICE001's time went to one such
    /// binding). It cannot when no rate equals the value at any scale and the context names no model: nothing would be
    /// reported whatever the parameter is called.
    /// </summary>
    private static bool ParameterNameCanMatter(PriceSite site, PriceLiteral price, ref ModelAttribution? attribution, LiteralContext context, CatalogIndex index, ModelRates rates)
    {
        var value = price.Value;
        var scale = price.WrittenScale ?? site.ArithmeticScale;
        if (!index.PricesEqualTo(value).IsEmpty || !index.PricesEqualTo(value / 1_000m).IsEmpty || !index.PricesEqualTo(value / 1_000_000m).IsEmpty ||
            (scale is { } s && !index.PricesEqualTo(value / s).IsEmpty))
        {
            return true;
        }

        attribution ??= ModelAttribution.Of(site, index, rates, context.Names, context.Model, context.CancellationToken);
        return !attribution.Ids.IsEmpty;
    }

    /// <summary>The unit the names beside the literal say it is per (<c>InputPer1K</c>), nearest first.</summary>
    private static decimal? UnitInNames(PriceSite site)
    {
        foreach (var name in site.TargetNames)
        {
            if (PriceNames.PerUnit(name) is { } unit)
            {
                return unit;
            }
        }

        foreach (var name in site.OwnerNames)
        {
            if (PriceNames.PerUnit(name) is { } unit)
            {
                return unit;
            }
        }

        return site.EnclosingNames.Count > 0 ? PriceNames.PerUnit(site.EnclosingNames[0]) : null;
    }

    /// <summary>
    /// The rates of the models that list <paramref name="value"/> as a rate, at its scale or as written, or else as
    /// written, per 1K or per 1M; null when none does (the common case, which allocates nothing).
    /// </summary>
    private static List<ModelRate>? RatesEqualTo(decimal value, decimal? scale, CatalogIndex index, ModelRates rates)
    {
        HashSet<string>? models = null;
        if (scale is { } s)
        {
            AddModelsPricedAt(value / s, index, ref models);
            AddModelsPricedAt(value, index, ref models);
        }
        else
        {
            AddModelsPricedAt(value, index, ref models);
            AddModelsPricedAt(value / 1_000m, index, ref models);
            AddModelsPricedAt(value / 1_000_000m, index, ref models);
        }

        if (models is null)
        {
            return null;
        }

        var all = new List<ModelRate>();
        foreach (var id in models)
        {
            foreach (var rate in rates.RatesOf(id))
            {
                all.Add(rate);
            }
        }

        return all;
    }

    private static void AddModelsPricedAt(decimal value, CatalogIndex index, ref HashSet<string>? models)
    {
        foreach (var match in index.PricesEqualTo(value))
        {
            (models ??= new HashSet<string>(StringComparer.Ordinal)).Add(match.ModelId);
        }
    }

    /// <summary>The rates (of <paramref name="roles"/>, when given) that <paramref name="value"/> equals, one per rate display. Loops, no LINQ: this runs for every literal beside a model.</summary>
    private static List<PriceCandidate> Matches(List<ModelRate> rates, string[]? roles, decimal value, decimal? scale)
    {
        var found = new List<PriceCandidate>();
        foreach (var rate in rates)
        {
            if (HasRole(rate, roles) && PriceScales.Match(rate, value, scale) is { } candidate && !HasDisplay(found, rate.Match.RateDisplay))
            {
                found.Add(candidate);
            }
        }

        return found;
    }

    /// <summary>Whether the rate is of one of <paramref name="roles"/>; any rate when no roles are given.</summary>
    private static bool HasRole(ModelRate rate, string[]? roles) => roles is null || Array.IndexOf(roles, rate.Rate.Role) >= 0;

    private static bool HasDisplay(List<PriceCandidate> found, string display)
    {
        foreach (var candidate in found)
        {
            if (candidate.Rate.Match.RateDisplay == display)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Nearest name first: a name that is a fee, budget, limit… says no; a price word says yes; otherwise undecided.</summary>
    private static bool? NameVerdict(PriceSite site)
    {
        var enclosing = site.AllEnclosingNamesPrice ? site.EnclosingNames.Count : site.MemberNameCount;
        return Verdict(site.TargetNames, site.TargetNames.Count) ?? Verdict(site.OwnerNames, site.OwnerNames.Count) ??
            Verdict(site.EnclosingNames, Math.Min(enclosing, site.EnclosingNames.Count));
    }

    private static bool? Verdict(List<string> names, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (PriceNames.IsNotPrice(names[i]))
            {
                return false;
            }

            if (PriceNames.IsPriceLike(names[i]))
            {
                return true;
            }
        }

        return null;
    }

    /// <summary>The roles the names around the literal point at, then its position among two numbers (input, output).</summary>
    private static string[]? Roles(PriceSite site)
    {
        foreach (var name in site.TargetNames)
        {
            if (PriceNames.Roles(name) is { } roles)
            {
                return roles;
            }
        }

        if (site.NumberCount == 2 && site.Ordinal is 0 or 1)
        {
            return site.Ordinal == 0 ? new[] { "input", "usage" } : new[] { "output", "usage" };
        }

        foreach (var name in site.OwnerNames)
        {
            if (PriceNames.Roles(name) is { } roles)
            {
                return roles;
            }
        }

        return site.EnclosingNames.Count > 0 ? PriceNames.Roles(site.EnclosingNames[0]) : null;
    }

    private static string? ParameterName(ArgumentSyntax argument, LiteralContext context)
    {
        var owner = argument.Parent?.Parent;
        if (owner is null || argument.Parent is not BaseArgumentListSyntax list)
        {
            return null;
        }

        if (context.SemanticModel.GetSymbolInfo(owner, context.CancellationToken).Symbol is IMethodSymbol method)
        {
            var position = list.Arguments.IndexOf(argument);
            return position < method.Parameters.Length ? method.Parameters[position].Name : null;
        }

        return null;
    }

    /// <summary>A discard arm or default case in a switch whose other arms are catalog ids: a table of prices.</summary>
    private static bool InSwitchOfIds(PriceSite site, CatalogIndex index)
    {
        IEnumerable<SyntaxNode> patterns = site.Switch switch
        {
            SwitchExpressionArmSyntax { Parent: SwitchExpressionSyntax expression } => expression.Arms.Select(a => (SyntaxNode)a.Pattern),
            SwitchSectionSyntax { Parent: SwitchStatementSyntax statement } => statement.Sections.SelectMany(s => s.Labels),
            _ => Enumerable.Empty<SyntaxNode>(),
        };
        return patterns.SelectMany(p => p.DescendantNodesAndSelf())
            .Any(n => n is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } s && index.TryGetModel(s.Token.ValueText, out _));
    }

    private static readonly char[] CurrencySymbols = { '€', '£', '¥', '₹', '₽', '₩' };

    /// <summary>
    /// Whether the member's strings name models and none of them is listed (<c>Tokenizer.ForModel("gpt-4")</c> beside
    /// <c>count * (0.03 / 1000)</c>): its prices are that model's, and another model's equal rate is a coincidence. Once
    /// per member (<paramref name="known"/>), and only for a literal that no context attributes but some rate equals.
    /// </summary>
    private static bool NamesOnlyUnlistedModels(SyntaxNode? member, CatalogIndex index, Dictionary<SyntaxNode, bool> known)
    {
        if (member is null)
        {
            return false;
        }

        if (!known.TryGetValue(member, out var answer))
        {
            var unlisted = false;
            foreach (var token in member.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.StringLiteralToken))
                {
                    if (index.TryGetModel(token.ValueText, out _))
                    {
                        unlisted = false;
                        break; // a listed model too: the strings do not tell which the price is
                    }

                    unlisted |= ModelAttribution.LooksLikeModelId(token.ValueText);
                }
            }

            known.Add(member, answer = unlisted);
        }

        return answer;
    }

    /// <summary>A table in another currency: a currency word in the names, or a currency in the comments of the member or type.</summary>
    private static bool IsOtherCurrency(PriceSite site, Dictionary<SyntaxNode, bool> comments)
    {
        if (site.TargetNames.Exists(PriceNames.NamesOtherCurrency) || site.OwnerNames.Exists(PriceNames.NamesOtherCurrency) ||
            site.EnclosingNames.Exists(PriceNames.NamesOtherCurrency))
        {
            return true;
        }

        return CommentsNameOtherCurrency(site.Member, comments) || CommentsNameOtherCurrency(site.Type, comments);
    }

    /// <summary>Whether the comments before a member or type name another currency; once per node (<paramref name="known"/>), as every literal in it asks.</summary>
    private static bool CommentsNameOtherCurrency(SyntaxNode? node, Dictionary<SyntaxNode, bool> known)
    {
        if (node is null)
        {
            return false;
        }

        if (!known.TryGetValue(node, out var answer))
        {
            known.Add(node, answer = CommentsNameOtherCurrency(node));
        }

        return answer;
    }

    private static bool CommentsNameOtherCurrency(SyntaxNode node)
    {
        foreach (var trivia in node.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia) || trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia))
            {
                var text = trivia.ToString();
                if (text.IndexOfAny(CurrencySymbols) >= 0 || PriceNames.Words(text).Any(w => w.Length == 3 && w.ToUpperInvariant() == w && PriceNames.NamesOtherCurrency(w)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void ReportHardCoded(LiteralContext context, LiteralExpressionSyntax literal, PriceLiteral price, List<PriceCandidate> candidates)
    {
        var replacements = candidates.Select(c => c.Replacement).Where(r => r is not null).Distinct().ToList();
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (replacements.Count == 1 && Fixable(literal, price))
        {
            // One candidate left: the fix is certain. Several: the message lists them; no fix guesses between them.
            var fix = candidates.First(c => c.Replacement == replacements[0]);
            properties[MembersProperty] = fix.Replacement;
            properties[DisplaysProperty] = fix.ReplacementDisplay;
            properties[LiteralTypeProperty] = price.Type;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.HardCodedPrice,
            literal.GetLocation(),
            properties.ToImmutable(),
            NumberText(literal, price),
            Describe(candidates),
            string.Join(" or ", candidates.Select(c => c.Rate.Match.RateDisplay).Distinct())));
    }

    private static void ReportOutdated(LiteralContext context, LiteralExpressionSyntax literal, PriceLiteral price, List<ModelRate> modelRates, string[]? roles, decimal? scale)
    {
        // The newest catalog that lists the model says what its price is now. Loops, no LINQ: a number beside a
        // model id that is none of its prices (a context window, a count) comes here on its way to no report.
        string? newest = null;
        foreach (var rate in modelRates)
        {
            if (newest is null || string.CompareOrdinal(rate.Effective, newest) > 0)
            {
                newest = rate.Effective;
            }
        }

        var current = new List<ModelRate>();
        foreach (var rate in modelRates)
        {
            if (rate.Effective == newest && HasRole(rate, roles))
            {
                if (current.Count > 0 && rate.PerUnit != current[0].PerUnit)
                {
                    return; // which of the model's rates this is stays unclear: no guess
                }

                current.Add(rate);
            }
        }

        if (current.Count == 0)
        {
            return;
        }

        var (closest, ratio) = PriceScales.Closest(current[0], price.Value, scale);
        if (double.IsNaN(ratio) || ratio > PlausibleRatio || ratio < 1 / PlausibleRatio)
        {
            return;
        }

        ReportOutdated(context, literal, price, current, closest, before: null);
    }

    /// <summary>
    /// When every rate the literal equals comes from an older catalog of the provider than the newest one that lists
    /// the model, and that one prices the same dimension differently: the literal is the price before that catalog
    /// took effect. The newest rate, at the scale the literal was written at, and that catalog's date.
    /// </summary>
    private static (List<ModelRate> Rates, decimal Scale, string Effective)? NewerPriceOf(List<PriceCandidate> candidates, List<ModelRate> modelRates, string[]? roles)
    {
        var provider = candidates[0].Rate.Match.Provider;
        if (candidates.Any(c => c.Rate.Match.Provider != provider))
        {
            return null;
        }

        var ofProvider = modelRates.Where(r => r.Match.Provider == provider).ToList();
        var newest = ofProvider.Select(r => r.Effective).OrderByDescending(e => e, StringComparer.Ordinal).First();
        if (candidates.Any(c => c.Rate.Effective == newest))
        {
            return null;
        }

        // Several older catalogs may match ($0.002 / 1K is 2023-03's usage and 2023-06's output of gpt-3.5-turbo): the
        // most recent of them says which dimension the literal priced last.
        var latestOld = candidates.Select(c => c.Rate.Effective).OrderByDescending(e => e, StringComparer.Ordinal).First();
        var lastPriced = candidates.Where(c => c.Rate.Effective == latestOld);

        // 2023's one 'usage' rate priced what 2026 prices as 'input' (and 'output'): the prompt, first of all.
        var matchedRoles = lastPriced.Select(c => c.Rate.Rate.Role == CatalogFormat.UsageField ? CatalogFormat.InputField : c.Rate.Rate.Role).Distinct().ToList();
        var current = ofProvider.Where(r => r.Effective == newest && (roles is null ? matchedRoles.Contains(r.Rate.Role) || matchedRoles.Contains(CatalogFormat.InputField) && r.Rate.Role == CatalogFormat.UsageField : roles.Contains(r.Rate.Role))).ToList();
        if (current.Count == 0 || current.Select(r => r.PerUnit).Distinct().Count() != 1 || current[0].IsTokenRate != candidates[0].Rate.IsTokenRate)
        {
            return null;
        }

        var old = candidates[0];
        var scale = old.ValueProperty == "Price" ? old.Rate.Rate.Quantity : old.Multiplier;
        return (current, scale, newest);
    }

    private static void ReportOutdated(LiteralContext context, LiteralExpressionSyntax literal, PriceLiteral price, List<ModelRate> current, decimal scale, string? before)
    {
        var rate = current[0];
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        var candidate = PriceScales.Candidate(rate, scale);
        if (candidate.Replacement is { } replacement && Fixable(literal, price))
        {
            properties[MembersProperty] = replacement;
            properties[DisplaysProperty] = candidate.ReplacementDisplay;
            properties[LiteralTypeProperty] = price.Type;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.OutdatedPrice,
            literal.GetLocation(),
            properties.ToImmutable(),
            rate.ModelId,
            rate.Rate.Role,
            rate.Rate.Written,
            rate.ClassName,
            before is null ? PriceScales.InCatalogUnit(rate, price.Value, scale) : "the price before " + before));
    }

    /// <summary>A string or a bare integer cannot take a decimal member's place without changing the code's types.</summary>
    private static bool Fixable(LiteralExpressionSyntax literal, PriceLiteral price) =>
        !price.IsString && (price.Type != "int" || literal.Parent is CastExpressionSyntax);

    private static string NumberText(LiteralExpressionSyntax literal, PriceLiteral price) =>
        price.IsString ? literal.Token.ValueText.Trim() : literal.Token.Text.TrimEnd('m', 'M', 'd', 'D', 'f', 'F').Replace("_", string.Empty);

    /// <summary>"gpt-3.5-turbo usage ($0.002 / 1K tokens) and text-curie-001 usage ($0.0020 / 1K tokens) in OpenAI".</summary>
    private static string Describe(List<PriceCandidate> candidates)
    {
        var byProvider = new List<string>();
        foreach (var provider in candidates.GroupBy(c => c.Rate.Match.Provider))
        {
            var entries = provider.Select(c => c.Description).ToList();
            var joined = entries.Count <= 2 ? string.Join(" and ", entries) : string.Join(", ", entries.Take(entries.Count - 1)) + " and " + entries[entries.Count - 1];
            byProvider.Add(joined + " in " + provider.Key);
        }

        return string.Join("; ", byProvider);
    }
}
