using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PriceGen.Common;
using PriceGen.Diagnostics;

namespace PriceGen.Catalog;

/// <summary>
/// Catalog text in, <see cref="CatalogParseResult"/> out: one pure function shared by the generator, the analyzers and
/// the CLI. It never throws on any input; every problem becomes a located <see cref="CatalogProblem"/>. An error in one
/// entry drops that entry and keeps the rest; an error in the header (version, provider, currency, date) or in the
/// YAML itself yields no catalog.
/// </summary>
internal sealed partial class CatalogParser
{
    private readonly ProblemSink _problems;
    private readonly System.Collections.Immutable.ImmutableArray<CatalogSpan>.Builder _modelIdSpans = System.Collections.Immutable.ImmutableArray.CreateBuilder<CatalogSpan>();
    private readonly System.Collections.Immutable.ImmutableArray<CatalogModel>.Builder _models = System.Collections.Immutable.ImmutableArray.CreateBuilder<CatalogModel>();

    // Reused for every entry, which a catalog may have by the thousand.
    private readonly FieldMap _modelFields = new(8);
    private readonly List<CatalogRate> _modelRates = new();
    private CatalogSpan _classNameSpan;
    private string _currency = string.Empty;

    private readonly System.Threading.CancellationToken _cancellationToken;

    /// <summary>Whether the YAML may be read by <see cref="BlockYamlReader"/>; off only for the tests that compare both readers.</summary>
    private readonly bool _fastYaml;

