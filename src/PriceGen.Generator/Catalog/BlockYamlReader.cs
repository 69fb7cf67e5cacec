using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace PriceGen.Catalog;

/// <summary>
/// Reads the YAML catalogs are written in straight from the text into the <see cref="YamlNode"/>s that
/// <see cref="YamlDocumentReader"/> builds from YamlDotNet's events, with the same offsets, in a fraction of the time:
/// block mappings and sequences indented with spaces, one-line flow mappings and sequences of plain values, one-line
/// plain and quoted scalars, comments. Anything else (anchors, tags, block or multi-line scalars, nested flow
/// collections, directives, tabs, CR line breaks, a byte order mark, odd indentation) and anything wrong (a duplicate
/// key, a limit reached) it declines: the caller then reads the text with YamlDotNet, which says what is wrong and where.
/// </summary>
internal sealed class BlockYamlReader
{
    /// <summary>Deeper than any catalog: the format needs 5 levels, and <see cref="CatalogLimits.MaxDepth"/> is 32.</summary>
    private const int MaxDepth = 16;

    /// <summary>Below YAML's 1,024-character limit on an implicit key and <see cref="CatalogLimits.MaxKeyLength"/>.</summary>
    private const int MaxKeyLength = 1_000;

    private readonly string _text;
    private readonly CancellationToken _cancellationToken;
    private int _nodes;
    private int _lines;

    // The next content line (not blank, not a comment): where its text starts, its indentation and where it ends.
    private int _content;
    private int _indent;
    private int _lineEnd;
    private bool _atEnd;

    private BlockYamlReader(string text, CancellationToken cancellationToken)
    {
        _text = text;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The document's root, or <see langword="false"/> when the text is not in the subset this reader reads.</summary>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked every few lines).</exception>
    public static bool TryRead(string text, CancellationToken cancellationToken, out YamlNode? root)
    {
        root = null;
        if (!HasOnlyPlainCharacters(text, cancellationToken))
        {
            return false;
        }

        var reader = new BlockYamlReader(text, cancellationToken);
        reader.NextLine(0);
        if (reader._atEnd || reader._indent != 0)
        {
            return false;
        }

        root = reader.ReadMapping(0, 1);
        if (root is null || !reader._atEnd)
        {
            root = null;
            return false;
        }

        return true;
    }

    /// <summary>No tab, CR, other control character, line or paragraph separator, byte order mark or surrogate anywhere.</summary>
    private static bool HasOnlyPlainCharacters(string text, CancellationToken cancellationToken)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' ? c != '\n' : c >= '\u007F' && (c <= '\u009F' || c is '\u2028' or '\u2029' or '\uFEFF' or >= '\uD800' and <= '\uDFFF' or >= '\uFFFE'))
            {
                return false;
            }

            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return true;
    }

    /// <summary>Moves to the first content line at or after <paramref name="position"/>, the start of a line.</summary>
    private void NextLine(int position)
    {
        while (position < _text.Length)
        {
            if ((++_lines & 0xFF) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            var content = position;
            while (content < _text.Length && _text[content] == ' ')
            {
                content++;
            }

            var end = _text.IndexOf('\n', content);
            if (end < 0)
            {
                end = _text.Length;
            }

            if (content < end && _text[content] != '#')
            {
                _content = content;
                _indent = content - position;
                _lineEnd = end;
                return;
            }

            position = end + 1;
        }

        _atEnd = true;
        _content = _text.Length;
        _lineEnd = _text.Length;
    }

    /// <summary>Where the block that ends here ends: at the next token, or at the end of the text.</summary>
    private int BlockEnd => _atEnd ? _text.Length : _content;

    private YamlMapping? ReadMapping(int indent, int depth)
    {
        if (depth > MaxDepth || !Counted())
        {
            return null;
        }

        var mapping = new YamlMapping(_content, _content);
        HashSet<string>? keys = null;
        while (!_atEnd && _indent == indent)
        {
            if (IsEntryDash(_content) || (indent == 0 && IsDocumentMarker(_content)))
            {
                return null;
            }

            var key = ReadKey(out var colon);
            if (key is null || HasKey(mapping, key.Value, ref keys))
            {
                return null;
            }

            var position = SkipSpaces(colon + 1);
            YamlNode? value;
            if (position == _lineEnd || (_text[position] == '#' && position > colon + 1))
            {
                // Nothing after the colon: the value is the block below, if one is indented deeper, else no value.
                NextLine(_lineEnd + 1);
                if (!_atEnd && _indent > indent)
                {
                    value = IsEntryDash(_content) ? ReadSequence(_indent, depth + 1) : ReadMapping(_indent, depth + 1);
                }
                else
                {
                    value = Counted() ? new YamlScalar(string.Empty, true, colon + 1, colon + 1) : null;
                }
            }
            else
            {
                value = ReadLineValue(position);
            }

            if (value is null || (!_atEnd && _indent > indent))
            {
                return null;
            }

            mapping.ExpandedSize += key.ExpandedSize + value.ExpandedSize;
            mapping.Entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key, value));
            if (mapping.Entries.Count == EntriesBeforeEstimate)
            {
                EstimateCapacity(mapping);
            }
        }

