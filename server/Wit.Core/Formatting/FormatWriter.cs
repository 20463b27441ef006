using System;
using System.Collections.Generic;
using System.Text;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;

namespace Wit.Core.Formatting;

/// <summary>
/// Writes the formatted text token by token. The walker says how each token is separated from the one before it;
/// the writer lays out the trivia found between them: whitespace is dropped and regenerated, every comment is kept
/// with its text unchanged. A comment on the previous token's line stays at the end of that line, comment-only lines
/// keep their order and get the indentation of what follows them. The writer also tracks, for range formatting,
/// where each token ends in the original text and in the output.
/// </summary>
internal sealed class FormatWriter
{
    private readonly StringBuilder _output;
    private readonly string _endOfLine;
    private readonly string _indentUnit;
    private readonly List<GreenTrivia> _gap = new();
    private readonly List<string> _lineComments = new();
    private GreenTrivia[] _pendingTrailing = Array.Empty<GreenTrivia>();
    private SyntaxKind _previousKind = SyntaxKind.None;
    private bool _hasPrevious;
    private bool _atLineStart = true;
    private int _originalPosition;
    private int _continuationIndent = 1;
    private Separator? _pending;
    private bool _endsInOpenComment;
    private bool _glued;

    /// <param name="indentUnit">The whitespace written once per indentation level.</param>
    public FormatWriter(int capacity, string endOfLine, string indentUnit)
    {
        _indentUnit = indentUnit;
        _output = new StringBuilder(capacity + capacity / 8 + 16);
        _endOfLine = endOfLine;
    }

    /// <summary>The original offset of the last cut: the end of the last token's text, or of the last verbatim item.</summary>
    public int OriginalCut { get; private set; }

    /// <summary>The output offset that corresponds to <see cref="OriginalCut"/>.</summary>
    public int OutputCut { get; private set; }

    /// <summary>Sets the separator of the next token; without one, the next token is spaced by <see cref="Inline"/>.</summary>
    public void SetPending(Separator separator) => _pending = separator;

    /// <summary>Writes a byte order mark the input started with; it lives in the first token's whitespace otherwise.</summary>
    public void WriteByteOrderMark() => _output.Append('\uFEFF');

    public void WriteToken(GreenToken token)
    {
        var separator = _pending ?? Inline(_previousKind, token.Kind);
        _pending = null;
        CollectGap(token.LeadingTrivia);
        if (_glued) _glued = false;
        else if (separator.IsLine) WriteLineGap(separator);
        else WriteInlineGap(separator, token.Kind);

        _output.Append(token.Text);
        OriginalCut = _originalPosition + token.LeadingWidth + token.Width;
        OutputCut = _output.Length;
        _originalPosition += token.FullWidth;
        _pendingTrailing = token.TrailingTrivia;
        _previousKind = token.Kind;
        _hasPrevious = true;
        _atLineStart = false;
        if (separator.IsLine) _continuationIndent = separator.Indent + 1;
    }

    /// <summary>
    /// Writes an item's text (a syntactically broken item) exactly as it is in the input, from its first token to its
    /// last. The comments and line breaks in front of it are laid out by <paramref name="separator"/> like any
    /// other item's, and the comments after it on its last line stay there.
    /// </summary>
    public void WriteVerbatim(GreenNode item, Separator separator)
    {
        _pending = null;
        var (first, last) = RealTokenBounds(item);
        string text = item.ToFullString();
        int start = first?.LeadingWidth ?? 0;
        int end = text.Length - (last?.TrailingWidth ?? 0);
        // An unterminated block comment runs to the end of the file: a line break written after it would become part
        // of it, so such trailing trivia is kept as it is.
        bool keepTrailing = last is not null && HasUnterminatedComment(last);
        if (keepTrailing) end = text.Length;
        CollectGap(first?.LeadingTrivia ?? Array.Empty<GreenTrivia>());
        if (_glued) _glued = false;
        else WriteLineGap(separator);
        _output.Append(text, start, end - start);
        OriginalCut = _originalPosition + end;
        OutputCut = _output.Length;
        _originalPosition += item.FullWidth;
        _pendingTrailing = keepTrailing || last is null ? Array.Empty<GreenTrivia>() : last.TrailingTrivia;
        _previousKind = last?.Kind ?? SyntaxKind.None;
        _hasPrevious = true;
        _atLineStart = false;
        _endsInOpenComment = keepTrailing;
        // Nothing separates the item from the next token in the input: nothing is put there either, since the
        // parser's diagnostics for a broken item may depend on its last token's trailing trivia (a version followed
        // by whitespace reads differently from one cut short), and a broken item's diagnostics must not change.
        _glued = !keepTrailing && last is not null && last.TrailingTrivia.Length == 0;
        if (keepTrailing) OriginalCut = _originalPosition;
    }

