using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PriceGen;

/// <summary>
/// The little JSON that <see cref="SpendingSnapshot"/> needs: one object whose values are strings, numbers, booleans or
/// null. Hand-written so the runtime keeps no dependency; anything else (nesting, trailing text, duplicate names) is
/// rejected rather than half-read.
/// </summary>
internal sealed class FlatJson
{
    private readonly Dictionary<string, Value> _fields;

    private FlatJson(Dictionary<string, Value> fields) => _fields = fields;

    private enum Kind
    {
        String,
        Number,
        Boolean,
        Null,
    }

    /// <summary>A JSON string literal of <paramref name="text"/>.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var character in text)
        {
            switch (character)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                case < ' ': quoted.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: quoted.Append(character); break;
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Reads one flat JSON object.</summary>
    /// <exception cref="FormatException">The text is not one flat JSON object.</exception>
    public static FlatJson ParseObject(string json) => new Reader(json).ReadDocument();

    public string RequiredString(string name) => Required(name, Kind.String, "a string").Text;

    public bool RequiredBoolean(string name) => Required(name, Kind.Boolean, "true or false").Text == "true";

    private Value Required(string name, Kind kind, string expected)
    {
        if (!_fields.TryGetValue(name, out var value))
        {
            throw new FormatException("The JSON document has no '" + name + "' field.");
        }

        if (value.Kind != kind)
        {
            throw new FormatException("The JSON field '" + name + "' must be " + expected + ".");
        }

        return value;
    }

    private readonly struct Value
    {
        public Value(Kind kind, string text)
        {
            Kind = kind;
            Text = text;
        }

        public Kind Kind { get; }

        public string Text { get; }
    }

    private sealed class Reader
    {
        private readonly string _json;
        private int _position;

        public Reader(string json) => _json = json;

        public FlatJson ReadDocument()
        {
            var fields = new Dictionary<string, Value>(StringComparer.Ordinal);
            Expect('{');
            SkipWhitespace();
            if (Peek() == '}')
            {
                _position++;
            }
            else
            {
                while (true)
                {
                    SkipWhitespace();
                    var name = ReadString();
                    Expect(':');
                    var value = ReadValue();
                    if (fields.ContainsKey(name))
                    {
                        throw Error("the field '" + name + "' appears twice");
                    }

                    fields.Add(name, value);
                    SkipWhitespace();
                    var next = Next();
                    if (next == '}')
                    {
                        break;
                    }

                    if (next != ',')
                    {
                        throw Error("expected ',' or '}'");
                    }
                }
            }

            SkipWhitespace();
            if (_position != _json.Length)
            {
                throw Error("unexpected text after the object");
            }

            return new FlatJson(fields);
        }

        private Value ReadValue()
        {
            SkipWhitespace();
            var start = Peek();
            if (start == '"')
            {
                return new Value(Kind.String, ReadString());
            }

            if (start is '-' or (>= '0' and <= '9'))
            {
                return new Value(Kind.Number, ReadNumber());
            }

            foreach (var (literal, kind) in new[] { ("true", Kind.Boolean), ("false", Kind.Boolean), ("null", Kind.Null) })
            {
                if (string.CompareOrdinal(_json, _position, literal, 0, literal.Length) == 0)
                {
                    _position += literal.Length;
                    return new Value(kind, literal);
                }
            }

            throw Error("expected a string, number, true, false or null (objects and arrays are not read here)");
        }

        private string ReadString()
        {
            Expect('"');
            var text = new StringBuilder();
            while (true)
            {
                var character = Next();
                if (character == '"')
                {
                    return text.ToString();
                }

                if (character < ' ')
                {
                    throw Error("a control character inside a string");
                }

                if (character != '\\')
                {
                    text.Append(character);
                    continue;
                }

                var escaped = Next();
                switch (escaped)
                {
                    case '"': text.Append('"'); break;
                    case '\\': text.Append('\\'); break;
                    case '/': text.Append('/'); break;
                    case 'b': text.Append('\b'); break;
                    case 'f': text.Append('\f'); break;
                    case 'n': text.Append('\n'); break;
                    case 'r': text.Append('\r'); break;
                    case 't': text.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _json.Length ||
                            !int.TryParse(_json.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw Error("expected four hex digits after \\u");
                        }

                        text.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        throw Error("an unknown escape \\" + escaped);
                }
            }
        }

        private string ReadNumber()
        {
            var start = _position;
            while (_position < _json.Length && (char.IsDigit(_json[_position]) || _json[_position] is '-' or '+' or '.' or 'e' or 'E'))
            {
                _position++;
            }

            var text = _json.Substring(start, _position - start);
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw Error("'" + text + "' is not a number");
            }

            return text;
        }

        private void Expect(char expected)
        {
            SkipWhitespace();
            if (Next() != expected)
            {
                throw Error("expected '" + expected + "'");
            }
        }

        private char Peek() => _position < _json.Length ? _json[_position] : throw Error("the document ends too early");

        private char Next()
        {
            var character = Peek();
            _position++;
            return character;
        }

        private void SkipWhitespace()
        {
            while (_position < _json.Length && _json[_position] is ' ' or '\t' or '\n' or '\r')
            {
                _position++;
            }
        }

        private FormatException Error(string problem) =>
            new("Not a flat JSON object: " + problem + " at character " + (_position + 1).ToString(CultureInfo.InvariantCulture) + ".");
    }
}
