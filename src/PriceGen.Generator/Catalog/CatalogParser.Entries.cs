using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PriceGen.Common;
using PriceGen.Diagnostics;

namespace PriceGen.Catalog;

/// <summary>One model entry: its fields, its rates, its C# name and its details.</summary>
internal sealed partial class CatalogParser
{
    private CatalogModel? ReadModel(CatalogSection section, YamlScalar id, YamlNode value, List<IdClaim> claims)
    {
        if (string.IsNullOrWhiteSpace(id.Value) || HasControlCharacter(id.Value))
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
        var fields = _modelFields;
        fields.Clear();
        Dictionary<string, YamlScalar>? withoutValue = null;
        var ok = true;
        foreach (var field in entry.Entries)
        {
            if (Array.IndexOf(allowed, field.Key.Value) < 0)
            {
                _problems.Report(DiagnosticIds.UnknownField, field.Key, field.Key.Value, DidYouMean(field.Key.Value, allowed));
                ok = false;
            }
            else if (field.Value is YamlScalar { IsNull: true })
            {
                (withoutValue ??= new Dictionary<string, YamlScalar>(StringComparer.Ordinal))[field.Key.Value] = field.Key;
            }
            else
            {
                fields[field.Key.Value] = field;
            }
        }

        var name = Text(fields, CatalogFormat.NameField, ref ok);
        var description = Text(fields, CatalogFormat.DescriptionField, ref ok);
        var rounding = ReadRounding(fields, ref ok);
        ok &= HasRequiredRates(section, id, fields, withoutValue);

        var rates = _modelRates;
        rates.Clear();
        foreach (var role in RateFieldsOf(section))
        {
            if (!fields.TryGetValue(role, out var field))
            {
                continue;
            }

            if (role == CatalogFormat.SizesField)
            {
                ok &= ReadImageSizes(field.Value, rates);
            }
            else if (ReadRate(section, role, field.Value, rounding) is { } rate)
            {
                rates.Add(rate);
            }
            else
            {
                ok = false;
            }
        }

        if (fields.TryGetValue(CatalogFormat.WebSearchField, out var webSearch))
        {
            ok &= ReadWebSearch(webSearch.Value, rates);
        }

        ok &= TokenRatesAgree(section, rates, fields);
        var tiers = fields.TryGetValue(CatalogFormat.TiersField, out var tiersField) ? ReadTiers(tiersField.Value, ref ok) : EquatableArray<CatalogTier>.Empty;
        var batch = fields.TryGetValue(CatalogFormat.BatchField, out var batchField) ? ReadBatch(CatalogFormat.BatchField, batchField.Value, ref ok) : null;
        var priority = fields.TryGetValue(CatalogFormat.PriorityField, out var priorityField) ? ReadBatch(CatalogFormat.PriorityField, priorityField.Value, ref ok) : null;
        var flex = fields.TryGetValue(CatalogFormat.FlexField, out var flexField) ? ReadBatch(CatalogFormat.FlexField, flexField.Value, ref ok) : null;
        var info = ReadInfo(fields, ref ok);
        var (aliases, snapshots, dated) = ReadIdentity(id, fields, claims, ref ok);
        var memberName = ReadMemberName(section, id, name, fields.TryGetValue(CatalogFormat.MemberField, out var member) ? ExpectScalar(member.Value, CatalogFormat.MemberField) : null);
        if (!ok || memberName is null)
        {
            return null;
        }

        var modelRates = rates.Count == 1 ? System.Collections.Immutable.ImmutableArray.Create(rates[0]) : System.Collections.Immutable.ImmutableArray.CreateRange(rates);
        return new CatalogModel(id.Value, section, name ?? id.Value, description, memberName, new EquatableArray<CatalogRate>(modelRates))
        {
            Tiers = tiers,
            Batch = batch,
            Priority = priority,
            Flex = flex,
            Info = info,
            Aliases = aliases,
            Snapshots = snapshots,
            HasDatedSnapshots = dated,
        };
    }

    /// <summary>The rate fields of a section, in the order the generated class lists them.</summary>
    private static string[] RateFieldsOf(CatalogSection section) => RateFieldsBySection[(int)section];

    // Built once: asked for every entry.
    private static readonly string[][] RateFieldsBySection = ((CatalogSection[])Enum.GetValues(typeof(CatalogSection)))
        .Select(section => (section == CatalogSection.FineTuning ? new[] { CatalogFormat.TrainingField } : Array.Empty<string>())
            .Append(CatalogFormat.UsageField)
            .Concat(CatalogFormat.RequestRateFields)
            .Concat(section == CatalogSection.Image ? new[] { CatalogFormat.SizesField } : Array.Empty<string>())
            .ToArray())
        .ToArray();

