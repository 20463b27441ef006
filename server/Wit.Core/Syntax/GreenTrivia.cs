namespace Wit.Core.Syntax;

/// <summary>Whitespace, a line break or a comment: text kept in the tree that the grammar ignores.</summary>
public sealed class GreenTrivia
{
    public GreenTrivia(SyntaxKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public SyntaxKind Kind { get; }

    public string Text { get; }

    public int Width => Text.Length;

    public override string ToString() => $"{Kind} \"{Text}\"";
}
