using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Witx;
using Xunit;

namespace Wit.Core.Tests.Witx;

/// <summary>Shared checks for the WITX parser tests: fixture markers, tree dumps and the invariants every tree keeps.</summary>
internal static class WitxTestHelpers
{
    /// <summary>Parses and asserts the invariant every parse keeps: printing the tree gives back the input.</summary>
    public static SyntaxTree Parse(string text)
    {
        var tree = SyntaxTree.ParseWitx(text);
        Assert.Equal(text, tree.ToFullString());
        return tree;
    }

    /// <summary>
    /// Parses <paramref name="marked"/> with its <c>[|...|]</c> markers removed and checks that the document has
    /// exactly the expected diagnostics, in order, each at its marked span.
    /// </summary>
    public static void CheckDiagnostics(string marked, params (string Code, string Message)[] expected)
    {
        var (text, spans) = Unmark(marked);
        Assert.Equal(expected.Length, spans.Count);
        var tree = Parse(text);
        var actual = tree.Diagnostics.Select(d => $"{d.Code} {d.Span} {d.Message}").ToList();
        var wanted = expected.Select((e, i) => $"{e.Code} {spans[i]} {e.Message}").ToList();
        Assert.Equal(wanted, actual);
    }

    /// <summary>Removes <c>[|</c> and <c>|]</c> markers and returns the spans they enclosed, in order of their start.</summary>
    public static (string Text, List<TextSpan> Spans) Unmark(string marked)
    {
        var builder = new StringBuilder();
        var spans = new List<TextSpan>();
        var open = new Stack<int>();
        for (int i = 0; i < marked.Length; i++)
        {
            if (i + 1 < marked.Length && marked[i] == '[' && marked[i + 1] == '|') { open.Push(builder.Length); i++; continue; }
            if (i + 1 < marked.Length && marked[i] == '|' && marked[i + 1] == ']') { spans.Add(TextSpan.FromBounds(open.Pop(), builder.Length)); i++; continue; }
            builder.Append(marked[i]);
        }

        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return (builder.ToString(), spans);
    }

    /// <summary>
    /// A compact picture of a green tree: a node as <c>Kind[children]</c>, a token as its text (a missing token as
    /// <c>&lt;missing&gt;</c>, the end of file token left out). Recursive, so only for the small trees of tests.
    /// </summary>
    public static string Dump(GreenElement element)
    {
        var builder = new StringBuilder();
        Write(element, builder);
        return builder.ToString().Trim();
    }

    private static void Write(GreenElement element, StringBuilder builder)
    {
        if (element is GreenToken token)
        {
            if (token.Kind == SyntaxKind.EndOfFileToken) return;
            if (builder.Length > 0 && builder[builder.Length - 1] != '[') builder.Append(' ');
            builder.Append(token.IsMissing ? "<missing>" : token.Text);
            return;
        }

        var node = (GreenNode)element;
        if (builder.Length > 0 && builder[builder.Length - 1] != '[') builder.Append(' ');
        builder.Append(node.Kind).Append('[');
        foreach (var slot in node.Slots) Write(slot, builder);
        builder.Append(']');
    }

    /// <summary>The dump of each top-level element of the document, the end of file token left out.</summary>
    public static string[] DumpTopLevel(string text)
    {
        var root = Parse(text).GreenRoot;
        Assert.Equal(SyntaxKind.WitxDocument, root.Kind);
        Assert.Equal(SyntaxKind.EndOfFileToken, root.GetSlot(root.SlotCount - 1).Kind);
        return root.Slots.Take(root.SlotCount - 1).Select(Dump).ToArray();
    }
}
