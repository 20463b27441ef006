using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Text;
using Xunit;

namespace Wit.Core.Tests.Witx;

/// <summary>
/// Incremental reparsing must give the same tree as a full parse after every edit, while keeping the green nodes of
/// the top-level forms an edit does not touch.
/// </summary>
public sealed class WitxIncrementalTests
{
    private const int Seed = 20240917;

    private static readonly string[] Snippets =
    {
        "(", ")", "((", "))", "\"", ";;", ";;;", "(;", ";)", "(; x ;)", "\n", "\r\n", "\r", " ", "\t", "$x", "$", "u32",
        "typename", "@witx", "\\", "\\\"", "{", "0x1F", "-1", "é", "\uFEFF", "(typename $t u8)", "(record (field $f u8))",
        "(@interface func (export \"g\") (param $p u8))", "(module $m", "\")", ";; comment\n", "(;(;", ";);)",
    };

    [Fact]
    public void RandomEditsMatchAFullReparse()
    {
        var random = new Random(Seed);
        var files = Corpus.Files("wasi-witx", ".witx");
        Assert.NotEmpty(files);
        int edits = 0, reusedElements = 0, newElements = 0;
        foreach (var path in files)
        {
            string original = Corpus.ReadText(path);
            var tree = SyntaxTree.ParseWitx(original);
            for (int step = 0; step < 120; step++)
            {
                // Every 30 edits the file starts over, so edits keep landing in mostly well-formed text.
                if (step % 30 == 0) tree = SyntaxTree.ParseWitx(original);
                var change = RandomChange(random, tree);
                var incremental = tree.WithChange(change);
                string newText = incremental.Text.Text;
                var full = SyntaxTree.ParseWitx(newText);
                string where = $"{Corpus.Relative(path)} step {step} change {Describe(change)} (seed {Seed}) near \"{Excerpt(tree.Text.Text, change.Span)}\"";
                Assert.True(incremental.ToFullString() == newText, $"round trip failed: {where}");
                Assert.True(GreenElement.StructurallyEqual(incremental.GreenRoot, full.GreenRoot), $"incremental tree differs from a full parse: {where}");
                var oldSlots = new HashSet<GreenElement>(tree.GreenRoot.Slots, ReferenceEqualityComparer.Instance);
                foreach (var slot in incremental.GreenRoot.Slots)
                {
                    if (oldSlots.Contains(slot)) reusedElements++;
                    else newElements++;
                }

                tree = incremental;
                edits++;
            }
        }

        Assert.True(edits >= 3000, $"only {edits} edits");
        // Edits are local, so most top-level elements are reused (a module is one element, and an edit that unbalances
        // parentheses reparses to the end); a fallback to full parsing would reuse none.
        Assert.True(reusedElements > 3 * newElements, $"reused {reusedElements} elements, rebuilt {newElements}");
    }

    [Fact]
    public void RandomEditsOfSmallDocumentsAtElementBoundaries()
    {
        // Small texts make edits land at element boundaries and at the start and end of the text far more often.
        var random = new Random(Seed + 1);
        string[] starts = { "(a) (b)\n(c)", "(a);; x\n(b)\r\n(c) ", "x (a) ) y (b", "(; c ;)(a)(;d;)", "\"s\" (a \"t\")\n" };
        int edits = 0;
        foreach (var start in starts)
        {
            var tree = SyntaxTree.ParseWitx(start);
            for (int step = 0; step < 400; step++)
            {
                if (step % 25 == 0) tree = SyntaxTree.ParseWitx(start);
                var change = RandomChange(random, tree);
                var incremental = tree.WithChange(change);
                var full = SyntaxTree.ParseWitx(incremental.Text.Text);
                string where = $"\"{Escape(tree.Text.Text)}\" change {Describe(change)} (seed {Seed + 1})";
                Assert.True(incremental.ToFullString() == incremental.Text.Text, $"round trip failed: {where}");
                Assert.True(GreenElement.StructurallyEqual(incremental.GreenRoot, full.GreenRoot), $"incremental tree differs from a full parse: {where}");
                tree = incremental;
                edits++;
            }
        }

        Assert.Equal(2000, edits);
    }

