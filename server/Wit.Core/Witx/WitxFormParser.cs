using System.Collections.Generic;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;

namespace Wit.Core.Witx;

/// <summary>
/// Parses WITX text one top-level element at a time: a parenthesised form, or a run of stray tokens that cannot start
/// one. Every element depends only on its own text (parser diagnostics are stored on the element's node, relative to
/// its start), which is what lets <see cref="WitxParser.Reparse"/> splice old and new elements together. Forms are
/// built with an explicit stack, so the .NET stack never limits the input; forms nested deeper than
/// <see cref="MaxDepth"/> are kept as flat skipped tokens to bound the depth of the tree for every later consumer.
/// </summary>
internal sealed class WitxFormParser
{
    /// <summary>The deepest nesting of forms that still becomes nested nodes.</summary>
    public const int MaxDepth = 1000;

    private readonly WitxLexer _lexer;
    private GreenToken _current;
    private int _currentStart;

    public WitxFormParser(string text, int position)
    {
        _lexer = new WitxLexer(text, position);
        _currentStart = position;
        _current = _lexer.Next();
    }

    /// <summary>True when only the end of file token is left; <see cref="Current"/> is then that token.</summary>
    public bool AtEnd => _current.Kind == SyntaxKind.EndOfFileToken;

    public GreenToken Current => _current;

    /// <summary>Where the current token's leading trivia starts, which is where the last element ended.</summary>
    public int Position => _currentStart;

    /// <summary>Parses the next top-level element; call only when not <see cref="AtEnd"/>.</summary>
    public GreenNode ParseElement() => _current.Kind == SyntaxKind.OpenParenToken ? ParseForm() : ParseStrayTokens();

    private void Advance()
    {
        _currentStart += _current.FullWidth;
        _current = _lexer.Next();
    }

    private int CurrentTextStart => _currentStart + _current.LeadingWidth;

    /// <summary>
    /// Stray tokens at the top level, up to the next <c>(</c> or the end: each <c>)</c> is an unbalanced parenthesis,
    /// and each run of other tokens (bad characters excepted, the lexer reported them) one "expected '('" error.
    /// A run stops only before <c>(</c> or the end, so element boundaries do not depend on what follows them.
    /// </summary>
    private GreenNode ParseStrayTokens()
    {
        int start = _currentStart;
        var tokens = new List<GreenElement>();
        var diagnostics = new List<GreenDiagnostic>();
        GreenToken? runFirst = null;
        int runStart = 0, runEnd = 0;

        void FlushRun()
        {
            if (runFirst is null) return;
            diagnostics.Add(new GreenDiagnostic(WitxSyntaxDiagnostics.ExpectedOpenParen(WitxSyntaxFacts.DescribeFound(runFirst)), runStart - start, runEnd - runStart));
            runFirst = null;
        }

        while (!AtEnd && _current.Kind != SyntaxKind.OpenParenToken)
        {
            int textStart = CurrentTextStart;
            if (_current.Kind == SyntaxKind.CloseParenToken)
            {
                FlushRun();
                diagnostics.Add(new GreenDiagnostic(WitxSyntaxDiagnostics.UnmatchedCloseParen(), textStart - start, 1));
            }
            else if (_current.Kind == SyntaxKind.BadToken)
            {
                FlushRun();
            }
            else
            {
                if (runFirst is null) { runFirst = _current; runStart = textStart; }
                runEnd = textStart + _current.Width;
            }

            tokens.Add(_current);
            Advance();
        }

        FlushRun();
        return GreenNode.Create(SyntaxKind.WitxSkippedTokens, tokens, diagnostics.Count == 0 ? null : diagnostics.ToArray());
    }

    private sealed class Frame
    {
        public Frame(int fullStart) => FullStart = fullStart;

        public int FullStart { get; }

        public List<GreenElement> Children { get; } = new();
    }

