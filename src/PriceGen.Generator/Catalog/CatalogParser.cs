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
internal sealed class CatalogParser
{
    private readonly ProblemSink _problems;
    private string _currency = string.Empty;

    private CatalogParser(ProblemSink problems) => _problems = problems;

    public static CatalogParseResult Parse(string text)
    {
        var problems = new ProblemSink(new LineMap(text.Length > CatalogLimits.MaxFileLength ? string.Empty : text));
        PriceCatalog? catalog = null;
        if (text.Length > CatalogLimits.MaxFileLength)
        {
            problems.Report(DiagnosticIds.LimitExceeded, 0, 0,
                $"a file of {Invariant(text.Length)} characters (the limit is {Invariant(CatalogLimits.MaxFileLength)})");
        }
        else
        {
            try
            {
                catalog = new CatalogParser(problems).ReadCatalog(text);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Last line of defence: a bug here must surface as a diagnostic, never as CS8785/AD0001 in the user's build.
                problems.Report(DiagnosticIds.YamlSyntax, 0, 0, "PriceGen could not read this catalog (" + exception.GetType().Name + ": " + exception.Message + "); please report this");
                catalog = null;
            }
        }

        return new CatalogParseResult(catalog, problems.Problems.ToEquatableArray());
    }

    private PriceCatalog? ReadCatalog(string text)
    {
        var root = YamlDocumentReader.Read(text, _problems);
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

        var fields = new Dictionary<string, KeyValuePair<YamlScalar, YamlNode>>(StringComparer.Ordinal);
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
        if (provider is null || currency is null || effective is null || className is null)
        {
            return null;
        }

        _currency = currency;
        var models = ReadSections(fields);
        var (year, month, day) = effective.Value;
        return new PriceCatalog(provider.Value, className, currency, year, month, day, source, models.ToEquatableArray(), classSpan);
    }

    private bool ReadVersion(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> fields, YamlNode firstLine)
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

    private YamlScalar? ReadRequiredText(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> fields, string field, YamlNode missingAt)
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

    private string? ReadOptionalText(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> fields, string field) =>
        fields.TryGetValue(field, out var entry) && entry.Value is not YamlScalar { IsNull: true } ? ExpectScalar(entry.Value, field)?.Value : null;

    private string? ReadCurrency(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> fields, YamlNode missingAt)
    {
        var currency = ReadRequiredText(fields, CatalogFormat.CurrencyField, missingAt);
        if (currency is null)
        {
            return null;
        }

        if (currency.Value.Length != 3 || currency.Value.Any(c => c is < 'A' or > 'Z'))
        {
            _problems.Report(DiagnosticIds.InvalidCurrency, currency, currency.Value);
            return null;
        }

        return currency.Value;
    }

