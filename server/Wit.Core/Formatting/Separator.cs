namespace Wit.Core.Formatting;

/// <summary>What the blank lines the author left before a token count for (see <see cref="Separator.Author"/>).</summary>
internal enum AuthorBlankLines : byte
{
    /// <summary>The layout alone decides.</summary>
    Ignored,

    /// <summary>The author's choice, none or one, replaces the layout's.</summary>
    Decides,
}

/// <summary>How a token is separated from the token before it.</summary>
internal enum SeparatorKind : byte
{
    /// <summary>Directly after the previous token, on the same line.</summary>
    None,

    /// <summary>One space after the previous token, on the same line.</summary>
    Space,

    /// <summary>On a new line, indented, possibly after a blank line.</summary>
    Line,
}

/// <summary>
/// The layout the formatter wants between two tokens. For a line break it also says how to lay out the comments found
/// between them: at which indentation comment-only lines go (a comment before a closing brace belongs to the body, one
/// level deeper than the brace) and whether a blank line the user left between the last comment and the token is kept.
/// </summary>
internal readonly struct Separator
{
    private Separator(SeparatorKind kind, int indent, int blankLines, int commentIndent, bool keepBlankAfterComments, AuthorBlankLines author = AuthorBlankLines.Ignored)
    {
        Author = author;
        Kind = kind;
        Indent = indent;
        BlankLines = blankLines;
        CommentIndent = commentIndent;
        KeepBlankAfterComments = keepBlankAfterComments;
    }

    public static Separator None => new(SeparatorKind.None, 0, 0, 0, false);

    public static Separator Space => new(SeparatorKind.Space, 0, 0, 0, false);

    public SeparatorKind Kind { get; }

    /// <summary>The indentation level (two spaces each) of the token's line.</summary>
    public int Indent { get; }

    /// <summary>Blank lines before the token (or before the comments that precede it): 0 or 1.</summary>
    public int BlankLines { get; }

    /// <summary>The indentation level of comment-only lines before the token.</summary>
    public int CommentIndent { get; }

    /// <summary>
    /// What the author's blank line before the token (or its comments) counts for when the token starts a line in the
    /// input; when it does not (the author put it on the previous token's line), <see cref="BlankLines"/> applies.
    /// </summary>
    public AuthorBlankLines Author { get; }

    /// <summary>Whether a blank line between the last comment line and the token is kept (at most one).</summary>
    public bool KeepBlankAfterComments { get; }

    /// <summary>The start of a member, item or list element: comments before it share its indentation.</summary>
    public static Separator Member(int indent, int blankLines) => new(SeparatorKind.Line, indent, blankLines, indent, true);

    /// <summary>
    /// A member, item or list element after another. When the author started it on a line of its own, the author's
    /// choice decides, none or one blank line before it (WASI separates resource methods and variant cases; a
    /// generated file has no blank lines at all; a world keeps its <c>include</c> and <c>import</c> together): a style
    /// kept consistently in a file stays, as rustfmt and prettier keep the author's blank lines. When the author wrote
    /// it on the previous item's line, <paramref name="blankLines"/> (the printer's layout) applies.
    /// </summary>
    public static Separator NextMember(int indent, int blankLines) => new(SeparatorKind.Line, indent, blankLines, indent, true, AuthorBlankLines.Decides);

    /// <summary>
    /// The item after the <c>package</c> declaration: a blank line between them (the printer's), unless the author
    /// wrote the item on the next line with none (WASI's files do: <c>package wasi:io@0.2.12;</c> then the docs).
    /// </summary>
    public static Separator AfterPackageDeclaration() => new(SeparatorKind.Line, 0, 1, 0, true, AuthorBlankLines.Decides);

    /// <summary>A closing brace or parenthesis on its own line; comments before it stay at the body's indentation.</summary>
    public static Separator Closing(int indent) => new(SeparatorKind.Line, indent, 0, indent + 1, false);

    public bool IsLine => Kind == SeparatorKind.Line;
}
