using Microsoft.CodeAnalysis;

namespace PriceGen.Analysis;

/// <summary>
/// The token at a position of a tree's text, for analyzers that scan the text for a few characters (a digit, a
/// <c>(</c>) instead of walking the tree: only the nodes on the way to each token are made. Positions are asked in
/// increasing order, so the search starts from the last token's parent, where the next one usually is, not from the root.
/// </summary>
internal sealed class TextTokens
{
    private readonly SyntaxNode _root;
    private SyntaxNode _scope;

    public TextTokens(SyntaxNode root)
    {
        _root = root;
        _scope = root;
    }

    /// <summary>
    /// The token whose text holds <paramref name="position"/>, with where the scan resumes (its end); or no token when
    /// the position is in a comment, disabled code or other trivia, with the end of that trivia.
    /// </summary>
    public SyntaxToken At(int position, out int resumeAt)
    {
        while (!_scope.FullSpan.Contains(position) && _scope.Parent is { } parent)
        {
            _scope = parent;
        }

        var token = _scope.FindToken(position);
        _scope = token.Parent ?? _root;
        if (token.Span.Contains(position))
        {
            resumeAt = token.Span.End;
            return token;
        }

        resumeAt = _scope.FindTrivia(position).Span.End;
        return default;
    }
}