    /// <summary>
    /// Writes what follows the last token: the comments at the end of the file, then one line break. When the end of
    /// file token carries a diagnostic (an unterminated comment), its trivia is written as it is.
    /// </summary>
    public void Finish(GreenToken endOfFile)
    {
        if (_endsInOpenComment || _glued)
        {
            // The unterminated comment written with the last item runs to the end, or the item ends the text without
            // a line break: nothing may follow either.
        }
        else if (endOfFile.ContainsDiagnostics)
        {
            FinishPreviousLine();
            // A byte-order mark lexes as whitespace at the start of the file; the document's mark is already
            // written, so it is left out here rather than written a second time.
            foreach (var trivia in endOfFile.LeadingTrivia)
            {
                _output.Append(trivia.Kind == SyntaxKind.WhitespaceTrivia ? trivia.Text.Replace("\uFEFF", string.Empty) : trivia.Text);
            }
        }
        else
        {
            CollectGap(endOfFile.LeadingTrivia);
            int index = WriteSameLineComments();
            var line = _lineComments;
            line.Clear();
            int blanks = 0;
            bool first = true;
            for (int i = index; i <= _gap.Count; i++)
            {
                // Past the last trivia acts as a line break, so a comment without one still ends its line.
                bool endOfLine = i == _gap.Count || _gap[i].Kind == SyntaxKind.EndOfLineTrivia;
                if (!endOfLine)
                {
                    if (SyntaxFacts.IsComment(_gap[i].Kind)) line.Add(_gap[i].Text);
                    continue;
                }

                if (line.Count == 0)
                {
                    blanks++;
                    continue;
                }

                WriteBlankLines(first && !_hasPrevious ? 0 : Math.Min(1, blanks));
                WriteCommentLine(0, line);
                first = false;
                blanks = 0;
            }
        }

        _originalPosition += endOfFile.FullWidth;
        OriginalCut = _originalPosition;
        OutputCut = _output.Length;
    }

    public override string ToString() => _output.ToString();

    /// <summary>
    /// The spacing between two tokens on one line: none before closing and separating punctuation and after opening
    /// punctuation, none before an opening parenthesis or angle bracket, one space otherwise.
    /// </summary>
    internal static Separator Inline(SyntaxKind previous, SyntaxKind current)
    {
        if (current is SyntaxKind.CommaToken or SyntaxKind.SemicolonToken or SyntaxKind.ColonToken or SyntaxKind.DotToken
            or SyntaxKind.GreaterThanToken or SyntaxKind.CloseParenToken) return Separator.None;
        if (previous is SyntaxKind.OpenParenToken or SyntaxKind.LessThanToken or SyntaxKind.DotToken or SyntaxKind.AtToken) return Separator.None;
        if (current is SyntaxKind.OpenParenToken or SyntaxKind.LessThanToken)
        {
            return previous is SyntaxKind.CommaToken or SyntaxKind.ColonToken or SyntaxKind.ArrowToken or SyntaxKind.EqualsToken
                ? Separator.Space : Separator.None;
        }

        return Separator.Space;
    }

    private static bool IsOpening(SyntaxKind kind) => kind is SyntaxKind.OpenParenToken or SyntaxKind.LessThanToken
        or SyntaxKind.OpenBraceToken or SyntaxKind.DotToken or SyntaxKind.AtToken;

