namespace Wit.Core.Text;

/// <summary>A replacement of <see cref="Span"/> (in the old text) by <see cref="NewText"/>.</summary>
public readonly struct TextChange
{
    public TextChange(TextSpan span, string newText)
    {
        Span = span;
        NewText = newText ?? string.Empty;
    }

    public TextSpan Span { get; }

    public string NewText { get; }

    /// <summary>How much every position after the change moves.</summary>
    public int Delta => NewText.Length - Span.Length;

    public override string ToString() => $"{Span} -> \"{NewText}\"";
}
