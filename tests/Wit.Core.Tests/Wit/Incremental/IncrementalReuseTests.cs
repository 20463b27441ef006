using System.Linq;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Text;
using Xunit;

namespace Wit.Core.Tests.Wit.Incremental;

/// <summary>An edit inside one top-level item reuses the green nodes of items it cannot affect.</summary>
public sealed class IncrementalReuseTests
{
    private const string Text =
        "package a:b@1.0.0;\n\n"
        + "interface first {\n  f: func(a: u32) -> string;\n}\n\n"
        + "interface second {\n  record r { x: u32 }\n}\n\n"
        + "interface middle {\n  g: func(name: string);\n}\n\n"
        + "interface fourth {\n  type t = list<u8>;\n}\n\n"
        + "world last {\n  import first;\n}\n";

    [Theory]
    [InlineData("package foo:bar:\n\ninterface foo {\n  type foo = bar;\n}\n", 20, 5, "")]
    [InlineData("package foo:bar\n\ninterface foo {}\n", 15, 0, ":x")]
    [InlineData("interface a {\n  type t = list<u8\n}\nworld w {}\n", 34, 5, ">;")]
    public void An_item_that_ends_with_a_missing_token_is_parsed_again_when_what_follows_it_changes(string text, int start, int length, string replacement)
    {
        // Found by the fuzz driver: `package foo:bar:` stops before `interface` (a keyword cannot continue the name);
        // deleting into `interface` leaves `inte`, which does. The package item was kept, so the tree differed from a
        // fresh parse.
        var change = new TextChange(new TextSpan(start, length), replacement);
        string edited = text.Substring(0, start) + replacement + text.Substring(start + length);

        var incremental = SyntaxTree.Parse(SourceText.From(text)).WithChange(change);

        Assert.Null(GreenDiff.FirstDifference(SyntaxTree.Parse(SourceText.From(edited)).Root.Green, incremental.Root.Green));
        Assert.Equal(edited, incremental.Root.ToFullString());
    }

    [Fact]
    public void EditInTheMiddleInterfaceKeepsTheFirstAndLastItems()
    {
        var tree = SyntaxTree.ParseWit(Text);
        Assert.Empty(tree.Diagnostics);
        int offset = Text.IndexOf("name: string", System.StringComparison.Ordinal);
        var change = new TextChange(new TextSpan(offset, 4), "label");

        var edited = tree.WithChange(change);

        string expected = Text.Substring(0, offset) + "label" + Text.Substring(offset + 4);
        Assert.Equal(expected, edited.ToFullString());
        Assert.Equal(expected, edited.Text.Text);
        Assert.True(GreenElement.StructurallyEqual(SyntaxTree.ParseWit(expected).GreenRoot, edited.GreenRoot));
        var oldSlots = tree.GreenRoot.Slots;
        var newSlots = edited.GreenRoot.Slots;
        Assert.Equal(oldSlots.Count, newSlots.Count);
        Assert.Equal(
            new[] { SyntaxKind.PackageDeclaration, SyntaxKind.Interface, SyntaxKind.Interface, SyntaxKind.Interface, SyntaxKind.Interface, SyntaxKind.World, SyntaxKind.EndOfFileToken },
            newSlots.Select(slot => slot.Kind));
        Assert.Same(oldSlots[0], newSlots[0]);
        Assert.Same(oldSlots[1], newSlots[1]);
        Assert.NotSame(oldSlots[3], newSlots[3]);
        Assert.Same(oldSlots[4], newSlots[4]);
        Assert.Same(oldSlots[5], newSlots[5]);
    }

    [Fact]
    public void ReusedItemsReportDiagnosticsAtTheirNewPositions()
    {
        string text = "interface a {\n  f: func();\n}\n\ninterface b {\n  g: func(;\n}\n";
        var tree = SyntaxTree.ParseWit(text);
        var before = Assert.Single(tree.Diagnostics);

        const string comment = "// A comment that moves everything.\n";

        var edited = tree.WithChange(new TextChange(new TextSpan(0, 0), comment));

        var after = Assert.Single(edited.Diagnostics);
        Assert.Equal(before.Message, after.Message);
        Assert.Equal(before.Span.Start + comment.Length, after.Span.Start);
        Assert.Same(tree.GreenRoot.GetSlot(1), edited.GreenRoot.GetSlot(1));
        Assert.Null(GreenDiff.FirstDifference(SyntaxTree.ParseWit(edited.Text.Text).GreenRoot, edited.GreenRoot));
    }
}
