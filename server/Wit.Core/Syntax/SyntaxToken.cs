using Wit.Core.Text;

namespace Wit.Core.Syntax;

/// <summary>A token with its parent and absolute position: a cursor over a <see cref="GreenToken"/>.</summary>
public readonly struct SyntaxToken
{
    internal SyntaxToken(SyntaxNode parent, GreenToken green, int position, int index)
    {
        Parent = parent;
        Green = green;
        Position = position;
        Index = index;
    }

    public SyntaxNode Parent { get; }

    public GreenToken Green { get; }

    /// <summary>The full start (where the leading trivia begins).</summary>
    public int Position { get; }

    /// <summary>The slot of this token in its parent.</summary>
    public int Index { get; }

    public SyntaxKind Kind => Green.Kind;

    public string Text => Green.Text;

    public bool IsMissing => Green.IsMissing;

    public TextSpan FullSpan => new(Position, Green.FullWidth);

    /// <summary>The token's own text, trivia excluded.</summary>
    public TextSpan Span => new(Position + Green.LeadingWidth, Green.Width);

    public SyntaxTriviaList LeadingTrivia => new(Green.LeadingTrivia, Position);

    public SyntaxTriviaList TrailingTrivia => new(Green.TrailingTrivia, Span.End);

    public override string ToString() => Text;
}
