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

    /// <summary>Whether <see cref="GreenCache"/> shares this trivia (then <see cref="CacheHash"/> is its key's hash).</summary>
    internal bool Shared { get; init; }

    internal uint CacheHash { get; init; }

    /// <summary>
    /// For the trivia every parse shares (<see cref="GreenCache.Spaces"/>, <see cref="GreenCache.LineFeed"/>,
    /// <see cref="GreenCache.CarriageReturnLineFeed"/>), its place among them (from 1), else 0: the key of the tokens
    /// shared by every parse. It fits in the bytes the kind and the hash leave free.
    /// </summary>
    internal byte StaticIndex { get; init; }

    /// <summary>The shared one-element array of this shared trivia, made on first use.</summary>
    internal GreenTrivia[]? Singleton { get; set; }

    public override string ToString() => $"{Kind} \"{Text}\"";
}
