using System;
using System.Text;

namespace Wit.Core.Syntax;

/// <summary>A token: its kind, its text, its leading and trailing trivia. A missing token has empty text and zero width.</summary>
/// <remarks>
/// A file's tree holds a token object for every token not shared, so the rare parts take no field of their own
/// (40 bytes a token instead of 64): whether it is missing is a flag; trailing trivia is nearly always nothing, a
/// space or a line break, which a flag names (the shared one-element arrays of <see cref="GreenCache"/>), so one field
/// holds the leading trivia; any other trailing trivia, or diagnostics, go with the leading trivia in one
/// <see cref="WithExtras"/> object.
/// </remarks>
public sealed class GreenToken : GreenElement
{
    internal static readonly GreenTrivia[] NoTrivia = Array.Empty<GreenTrivia>();

    private static readonly GreenDiagnostic[] NoDiagnostics = Array.Empty<GreenDiagnostic>();

    /// <summary>The trailing trivia named by the flags: <see cref="TrailingSpaceFlag"/>, <see cref="TrailingLineFeedFlag"/>, both for CR LF.</summary>
    private static readonly GreenTrivia[][] s_sharedTrailing =
    {
        NoTrivia,
        GreenCache.Spaces(1)!.Singleton!,
        GreenCache.LineFeed.Singleton!,
        GreenCache.CarriageReturnLineFeed.Singleton!,
    };

    /// <summary>The leading trivia (a <see cref="GreenTrivia"/> array), or a <see cref="WithExtras"/> when <see cref="ExtrasFlag"/> is set.</summary>
    private readonly object _trivia;

    public GreenToken(SyntaxKind kind, string text, GreenTrivia[]? leading, GreenTrivia[]? trailing, GreenDiagnostic[]? diagnostics = null, bool isMissing = false)
        : this(kind, text, GreenCache.Hash(text), leading, trailing, diagnostics, isMissing)
    {
    }

    /// <summary>A token whose text's hash (any 32-bit hash of it, see <see cref="GreenElement.ContentHash"/>) the lexer has computed.</summary>
    internal GreenToken(SyntaxKind kind, string text, uint textHash, GreenTrivia[]? leading, GreenTrivia[]? trailing, GreenDiagnostic[]? diagnostics = null, bool isMissing = false)
        : base(kind, text.Length + TriviaWidth(leading) + TriviaWidth(trailing), FlagsOf(trailing, diagnostics, isMissing), Fold(textHash))
    {
        Text = text;
        _trivia = (Flags & ExtrasFlag) != 0 ? new WithExtras(leading ?? NoTrivia, trailing ?? NoTrivia, diagnostics ?? NoDiagnostics) : leading ?? NoTrivia;
    }

    /// <summary>Set when the trailing trivia is one space (with <see cref="TrailingLineFeedFlag"/>: CR LF).</summary>
    private const byte TrailingSpaceFlag = 16;

    /// <summary>Set when the trailing trivia is a line feed (with <see cref="TrailingSpaceFlag"/>: CR LF).</summary>
    private const byte TrailingLineFeedFlag = 32;

    /// <summary>Set when the trivia and diagnostics are in a <see cref="WithExtras"/>.</summary>
    private const byte ExtrasFlag = 64;

    private static byte FlagsOf(GreenTrivia[]? trailing, GreenDiagnostic[]? diagnostics, bool isMissing)
    {
        int flags = TokenFlag | (isMissing ? MissingFlag : 0);
        if (diagnostics is { Length: > 0 }) flags |= ContainsDiagnosticsFlag | OwnDiagnosticsFlag | ExtrasFlag;
        else if (trailing is { Length: > 0 })
        {
            // Only the very shared arrays are named by a flag, so the trailing trivia reads back as the same array.
            flags |= ReferenceEquals(trailing, s_sharedTrailing[1]) ? TrailingSpaceFlag
                : ReferenceEquals(trailing, s_sharedTrailing[2]) ? TrailingLineFeedFlag
                : ReferenceEquals(trailing, s_sharedTrailing[3]) ? TrailingSpaceFlag | TrailingLineFeedFlag
                : ExtrasFlag;
        }

        return (byte)flags;
    }

    /// <summary>A zero-width token the parser inserted where the grammar required one.</summary>
    public static GreenToken Missing(SyntaxKind kind) => new(kind, string.Empty, null, null, null, isMissing: true);

    public string Text { get; }

#if NET
    public GreenTrivia[] LeadingTrivia => (Flags & ExtrasFlag) == 0 ? System.Runtime.CompilerServices.Unsafe.As<GreenTrivia[]>(_trivia) : ((WithExtras)_trivia).Leading;
#else
    public GreenTrivia[] LeadingTrivia => (Flags & ExtrasFlag) == 0 ? (GreenTrivia[])_trivia : ((WithExtras)_trivia).Leading;
#endif

    public GreenTrivia[] TrailingTrivia => (Flags & ExtrasFlag) == 0 ? s_sharedTrailing[(Flags / TrailingSpaceFlag) & 3] : ((WithExtras)_trivia).Trailing;

    public bool IsMissing => (Flags & MissingFlag) != 0;

    public override GreenDiagnostic[] Diagnostics => (Flags & OwnDiagnosticsFlag) == 0 ? NoDiagnostics : ((WithExtras)_trivia).Diagnostics;

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

    /// <summary>The trivia and the diagnostics of a token that has diagnostics or trailing trivia other than a space or a line break.</summary>
    private sealed class WithExtras
    {
        public WithExtras(GreenTrivia[] leading, GreenTrivia[] trailing, GreenDiagnostic[] diagnostics)
        {
            Leading = leading;
            Trailing = trailing;
            Diagnostics = diagnostics;
        }

        public GreenTrivia[] Leading { get; }

        public GreenTrivia[] Trailing { get; }

        public GreenDiagnostic[] Diagnostics { get; }
    }

    private static int TriviaWidth(GreenTrivia[]? trivia)
    {
        if (trivia is null) return 0;
        int width = 0;
        foreach (var t in trivia) width += t.Width;
        return width;
    }
}
