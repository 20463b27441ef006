using System;
using System.Collections.Generic;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Ide.Analysis;

namespace Wit.Ide.Folding;

/// <summary>
/// Folding ranges from the syntax tree: the braces of interfaces, worlds, types, resources and nested packages
/// (WITX: every parenthesised form that spans lines), runs of <c>use</c> items, block comments and runs of line
/// comments. One pass over the tree without recursion; works on broken code.
/// </summary>
public static class FoldingProvider
{
    /// <summary>The document's folding ranges ordered by start; empty when the document is unknown.</summary>
    public static IReadOnlyList<FoldingRangeResult> Ranges(IdeSnapshot snapshot, string path)
    {
        if (snapshot.GetDocument(path) is not { } document) return Array.Empty<FoldingRangeResult>();
        var tree = document.Tree;
        var state = new State(tree.Text.Text, tree.Text.Lines, tree.Language == SyntaxLanguage.Witx);
        foreach (var element in tree.Root.DescendantElements())
        {
            if (element.AsNode() is { } node) state.Node(node);
            else state.Token(element.AsToken());
        }

        state.FlushComments();
        state.FlushUses();
        var ranges = state.Ranges;
        ranges.Sort((a, b) => a.StartOffset != b.StartOffset ? a.StartOffset.CompareTo(b.StartOffset) : b.EndOffset.CompareTo(a.EndOffset));
        return ranges;
    }

    /// <summary>The walk's state: the ranges so far, the comment run and the <c>use</c> run being extended.</summary>
    private sealed class State
    {
        private readonly string _text;
        private readonly LineMap _lines;
        private readonly bool _witx;
        private int _commentStart = -1, _commentEnd, _commentLastLine, _commentCount;
        private int _lastTokenLine = -1;
        private int _useStart = -1, _useEnd;
        private SyntaxNode? _useParent;

        public State(string text, LineMap lines, bool witx)
        {
            _text = text;
            _lines = lines;
            _witx = witx;
        }

        public List<FoldingRangeResult> Ranges { get; } = new();

        public void Node(SyntaxNode node)
        {
            if (!_witx && node.Kind is SyntaxKind.UseItem or SyntaxKind.TopLevelUse)
            {
                var span = node.Span;
                if (_useStart >= 0 && node.Parent == _useParent)
                {
                    _useEnd = span.End;
                }
                else
                {
                    FlushUses();
                    _useStart = span.Start;
                    _useEnd = span.End;
                    _useParent = node.Parent;
                }
            }
            else if (_useParent is not null && node.Parent == _useParent)
            {
                // Another item between two uses ends the run.
                FlushUses();
            }

            Braces(node);
        }

        public void Token(SyntaxToken token)
        {
            int position = token.FullSpan.Start;
            foreach (var trivia in token.Green.LeadingTrivia)
            {
                Trivia(trivia.Kind, position, trivia.Width);
                position += trivia.Width;
            }

            if (token.Green.Width > 0)
            {
                FlushComments();
                _lastTokenLine = _lines.GetLineIndex(token.Span.End);
            }

            position = token.Span.End;
            foreach (var trivia in token.Green.TrailingTrivia)
            {
                Trivia(trivia.Kind, position, trivia.Width);
                position += trivia.Width;
            }
        }

        private void Trivia(SyntaxKind kind, int start, int width)
        {
            if (kind is SyntaxKind.BlockCommentTrivia or SyntaxKind.DocBlockCommentTrivia)
            {
                FlushComments();
                Add(start, start + width, FoldingKind.Comment);
            }
            else if (kind is SyntaxKind.LineCommentTrivia or SyntaxKind.DocLineCommentTrivia)
            {
                int line = _lines.GetLineIndex(start);

                // A comment after code on the same line explains that code; it does not start a foldable run.
                if (line == _lastTokenLine) return;
                if (_commentStart >= 0 && line == _commentLastLine + 1)
                {
                    _commentEnd = start + width;
                    _commentLastLine = line;
                    _commentCount++;
                    return;
                }

                FlushComments();
                _commentStart = start;
                _commentEnd = start + width;
                _commentLastLine = line;
                _commentCount = 1;
            }
        }

        public void FlushComments()
        {
            if (_commentStart >= 0 && _commentCount > 1) Add(_commentStart, _commentEnd, FoldingKind.Comment);
            _commentStart = -1;
        }

        public void FlushUses()
        {
            if (_useStart >= 0) Add(_useStart, _useEnd, FoldingKind.Imports);
            _useStart = -1;
            _useParent = null;
        }

        /// <summary>A braced body (WIT) or any form (WITX) that spans lines folds from its opening bracket to its last content.</summary>
        private void Braces(SyntaxNode node)
        {
            SyntaxKind open, close;
            if (_witx)
            {
                (open, close) = (SyntaxKind.OpenParenToken, SyntaxKind.CloseParenToken);
            }
            else if (node.Kind is SyntaxKind.InterfaceBody or SyntaxKind.WorldBody or SyntaxKind.RecordFieldList
                     or SyntaxKind.VariantCaseList or SyntaxKind.EnumCaseList or SyntaxKind.FlagsMemberList
                     or SyntaxKind.ResourceBody or SyntaxKind.NestedPackage or SyntaxKind.UseNameList or SyntaxKind.IncludeNameList)
            {
                (open, close) = (SyntaxKind.OpenBraceToken, SyntaxKind.CloseBraceToken);
            }
            else if (node.Kind == SyntaxKind.ParameterList)
            {
                (open, close) = (SyntaxKind.OpenParenToken, SyntaxKind.CloseParenToken);
            }
            else
            {
                return;
            }

            int start = -1, end = -1;
            for (int i = 0; i < node.SlotCount; i++)
            {
                if (node.Green.GetSlot(i) is not GreenToken green || green.IsMissing) continue;
                if (green.Kind == open && start < 0) start = node.GetChild(i).AsToken().Span.Start;
                else if (green.Kind == close && start >= 0) end = node.GetChild(i).AsToken().Span.Start;
            }

            if (start < 0) return;
            if (end < 0)
            {
                // An unclosed body folds to its last content.
                end = node.Span.End;
            }

            // Keep the closing bracket's line visible: fold up to the last non-blank character before it.
            while (end > start + 1 && char.IsWhiteSpace(_text[end - 1])) end--;
            Add(start, end, FoldingKind.Region);
        }

        private void Add(int start, int end, FoldingKind kind)
        {
            if (end > start && _lines.GetLineIndex(start) < _lines.GetLineIndex(end)) Ranges.Add(new FoldingRangeResult(start, end, kind));
        }
    }
}
