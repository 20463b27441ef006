using System;
using System.Collections.Generic;
using System.Text;
using Wit.Core.Text;

namespace Wit.TestKit;

/// <summary>
/// One text with the fixture markers taken out: <c>$0</c> (the cursor, at most one) and <c>[|</c>...<c>|]</c> (spans,
/// any number, nested or not). <see cref="Fixture"/> reads each of its files this way.
/// </summary>
public sealed class MarkedText
{
    private MarkedText(string text, int? cursor, IReadOnlyList<TextSpan> spans)
    {
        Text = text;
        Cursor = cursor;
        Spans = spans;
    }

    /// <summary>The text without its markers.</summary>
    public string Text { get; }

    /// <summary>The offset where <c>$0</c> stood, or null without one.</summary>
    public int? Cursor { get; }

    /// <summary>The <c>[|...|]</c> spans in the order they close.</summary>
    public IReadOnlyList<TextSpan> Spans { get; }

    /// <summary>Takes the markers out of <paramref name="marked"/>.</summary>
    /// <exception cref="ArgumentException">More than one <c>$0</c>.</exception>
    public static MarkedText Parse(string marked)
    {
        var text = new StringBuilder();
        var open = new Stack<int>();
        var spans = new List<TextSpan>();
        int? cursor = null;
        for (int i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, "$0", 0, 2) == 0)
            {
                if (cursor is not null) throw new ArgumentException("a fixture has at most one $0 cursor");
                cursor = text.Length;
                i++;
            }
            else if (string.CompareOrdinal(marked, i, "[|", 0, 2) == 0)
            {
                open.Push(text.Length);
                i++;
            }
            else if (string.CompareOrdinal(marked, i, "|]", 0, 2) == 0 && open.Count > 0)
            {
                spans.Add(TextSpan.FromBounds(open.Pop(), text.Length));
                i++;
            }
            else
            {
                text.Append(marked[i]);
            }
        }

        return new MarkedText(text.ToString(), cursor, spans);
    }
}