    private static bool IsClosing(SyntaxKind kind) => kind is SyntaxKind.CloseParenToken or SyntaxKind.GreaterThanToken
        or SyntaxKind.CloseBraceToken or SyntaxKind.CommaToken or SyntaxKind.SemicolonToken or SyntaxKind.ColonToken or SyntaxKind.DotToken;

    /// <summary>The comments and line breaks between the previous token and the next one, whitespace left out.</summary>
    private void CollectGap(GreenTrivia[] leading)
    {
        _gap.Clear();
        foreach (var trivia in _pendingTrailing)
        {
            if (trivia.Kind != SyntaxKind.WhitespaceTrivia) _gap.Add(trivia);
        }

        foreach (var trivia in leading)
        {
            if (trivia.Kind != SyntaxKind.WhitespaceTrivia) _gap.Add(trivia);
        }

        _pendingTrailing = Array.Empty<GreenTrivia>();
    }

    /// <summary>
    /// A token on a new line. Comments on the previous token's line stay there; comment-only lines follow at the
    /// separator's comment indentation, with at most one blank line between them as the user had; comments on the
    /// token's own line stay before it.
    /// </summary>
    private void WriteLineGap(Separator separator)
    {
        int index = WriteSameLineComments();
        var line = _lineComments;
        line.Clear();
        int blanks = 0;
        bool first = true;
        // The author's blank lines count when the input broke the line here (an end of line ends the same-line part).
        bool author = separator.Author != AuthorBlankLines.Ignored && _hasPrevious && index > 0 && _gap[index - 1].Kind == SyntaxKind.EndOfLineTrivia;
        int firstBlanks = _hasPrevious ? separator.BlankLines : 0;
        for (int i = index; i < _gap.Count; i++)
        {
            var trivia = _gap[i];
            if (trivia.Kind != SyntaxKind.EndOfLineTrivia)
            {
                line.Add(trivia.Text);
                continue;
            }

            if (line.Count == 0)
            {
                blanks++;
                continue;
            }

            WriteBlankLines(first ? FirstBlankLines(author, firstBlanks, blanks) : Math.Min(1, blanks));
            WriteCommentLine(separator.CommentIndent, line);
            first = false;
            blanks = 0;
        }

        int blanksBeforeToken = first ? FirstBlankLines(author, firstBlanks, blanks) : separator.KeepBlankAfterComments ? Math.Min(1, blanks) : 0;
        WriteBlankLines(blanksBeforeToken);
        WriteIndent(separator.Indent);
        foreach (string comment in line) _output.Append(comment).Append(' ');
    }

    /// <summary>The blank lines before a token's first line (or its first comment line), the author's counted as the separator says.</summary>
    private static int FirstBlankLines(bool author, int layout, int authors)
    {
        return author ? Math.Min(1, authors) : layout;
    }

    /// <summary>
    /// A token on the previous token's line. Block comments between them stay inline; a line comment forces a line
    /// break, after which comment-only lines and the token continue one level deeper than their statement.
    /// </summary>
    private void WriteInlineGap(Separator separator, SyntaxKind current)
    {
        bool anyComment = false;
        bool lineComment = false;
        foreach (var trivia in _gap)
        {
            if (trivia.Kind == SyntaxKind.EndOfLineTrivia) continue;
            anyComment = true;
            if (trivia.Kind is SyntaxKind.LineCommentTrivia or SyntaxKind.DocLineCommentTrivia) lineComment = true;
        }

        if (!anyComment)
        {
            if (_atLineStart) WriteIndent(_continuationIndent);
            else if (separator.Kind == SeparatorKind.Space) _output.Append(' ');
            return;
        }

        if (!lineComment && !_atLineStart)
        {
            // Spaced like a token, but hugging an opening or closing bracket as a token would: `(/* c */)`.
            bool first = true;
            foreach (var trivia in _gap)
            {
                if (trivia.Kind == SyntaxKind.EndOfLineTrivia) continue;
                if (!first || separator.Kind == SeparatorKind.Space || !IsOpening(_previousKind)) _output.Append(' ');
                _output.Append(trivia.Text);
                first = false;
            }

            if (separator.Kind == SeparatorKind.Space || !IsClosing(current)) _output.Append(' ');
            return;
        }

        int index = WriteSameLineComments();
        var line = _lineComments;
        line.Clear();
        for (int i = index; i < _gap.Count; i++)
        {
            var trivia = _gap[i];
            if (trivia.Kind != SyntaxKind.EndOfLineTrivia)
            {
                line.Add(trivia.Text);
                continue;
            }

            // Blank lines inside a statement are dropped; the comments keep their lines.
            if (line.Count > 0) WriteCommentLine(_continuationIndent, line);
        }

        WriteIndent(_continuationIndent);
        foreach (string comment in line) _output.Append(comment).Append(' ');
    }

