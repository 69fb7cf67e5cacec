using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

using PriceGen.Common;

namespace PriceGen.Analysis.Prices;

/// <summary>The model a price belongs to by its context: catalog ids, or a model the catalogs do not know.</summary>
internal sealed record ModelAttribution(ImmutableArray<string> Ids, bool UnknownModel, bool ById)
{
    public static readonly ModelAttribution None = new(ImmutableArray<string>.Empty, false, false);

    public bool NamesModel => !Ids.IsEmpty || UnknownModel;

    /// <summary>
    /// Strongest first: an id beside the literal (a string, a constant, a generated <c>Id</c>) in its entry, key,
    /// pattern or condition; then an identifier that spells a model (<c>Gpt4oInputCost</c>, <c>Model.Dalle2</c>);
    /// then the one model id constant of the enclosing type (<c>const string Id = "gpt-4o"</c>).
    /// </summary>
    public static ModelAttribution Of(PriceSite site, CatalogIndex index, ModelRates rates, DeclaredNames names, Func<SemanticModel> semanticModel, CancellationToken cancellationToken)
    {
        var keys = new KeyReader(index, names, semanticModel, cancellationToken);
        foreach (var key in site.Keys)
        {
            keys.Read(key);
        }

        if (keys.Known is { } known)
        {
            // One id, the common case, without Distinct's set.
            var ids = known.Count == 1 ? ImmutableArray.Create(known[0]) : known.Distinct(StringComparer.Ordinal).ToImmutableArray();
            return new ModelAttribution(ids, false, true);
        }

        if (keys.Unknown || NamesUnlistedModel(site.NamedModelIds, index))
        {
            return new ModelAttribution(ImmutableArray<string>.Empty, true, true);
        }

        // Nearest names first; loops, not a Concat chain: this runs for every literal beside a count or a model word.
        var byName = (keys.SpelledKeys is null ? null : SpelledBy(keys.SpelledKeys, rates)) ?? SpelledBy(site.TargetNames, rates) ??
            SpelledBy(site.OwnerNames, rates) ?? SpelledBy(site.EnclosingNames, rates, ofTypes: true);
        if (byName is not null)
        {
            return byName;
        }

        if (site.Type is null)
        {
            return None;
        }

        // TryGetValue first: GetValue's callback is a closure, allocated only on a type's first literal.
        return rates.TypeConstants.TryGetValue(site.Type, out var ofType) ? ofType : TypeConstantOnce(site.Type, rates, index);
    }