    private (int Year, int Month, int Day)? ReadDate(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> fields, YamlNode missingAt)
    {
        var date = ReadRequiredText(fields, CatalogFormat.EffectiveField, missingAt);
        if (date is null)
        {
            return null;
        }

        if (date.Value.Length != 10 ||
            !DateTime.TryParseExact(date.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            _problems.Report(DiagnosticIds.InvalidDate, date, date.Value);
            return null;
        }

        return (parsed.Year, parsed.Month, parsed.Day);
    }

    private (string? Name, CatalogSpan Span) ReadClassName(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> fields, YamlScalar? provider)
    {
        if (fields.TryGetValue(CatalogFormat.ClassField, out var explicitClass) && ExpectScalar(explicitClass.Value, CatalogFormat.ClassField) is { IsNull: false } written)
        {
            if (!MemberNames.IsValidIdentifier(written.Value) || IsReservedClassName(written.Value))
            {
                _problems.Report(DiagnosticIds.InvalidIdentifier, written, written.Value, "the generated class",
                    IsReservedClassName(written.Value) ? " (from 'class:'; it would clash with one of the class's own members)" : " (from 'class:')");
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

    private List<CatalogModel> ReadSections(Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> fields)
    {
        var models = new List<CatalogModel>();
        var firstById = new Dictionary<string, CatalogModel>(StringComparer.Ordinal);
        var firstByMember = new Dictionary<(CatalogSection, string), CatalogModel>();

        // Document order, so Models keeps catalog order whatever order the sections come in.
        foreach (var section in fields.Values.Where(f => CatalogFormat.Sections.ContainsKey(f.Key.Value)).OrderBy(f => f.Key.Start))
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
                var model = ReadModel(kind, entry.Key, entry.Value);
                if (model is null)
                {
                    continue;
                }

                if (firstById.TryGetValue(model.Id, out var sameId))
                {
                    _problems.Report(DiagnosticIds.DuplicateModelId, Span(entry.Key), sameId.IdSpan, model.Id, CatalogFormat.KeyOf(sameId.Section));
                    continue;
                }

                if (firstByMember.TryGetValue((kind, model.MemberName), out var sameMember))
                {
                    _problems.Report(DiagnosticIds.MemberNameCollision, Span(entry.Key), sameMember.IdSpan,
                        model.Id, sameMember.Id, model.MemberName, CatalogFormat.ClassNameOf(kind));
                    continue;
                }

                firstById.Add(model.Id, model);
                firstByMember.Add((kind, model.MemberName), model);
                models.Add(model);
            }
        }

        return models;
    }

    private CatalogModel? ReadModel(CatalogSection section, YamlScalar id, YamlNode value)
    {
        if (id.Value.Trim().Length == 0 || id.Value.Any(char.IsControl))
        {
            _problems.Report(DiagnosticIds.InvalidValue, id, "a model id must be a non-empty single-line string");
            return null;
        }

        if (value is not YamlMapping entry)
        {
            _problems.Report(DiagnosticIds.InvalidValue, value, $"model '{id.Value}' must be a mapping of its fields, such as '{{ usage: {RateSyntax.Example} }}'");
            return null;
        }

        using var alias = _problems.EnterAlias(entry);

        var allowed = CatalogFormat.FieldsOf(section);
        var ok = true;
        string? name = null, description = null;
        YamlScalar? member = null;
        CatalogRounding rounding = CatalogRounding.Exact;
        var rates = new List<(string Field, YamlNode Value)>();
        var withoutValue = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        foreach (var field in entry.Entries)
        {
            var key = field.Key.Value;
            if (Array.IndexOf(allowed, key) < 0)
            {
                _problems.Report(DiagnosticIds.UnknownField, field.Key, key, DidYouMean(key, allowed));
                ok = false;
                continue;
            }

            if (field.Value is YamlScalar { IsNull: true })
            {
                withoutValue[key] = field.Key;
                continue;
            }

            switch (key)
            {
                case CatalogFormat.NameField:
                    name = ExpectScalar(field.Value, key)?.Value;
                    ok &= name is not null;
                    break;
                case CatalogFormat.DescriptionField:
                    description = ExpectScalar(field.Value, key)?.Value;
                    ok &= description is not null;
                    break;
                case CatalogFormat.MemberField:
                    member = ExpectScalar(field.Value, key);
                    ok &= member is not null;
                    break;
                case CatalogFormat.RoundingField:
                    if (ExpectScalar(field.Value, key) is { } roundingText)
                    {
                        if (CatalogFormat.Roundings.TryGetValue(roundingText.Value, out var value1))
                        {
                            rounding = value1;
                        }
                        else
                        {
                            _problems.Report(DiagnosticIds.UnknownRounding, roundingText, roundingText.Value, DidYouMean(roundingText.Value, CatalogFormat.Roundings.Keys));
                            ok = false;
                        }
                    }
                    else
                    {
                        ok = false;
                    }

                    break;
                default:
                    rates.Add((key, field.Value));
                    break;
            }
        }

        var required = section switch
        {
            CatalogSection.FineTuning => new[] { CatalogFormat.TrainingField, CatalogFormat.UsageField },
            CatalogSection.Image => new[] { CatalogFormat.SizesField },
            _ => new[] { CatalogFormat.UsageField },
        };
        foreach (var field in required)
        {
            if (!rates.Any(r => r.Field == field))
            {
                // Written without a value ('usage:'): at that key. Not written at all: at the model id.
                _problems.Report(DiagnosticIds.MissingField, withoutValue.TryGetValue(field, out var empty) ? empty : id, $"{CatalogFormat.KeyOf(section)} model '{id.Value}'", field);
                ok = false;
            }
        }

        var catalogRates = new List<CatalogRate>();
        foreach (var (field, node) in rates)
        {
            if (field == CatalogFormat.SizesField)
            {
                ok &= ReadImageSizes(node, catalogRates);
            }
            else if (ReadRate(section, field, node, rounding) is { } rate)
            {
                catalogRates.Add(rate);
            }
            else
            {
                ok = false;
            }
        }

        var memberName = ReadMemberName(section, id, name, member);
        if (!ok || memberName is null)
        {
            return null;
        }

        return new CatalogModel(id.Value, section, name ?? id.Value, description, memberName, catalogRates.ToEquatableArray(), Span(id));
    }

    private string? ReadMemberName(CatalogSection section, YamlScalar id, string? name, YamlScalar? member)
    {
        if (member is not null)
        {
            if (!MemberNames.IsValidIdentifier(member.Value) || IsReserved(section, member.Value))
            {
                _problems.Report(DiagnosticIds.InvalidIdentifier, member, member.Value, $"model '{id.Value}'",
                    IsReserved(section, member.Value) ? " (it would clash with its enclosing class or one of its own members)" : string.Empty);
                return null;
            }

            return member.Value;
        }

        var words = MemberNames.FromWords(name ?? id.Value);
        if (words.Length == 0)
        {
            words = MemberNames.FromWords(id.Value);
        }

        if (!MemberNames.IsValidIdentifier(words))
        {
            _problems.Report(DiagnosticIds.InvalidIdentifier, id, name ?? id.Value, $"model '{id.Value}'", "; set 'member:' to a C# name");
            return null;
        }

        return IsReserved(section, words) ? words + "Model" : words;
    }

    /// <summary>
    /// A model class cannot share its enclosing class's name, nor the name of one of its own members (CS0542).
    /// </summary>
    private static bool IsReserved(CatalogSection section, string memberName) =>
        memberName == CatalogFormat.ClassNameOf(section) ||
        Array.IndexOf(CatalogFormat.ModelClassMembers, memberName) >= 0 ||
        (memberName.StartsWith("Size", StringComparison.Ordinal) && section == CatalogSection.Image);

    /// <summary>The provider class cannot share a name with one of its own members or section classes (CS0542).</summary>
    private static bool IsReservedClassName(string className) =>
        Array.IndexOf(CatalogFormat.ProviderClassMembers, className) >= 0 ||
        CatalogFormat.Sections.Values.Any(section => CatalogFormat.ClassNameOf(section) == className);

    private bool ReadImageSizes(YamlNode node, List<CatalogRate> rates)
    {
        if (node is not YamlMapping sizes || sizes.Entries.Count == 0)
        {
            _problems.Report(DiagnosticIds.InvalidValue, node, "'sizes' must map each size to its price, such as '{ 1024x1024: $0.020 / image }'");
            return false;
        }

        using var alias = _problems.EnterAlias(sizes);

        var ok = true;
        foreach (var size in sizes.Entries)
        {
            if (!TryParseSize(size.Key.Value, out var width, out var height))
            {
                _problems.Report(DiagnosticIds.InvalidImageSize, size.Key, size.Key.Value);
                ok = false;
                continue;
            }

            var key = MemberNames.Invariant(width) + "x" + MemberNames.Invariant(height);
            if (ReadRate(CatalogSection.Image, key, size.Value, CatalogRounding.Exact) is { } rate)
            {
                rates.Add(rate with { Width = width, Height = height });
            }
            else
            {
                ok = false;
            }
        }

        return ok;
    }

    private CatalogRate? ReadRate(CatalogSection section, string role, YamlNode node, CatalogRounding rounding)
    {
        if (ExpectScalar(node, role) is not { } scalar)
        {
            return null;
        }

        if (!RateSyntax.TryParse(scalar.Value, out var parsed, out var error))
        {
            _problems.Report(DiagnosticIds.InvalidRate, scalar, scalar.Value, error);
            return null;
        }

        if (parsed.CurrencySymbol is { } symbol && !CurrencySymbols.Agrees(symbol, _currency))
        {
            _problems.Report(DiagnosticIds.InvalidRate, scalar, scalar.Value, $"'{symbol}' does not match the catalog's currency {_currency}; drop the symbol or fix 'currency:'");
            return null;
        }

        var (kind, allowedUnits, unitNames) = section switch
        {
            CatalogSection.Image => (RateKind.Image, new[] { CatalogUnit.Image }, "image"),
            CatalogSection.Audio => (RateKind.Duration, new[] { CatalogUnit.Second, CatalogUnit.Minute, CatalogUnit.Hour }, "second, minute or hour"),
            CatalogSection.FineTuning when role == CatalogFormat.TrainingField => (RateKind.Training, new[] { CatalogUnit.Token }, "token"),
            _ => (RateKind.Token, new[] { CatalogUnit.Token }, "token"),
        };
        if (Array.IndexOf(allowedUnits, parsed.Unit) < 0)
        {
            _problems.Report(DiagnosticIds.InvalidRate, scalar, scalar.Value,
                $"{CatalogFormat.KeyOf(section)} prices are per {unitNames}, not per {parsed.Unit.ToString().ToLowerInvariant()}");
            return null;
        }

        var memberName = kind == RateKind.Image ? "Size" + role : MemberNames.FromWords(role);
        return new CatalogRate(role, memberName, kind, parsed.Price, parsed.Quantity, parsed.Unit, scalar.Value.Trim(),
            kind == RateKind.Duration ? rounding : CatalogRounding.Exact, 0, 0, Span(scalar));
    }

    private static bool TryParseSize(string key, out int width, out int height)
    {
        width = height = 0;
        var x = key.IndexOf('x');
        return x > 0 &&
            IsPositiveNumber(key.Substring(0, x)) && IsPositiveNumber(key.Substring(x + 1)) &&
            int.TryParse(key.Substring(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out width) &&
            int.TryParse(key.Substring(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out height);

        static bool IsPositiveNumber(string text) => text.Length is > 0 and <= 6 && text[0] != '0' && text.All(c => c is >= '0' and <= '9');
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