    /// <summary>
    /// Appends the comments on the previous token's line and ends that line; returns the index of the first gap
    /// trivia after it. Does nothing at the start of a line (the file's start, or after a verbatim item).
    /// </summary>
    private int WriteSameLineComments()
    {
        if (_atLineStart) return 0;
        int index = 0;
        while (index < _gap.Count && _gap[index].Kind != SyntaxKind.EndOfLineTrivia)
        {
            _output.Append(' ').Append(_gap[index].Text);
            index++;
        }

        if (index < _gap.Count) index++;
        AppendEndOfLine();
        _atLineStart = true;
        return index;
    }

    /// <summary>Ends the previous token's line, keeping the comments on it (before a verbatim item).</summary>
    private void FinishPreviousLine()
    {
        if (_atLineStart) return;
        foreach (var trivia in _pendingTrailing)
        {
            if (SyntaxFacts.IsComment(trivia.Kind)) _output.Append(' ').Append(trivia.Text);
        }

        _pendingTrailing = Array.Empty<GreenTrivia>();
        AppendEndOfLine();
        _atLineStart = true;
    }

    /// <summary>The first and last tokens of an item that are not missing (missing tokens have no text and no trivia).</summary>
    private static (GreenToken? First, GreenToken? Last) RealTokenBounds(GreenNode item)
    {
        GreenToken? first = null, last = null;
        var stack = new Stack<GreenElement>();
        stack.Push(item);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element is GreenToken token)
            {
                if (token.IsMissing) continue;
                first ??= token;
                last = token;
                continue;
            }

            var node = (GreenNode)element;
            for (int i = node.SlotCount - 1; i >= 0; i--) stack.Push(node.GetSlot(i));
        }

        return (first, last);
    }

    /// <summary>
    /// Whether the lexer reported an unterminated block comment in the token's trivia: for an item's last token it is
    /// in the trailing trivia, since one in the leading trivia would have swallowed the token.
    /// </summary>
    private static bool HasUnterminatedComment(GreenToken token)
    {
        foreach (var diagnostic in token.Diagnostics)
        {
            if (diagnostic.Descriptor == SyntaxDiagnostics.Wit0003) return true;
        }

        return false;
    }

    private void WriteCommentLine(int indent, List<string> comments)
    {
        WriteIndent(indent);
        for (int i = 0; i < comments.Count; i++)
        {
            if (i > 0) _output.Append(' ');
            _output.Append(comments[i]);
        }

        AppendEndOfLine();
        comments.Clear();
    }

    private void WriteBlankLines(int count)
    {
        for (int i = 0; i < count; i++) AppendEndOfLine();
    }

    /// <summary>
    /// Ends a line. After text that ends with a carriage return (a lone one is a bad token, kept as written) a line feed
    /// would make the two one line break and the token would be gone: the line then ends with "\r\n" whatever the
    /// file's style.
    /// </summary>
    private void AppendEndOfLine()
    {
        if (_endOfLine == "\n" && _output.Length > 0 && _output[_output.Length - 1] == '\r') _output.Append('\r');
        _output.Append(_endOfLine);
    }

    private void WriteIndent(int level)
    {
        for (int i = 0; i < level; i++) _output.Append(_indentUnit);
    }
}