    /// <summary>Whether an entry's model member holds an id no catalog lists (<c>ModelId = "codestral"</c>).</summary>
    private static bool NamesUnlistedModel(List<string> namedIds, CatalogIndex index)
    {
        foreach (var id in namedIds)
        {
            if (id.Length is >= 2 and <= 100 && char.IsLetterOrDigit(id[0]) && id.IndexOf(' ') < 0 && !index.TryGetModel(id, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A simple name's constant string read from syntax where binding is not needed: a parameter or variable is never
    /// a constant; a constant field of the enclosing type with a literal is that literal.
    /// Otherwise undecided, and <see cref="NameBinding"/> resolves it (a member of a variable's value without binding).
    /// </summary>
    private static (bool Decided, string? Value) ConstantFromSyntax(ExpressionSyntax expression, DeclaredNames names)
    {
        if (expression is not IdentifierNameSyntax identifier)
        {
            return (false, null);
        }

        switch (names.IsVariable(identifier))
        {
            case true:
                return (true, null); // a parameter or a variable
            case false:
                return (false, null); // a local constant: the binder knows its value
        }

        var name = identifier.Identifier.ValueText;
        for (var node = identifier.Parent; node is not null; node = node.Parent)
        {
            if (node is TypeDeclarationSyntax type)
            {
                foreach (var field in type.Members.OfType<FieldDeclarationSyntax>())
                {
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Identifier.ValueText == name)
                        {
                            return field.Modifiers.Any(SyntaxKind.ConstKeyword) && variable.Initializer?.Value is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
                                ? (true, (string?)literal.Token.ValueText)
                                : field.Modifiers.Any(SyntaxKind.ConstKeyword) ? (false, null) : (true, null);
                        }
                    }
                }

                return (false, null);
            }
        }

        return (false, null);
    }

    /// <summary>
    /// Reads the keys beside a literal: each string literal and name in them, not inside lambdas, the first 64 nodes of
    /// a key (a long condition costs little). A walk over the children in place, not an iterator: this runs for every
    /// literal beside a count or a model word, and the iterators were a tenth of what the analyzer allocated.
    /// </summary>
    private struct KeyReader(CatalogIndex index, DeclaredNames names, Func<SemanticModel> semanticModel, CancellationToken cancellationToken)
    {
        private const int MaxNodesPerKey = 64;

        /// <summary>Catalog ids the keys hold; null when none (nothing allocated for most literals).</summary>
        public List<string>? Known;

        /// <summary>Whether a key holds a string that looks like a model id no catalog lists.</summary>
        public bool Unknown;

        /// <summary>Names in the keys whose value is no constant: they may spell a model.</summary>
        public List<string>? SpelledKeys;

        /// <summary>Reads one key: its first <see cref="MaxNodesPerKey"/> nodes, in document order.</summary>
        public void Read(SyntaxNode key)
        {
            var seen = 0;
            Read(key, ref seen);
        }

        private void Read(SyntaxNode node, ref int seen)
        {
            if (++seen > MaxNodesPerKey)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal:
                    if (IsSearchedFor(literal) && !index.TryGetModel(literal.Token.ValueText, out _) && index.ModelsContaining(literal.Token.ValueText) is { IsEmpty: false } models)
                    {
                        (Known ??= new List<string>()).AddRange(models); // m.Contains("opus-4-1"): the listed models whose ids hold it
                    }
                    else
                    {
                        Classify(literal.Token.ValueText, index, ref Known, ref Unknown);
                    }

                    break;
                case MemberAccessExpressionSyntax member when member.Parent is not InvocationExpressionSyntax and not MemberAccessExpressionSyntax:
                    ReadName(member);
                    break;
                case IdentifierNameSyntax identifier when identifier.Parent is not MemberAccessExpressionSyntax and not InvocationExpressionSyntax and not NameColonSyntax and not NameEqualsSyntax and not DeclarationExpressionSyntax:
                    ReadName(identifier);
                    break;
            }

            if (node is AnonymousFunctionExpressionSyntax)
            {
                return;
            }

            foreach (var child in node.ChildNodesAndTokens())
            {
                if (child.AsNode() is { } childNode)
                {
                    Read(childNode, ref seen);
                    if (seen > MaxNodesPerKey)
                    {
                        return;
                    }
                }
            }
        }

        private void ReadName(ExpressionSyntax expression)
        {
            if (PriceSite.NameOf(expression) is not { } name)
            {
                return;
            }

            var (decided, value) = ConstantFromSyntax(expression, names);
            var constant = decided ? value
                : NameBinding.ConstantValue(semanticModel(), expression, names, cancellationToken) is { HasValue: true, Value: string bound } ? bound : null;
            if (constant is not null)
            {
                Classify(constant, index, ref Known, ref Unknown);
            }
            else
            {
                (SpelledKeys ??= new List<string>()).Add(name);
            }
        }
    }

    /// <summary>The text a condition looks for in an id: <c>m.Contains("opus-4-1")</c>, <c>StartsWith</c>, <c>EndsWith</c>.</summary>
    private static bool IsSearchedFor(LiteralExpressionSyntax literal) =>
        literal.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } &&
        PriceSite.NameOf(invocation.Expression) is "Contains" or "StartsWith" or "EndsWith";

    private static void Classify(string text, CatalogIndex index, ref List<string>? known, ref bool unknown)
    {
        if (index.TryGetModel(text, out var model))
        {
            (known ??= new List<string>()).Add(model.ModelId); // a dated id or an alias is priced as its model
        }
        else if (LooksLikeModelId(text))
        {
            unknown = true;
        }
    }

