using Wit.Core.Text;

namespace Wit.Core.Syntax;

/// <summary>A trivia with its absolute position.</summary>
public readonly struct SyntaxTrivia
{
    internal SyntaxTrivia(GreenTrivia green, int position)
    {
        Green = green;
        Position = position;
    }

    public GreenTrivia Green { get; }

    public int Position { get; }

    public SyntaxKind Kind => Green.Kind;

    public string Text => Green.Text;

    public TextSpan Span => new(Position, Green.Width);

    public bool IsComment => SyntaxFacts.IsComment(Kind);

    public override string ToString() => Text;
}