    /// <summary>The rates a <c>usage</c> rate leaves no room for.</summary>
    private static readonly string[] InputOnlyFields = { CatalogFormat.CachedInputField, CatalogFormat.CacheWriteField, CatalogFormat.OutputField };

    private static bool HasControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every entry needs a price: <c>usage</c> or <c>input</c> (never both; <c>output</c> and the cache rates only next
    /// to <c>input</c>), a fine-tuning model also <c>training</c>, an image model may have <c>sizes</c> instead, an
    /// audio model <c>output</c> alone (speech).
    /// </summary>
    private bool HasRequiredRates(CatalogSection section, YamlScalar id, FieldMap fields, Dictionary<string, YamlScalar>? withoutValue)
    {
        // Written without a value ('usage:'): reported at that key. Not written at all: at the model id.
        YamlNode At(string field) => withoutValue is not null && withoutValue.TryGetValue(field, out var empty) ? empty : id;

        string What() => $"{CatalogFormat.KeyOf(section)} model '{id.Value}'";
        if (fields.TryGetValue(CatalogFormat.UsageField, out var usage) && fields.ContainsKey(CatalogFormat.InputField))
        {
            _problems.Report(DiagnosticIds.InvalidValue, usage.Key, $"{What()} has both 'usage' and 'input'; use 'usage' for one rate, or 'input' with 'output'");
            return false;
        }

        var ok = true;
        if (section == CatalogSection.FineTuning && !fields.ContainsKey(CatalogFormat.TrainingField))
        {
            _problems.Report(DiagnosticIds.MissingField, At(CatalogFormat.TrainingField), What(), CatalogFormat.TrainingField);
            ok = false;
        }

        var priced = fields.ContainsKey(CatalogFormat.UsageField) || fields.ContainsKey(CatalogFormat.InputField) ||
            (section == CatalogSection.Image && fields.ContainsKey(CatalogFormat.SizesField)) ||
            (section == CatalogSection.Audio && fields.ContainsKey(CatalogFormat.OutputField));
        if (!priced)
        {
            var missing = section == CatalogSection.Image ? CatalogFormat.SizesField
                : withoutValue is not null && withoutValue.ContainsKey(CatalogFormat.InputField) ? CatalogFormat.InputField
                : CatalogFormat.UsageField;
            _problems.Report(DiagnosticIds.MissingField, At(missing), What(), missing);
            return false;
        }

        if (fields.ContainsKey(CatalogFormat.UsageField))
        {
            foreach (var inputOnly in InputOnlyFields)
            {
                if (fields.TryGetValue(inputOnly, out var stray))
                {
                    _problems.Report(DiagnosticIds.InvalidValue, stray.Key, $"'{inputOnly}' goes with 'input', not with 'usage'; write 'usage' as 'input'");
                    ok = false;
                }
            }
        }

        return ok;
    }

    /// <summary>
    /// One request is priced in one unit: with a per-token <c>input</c> (or <c>usage</c>), <c>output</c> and the cache
    /// rates are per token too; and <c>batch</c> and <c>tiers</c> only make sense for a model priced per token.
    /// </summary>
    private bool TokenRatesAgree(CatalogSection section, List<CatalogRate> rates, FieldMap fields)
    {
        var input = RoleIn(rates, CatalogFormat.InputField) ?? RoleIn(rates, CatalogFormat.UsageField);
        var ok = true;
        if (input is { Unit: CatalogUnit.Token })
        {
            foreach (var rate in rates)
            {
                if (Array.IndexOf(CatalogFormat.TokenRateFields, rate.Role) <= 0 || rate.Unit == CatalogUnit.Token)
                {
                    continue;
                }

                _problems.Report(DiagnosticIds.InvalidRate, fields[rate.Role].Value, rate.Written,
                    $"'{rate.Role}' must be per token like '{input.Role}', which prices the same request");
                ok = false;
            }
        }
        else
        {
            foreach (var tokenOnly in CatalogFormat.TokenPricedOnlyFields)
            {
                if (fields.TryGetValue(tokenOnly, out var field))
                {
                    _problems.Report(DiagnosticIds.InvalidValue, field.Key, $"'{tokenOnly}' applies to models priced per token; this {CatalogFormat.KeyOf(section)} model has no per-token 'input' or 'usage'");
                    ok = false;
                }
            }
        }

        return ok;
    }

    private static CatalogRate? RoleIn(List<CatalogRate> rates, string role)
    {
        foreach (var rate in rates)
        {
            if (rate.Role == role)
            {
                return rate;
            }
        }

        return null;
    }

    private string? Text(FieldMap fields, string field, ref bool ok)
    {
        if (!fields.TryGetValue(field, out var entry))
        {
            return null;
        }

        var scalar = ExpectScalar(entry.Value, field);
        ok &= scalar is not null;
        return scalar?.Value;
    }

    private CatalogRounding ReadRounding(FieldMap fields, ref bool ok)
    {
        if (Text(fields, CatalogFormat.RoundingField, ref ok) is not { } text)
        {
            return CatalogRounding.Exact;
        }

        if (CatalogFormat.Roundings.TryGetValue(text, out var rounding))
        {
            return rounding;
        }

        var scalar = (YamlScalar)fields[CatalogFormat.RoundingField].Value;
        _problems.Report(DiagnosticIds.UnknownRounding, scalar, text, DidYouMean(text, CatalogFormat.Roundings.Keys));
        ok = false;
        return CatalogRounding.Exact;
    }

    private CatalogModelInfo ReadInfo(FieldMap fields, ref bool ok)
    {
        var contextWindow = TokenCount(fields, CatalogFormat.ContextWindowField, ref ok);
        var maxOutput = TokenCount(fields, CatalogFormat.MaxOutputField, ref ok);
        var encoding = Text(fields, CatalogFormat.EncodingField, ref ok);
        if (encoding is not null && !encoding.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            _problems.Report(DiagnosticIds.InvalidValue, fields[CatalogFormat.EncodingField].Value, $"'{encoding}' is not a tokenizer encoding name such as cl100k_base");
            ok = false;
        }

        var deprecated = Date(fields, CatalogFormat.DeprecatedField, ref ok);
        var shutdown = Date(fields, CatalogFormat.ShutdownField, ref ok);
        var replacement = Text(fields, CatalogFormat.ReplacementField, ref ok);
        return contextWindow is null && maxOutput is null && encoding is null && deprecated is null && shutdown is null && replacement is null
            ? CatalogModelInfo.None
            : new CatalogModelInfo(contextWindow, maxOutput, encoding, deprecated, shutdown, replacement);
    }

    /// <summary>A token count: <c>128000</c>, <c>128K</c>, <c>2M tokens</c>.</summary>
    private long? TokenCount(FieldMap fields, string field, ref bool ok)
    {
        if (Text(fields, field, ref ok) is not { } text)
        {
            return null;
        }

        if (TryParseTokenCount(text, out var count))
        {
            return count;
        }

        _problems.Report(DiagnosticIds.InvalidValue, fields[field].Value, $"'{field}' must be a positive token count such as 128000, 128K or 2M tokens, not '{text}'");
        ok = false;
        return null;
    }

    internal static bool TryParseTokenCount(string text, out long count)
    {
        count = 0;
        var trimmed = text.Trim();
        if (trimmed.EndsWith("tokens", StringComparison.Ordinal) || trimmed.EndsWith("token", StringComparison.Ordinal))
        {
            trimmed = trimmed.Substring(0, trimmed.LastIndexOf("token", StringComparison.Ordinal)).TrimEnd();
        }

        var multiplier = trimmed.EndsWith("M", StringComparison.Ordinal) ? 1_000_000L : trimmed.EndsWith("K", StringComparison.OrdinalIgnoreCase) ? 1_000L : 1L;
        var digits = multiplier == 1 ? trimmed : trimmed.Substring(0, trimmed.Length - 1);
        return digits.Length is > 0 and <= 12 && digits.All(c => c is >= '0' and <= '9') &&
            long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) &&
            (count = value * multiplier) > 0;
    }

    private string? Date(FieldMap fields, string field, ref bool ok)
    {
        if (Text(fields, field, ref ok) is not { } text)
        {
            return null;
        }

        if (IsIsoDate(text, out _))
        {
            return text;
        }

        _problems.Report(DiagnosticIds.InvalidDate, fields[field].Value, text);
        ok = false;
        return null;
    }

    private string? ReadMemberName(CatalogSection section, YamlScalar id, string? name, YamlScalar? member)
    {
        if (member is not null)
        {
            var reserved = ModelMemberNames.IsReserved(section, member.Value);
            if (!MemberNames.IsValidIdentifier(member.Value) || reserved)
            {
                _problems.Report(DiagnosticIds.InvalidIdentifier, member, member.Value, $"model '{id.Value}'",
                    reserved ? " (it would clash with its enclosing class or one of its own members)" : string.Empty);
                return null;
            }

            return member.Value;
        }

        var derived = ModelMemberNames.Derive(section, name, id.Value);
        if (!MemberNames.IsValidIdentifier(derived))
        {
            _problems.Report(DiagnosticIds.InvalidIdentifier, id, name ?? id.Value, $"model '{id.Value}'", "; set 'member:' to a C# name");
            return null;
        }

        return derived;
    }
}
