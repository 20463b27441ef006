using System;
using System.Text;

namespace Wit.Core.Syntax;

/// <summary>A token: its kind, its text, its leading and trailing trivia. A missing token has empty text and zero width.</summary>
/// <remarks>
/// A file's tree holds a token object for every token not shared, so the rare parts take no field of their own:
/// whether it is missing is a flag, and a token with diagnostics keeps them with its trailing trivia in one
/// <see cref="WithExtras"/> object (48 bytes a token instead of 64).
/// </remarks>
public sealed class GreenToken : GreenElement
{
    internal static readonly GreenTrivia[] NoTrivia = Array.Empty<GreenTrivia>();

    private static readonly GreenDiagnostic[] NoDiagnostics = Array.Empty<GreenDiagnostic>();

    /// <summary>The trailing trivia (a <see cref="GreenTrivia"/> array), or a <see cref="WithExtras"/> when the token has diagnostics.</summary>
    private readonly object _trailing;

    public GreenToken(SyntaxKind kind, string text, GreenTrivia[]? leading, GreenTrivia[]? trailing, GreenDiagnostic[]? diagnostics = null, bool isMissing = false)
        : this(kind, text, TextHash(text), leading, trailing, diagnostics, isMissing)
    {
    }

    /// <summary>A token whose text's hash (any 32-bit hash of it, see <see cref="GreenElement.ContentHash"/>) the lexer has computed.</summary>
    internal GreenToken(SyntaxKind kind, string text, uint textHash, GreenTrivia[]? leading, GreenTrivia[]? trailing, GreenDiagnostic[]? diagnostics = null, bool isMissing = false)
        : base(kind, text.Length + TriviaWidth(leading) + TriviaWidth(trailing), FlagsOf(diagnostics, isMissing), Fold(textHash))
    {
        Text = text;
        LeadingTrivia = leading ?? NoTrivia;
        _trailing = diagnostics is { Length: > 0 } ? new WithExtras(trailing ?? NoTrivia, diagnostics) : trailing ?? NoTrivia;
    }

    private static byte FlagsOf(GreenDiagnostic[]? diagnostics, bool isMissing) =>
        (byte)(TokenFlag | (diagnostics is { Length: > 0 } ? ContainsDiagnosticsFlag | OwnDiagnosticsFlag : 0) | (isMissing ? MissingFlag : 0));

    /// <summary>A zero-width token the parser inserted where the grammar required one.</summary>
    public static GreenToken Missing(SyntaxKind kind) => new(kind, string.Empty, null, null, null, isMissing: true);

    public string Text { get; }

    public GreenTrivia[] LeadingTrivia { get; }

#if NET
    public GreenTrivia[] TrailingTrivia => (Flags & OwnDiagnosticsFlag) == 0 ? System.Runtime.CompilerServices.Unsafe.As<GreenTrivia[]>(_trailing) : ((WithExtras)_trailing).Trailing;
#else
    public GreenTrivia[] TrailingTrivia => (Flags & OwnDiagnosticsFlag) == 0 ? (GreenTrivia[])_trailing : ((WithExtras)_trailing).Trailing;
#endif

    public bool IsMissing => (Flags & MissingFlag) != 0;

    public override GreenDiagnostic[] Diagnostics => (Flags & OwnDiagnosticsFlag) == 0 ? NoDiagnostics : ((WithExtras)_trailing).Diagnostics;

    public int Width => Text.Length;

    public int LeadingWidth => TriviaWidth(LeadingTrivia);

    public int TrailingWidth => TriviaWidth(TrailingTrivia);

    internal void WriteTokenTo(StringBuilder builder)
    {
        foreach (var trivia in LeadingTrivia) builder.Append(trivia.Text);
        builder.Append(Text);
        foreach (var trivia in TrailingTrivia) builder.Append(trivia.Text);
    }

    public GreenToken WithDiagnostics(GreenDiagnostic[] diagnostics) => new(Kind, Text, LeadingTrivia, TrailingTrivia, diagnostics, IsMissing);

    public override string ToString() => $"{Kind} \"{Text}\"";

    /// <summary>The trailing trivia and the diagnostics of a token that has diagnostics.</summary>
    private sealed class WithExtras
    {
        public WithExtras(GreenTrivia[] trailing, GreenDiagnostic[] diagnostics)
        {
            Trailing = trailing;
            Diagnostics = diagnostics;
        }

        public GreenTrivia[] Trailing { get; }

        public GreenDiagnostic[] Diagnostics { get; }
    }

    /// <summary>A hash of a token's text when nothing computed one (FNV-1a, as the lexer's).</summary>
    private static uint TextHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) hash = (hash ^ c) * 16777619;
        return hash;
    }

    private static int TriviaWidth(GreenTrivia[]? trivia)
    {
        if (trivia is null) return 0;
        int width = 0;
        foreach (var t in trivia) width += t.Width;
        return width;
    }
}
