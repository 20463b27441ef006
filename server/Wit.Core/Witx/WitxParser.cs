using System.Collections.Generic;
using Wit.Core.Syntax;
using Wit.Core.Text;

namespace Wit.Core.Witx;

/// <summary>
/// Parses a WITX document into a lossless green tree: a <see cref="SyntaxKind.WitxDocument"/> whose children are the
/// top-level elements (forms and runs of stray tokens) followed by the end of file token. Parsing never throws and
/// never stops early, and <see cref="Reparse"/> rebuilds only the elements an edit touches.
/// </summary>
internal static class WitxParser
{
    public static GreenNode ParseDocument(string text)
    {
        var parser = new WitxFormParser(text, 0);
        var elements = new List<GreenElement>();
        while (!parser.AtEnd) elements.Add(parser.ParseElement());
        elements.Add(parser.Current);
        return GreenNode.Create(SyntaxKind.WitxDocument, elements);
    }

    /// <summary>
    /// The tree of <paramref name="newText"/>, structurally equal to <c>ParseDocument(newText)</c>, reusing the green
    /// elements of <paramref name="oldRoot"/> the change cannot affect.
    /// </summary>
    /// <remarks>
    /// Every element depends only on its own text and on the lexer starting fresh at its full start; the lexer looks at
    /// most two characters past a token's trivia. So parsing restarts at the first element the change touches, or at
    /// the element before it when the change begins within two characters of that element's end (an edit just after an
    /// element can extend its trailing trivia, as typing <c>;</c> after <c>(</c> turns it into a block comment), or
    /// when the change is in the end of file token's trivia (the last element may have ended only because the file
    /// did), or at the run of stray tokens before the restart element (a run ends before a <c>(</c> that the change
    /// may remove); elements before the restart are kept. Parsing then goes on until an element ends exactly where an untouched old
    /// element, shifted by the change, starts: from there the new text equals the old one and the parser is in the same
    /// state (at top level, lexing leading trivia, and not inside a run of stray tokens, since a run only ends before
    /// <c>(</c> or the end), so the rest of the old elements, the end of file token included, are reused.
    /// </remarks>
    public static GreenNode Reparse(GreenNode oldRoot, string newText, TextChange change)
    {
        int delta = change.NewText.Length - change.Span.Length;
        if (oldRoot.Kind != SyntaxKind.WitxDocument || oldRoot.SlotCount == 0 || change.Span.End > oldRoot.FullWidth
            || oldRoot.FullWidth + delta != newText.Length)
        {
            return ParseDocument(newText);
        }

        int count = oldRoot.SlotCount;
        var starts = new int[count];
        int offset = 0;
        for (int i = 0; i < count; i++)
        {
            starts[i] = offset;
            offset += oldRoot.GetSlot(i).FullWidth;
        }

        // An element is touched when the change overlaps it or touches either end of it; the last element (the end
        // of file token) ends at the old length, so some element is always touched.
        int firstTouched = 0;
        while (firstTouched < count - 1 && starts[firstTouched] + oldRoot.GetSlot(firstTouched).FullWidth < change.Span.Start) firstTouched++;
        int lastTouched = firstTouched;
        while (lastTouched + 1 < count && starts[lastTouched + 1] <= change.Span.End) lastTouched++;

        // The element before the first touched one looked at most two characters past its end while lexing its
        // trailing trivia; it must be reparsed only when the change reaches one of them.
        int restart = firstTouched > 0 && change.Span.Start < starts[firstTouched] + 2 ? firstTouched - 1 : firstTouched;
        // The last element may have ended only because the file did (an unclosed form, a run of stray tokens), so
        // any change to the end of file token's trivia can extend it.
        if (restart == count - 1 && restart > 0) restart--;
        // A run of stray tokens ended because the next element starts with '(', which the change may remove.
        if (restart > 0 && oldRoot.GetSlot(restart - 1).Kind == SyntaxKind.WitxSkippedTokens) restart--;
        var elements = new List<GreenElement>(count + 4);
        for (int i = 0; i < restart; i++) elements.Add(oldRoot.GetSlot(i));

        var parser = new WitxFormParser(newText, starts[restart]);
        int candidate = lastTouched + 1;
        while (!parser.AtEnd)
        {
            elements.Add(parser.ParseElement());
            int oldPosition = parser.Position - delta;
            while (candidate < count && starts[candidate] < oldPosition) candidate++;
            if (candidate < count && starts[candidate] == oldPosition)
            {
                for (int i = candidate; i < count; i++) elements.Add(oldRoot.GetSlot(i));
                return GreenNode.Create(SyntaxKind.WitxDocument, elements);
            }
        }

        elements.Add(parser.Current);
        return GreenNode.Create(SyntaxKind.WitxDocument, elements);
    }
}