        mapping.End = BlockEnd;
        return mapping;
    }

    private const int EntriesBeforeEstimate = 32;

    /// <summary>
    /// Sizes a long mapping (a section of thousands of models) for the entries the rest of the text would hold if
    /// written like its first ones, so its list is not copied again and again as it doubles.
    /// </summary>
    private void EstimateCapacity(YamlMapping mapping)
    {
        var perEntry = System.Math.Max((_content - mapping.Start) / EntriesBeforeEstimate, 1);
        var estimate = EntriesBeforeEstimate + ((_text.Length - _content) / perEntry) + 1;
        mapping.Entries.Capacity = System.Math.Min(estimate, CatalogLimits.MaxNodes);
    }

    private YamlSequence? ReadSequence(int indent, int depth)
    {
        if (depth > MaxDepth || !Counted())
        {
            return null;
        }

        var sequence = new YamlSequence(_content, _content);
        while (!_atEnd && _indent == indent)
        {
            if (!IsEntryDash(_content))
            {
                return null;
            }

            var position = SkipSpaces(_content + 1);
            if (position == _lineEnd || _text[position] == '#')
            {
                return null;
            }

            var item = ReadLineValue(position);
            if (item is null || (!_atEnd && _indent > indent))
            {
                return null;
            }

            sequence.ExpandedSize += item.ExpandedSize;
            sequence.Items.Add(item);
        }

        sequence.End = BlockEnd;
        return sequence;
    }

    /// <summary>The value that fills the rest of the line from <paramref name="position"/>; then moves to the next line.</summary>
    private YamlNode? ReadLineValue(int position)
    {
        int end;
        YamlNode? value;
        switch (_text[position])
        {
            case '{':
                value = ReadFlowMapping(position, out end);
                break;
            case '[':
                value = ReadFlowSequence(position, out end);
                break;
            case '\'' or '"':
                value = ReadQuoted(position, out end);
                break;
            default:
                value = ReadPlainValue(position, out end);
                break;
        }

        if (value is null)
        {
            return null;
        }

        // After the value only spaces, then the end of the line or a comment after a space.
        var rest = SkipSpaces(end);
        if (rest != _lineEnd && (_text[rest] != '#' || rest == end))
        {
            return null;
        }

        NextLine(_lineEnd + 1);
        return value;
    }

    /// <summary>A block key: plain, up to a ':' followed by a space or the end of the line.</summary>
    private YamlScalar? ReadKey(out int colon)
    {
        colon = -1;
        var start = _content;
        if (IsIndicator(_text[start]))
        {
            return null;
        }

        for (var i = start; i < _lineEnd; i++)
        {
            var c = _text[i];
            if (c == ':' && (i + 1 == _lineEnd || _text[i + 1] == ' '))
            {
                colon = i;
                break;
            }

            if (c is ',' or '[' or ']' or '{' or '}' or '#' or '\'' or '"' or ':')
            {
                return null;
            }
        }

        if (colon < 0 || _text[colon - 1] == ' ' || colon - start > MaxKeyLength)
        {
            return null;
        }

        return Key(start, colon);
    }

    /// <summary>A plain value in block context, up to the end of the line or a comment.</summary>
    private YamlScalar? ReadPlainValue(int start, out int end)
    {
        end = start;
        if (IsIndicator(_text[start]))
        {
            return null;
        }

        for (var i = start; i < _lineEnd; i++)
        {
            var c = _text[i];
            if (c == '#' && _text[i - 1] == ' ')
            {
                break;
            }

            // "a: b" would be a mapping, an error in a value.
            if (c == ':' && (i + 1 == _lineEnd || _text[i + 1] == ' '))
            {
                return null;
            }

            if (c != ' ')
            {
                end = i + 1;
            }
        }

        return Scalar(start, end, true);
    }

    /// <summary><c>'…'</c> (with <c>''</c> for a quote) or <c>"…"</c> without escapes, on one line.</summary>
    private YamlScalar? ReadQuoted(int start, out int end)
    {
        end = start;
        var quote = _text[start];
        System.Text.StringBuilder? unescaped = null;
        var from = start + 1;
        for (var i = start + 1; i < _lineEnd; i++)
        {
            var c = _text[i];
            if (c == '\\' && quote == '"')
            {
                return null;
            }

            if (c != quote)
            {
                continue;
            }

            if (quote == '\'' && i + 1 < _lineEnd && _text[i + 1] == '\'')
            {
                (unescaped ??= new System.Text.StringBuilder()).Append(_text, from, i + 1 - from);
                from = i + 2;
                i++;
                continue;
            }

            end = i + 1;
            if (!Counted() || i - start > CatalogLimits.MaxScalarLength)
            {
                return null;
            }

            var value = unescaped is null ? _text.Substring(from, i - from) : unescaped.Append(_text, from, i - from).ToString();
            return new YamlScalar(value, false, start, end);
        }

        return null;
    }

    /// <summary><c>{ key: value, … }</c> of plain keys and values, on one line.</summary>
    private YamlMapping? ReadFlowMapping(int start, out int end)
    {
        end = start;
        if (!Counted())
        {
            return null;
        }

        var mapping = new YamlMapping(start, start + 1, EntriesOnLine(start + 1));
        HashSet<string>? keys = null;
        var position = SkipSpaces(start + 1);
        while (true)
        {
            var key = ReadFlowScalar(position, isKey: true, out var keyEnd);
            if (key is null || keyEnd + 1 >= _lineEnd || _text[keyEnd] != ':' || _text[keyEnd + 1] != ' ' || HasKey(mapping, key.Value, ref keys))
            {
                return null;
            }

            var value = ReadFlowScalar(SkipSpaces(keyEnd + 1), isKey: false, out var valueEnd);
            if (value is null)
            {
                return null;
            }

            mapping.ExpandedSize += key.ExpandedSize + value.ExpandedSize;
            mapping.Entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key, value));
            position = SkipSpaces(valueEnd);
            if (position < _lineEnd && _text[position] == ',')
            {
                position = SkipSpaces(position + 1);
                continue;
            }

            if (position < _lineEnd && _text[position] == '}')
            {
                // YamlDotNet ends a flow collection at its closing bracket, not after it.
                end = position + 1;
                mapping.End = position;
                return mapping;
            }

            return null;
        }
    }

    /// <summary>How many entries a flow collection on this line may have, at most: one more than its commas.</summary>
    private int EntriesOnLine(int position)
    {
        var count = 1;
        for (var i = position; i < _lineEnd; i++)
        {
            count += _text[i] == ',' ? 1 : 0;
        }

        return count;
    }

    /// <summary><c>[ value, … ]</c> of plain values, on one line.</summary>
    private YamlSequence? ReadFlowSequence(int start, out int end)
    {
        end = start;
        if (!Counted())
        {
            return null;
        }

        var sequence = new YamlSequence(start, start + 1);
        var position = SkipSpaces(start + 1);
        while (true)
        {
            var item = ReadFlowScalar(position, isKey: false, out var itemEnd);
            if (item is null)
            {
                return null;
            }

            sequence.ExpandedSize += item.ExpandedSize;
            sequence.Items.Add(item);
            position = SkipSpaces(itemEnd);
            if (position < _lineEnd && _text[position] == ',')
            {
                position = SkipSpaces(position + 1);
                continue;
            }

            if (position < _lineEnd && _text[position] == ']')
            {
                // YamlDotNet ends a flow collection at its closing bracket, not after it.
                end = position + 1;
                sequence.End = position;
                return sequence;
            }

            return null;
        }
    }

    /// <summary>
    /// A plain scalar inside a flow collection: a key up to its ':', a value up to the ',', '}' or ']' after it.
    /// <paramref name="end"/> is after its last character that is not a space.
    /// </summary>
    private YamlScalar? ReadFlowScalar(int start, bool isKey, out int end)
    {
        end = start;
        if (start >= _lineEnd || IsIndicator(_text[start]))
        {
            return null;
        }

        for (var i = start; i < _lineEnd; i++)
        {
            var c = _text[i];
            if (c is ',' or ']' or '}')
            {
                if (isKey)
                {
                    return null;
                }

                break;
            }

            if (c == ':')
            {
                if (!isKey)
                {
                    return null;
                }

                break;
            }

            if (c is '[' or '{' or '#' or '\'' or '"')
            {
                return null;
            }

            if (c != ' ')
            {
                end = i + 1;
            }
            else if (isKey)
            {
                // "{ usage : …" or a key of several words: rare enough to leave to YamlDotNet.
                return null;
            }
        }

        return end <= start ? null : !isKey ? Scalar(start, end, true) : end - start <= MaxKeyLength ? Key(start, end) : null;
    }

    private YamlScalar? Scalar(int start, int end, bool isPlain)
    {
        if (!Counted() || end - start > CatalogLimits.MaxScalarLength)
        {
            return null;
        }

        return new YamlScalar(_text.Substring(start, end - start), isPlain, start, end);
    }

    /// <summary>A plain key: a field of the format is the format's own string, not a copy for every model that has it.</summary>
    private YamlScalar? Key(int start, int end)
    {
        var length = end - start;
        if (length < KnownKeysByLength.Length)
        {
            foreach (var known in KnownKeysByLength[length])
            {
                if (string.CompareOrdinal(_text, start, known, 0, length) == 0)
                {
                    return Counted() ? new YamlScalar(known, true, start, end) : null;
                }
            }
        }

        return Scalar(start, end, true);
    }

    /// <summary>The fields of a model entry, by length.</summary>
    private static readonly string[][] KnownKeysByLength = ByLength(CatalogFormat.CommonFields.Concat(CatalogFormat.RequestRateFields).Concat(new[]
    {
        CatalogFormat.UsageField, CatalogFormat.TrainingField, CatalogFormat.SizesField, CatalogFormat.RoundingField, CatalogFormat.WebSearchField,
        CatalogFormat.PriorityField, CatalogFormat.FlexField, CatalogFormat.BatchField, CatalogFormat.TiersField, CatalogFormat.AboveField,
    }));

    private static string[][] ByLength(IEnumerable<string> keys)
    {
        var distinct = keys.Distinct().ToList();
        return Enumerable.Range(0, distinct.Max(k => k.Length) + 1).Select(length => distinct.Where(k => k.Length == length).ToArray()).ToArray();
    }

    /// <summary>One more node; false past the budget, which YamlDotNet's path then reports.</summary>
    private bool Counted() => ++_nodes <= CatalogLimits.MaxNodes;

    private int SkipSpaces(int position)
    {
        while (position < _lineEnd && _text[position] == ' ')
        {
            position++;
        }

        return position;
    }

    /// <summary>'-' followed by a space or the end of the line: an entry of a block sequence.</summary>
    private bool IsEntryDash(int position) =>
        _text[position] == '-' && (position + 1 == _lineEnd || _text[position + 1] == ' ');

    private bool IsDocumentMarker(int position) =>
        position + 3 <= _lineEnd && (string.CompareOrdinal(_text, position, "---", 0, 3) == 0 || string.CompareOrdinal(_text, position, "...", 0, 3) == 0);

    /// <summary>Characters a plain scalar may not start with (YAML's indicators).</summary>
    private static bool IsIndicator(char c) =>
        c is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' or ' ';

    /// <summary>
    /// Whether the mapping has the key already: a duplicate, which YamlDotNet's path reports. A model's few fields are
    /// compared one by one; a section's thousands of ids through <paramref name="keys"/>, made when the mapping grows.
    /// </summary>
    private static bool HasKey(YamlMapping mapping, string key, ref HashSet<string>? keys)
    {
        var entries = mapping.Entries;
        if (keys is null && entries.Count < 16)
        {
            foreach (var entry in entries)
            {
                if (entry.Key.Value == key)
                {
                    return true;
                }
            }

            return false;
        }

        if (keys is null)
        {
            keys = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                keys.Add(entry.Key.Value);
            }
        }

        return !keys.Add(key);
    }
}
