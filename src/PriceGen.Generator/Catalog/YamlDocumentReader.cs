using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

using PriceGen.Diagnostics;

namespace PriceGen.Catalog;

/// <summary>
/// Reads YAML text into <see cref="YamlNode"/>s without recursion, enforcing <see cref="CatalogLimits"/> as it goes,
/// and turns every syntax error, duplicate key and exceeded limit into a located <see cref="CatalogProblem"/>.
/// Aliases share the anchored node instead of copying it, and are charged its full size against the budget.
/// </summary>
internal sealed class YamlDocumentReader
{
    private readonly string _text;
    private readonly ProblemSink _problems;
    private readonly System.Threading.CancellationToken _cancellationToken;
    private const char ByteOrderMark = '\uFEFF';

    private readonly Scanner _scanner;
    private readonly int _origin;
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private int _expandedNodes;
    private int _aliases;

    private YamlDocumentReader(string text, ProblemSink problems, System.Threading.CancellationToken cancellationToken)
    {
        _text = text;
        _problems = problems;
        _cancellationToken = cancellationToken;

        // A byte order mark still in the text (a caller that decoded the bytes itself) is not part of the document:
        // YamlDotNet would read it into the first key. Offsets stay relative to the text as given.
        var reader = new StringReader(text);
        if (text.Length > 0 && text[0] == ByteOrderMark)
        {
            reader.Read();
            _origin = 1;
        }

        _scanner = new Scanner(reader);
    }

    /// <summary>The first document's root, or <see langword="null"/> after a file-level problem (already reported).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked per event).</exception>
    /// <remarks>
    /// Text in the plain subset catalogs are written in is read by <see cref="BlockYamlReader"/>, which yields the same
    /// nodes several times faster; anything else, and anything wrong, by YamlDotNet.
    /// </remarks>
    public static YamlNode? Read(string text, ProblemSink problems, System.Threading.CancellationToken cancellationToken = default) =>
        BlockYamlReader.TryRead(text, cancellationToken, out var root) ? root : ReadWithYamlDotNet(text, problems, cancellationToken);

    /// <summary>Reads <paramref name="text"/> through YamlDotNet's events, whatever it holds; the tests compare both paths.</summary>
    internal static YamlNode? ReadWithYamlDotNet(string text, ProblemSink problems, System.Threading.CancellationToken cancellationToken = default) =>
        new YamlDocumentReader(text, problems, cancellationToken).Read();

    private YamlNode? Read()
    {
        try
        {
            return ReadFirstDocument();
        }
        catch (YamlException exception)
        {
            // YamlDotNet's span runs from the construct it was reading (an unterminated quote starts at its quote) to where
            // it found the problem. A tab is the problem itself, so it is reported at the tab, not at the line before.
            // Some errors carry no position at all (Mark.Empty, line 1, column 1): the scanner still knows where it stopped.
            var located = exception.Start.Index > 0 || exception.End.Index > 0;
            var problemStart = !located ? _scanner.CurrentPosition
                : exception.Message.IndexOf("tab character", StringComparison.Ordinal) >= 0 ? exception.End
                : exception.Start;
            var start = Offset(problemStart);
            var end = Math.Max(start, Offset(located ? exception.End : _scanner.CurrentPosition));
            _problems.Report(DiagnosticIds.YamlSyntax, start, end, CleanMessage(exception.Message));
            return null;
        }
        catch (LimitExceededException)
        {
            return null;
        }
    }

    private YamlNode? ReadFirstDocument()
    {
        var parser = new Parser(_scanner);
        var open = new Stack<Frame>();
        YamlNode? root = null;
        while (MoveNext(parser, open))
        {
            var current = parser.Current!;
            YamlNode? completed = null;
            switch (current)
            {
                case DocumentStart second when root is not null:
                    // An explicit start spans its '---'; an implicit one is text after a '...' that ended the first document.
                    _problems.Report(DiagnosticIds.YamlSyntax, Offset(second.Start), Offset(second.End),
                        second.IsImplicit
                            ? "a catalog holds one YAML document; remove the '...' that ends it early, or what follows it"
                            : "a catalog holds one YAML document; remove the second '---'");
                    return null;
                case Scalar scalar:
                    CheckLength(scalar, open.Count > 0 && open.Peek().ExpectsKey ? CatalogLimits.MaxKeyLength : CatalogLimits.MaxScalarLength);
                    completed = Anchor(scalar.Anchor, new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, Offset(scalar.Start), Offset(scalar.End)));
                    break;
                case AnchorAlias alias:
                    completed = Resolve(alias, open);
                    break;
                case MappingStart mapping:
                    Push(open, new Frame(Anchor(mapping.Anchor, new YamlMapping(Offset(mapping.Start), Offset(mapping.End))), mapping.Style == MappingStyle.Flow), current);
                    continue;
                case SequenceStart sequence:
                    Push(open, new Frame(Anchor(sequence.Anchor, new YamlSequence(Offset(sequence.Start), Offset(sequence.End))), sequence.Style == SequenceStyle.Flow), current);
                    continue;
                case MappingEnd or SequenceEnd:
                    var done = open.Pop();
                    done.Node.End = Math.Max(done.Node.End, Offset(current.End));
                    completed = done.Node;
                    break;
                default:
                    continue;
            }

            Charge(completed == null ? 0 : 1, current);
            if (open.Count == 0)
            {
                root ??= completed;
            }
            else
            {
                open.Peek().Add(completed!, this);
            }
        }