    /// <summary>A parenthesised form and everything nested in it, with an explicit stack of open forms.</summary>
    private GreenNode ParseForm()
    {
        int formStart = _currentStart;
        var diagnostics = new List<GreenDiagnostic>();
        var validator = new WitxFormValidator(diagnostics, formStart);
        var stack = new Stack<Frame>();
        var top = new Frame(_currentStart);
        top.Children.Add(_current);
        Advance();
        stack.Push(top);
        while (true)
        {
            var frame = stack.Peek();
            switch (_current.Kind)
            {
                case SyntaxKind.OpenParenToken when stack.Count >= MaxDepth:
                    frame.Children.Add(SkipTooDeep(diagnostics, formStart));
                    continue;
                case SyntaxKind.OpenParenToken:
                    var inner = new Frame(_currentStart);
                    inner.Children.Add(_current);
                    Advance();
                    stack.Push(inner);
                    continue;
                case SyntaxKind.CloseParenToken:
                {
                    frame.Children.Add(_current);
                    Advance();
                    stack.Pop();
                    var parent = stack.Count > 0 ? stack.Peek() : null;
                    var kind = KindOf(frame.Children);
                    validator.Validate(kind, parent is null ? SyntaxKind.None : KindOf(parent.Children), frame.Children, frame.FullStart);
                    if (parent is null) return GreenNode.Create(kind, frame.Children, diagnostics.Count == 0 ? null : diagnostics.ToArray());
                    parent.Children.Add(GreenNode.Create(kind, frame.Children));
                    continue;
                }

                case SyntaxKind.EndOfFileToken:
                    return CloseAtEnd(stack, diagnostics, formStart);
                default:
                    frame.Children.Add(_current);
                    Advance();
                    continue;
            }
        }
    }

    /// <summary>
    /// Closes every open form with a missing <c>)</c> at the end of the file. One diagnostic marks where the first
    /// <c>)</c> was expected; the forms are not validated further, as their contents are unfinished.
    /// </summary>
    private GreenNode CloseAtEnd(Stack<Frame> stack, List<GreenDiagnostic> diagnostics, int formStart)
    {
        diagnostics.Add(new GreenDiagnostic(WitxSyntaxDiagnostics.MissingCloseParen(), _currentStart - formStart, 0));
        GreenNode? closed = null;
        while (stack.Count > 0)
        {
            var frame = stack.Pop();
            if (closed is not null) frame.Children.Add(closed);
            frame.Children.Add(GreenToken.Missing(SyntaxKind.CloseParenToken));
            var kind = KindOf(frame.Children);
            closed = GreenNode.Create(kind, frame.Children, stack.Count == 0 && diagnostics.Count > 0 ? diagnostics.ToArray() : null);
        }

        return closed!;
    }

    /// <summary>
    /// A <c>(</c> that would open a form deeper than <see cref="MaxDepth"/>: it and everything up to its matching
    /// <c>)</c> (or the end of file) become one flat skipped node, counted with an integer rather than nested.
    /// </summary>
    private GreenNode SkipTooDeep(List<GreenDiagnostic> diagnostics, int formStart)
    {
        diagnostics.Add(new GreenDiagnostic(WitxSyntaxDiagnostics.NestedTooDeep(MaxDepth), CurrentTextStart - formStart, 1));
        var tokens = new List<GreenElement>();
        int balance = 0;
        while (!AtEnd)
        {
            if (_current.Kind == SyntaxKind.OpenParenToken) balance++;
            else if (_current.Kind == SyntaxKind.CloseParenToken) balance--;
            tokens.Add(_current);
            Advance();
            if (balance == 0) break;
        }

        return GreenNode.Create(SyntaxKind.WitxSkippedTokens, tokens);
    }

    private static SyntaxKind KindOf(List<GreenElement> children) =>
        WitxSyntaxFacts.GetFormKind(children.Count > 1 ? children[1] as GreenToken : null, children.Count > 2 ? children[2] as GreenToken : null);
}
