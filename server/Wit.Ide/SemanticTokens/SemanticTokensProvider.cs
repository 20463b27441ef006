using System;
using System.Collections.Generic;
using System.Threading;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Ide.Analysis;
using static Wit.Ide.SemanticTokens.SemanticTokensLegend;

namespace Wit.Ide.SemanticTokens;

/// <summary>
/// Semantic tokens of a document: keywords, comments (doc comments marked), literals, gates, and every name classified
/// by its syntax role where it is declared and by the resolved symbol where it is used (a use of a record is a
/// struct, of a resource a class). Without an analysis (or for names the resolver did not resolve) uses fall back to
/// their syntax role, so broken code still gets colour. WITX: keywords, annotations, <c>$names</c>, strings, numbers
/// and comments. Tokens are single-line: a block comment is split at line ends.
/// </summary>
public static class SemanticTokensProvider
{
    /// <summary>
    /// The tokens in document order, limited to those that intersect <paramref name="range"/> when given; empty when
    /// the document is unknown. The walk costs what it visits: the subtrees outside the range are skipped, and the
    /// classification of a name reads its parent once per parent, not once per name. It checks
    /// <paramref name="cancellationToken"/> as it goes.
    /// </summary>
    public static IReadOnlyList<SemanticToken> Tokens(IdeSnapshot snapshot, string path, TextSpan? range = null, CancellationToken cancellationToken = default)
    {
        if (snapshot.GetDocument(path) is not { } document) return Array.Empty<SemanticToken>();
        var tree = document.Tree;
        bool witx = tree.Language == SyntaxLanguage.Witx;
        var text = tree.Text;
        var span = range ?? new TextSpan(0, text.Length);
        var references = witx ? null : ReferenceTargets(snapshot, path, tree, span);
        var output = new List<SemanticToken>();

        // An explicit stack of (node, its children's enumerator) walks the tree in document order without recursion,
        // skipping the subtrees outside the range; the enumerator keeps the running offset, so a node of many children
        // costs one addition per child.
        var stack = new Stack<(SyntaxNode Node, ChildSyntaxList.Enumerator Children)>();
        ParentFacts? facts = null;
        stack.Push((tree.Root, tree.Root.ChildrenWithTokens().GetEnumerator()));
        int steps = 0;
        while (stack.Count > 0)
        {
            if ((++steps & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            var (node, children) = stack.Pop();
            if (!children.MoveNext()) continue;
            stack.Push((node, children));
            var child = children.Current;
            if (!Intersects(child.FullSpan, span)) continue;
            if (child.AsNode() is { } inner)
            {
                stack.Push((inner, inner.ChildrenWithTokens().GetEnumerator()));
                continue;
            }

            var token = child.AsToken();
            Trivia(token.Green.LeadingTrivia, token.FullSpan.Start, text, span, output);
            if (!token.IsMissing && token.Green.Width > 0 && Intersects(token.Span, span))
            {
                if (token.Kind is SyntaxKind.IdentifierToken or SyntaxKind.WitxIdentifierToken) facts = ParentFacts.Of(node, facts);
                if (witx) ClassifyWitx(token, node, facts, output);
                else ClassifyWit(token, node, facts, references, output);
            }

            Trivia(token.Green.TrailingTrivia, token.Span.End, text, span, output);
        }

        return output;
    }

    private static bool Intersects(TextSpan a, TextSpan range) => a.Start < range.End && a.End > range.Start || (range.IsEmpty && a.Contains(range.Start));

    /// <summary>The resolved target of each name use in the file, by the name's start (and, for <c>%name</c>, after the <c>%</c>).</summary>
    private static Dictionary<int, object>? ReferenceTargets(IdeSnapshot snapshot, string path, SyntaxTree tree, TextSpan range)
    {
        var analysis = snapshot.AnalysisOf(path);
        if (analysis is null || analysis.File(path) is not { } file || !ReferenceEquals(file.Tree, tree)) return null;
        var references = analysis.ReferencesIn(path);
        if (references.Count == 0) return null;
        // Only the names in the range are looked up, so a range request keeps a table of its own size.
        var targets = new Dictionary<int, object>();
        foreach (var reference in references)
        {
            int start = reference.Location.Span.Start;
            if (start >= range.Start - 1 && start <= range.End) targets[start] = reference.Target;
        }

        return targets;
    }

    private static void Trivia(GreenTrivia[] trivia, int position, SourceText text, TextSpan range, List<SemanticToken> output)
    {
        foreach (var piece in trivia)
        {
            if (SyntaxFacts.IsComment(piece.Kind) && position < range.End && position + piece.Width > range.Start)
            {
                int modifiers = SyntaxFacts.IsDocComment(piece.Kind) ? Documentation : 0;
                AddSplit(position, piece.Width, Comment, modifiers, text, output);
            }

            position += piece.Width;
        }
    }

    /// <summary>Adds a span as one token per line it covers (LSP tokens cannot span lines); empty line parts are skipped.</summary>
    private static void AddSplit(int start, int length, int type, int modifiers, SourceText text, List<SemanticToken> output)
    {
        int end = start + length;
        var lines = text.Lines;
        int line = lines.GetLineIndex(start);
        int lastLine = lines.GetLineIndex(end);
        if (line == lastLine)
        {
            output.Add(new SemanticToken(start, length, type, modifiers));
            return;
        }

        for (; line <= lastLine && line < lines.LineCount; line++)
        {
            int from = Math.Max(start, lines.GetLineStart(line));
            int to = Math.Min(end, lines.GetLineContentEnd(text.Text, line));
            if (to > from) output.Add(new SemanticToken(from, to - from, type, modifiers));
        }
    }

    private static void ClassifyWit(SyntaxToken token, SyntaxNode parent, ParentFacts? facts, Dictionary<int, object>? references, List<SemanticToken> output)
    {
        var kind = token.Kind;
        var span = token.Span;
        switch (kind)
        {
            case SyntaxKind.IdentifierToken:
                if (parent.Kind == SyntaxKind.Attribute) return; // Emitted with the `@`.
                if (WitNames.Classify(token, parent, facts!, references) is { } name) output.Add(new SemanticToken(span.Start, span.Length, name.Type, name.Modifiers));
                return;
            case SyntaxKind.AtToken when parent.Kind == SyntaxKind.Attribute:
            {
                // `@since` is one decorator: the `@` and the gate's name.
                int end = span.End;
                if (DocumentNameAfter(parent, token) is { } gate && gate.Span.Start == span.End) end = gate.Span.End;
                output.Add(new SemanticToken(span.Start, end - span.Start, Decorator, 0));
                return;
            }

            case SyntaxKind.IntegerToken:
                output.Add(new SemanticToken(span.Start, span.Length, Number, 0));
                return;
            case SyntaxKind.StringToken:
                output.Add(new SemanticToken(span.Start, span.Length, SemanticTokensLegend.String, 0));
                return;
            case SyntaxKind.ArrowToken or SyntaxKind.EqualsToken or SyntaxKind.StarToken:
                output.Add(new SemanticToken(span.Start, span.Length, Operator, 0));
                return;
        }

        if (SyntaxFacts.IsPrimitiveTypeKeyword(kind))
        {
            output.Add(new SemanticToken(span.Start, span.Length, SemanticTokensLegend.Type, DefaultLibrary));
        }
        else if (kind is SyntaxKind.ListKeyword or SyntaxKind.OptionKeyword or SyntaxKind.ResultKeyword or SyntaxKind.TupleKeyword
                 or SyntaxKind.MapKeyword or SyntaxKind.FutureKeyword or SyntaxKind.StreamKeyword or SyntaxKind.ErrorContextKeyword)
        {
            output.Add(new SemanticToken(span.Start, span.Length, SemanticTokensLegend.Type, DefaultLibrary));
        }
        else if (SyntaxFacts.IsKeyword(kind))
        {
            output.Add(new SemanticToken(span.Start, span.Length, Keyword, 0));
        }
    }

    private static SyntaxToken? DocumentNameAfter(SyntaxNode parent, SyntaxToken at)
    {
        for (int i = at.Index + 1; i < parent.SlotCount; i++)
        {
            if (parent.Green.GetSlot(i) is GreenToken { Kind: SyntaxKind.IdentifierToken, IsMissing: false }) return parent.GetChild(i).AsToken();
            if (parent.Green.GetSlot(i) is GreenToken) return null;
        }

        return null;
    }

    private static readonly HashSet<string> WitxBuiltinTypes = new(StringComparer.Ordinal)
    {
        "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "f32", "f64", "char", "char8", "usize", "string", "bool",
    };

    private static void ClassifyWitx(SyntaxToken token, SyntaxNode parent, ParentFacts? facts, List<SemanticToken> output)
    {
        var span = token.Span;
        int type, modifiers = 0;
        switch (token.Kind)
        {
            case SyntaxKind.WitxKeywordToken:
                if (WitxBuiltinTypes.Contains(token.Text))
                {
                    type = SemanticTokensLegend.Type;
                    modifiers = DefaultLibrary;
                }
                else
                {
                    type = Keyword;
                }

                break;
            case SyntaxKind.WitxAnnotationToken:
                type = Decorator;
                break;
            case SyntaxKind.WitxStringToken:
                type = SemanticTokensLegend.String;
                break;
            case SyntaxKind.WitxIntegerToken:
                type = Number;
                break;
            case SyntaxKind.WitxIdentifierToken:
                (type, modifiers) = WitxName(token, parent, facts!);
                break;
            default:
                return;
        }

        output.Add(new SemanticToken(span.Start, span.Length, type, modifiers));
    }

    /// <summary>A WITX <c>$name</c> by its place in its form: the first name of a declaring form declares, the others are types.</summary>
    private static (int Type, int Modifiers) WitxName(SyntaxToken token, SyntaxNode parent, ParentFacts facts)
    {
        bool first = facts.FirstWitxIdentifier == token.Index;

        return parent.Kind switch
        {
            SyntaxKind.WitxTypename when first => (SemanticTokensLegend.Type, Declaration),
            SyntaxKind.WitxModule when first => (SemanticTokensLegend.Namespace, Declaration),
            SyntaxKind.WitxParam or SyntaxKind.WitxResult when first => (Parameter, Declaration),
            SyntaxKind.WitxField when first => (Property, Declaration),
            SyntaxKind.WitxCase when first => (EnumMember, Declaration),
            SyntaxKind.WitxEnum or SyntaxKind.WitxFlags => (EnumMember, Declaration),
            SyntaxKind.WitxConst when !first => (Variable, Declaration),
            _ => (SemanticTokensLegend.Type, 0),
        };
    }
}