        return root;
    }

    /// <summary>
    /// <see cref="Parser.MoveNext"/>, with the exceptions YamlDotNet throws on some malformed input that are not
    /// <see cref="YamlException"/>s (an unclosed '{' followed by more lines throws InvalidOperationException)
    /// turned into a syntax error at the position the scanner reached.
    /// </summary>
    private bool MoveNext(Parser parser, Stack<Frame> open)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return parser.MoveNext();
        }
        catch (Exception exception) when (exception is not YamlException and not OperationCanceledException)
        {
            var at = _scanner.CurrentPosition;
            foreach (var frame in open)
            {
                if (frame.IsFlow)
                {
                    // Innermost '{' or '[' first: the one left unclosed.
                    throw new SyntaxErrorException(at, at, frame.Node is YamlMapping
                        ? "While parsing a flow mapping, did not find expected ',' or '}'"
                        : "While parsing a flow sequence, did not find expected ',' or ']'");
                }
            }

            throw new SyntaxErrorException(at, at, "While scanning, found text that cannot continue the document");
        }
    }

    private void Push(Stack<Frame> open, Frame frame, ParsingEvent at)
    {
        if (open.Count >= CatalogLimits.MaxDepth)
        {
            Fail(at, $"nesting deeper than {CatalogLimits.MaxDepth} levels");
        }

        open.Push(frame);
    }

    private YamlNode Resolve(AnchorAlias alias, Stack<Frame> open)
    {
        if (++_aliases > CatalogLimits.MaxAliases)
        {
            Fail(alias, $"more than {CatalogLimits.MaxAliases} aliases");
        }

        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            _problems.Report(DiagnosticIds.YamlSyntax, Offset(alias.Start), Offset(alias.End), $"alias '*{alias.Value.Value}' names no anchor defined before it");
            throw new LimitExceededException();
        }

        foreach (var frame in open)
        {
            if (ReferenceEquals(frame.Node, target))
            {
                // An alias inside its own anchor would make the document a cycle.
                _problems.Report(DiagnosticIds.YamlSyntax, Offset(alias.Start), Offset(alias.End), $"alias '*{alias.Value.Value}' refers to a node that contains it");
                throw new LimitExceededException();
            }
        }

        // The alias stands for a full copy of its target: charge the copy, not one node. It shares the target's
        // content, but is located at the alias, so a key or value written as an alias is reported where it is used.
        Charge(target.ExpandedSize - 1, alias);
        return target.AliasAt(Offset(alias.Start), Offset(alias.End));
    }

    private void Charge(int nodes, ParsingEvent at)
    {
        _expandedNodes += nodes;
        if (_expandedNodes > CatalogLimits.MaxNodes)
        {
            Fail(at, $"more than {CatalogLimits.MaxNodes} nodes once aliases are expanded");
        }
    }

    private T Anchor<T>(AnchorName anchor, T node)
        where T : YamlNode
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private void CheckLength(Scalar scalar, int limit)
    {
        if (scalar.Value.Length > limit)
        {
            var start = Offset(scalar.Start);
            Fail(start, Math.Min(Offset(scalar.End), start + 1), $"a scalar of {scalar.Value.Length} characters (the limit is {limit})");
        }
    }

    private void Fail(ParsingEvent at, string what) => Fail(Offset(at.Start), Offset(at.End), what);

    private void Fail(int start, int end, string what)
    {
        _problems.Report(DiagnosticIds.LimitExceeded, start, end, what);
        throw new LimitExceededException();
    }

    private int Offset(Mark mark) => (int)Math.Min(Math.Max(mark.Index, 0) + _origin, _text.Length);

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (…): " — the diagnostic already has the location.
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0 ? message.Substring(marker + 3) : message;
        return text.TrimEnd('.');
    }

    /// <summary>A mapping or sequence being filled.</summary>
    private sealed class Frame
    {
        private YamlScalar? _pendingKey;
        private YamlNode? _pendingComplexKey;
        private Dictionary<string, YamlScalar>? _keys;

        public Frame(YamlNode node, bool isFlow)
        {
            Node = node;
            IsFlow = isFlow;
        }

        public YamlNode Node { get; }

        /// <summary>Written <c>{ … }</c> or <c>[ … ]</c>.</summary>
        public bool IsFlow { get; }

        public bool ExpectsKey => Node is YamlMapping && _pendingKey is null && _pendingComplexKey is null;

        public void Add(YamlNode child, YamlDocumentReader reader)
        {
            Node.ExpandedSize += child.ExpandedSize;
            if (Node is YamlSequence sequence)
            {
                sequence.Items.Add(child);
                return;
            }

            var mapping = (YamlMapping)Node;
            if (_pendingKey is null && _pendingComplexKey is null)
            {
                if (child is YamlScalar key)
                {
                    _pendingKey = key;
                }
                else
                {
                    reader._problems.Report(DiagnosticIds.InvalidValue, child.Start, child.End, "a mapping key must be a plain value, not a list or a mapping");
                    _pendingComplexKey = child;
                }

                return;
            }

            if (_pendingKey is { } pending)
            {
                _keys ??= new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
                if (_keys.TryGetValue(pending.Value, out var first))
                {
                    reader._problems.Report(DiagnosticIds.DuplicateKey, pending.Start, pending.End, first.Start, first.End, pending.Value);
                }
                else
                {
                    _keys.Add(pending.Value, pending);
                    mapping.Entries.Add(new KeyValuePair<YamlScalar, YamlNode>(pending, child));
                }
            }

            _pendingKey = null;
            _pendingComplexKey = null;
        }
    }

    /// <summary>Unwinds the reader once a limit has been reported.</summary>
    private sealed class LimitExceededException : Exception
    {
    }
}
