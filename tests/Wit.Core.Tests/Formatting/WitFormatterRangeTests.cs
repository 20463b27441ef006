using System.Collections.Generic;
using System.Text;
using Wit.Core.Formatting;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Xunit;

namespace Wit.Core.Tests.Formatting;

/// <summary>
/// Range formatting: the input marks the range with <c>[|</c> and <c>|]</c> (or the position with <c>$0</c>); the
/// edits are applied and the result compared with the expected text. Each case also checks that the edits do not
/// overlap, come in document order and change only whitespace.
/// </summary>
public sealed class WitFormatterRangeTests
{
    private const string Unformatted = "package a:b;\ninterface   i{\n  f:func();\n    g:func();\n  record r{a:u32}\n}\nworld   w{import i;}\n";

    [Fact]
    public void ARangeInsideABodyFormatsOnlyTheMembersItTouches() => Check(
        "package a:b;\ninterface   i{\n  f:func();\n    [|g:func();|]\n  record r{a:u32}\n}\nworld   w{import i;}\n",
        "package a:b;\ninterface   i{\n  f:func();\n  g: func();\n  record r{a:u32}\n}\nworld   w{import i;}\n");

    [Fact]
    public void ARangeOverSeveralMembersFormatsEachOfThem() => Check(
        "package a:b;\ninterface   i{\n  f:fu[|nc();\n    g:func();\n  record r{a:u3|]2}\n}\nworld   w{import i;}\n",
        "package a:b;\ninterface   i{\n  f: func();\n  g: func();\n  record r {\n    a: u32\n  }\n}\nworld   w{import i;}\n");

    [Fact]
    public void ARangeOverAnItemsHeaderFormatsTheWholeItem() => Check(
        "package a:b;\n\ninter[|face|]   i{\n  f:func();\n    g:func();\n  record r{a:u32}\n}\nworld   w{import i;}\n",
        "package a:b;\n\ninterface i {\n  f: func();\n  g: func();\n  record r {\n    a: u32\n  }\n}\nworld   w{import i;}\n");

    [Fact]
    public void APositionFormatsTheInnermostMemberThatContainsIt() => Check(
        "package a:b;\ninterface   i{\n  f:func();\n    g:func();\n  record r{a:$0u32}\n}\nworld   w{import i;}\n",
        "package a:b;\ninterface   i{\n  f:func();\n    g:func();\n  record r {\n    a: u32\n  }\n}\nworld   w{import i;}\n");

    [Fact]
    public void MembersOfAResourceInsideAnInterfaceAreRegionsToo() => Check(
        "interface i {\n  resource r {\n    a:  func();\n    [|b:  func();|]\n  }\n  f:  func();\n}\n",
        "interface i {\n  resource r {\n    a:  func();\n    b: func();\n  }\n  f:  func();\n}\n");

    [Fact]
    public void TheWholeDocumentAsARangeGivesTheFormattedDocument()
    {
        var tree = SyntaxTree.ParseWit(Unformatted);

        var changes = WitFormatter.FormatRange(tree, new TextSpan(0, Unformatted.Length));

        Assert.Equal(WitFormatter.Format(tree), Apply(Unformatted, changes));
    }

    [Fact]
    public void AFormattedDocumentGivesNoEdits()
    {
        string formatted = WitFormatter.Format(Unformatted);

        Assert.Empty(WitFormatter.FormatRange(SyntaxTree.ParseWit(formatted), new TextSpan(0, formatted.Length)));
    }

    [Fact]
    public void ARangeOverABrokenItemLeavesItsTextAlone() => Check(
        "interface i {}\n[|interface   broken {   f: func(   ;  }|]\n  interface   after{}\n",
        "interface i {}\ninterface   broken {   f: func(   ;  }\n  interface   after{}\n");

    [Fact]
    public void ARangeAtTheEndFormatsTheTrailingComments() => Check(
        "interface i {}\n\n\n\n// end[||]",
        "interface i {}\n\n// end\n");

    private static void Check(string marked, string expected)
    {
        var (text, range) = Parse(marked);
        var tree = SyntaxTree.ParseWit(text);

        var changes = WitFormatter.FormatRange(tree, range);

        string actual = Apply(text, changes);
        Assert.True(expected == actual, $"{FormatChecks.FirstDifference(expected, actual)}\n--- expected\n{expected}--- actual\n{actual}");
        string? problem = FormatChecks.WhitespaceOnlyProblem(text, actual);
        Assert.True(problem is null, problem);
    }

    /// <summary>The text without its markers, and the marked range (or the empty range at <c>$0</c>).</summary>
    private static (string Text, TextSpan Range) Parse(string marked)
    {
        var parsed = MarkedText.Parse(marked);
        return (parsed.Text, parsed.Cursor is { } cursor ? new TextSpan(cursor, 0) : parsed.Spans[0]);
    }

    /// <summary>Applies edits that refer to the original text, checking that they are ordered and do not overlap.</summary>
    private static string Apply(string text, IReadOnlyList<TextChange> changes)
    {
        var builder = new StringBuilder();
        int position = 0;
        foreach (var change in changes)
        {
            Assert.True(change.Span.Start >= position, $"edit {change} overlaps or precedes the one before it");
            builder.Append(text, position, change.Span.Start - position).Append(change.NewText);
            position = change.Span.End;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }
}