    [Fact]
    public void EditInsideOneTypenameKeepsTheOtherForms()
    {
        string text = "(typename $a u8)\n(typename $b u16)\n;;; Doc.\n(typename $c u32)\n(typename $d u64)\n;; end\n";
        var tree = SyntaxTree.ParseWitx(text);
        int position = text.IndexOf("u32", StringComparison.Ordinal);
        var edited = tree.WithChange(new TextChange(new TextSpan(position, 3), "(record (field $x s64))"));
        var oldSlots = tree.GreenRoot.Slots;
        var newSlots = edited.GreenRoot.Slots;
        Assert.Equal(oldSlots.Count, newSlots.Count);
        Assert.Same(oldSlots[0], newSlots[0]);
        Assert.Same(oldSlots[1], newSlots[1]);
        Assert.NotSame(oldSlots[2], newSlots[2]);
        Assert.Equal(SyntaxKind.WitxRecord, ((GreenNode)newSlots[2]).GetSlot(3).Kind);
        Assert.Same(oldSlots[3], newSlots[3]);
        Assert.Same(oldSlots[4], newSlots[4]);
        Assert.True(GreenElement.StructurallyEqual(edited.GreenRoot, SyntaxTree.ParseWitx(edited.Text.Text).GreenRoot));
    }

    [Fact]
    public void EditRightAfterAFormReparsesThatForm()
    {
        // Typing ';' after "(" of the next form turns it into a block comment, which becomes trailing trivia of the
        // previous form's ')' and swallows the rest of the file.
        string text = "(a)\n(b) (c)\n(d)";
        var tree = SyntaxTree.ParseWitx(text);
        var edited = tree.WithChange(new TextChange(new TextSpan(9, 0), ";"));
        Assert.Equal("(a)\n(b) (;c)\n(d)", edited.Text.Text);
        Assert.Same(tree.GreenRoot.GetSlot(0), edited.GreenRoot.GetSlot(0));
        Assert.Equal(3, edited.GreenRoot.SlotCount);
        Assert.True(GreenElement.StructurallyEqual(edited.GreenRoot, SyntaxTree.ParseWitx(edited.Text.Text).GreenRoot));
        Assert.Equal("WITX0003", edited.Diagnostics.Single().Code);
    }

    [Fact]
    public void UnbalancingEditReparsesToTheEndAndRebalancingEditResynchronises()
    {
        string text = "(a)\n(b)\n(c)\n(d)\n";
        var tree = SyntaxTree.ParseWitx(text);
        var opened = tree.WithChange(new TextChange(new TextSpan(6, 1), ""));
        Assert.Equal("(a)\n(b\n(c)\n(d)\n", opened.Text.Text);
        Assert.Equal(3, opened.GreenRoot.SlotCount);
        Assert.True(GreenElement.StructurallyEqual(opened.GreenRoot, SyntaxTree.ParseWitx(opened.Text.Text).GreenRoot));
        var closed = opened.WithChange(new TextChange(new TextSpan(6, 0), ")"));
        Assert.Equal(text, closed.Text.Text);
        Assert.True(GreenElement.StructurallyEqual(closed.GreenRoot, tree.GreenRoot));
        Assert.Same(opened.GreenRoot.GetSlot(0), closed.GreenRoot.GetSlot(0));
    }

    private static TextChange RandomChange(Random random, SyntaxTree tree)
    {
        string text = tree.Text.Text;
        int position;
        if (random.Next(3) == 0)
        {
            // Near a top-level element boundary, where reuse decisions are made.
            var boundaries = new List<int>();
            int offset = 0;
            foreach (var slot in tree.GreenRoot.Slots)
            {
                boundaries.Add(offset);
                offset += slot.FullWidth;
            }

            boundaries.Add(offset);
            position = boundaries[random.Next(boundaries.Count)] + random.Next(-2, 3);
        }
        else
        {
            position = random.Next(text.Length + 1);
        }

        position = Math.Max(0, Math.Min(text.Length, position));
        int deleteLength = random.Next(10) == 0 ? random.Next(300) : random.Next(1, 12);
        deleteLength = Math.Min(deleteLength, text.Length - position);
        string insert = random.Next(4) == 0 && text.Length > 0 ? CopyOf(random, text) : Snippets[random.Next(Snippets.Length)];
        return random.Next(3) switch
        {
            0 => new TextChange(new TextSpan(position, 0), insert),
            1 => new TextChange(new TextSpan(position, deleteLength), string.Empty),
            _ => new TextChange(new TextSpan(position, deleteLength), insert),
        };
    }

    private static string CopyOf(Random random, string text)
    {
        int start = random.Next(text.Length);
        return text.Substring(start, Math.Min(text.Length - start, random.Next(1, 60)));
    }

    private static string Excerpt(string text, TextSpan span)
    {
        int start = Math.Max(0, span.Start - 60);
        int end = Math.Min(text.Length, span.End + 60);
        return Escape(text.Substring(start, span.Start - start)) + "[|" + Escape(text.Substring(span.Start, span.Length)) + "|]" + Escape(text.Substring(span.End, end - span.End));
    }

    private static string Describe(TextChange change) => $"{change.Span} -> \"{Escape(change.NewText)}\"";

    private static string Escape(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n");
}