    /// <summary>
    /// "gpt-4", "claude-3-opus-20240229", "mistral-large-latest": no spaces, a letter and a digit, not a size or date; and
    /// OpenAI's reasoning models "o1", "o3", "o4", which have no separator (an entry with <c>Id = "o3"</c> is o3's, not
    /// the model's whose rate its numbers happen to equal).
    /// </summary>
    internal static bool LooksLikeModelId(string text)
    {
        if (text.Length is >= 2 and <= 3 && text[0] == 'o' && IsDigits(text, 1))
        {
            return true;
        }

        if (text.Length is < 3 or > 100 || !char.IsLetter(text[0]))
        {
            return false;
        }

        bool letter = false, digit = false, separator = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                letter = true;
            }
            else if (char.IsDigit(c))
            {
                digit = true;
                if (i + 1 < text.Length && text[i + 1] == 'x' && i + 2 < text.Length && char.IsDigit(text[i + 2]))
                {
                    return false; // 1024x1024
                }
            }
            else if (c is '-' or '.' or '_' or ':' or '/' or '@')
            {
                separator = true;
            }
            else
            {
                return false;
            }
        }

        return letter && separator && (digit || NamedLikeAModel(text));
    }

    /// <summary>
    /// "qwen-max", "deepseek-chat", "codex-mini-latest": lower case, and a part that is a model family or a word model
    /// names end in. Without a digit, only such a string is taken for an id (not "pay-as-you-go" or "us-east").
    /// </summary>
    private static bool NamedLikeAModel(string text)
    {
        foreach (var c in text)
        {
            if (char.IsUpper(c) || c == ' ')
            {
                return false;
            }
        }

        foreach (var part in text.Split(IdSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (ModelNameContinuations.Contains(part) || ModelNameEndings.Contains(part) || ModelFamilies.Contains(part))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly char[] IdSeparators = { '-', '.', '_', ':', '/', '@' };

    /// <summary>Words ids end in besides <see cref="ModelNameContinuations"/>: <c>mistral-large-latest</c>, <c>deepseek-chat</c>.</summary>
    private static readonly HashSet<string> ModelNameEndings = new(StringComparer.Ordinal) { "latest", "chat", "reasoner", "coder" };

    private static bool IsDigits(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (!char.IsDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The ids the longest run of words in <paramref name="identifier"/> spells: <c>Gpt4oInputCost</c> → gpt-4o (not
    /// gpt-4). Default (<see cref="ImmutableArray{T}.IsDefault"/>) when a word right after the run continues a model's
    /// name (<c>Gpt41MiniIn</c>, <c>Gpt35TurboInstructIn</c>): that is a longer model no catalog lists, not the shorter one.
    /// </summary>
    internal static ImmutableArray<string> Spell(string identifier, ModelRates rates)
    {
        var words = PriceNames.Words(identifier).Select(w => ModelRates.Spelling(w)).Where(w => w.Length > 0).ToList();
        var best = ImmutableArray<string>.Empty;
        var bestLength = 0;
        var bestEnd = 0;
        for (var start = 0; start < words.Count; start++)
        {
            var run = string.Empty;
            for (var end = start; end < words.Count; end++)
            {
                run += words[end];
                if (run.Length > rates.LongestSpelling)
                {
                    break;
                }

                if (run.Length > bestLength && rates.Spelled(run) is { IsEmpty: false } ids)
                {
                    (best, bestLength, bestEnd) = (ids, run.Length, end + 1);
                }
            }
        }

        return !best.IsEmpty && bestEnd < words.Count && ContinuesModelName(words[bestEnd], best, rates) ? default : best;
    }

    /// <summary>
    /// Whether a word right after a model's name makes another model's name: <c>Mini</c>, <c>Instruct</c>…, or a
    /// snapshot's date or number (<c>Gpt35Turbo_0613</c>) of a model that does not answer to its dated ids.
    /// </summary>
    private static bool ContinuesModelName(string word, ImmutableArray<string> ids, ModelRates rates)
    {
        if (ModelNameContinuations.Contains(word))
        {
            return true;
        }

        if (word.Length is not (4 or 6 or 8) || !IsDigits(word, 0))
        {
            return false;
        }

        foreach (var id in ids)
        {
            if (rates.HasDatedSnapshots(id))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Words that, right after a model's name, make the name of another model (gpt-4.1 → gpt-4.1-mini).</summary>
    private static readonly HashSet<string> ModelNameContinuations = new(StringComparer.Ordinal)
    {
        "mini", "nano", "turbo", "instruct", "preview", "pro", "flash", "lite", "max", "plus", "vision", "audio",
        "realtime", "search", "large", "small", "medium", "micro", "ultra", "codex", "haiku", "sonnet", "opus", "thinking",
    };

    private static readonly HashSet<string> ModelFamilies = new(StringComparer.OrdinalIgnoreCase)
    {
        "gpt", "claude", "gemini", "llama", "mistral", "mixtral", "grok", "deepseek", "qwen", "sonnet", "opus", "haiku",
    };

    private static readonly BoundedMemo<bool> FamilyNames = new(identifier => FamiliesIn(identifier).Any());

    private static bool NamesModelFamily(string identifier) => FamilyNames[identifier];

    /// <summary>The model families <paramref name="identifier"/> names (<c>GptTokenRates</c> → gpt).</summary>
    internal static IEnumerable<string> FamiliesIn(string identifier) => PriceNames.Words(identifier).Where(ModelFamilies.Contains);

    /// <summary>What the first of <paramref name="names"/> that spells a model, or names a model family, attributes to; null when none does.</summary>
    /// <param name="names">Names nearest first.</param>
    /// <param name="rates">The catalogs' rates and spellings.</param>
    /// <param name="ofTypes">
    /// The names are enclosing members and types: a family there (<c>static class GptTokenRates</c>) names a table of that
    /// family's models when the catalogs list some, and decides nothing; a family they do not list (<c>LlamaPricing</c>)
    /// still says its numbers are no catalog model's.
    /// </param>
    private static ModelAttribution? SpelledBy(List<string> names, ModelRates rates, bool ofTypes = false)
    {
        foreach (var name in names)
        {
            var spelled = rates.SpelledBy[name];
            if (spelled.IsDefault)
            {
                return new ModelAttribution(ImmutableArray<string>.Empty, true, false); // a longer model than any listed
            }

            if (!spelled.IsEmpty)
            {
                return new ModelAttribution(spelled, false, false);
            }

            if (NamesModelFamily(name))
            {
                if (ofTypes && rates.ListsFamilyOf(name))
                {
                    continue; // a table of the family's models: its members say which
                }

                // static readonly Rate Sonnet = new(3.0, 15.0): the family's listed models, when they are few; a family no
                // catalog lists, or a broad one, is a model no catalog lists.
                // A digit makes it a version (Gpt4, GPT_Image_1): one model no catalog lists, not the family.
                var family = ofTypes || name.Any(char.IsDigit) ? ImmutableArray<string>.Empty : rates.ModelsOfFamilyIn(name);
                return family.IsEmpty ? new ModelAttribution(ImmutableArray<string>.Empty, true, false) : new ModelAttribution(family, false, false);
            }
        }

        return null;
    }

    private static ModelAttribution TypeConstantOnce(TypeDeclarationSyntax type, ModelRates rates, CatalogIndex index) =>
        rates.TypeConstants.GetValue(type, declaration => TypeConstant(declaration, index));

    /// <summary>The one model id constant of the type or, if it has none, of its containing types.</summary>
    private static ModelAttribution TypeConstant(TypeDeclarationSyntax innermost, CatalogIndex index)
    {
        List<string>? known = null;
        var unknown = false;
        for (SyntaxNode? type = innermost; type is TypeDeclarationSyntax declaration; type = type.Parent)
        {
            foreach (var field in declaration.Members.OfType<FieldDeclarationSyntax>())
            {
                if (!field.Modifiers.Any(SyntaxKind.ConstKeyword))
                {
                    continue;
                }

                foreach (var variable in field.Declaration.Variables)
                {
                    if (variable.Initializer?.Value is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
                    {
                        Classify(literal.Token.ValueText, index, ref known, ref unknown);
                    }
                }
            }

            if (known is not null || unknown)
            {
                break;
            }
        }

        // Several model constants in one type say nothing about which one a price belongs to.
        var ids = known?.Distinct(StringComparer.Ordinal).ToImmutableArray() ?? ImmutableArray<string>.Empty;
        return ids.Length == 1 ? new ModelAttribution(ids, false, false)
            : unknown && ids.IsEmpty ? new ModelAttribution(ImmutableArray<string>.Empty, true, false)
            : None;
    }
}
