using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PriceGen.Common;
using PriceGen.Diagnostics;

namespace PriceGen.Catalog;

/// <summary>Rates and what groups them: image sizes, long-context tiers, batch prices, the quota.</summary>
internal sealed partial class CatalogParser
{
    private CatalogRate? ReadRate(CatalogSection section, string role, YamlNode node, CatalogRounding rounding, string? allowedField = null)
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

        var allowedUnits = CatalogFormat.UnitsOf(section, allowedField ?? role);
        if (Array.IndexOf(allowedUnits, parsed.Unit) < 0)
        {
            var names = string.Join(", ", allowedUnits.Select(u => u.ToString().ToLowerInvariant()));
            _problems.Report(DiagnosticIds.InvalidRate, scalar, scalar.Value, allowedField == TokenOnlyField
                ? $"'{role}' of a tier or a batch price is per token, not per {parsed.Unit.ToString().ToLowerInvariant()}"
                : $"'{allowedField ?? role}' in section '{CatalogFormat.KeyOf(section)}' is priced per {names}, not per {parsed.Unit.ToString().ToLowerInvariant()}");
            return null;
        }

        var kind = parsed.Unit switch
        {
            CatalogUnit.Token when role == CatalogFormat.TrainingField => RateKind.Training,
            CatalogUnit.Token => RateKind.Token,
            CatalogUnit.Second or CatalogUnit.Minute or CatalogUnit.Hour => RateKind.Duration,
            CatalogUnit.Image when allowedField == CatalogFormat.SizesField => RateKind.Image,
            _ => RateKind.Unit,
        };
        var memberName = kind == RateKind.Image ? "Size" + MemberNames.FromWords(role).TrimStart('_') : RateMemberName(role);
        return new CatalogRate(role, memberName, kind, parsed.Price, parsed.Quantity, parsed.Unit, scalar.Value.Trim(),
            kind == RateKind.Duration ? rounding : CatalogRounding.Exact, 0, 0);
    }

    /// <summary>The C# name of a rate field; the names of the format's fields are derived once, not for every rate.</summary>
    private static string RateMemberName(string role) => RateMemberNames.TryGetValue(role, out var name) ? name : MemberNames.FromWords(role);

    private static readonly Dictionary<string, string> RateMemberNames = new[] { CatalogFormat.UsageField, CatalogFormat.TrainingField, CatalogFormat.WebSearchField }
        .Concat(CatalogFormat.RequestRateFields)
        .ToDictionary(field => field, MemberNames.FromWords, StringComparer.Ordinal);

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
            if (!ImageSizeKey.TryParse(size.Key.Value, out var quality, out var width, out var height))
            {
                _problems.Report(DiagnosticIds.InvalidImageSize, size.Key, size.Key.Value);
                ok = false;
                continue;
            }

            var key = ImageSizeKey.Format(width, height, quality);
            if (ReadRate(CatalogSection.Image, key, size.Value, CatalogRounding.Exact, CatalogFormat.SizesField) is { } rate)
            {
                rates.Add(rate with { Width = width, Height = height, Quality = quality });
            }
            else
            {
                ok = false;
            }
        }

        return ok;
    }

    /// <summary><c>tiers: [ { above: 200K tokens, input: …, output: …, cached-input: …, cache-write: … } ]</c>.</summary>
    private EquatableArray<CatalogTier> ReadTiers(YamlNode node, ref bool ok)
    {
        if (node is not YamlSequence sequence || sequence.Items.Count == 0)
        {
            _problems.Report(DiagnosticIds.InvalidValue, node, "'tiers' must be a list such as '[ { above: 200K tokens, input: $2.50 / 1M tokens } ]'");
            ok = false;
            return EquatableArray<CatalogTier>.Empty;
        }

        var tiers = new List<CatalogTier>();
        var thresholds = new HashSet<long>();
        foreach (var item in sequence.Items)
        {
            if (item is not YamlMapping tier)
            {
                _problems.Report(DiagnosticIds.InvalidValue, item, "a tier is a mapping such as '{ above: 200K tokens, input: $2.50 / 1M tokens }'");
                ok = false;
                continue;
            }

            long? above = null;
            var rates = new List<CatalogRate>();
            foreach (var field in tier.Entries)
            {
                var key = field.Key.Value;
                if (key == CatalogFormat.AboveField)
                {
                    if (field.Value is YamlScalar scalar && TryParseTokenCount(scalar.Value, out var threshold))
                    {
                        above = threshold;
                    }
                    else
                    {
                        _problems.Report(DiagnosticIds.InvalidValue, field.Value, "'above' must be a token count such as 200K tokens");
                        ok = false;
                    }
                }
                else if (Array.IndexOf(CatalogFormat.RequestRateFields, key) >= 0)
                {
                    if (ReadTierRate(key, field.Value) is { } rate)
                    {
                        rates.Add(rate);
                    }
                    else
                    {
                        ok = false;
                    }
                }
                else
                {
                    var allowed = CatalogFormat.RequestRateFields.Prepend(CatalogFormat.AboveField).ToArray();
                    _problems.Report(DiagnosticIds.UnknownField, field.Key, key, DidYouMean(key, allowed));
                    ok = false;
                }
            }

            if (above is null)
            {
                _problems.Report(DiagnosticIds.MissingField, tier, "a tier", CatalogFormat.AboveField);
                ok = false;
            }
            else if (!thresholds.Add(above.Value))
            {
                _problems.Report(DiagnosticIds.InvalidValue, tier, $"two tiers start above {MemberNames.Invariant(above.Value)} tokens");
                ok = false;
            }
            else
            {
                tiers.Add(new CatalogTier(above.Value, rates.ToEquatableArray()));
            }
        }

        return tiers.OrderBy(t => t.AboveTokens).ToEquatableArray();
    }

    /// <summary>
    /// A service tier (<c>batch</c>, <c>priority</c>, <c>flex</c>): <c>50%</c> off the regular cost, <c>+75%</c> more
    /// than it, or rates such as <c>{ input: …, output: …, cached-input: … }</c> of any request dimension.
    /// </summary>
    private CatalogBatch? ReadBatch(string tier, YamlNode node, ref bool ok)
    {
        if (node is YamlScalar scalar)
        {
            var text = scalar.Value.Trim();
            var more = text.StartsWith("+", StringComparison.Ordinal);
            var digits = more ? text.Substring(1) : text;
            if (digits.EndsWith("%", StringComparison.Ordinal) &&
                decimal.TryParse(digits.Substring(0, digits.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) &&
                percent > 0m && (more || percent <= 100m))
            {
                var written = digits.Substring(0, digits.Length - 1);
                return more
                    ? new CatalogBatch(null, EquatableArray<CatalogRate>.Empty) { PercentMore = written }
                    : new CatalogBatch(written, EquatableArray<CatalogRate>.Empty);
            }

            _problems.Report(DiagnosticIds.InvalidRate, scalar, scalar.Value, $"a '{tier}' price is a percentage off above 0 and at most 100, such as 50%, a surcharge such as +75%, or rates");
            ok = false;
            return null;
        }

        if (node is not YamlMapping rates)
        {
            _problems.Report(DiagnosticIds.InvalidValue, node, $"'{tier}' is a discount such as 50%, a surcharge such as +75%, or rates such as '{{ input: $1.25 / 1M tokens }}'");
            ok = false;
            return null;
        }

        var batch = new List<CatalogRate>();
        var allowed = CatalogFormat.RequestRateFields;
        foreach (var field in rates.Entries)
        {
            if (Array.IndexOf(allowed, field.Key.Value) < 0)
            {
                _problems.Report(DiagnosticIds.UnknownField, field.Key, field.Key.Value, DidYouMean(field.Key.Value, allowed));
                ok = false;
            }
            else if (ReadTierRate(field.Key.Value, field.Value) is { } rate)
            {
                batch.Add(rate);
            }
            else
            {
                ok = false;
            }
        }

        return new CatalogBatch(null, batch.ToEquatableArray());
    }

    /// <summary><c>web-search: $10 / 1K calls</c>, or a price per search context size: <c>{ low: …, medium: …, high: … }</c>.</summary>
    private bool ReadWebSearch(YamlNode node, List<CatalogRate> rates)
    {
        if (node is YamlScalar)
        {
            if (ReadRate(CatalogSection.Chat, CatalogFormat.WebSearchField, node, CatalogRounding.Exact) is { } single)
            {
                rates.Add(single);
                return true;
            }

            return false;
        }

        if (node is not YamlMapping sizes || sizes.Entries.Count == 0)
        {
            _problems.Report(DiagnosticIds.InvalidValue, node, "'web-search' is a price such as '$10 / 1K calls', or one per search context size: '{ low: …, medium: …, high: … }'");
            return false;
        }

        var ok = true;
        foreach (var size in sizes.Entries)
        {
            if (Array.IndexOf(CatalogFormat.SearchContextSizes, size.Key.Value) < 0)
            {
                _problems.Report(DiagnosticIds.UnknownField, size.Key, size.Key.Value, DidYouMean(size.Key.Value, CatalogFormat.SearchContextSizes));
                ok = false;
            }
            else if (ReadRate(CatalogSection.Chat, CatalogFormat.WebSearchField + "/" + size.Key.Value, size.Value, CatalogRounding.Exact, CatalogFormat.WebSearchField) is { } rate)
            {
                rates.Add(rate);
            }
            else
            {
                ok = false;
            }
        }

        return ok;
    }

    /// <summary>
    /// A rate of a tier or a service tier: in the units of the base rate it stands in for, per token for all but the
    /// dimensions with units of their own (audio and video time, fees).
    /// </summary>
    private CatalogRate? ReadTierRate(string role, YamlNode node) =>
        role is CatalogFormat.AudioInputField or CatalogFormat.VideoInputField or CatalogFormat.RequestField or CatalogFormat.CodeInterpreterField
            ? ReadRate(CatalogSection.Chat, role, node, CatalogRounding.Exact)
            : ReadRate(CatalogSection.Chat, role, node, CatalogRounding.Exact, TokenOnlyField);

    /// <summary>A pseudo-field whose only unit is the token, for rates inside tiers and batch prices.</summary>
    private const string TokenOnlyField = "(per-token)";

    /// <summary><c>quota: { monthly-limit: $120, soft-limit: $100 }</c>, amounts in the catalog's currency.</summary>
    private CatalogQuota? ReadQuota(YamlNode node)
    {
        if (node is not YamlMapping quota)
        {
            _problems.Report(DiagnosticIds.InvalidValue, node, "'quota' is a mapping such as '{ monthly-limit: $120, soft-limit: $100 }'");
            return null;
        }

        CatalogPrice? monthly = null, soft = null;
        var allowed = new[] { CatalogFormat.MonthlyLimitField, CatalogFormat.SoftLimitField };
        foreach (var field in quota.Entries)
        {
            if (Array.IndexOf(allowed, field.Key.Value) < 0)
            {
                _problems.Report(DiagnosticIds.UnknownField, field.Key, field.Key.Value, DidYouMean(field.Key.Value, allowed));
                return null;
            }

            if (ExpectScalar(field.Value, field.Key.Value) is not { } scalar || !TryParseAmount(scalar, out var amount))
            {
                return null;
            }

            if (field.Key.Value == CatalogFormat.MonthlyLimitField)
            {
                monthly = amount;
            }
            else
            {
                soft = amount;
            }
        }

        if (monthly is { } hard && soft is { } warn && warn.Value > hard.Value)
        {
            _problems.Report(DiagnosticIds.InvalidValue, quota, $"the soft limit ({warn.Text}) is above the monthly limit ({hard.Text})");
            return null;
        }

        return new CatalogQuota(monthly, soft);
    }

    /// <summary>An amount such as <c>$120</c> or <c>120.50</c>: the price grammar without a unit.</summary>
    private bool TryParseAmount(YamlScalar scalar, out CatalogPrice amount)
    {
        if (RateSyntax.TryParse(scalar.Value + " / request", out var parsed, out var error) && scalar.Value.IndexOf('/') < 0)
        {
            if (parsed.CurrencySymbol is { } symbol && !CurrencySymbols.Agrees(symbol, _currency))
            {
                _problems.Report(DiagnosticIds.InvalidRate, scalar, scalar.Value, $"'{symbol}' does not match the catalog's currency {_currency}");
                amount = default;
                return false;
            }

            amount = parsed.Price;
            return true;
        }

        _problems.Report(DiagnosticIds.InvalidRate, scalar, scalar.Value, scalar.Value.IndexOf('/') >= 0 ? "a quota is an amount such as $120, without '/ unit'" : error);
        amount = default;
        return false;
    }
}
