using Wit.Core.Text;

namespace Wit.Core.Syntax;

/// <summary>Either a node or a token of a red tree.</summary>
public readonly struct SyntaxElement
{
    private readonly SyntaxNode? _node;
    private readonly SyntaxToken _token;

    public SyntaxElement(SyntaxNode node)
    {
        _node = node;
        _token = default;
    }

    public SyntaxElement(SyntaxToken token)
    {
        _node = null;
        _token = token;
    }

    public bool IsNode => _node is not null;

    public bool IsToken => _node is null;

    public SyntaxNode? AsNode() => _node;

    public SyntaxToken AsToken() => _token;

    public SyntaxKind Kind => _node?.Kind ?? _token.Kind;

    public TextSpan FullSpan => _node?.FullSpan ?? _token.FullSpan;

    public TextSpan Span => _node?.Span ?? _token.Span;

    public override string ToString() => _node?.ToString() ?? _token.ToString();
}