    private CatalogParser(ProblemSink problems, bool fastYaml, System.Threading.CancellationToken cancellationToken)
    {
        _problems = problems;
        _fastYaml = fastYaml;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses and validates a catalog text; never throws but for cancellation.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled: the IDE stops a parse it no longer needs.</exception>
    public static CatalogParseResult Parse(string text, System.Threading.CancellationToken cancellationToken = default) =>
        Parse(text, fastYaml: true, cancellationToken);

    /// <summary><see cref="Parse(string, System.Threading.CancellationToken)"/> with the YAML read by YamlDotNet alone, to compare with.</summary>
    internal static CatalogParseResult ParseWithYamlDotNet(string text, System.Threading.CancellationToken cancellationToken = default) =>
        Parse(text, fastYaml: false, cancellationToken);

    private static CatalogParseResult Parse(string text, bool fastYaml, System.Threading.CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var problems = new ProblemSink(new LineMap(text.Length > CatalogLimits.MaxFileLength ? string.Empty : text, cancellationToken));
        PriceCatalog? catalog = null;
        var map = CatalogSourceMap.Empty;
        if (text.Length > CatalogLimits.MaxFileLength)
        {
            problems.Report(DiagnosticIds.LimitExceeded, 0, 0,
                $"a file of {Invariant(text.Length)} characters (the limit is {Invariant(CatalogLimits.MaxFileLength)})");
        }
        else
        {
            try
            {
                var parser = new CatalogParser(problems, fastYaml, cancellationToken);
                catalog = parser.ReadCatalog(text);
                if (catalog is not null)
                {
                    map = new CatalogSourceMap(parser._classNameSpan, Complete(parser._modelIdSpans));
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Last line of defence: a bug here must surface as a diagnostic, never as CS8785/AD0001 in the user's build.
                problems.Report(DiagnosticIds.YamlSyntax, 0, 0, "PriceGen could not read this catalog (" + exception.GetType().Name + ": " + exception.Message + "); please report this");
                catalog = null;
            }
        }

        return new CatalogParseResult(catalog, problems.Problems.ToEquatableArray()) { Map = map };
    }

    private PriceCatalog? ReadCatalog(string text)
    {
        var root = _fastYaml
            ? YamlDocumentReader.Read(text, _problems, _cancellationToken)
            : YamlDocumentReader.ReadWithYamlDotNet(text, _problems, _cancellationToken);
        if (root is null || root is YamlScalar { IsNull: true })
        {
            if (_problems.Count == 0)
            {
                _problems.Report(DiagnosticIds.UnsupportedVersion, 0, 0, "the catalog is empty; it starts with 'pricegen: 1'");
            }

            return null;
        }

        if (root is not YamlMapping header)
        {
            _problems.Report(DiagnosticIds.InvalidValue, root, "a catalog is a mapping of fields ('pricegen: 1', 'provider: …') and sections");
            return null;
        }

        var fields = new FieldMap(header.Entries.Count);
        foreach (var entry in header.Entries)
        {
            if (CatalogFormat.Sections.ContainsKey(entry.Key.Value) || Array.IndexOf(CatalogFormat.HeaderFields, entry.Key.Value) >= 0)
            {
                fields[entry.Key.Value] = entry;
            }
            else
            {
                _problems.Report(DiagnosticIds.UnknownSection, entry.Key, entry.Key.Value, DidYouMean(entry.Key.Value, CatalogFormat.TopLevelKeys));
            }
        }

        var firstLine = header.Entries.Count > 0 ? (YamlNode)header.Entries[0].Key : header;
        if (!ReadVersion(fields, firstLine))
        {
            return null;
        }

        var provider = ReadRequiredText(fields, CatalogFormat.ProviderField, firstLine);
        var currency = ReadCurrency(fields, firstLine);
        var effective = ReadDate(fields, firstLine);
        var source = ReadOptionalText(fields, CatalogFormat.SourceField);
        var (className, classSpan) = ReadClassName(fields, provider);
        _classNameSpan = classSpan;
        if (provider is null || currency is null || effective is null || className is null)
        {
            return null;
        }

        _currency = currency;
        var models = ReadSections(fields);
        var quota = fields.TryGetValue(CatalogFormat.QuotaField, out var quotaField) && quotaField.Value is not YamlScalar { IsNull: true }
            ? ReadQuota(quotaField.Value)
            : null;
        var (year, month, day) = effective.Value;
        return new PriceCatalog(provider.Value, className, currency, year, month, day, source, models) { Quota = quota };
    }

    private bool ReadVersion(FieldMap fields, YamlNode firstLine)
    {
        if (!fields.TryGetValue(CatalogFormat.VersionField, out var version))
        {
            _problems.Report(DiagnosticIds.UnsupportedVersion, firstLine.Start, firstLine.Start, "the catalog has no format version; add 'pricegen: 1' as its first line");
            return false;
        }

        if (version.Value is YamlScalar { IsNull: true })
        {
            _problems.Report(DiagnosticIds.UnsupportedVersion, version.Key, "the catalog has no format version; write 'pricegen: 1'");
            return false;
        }

        if (version.Value is not YamlScalar { Value: CatalogFormat.SupportedVersion })
        {
            var written = version.Value is YamlScalar scalar ? scalar.Value : "(not a number)";
            _problems.Report(DiagnosticIds.UnsupportedVersion, version.Value, $"format version '{written}' is not supported; this version of PriceGen reads 'pricegen: 1'");
            return false;
        }

        return true;
    }

    private YamlScalar? ReadRequiredText(FieldMap fields, string field, YamlNode missingAt)
    {
        var present = fields.TryGetValue(field, out var entry);
        if (!present || entry.Value is YamlScalar { IsNull: true })
        {
            // Written without a value: at its key. Not written at all: at the start of the catalog.
            var at = present ? entry.Key : missingAt;
            _problems.Report(DiagnosticIds.MissingField, at.Start, at.End, "the catalog", field);
            return null;
        }

        return ExpectScalar(entry.Value, field);
    }

    private string? ReadOptionalText(FieldMap fields, string field) =>
        fields.TryGetValue(field, out var entry) && entry.Value is not YamlScalar { IsNull: true } ? ExpectScalar(entry.Value, field)?.Value : null;

    private string? ReadCurrency(FieldMap fields, YamlNode missingAt)
    {
        var currency = ReadRequiredText(fields, CatalogFormat.CurrencyField, missingAt);
        if (currency is null)
        {
            return null;
        }

        if (!CurrencyCodes.IsIso4217(currency.Value))
        {
            _problems.Report(DiagnosticIds.InvalidCurrency, currency, currency.Value);
            return null;
        }

        return currency.Value;
    }

    private (int Year, int Month, int Day)? ReadDate(FieldMap fields, YamlNode missingAt)
    {
        var date = ReadRequiredText(fields, CatalogFormat.EffectiveField, missingAt);
        if (date is null)
        {
            return null;
        }

        if (!IsIsoDate(date.Value, out var parsed))
        {
            _problems.Report(DiagnosticIds.InvalidDate, date, date.Value);
            return null;
        }

        return (parsed.Year, parsed.Month, parsed.Day);
    }

    private (string? Name, CatalogSpan Span) ReadClassName(FieldMap fields, YamlScalar? provider)
    {
        if (fields.TryGetValue(CatalogFormat.ClassField, out var explicitClass) && ExpectScalar(explicitClass.Value, CatalogFormat.ClassField) is { IsNull: false } written)
        {
            if (!MemberNames.IsValidIdentifier(written.Value) || CatalogFormat.IsProviderClassMember(written.Value))
            {
                _problems.Report(DiagnosticIds.InvalidIdentifier, written, written.Value, "the generated class",
                    MemberNames.IsValidIdentifier(written.Value) ? " (it would clash with one of its own members)" : " (from 'class:')");
                return (null, default);
            }

            return (written.Value, _problems.Lines.Span(written.Start, written.End));
        }

        if (provider is null)
        {
            return (null, default);
        }

        var words = MemberNames.FromWords(provider.Value);
        if (words.Length == 0 || !MemberNames.IsValidIdentifier(words + "Prices"))
        {
            _problems.Report(DiagnosticIds.InvalidIdentifier, provider, provider.Value, "the generated class", "; give the provider a name with letters, or set 'class:'");
            return (null, default);
        }

        return (words + "Prices", _problems.Lines.Span(provider.Start, provider.End));
    }

    private EquatableArray<CatalogModel> ReadSections(FieldMap fields)
    {
        // Document order, so Models keeps catalog order whatever order the sections come in.
        var sections = fields.Values.Where(f => CatalogFormat.Sections.ContainsKey(f.Key.Value)).OrderBy(f => f.Key.Start).ToList();

        // Sized for every entry up front: a catalog may have thousands, and growing the tables would rehash them all.
        var entryCount = sections.Sum(section => section.Value is YamlMapping mapping ? mapping.Entries.Count : 0);
        var models = _models;
        models.Capacity = entryCount;
        _modelIdSpans.Capacity = entryCount;

        // The first model of each member name, and every id a model answers to: its own (the value is the model's
        // index in models) or another one (the bitwise complement of the claim's index in otherClaims).
        var firstByMember = new Dictionary<(CatalogSection, string), int>(entryCount);
        var claimed = new Dictionary<string, int>(entryCount, StringComparer.Ordinal);
        var otherClaims = new List<IdClaim>();
        var claims = new List<IdClaim>();
        foreach (var section in sections)
        {
            var kind = CatalogFormat.Sections[section.Key.Value];
            if (section.Value is YamlScalar { IsNull: true })
            {
                continue;
            }

            if (section.Value is not YamlMapping entries)
            {
                _problems.Report(DiagnosticIds.InvalidValue, section.Value, $"section '{section.Key.Value}' must be a mapping of model ids to their prices");
                continue;
            }

            using var alias = _problems.EnterAlias(entries);
            foreach (var entry in entries.Entries)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                claims.Clear();
                var model = ReadModel(kind, entry.Key, entry.Value, claims);
                if (model is null)
                {
                    continue;
                }

                var idSpan = Span(entry.Key);
                if (claimed.TryGetValue(model.Id, out var sameId) && sameId >= 0)
                {
                    _problems.Report(DiagnosticIds.DuplicateModelId, idSpan, _modelIdSpans[sameId], model.Id, CatalogFormat.KeyOf(models[sameId].Section));
                    continue;
                }

                if (firstByMember.TryGetValue((kind, model.MemberName), out var sameMember))
                {
                    _problems.Report(DiagnosticIds.MemberNameCollision, idSpan, _modelIdSpans[sameMember],
                        model.Id, models[sameMember].Id, model.MemberName, CatalogFormat.ClassNameOf(kind));
                    continue;
                }

                if (!ClaimIds(model, idSpan, claims, claimed, otherClaims))
                {
                    continue;
                }

                firstByMember.Add((kind, model.MemberName), models.Count);
                models.Add(model);
                _modelIdSpans.Add(idSpan);
            }
        }

        return Complete(models);
    }

    /// <summary>The items of <paramref name="builder"/>, without copying them when it was sized exactly (no entry dropped).</summary>
    private static EquatableArray<T> Complete<T>(System.Collections.Immutable.ImmutableArray<T>.Builder builder)
        where T : IEquatable<T> =>
        new(builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable());

    private static bool IsIsoDate(string text, out DateTime date)
    {
        date = default;
        return text.Length == 10 && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private YamlScalar? ExpectScalar(YamlNode node, string field)
    {
        if (node is YamlScalar scalar)
        {
            return scalar;
        }

        _problems.Report(DiagnosticIds.InvalidValue, node, $"'{field}' must be a single value, not a {(node is YamlMapping ? "mapping" : "list")}");
        return null;
    }

    private CatalogSpan Span(YamlNode node) => _problems.Locate(node);

    private static string DidYouMean(string typed, IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        return EditDistance.ClosestMatch(typed, list) is { } match
            ? $"; did you mean '{match}'?"
            : $"; expected one of {string.Join(", ", list.Select(c => "'" + c + "'"))}";
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
