using System;
using System.Text;

namespace Wit.Core.Syntax;

/// <summary>A token: its kind, its text, its leading and trailing trivia. A missing token has empty text and zero width.</summary>
public sealed class GreenToken : GreenElement
{
    internal static readonly GreenTrivia[] NoTrivia = Array.Empty<GreenTrivia>();

    public GreenToken(SyntaxKind kind, string text, GreenTrivia[]? leading, GreenTrivia[]? trailing, GreenDiagnostic[]? diagnostics = null, bool isMissing = false)
        : base(kind, text.Length + TriviaWidth(leading) + TriviaWidth(trailing))
    {
        Diagnostics = diagnostics ?? Array.Empty<GreenDiagnostic>();
        Text = text;
        LeadingTrivia = leading ?? NoTrivia;
        TrailingTrivia = trailing ?? NoTrivia;
        IsMissing = isMissing;
    }

    /// <summary>A zero-width token the parser inserted where the grammar required one.</summary>
    public static GreenToken Missing(SyntaxKind kind) => new(kind, string.Empty, null, null, null, isMissing: true);

    public string Text { get; }

    public GreenTrivia[] LeadingTrivia { get; }

    public GreenTrivia[] TrailingTrivia { get; }

    public bool IsMissing { get; }

    public override GreenDiagnostic[] Diagnostics { get; }

    public int Width => Text.Length;

    public int LeadingWidth => TriviaWidth(LeadingTrivia);

    public int TrailingWidth => TriviaWidth(TrailingTrivia);

    public override bool IsToken => true;

    public override bool ContainsDiagnostics => Diagnostics.Length > 0;

    internal void WriteTokenTo(StringBuilder builder)
    {
        foreach (var trivia in LeadingTrivia) builder.Append(trivia.Text);
        builder.Append(Text);
        foreach (var trivia in TrailingTrivia) builder.Append(trivia.Text);
    }

    public GreenToken WithDiagnostics(GreenDiagnostic[] diagnostics) => new(Kind, Text, LeadingTrivia, TrailingTrivia, diagnostics, IsMissing);

    public override string ToString() => $"{Kind} \"{Text}\"";

    private static int TriviaWidth(GreenTrivia[]? trivia)
    {
        if (trivia is null) return 0;
        int width = 0;
        foreach (var t in trivia) width += t.Width;
        return width;
    }
}
