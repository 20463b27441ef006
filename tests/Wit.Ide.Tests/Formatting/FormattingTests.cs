using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Wit.Core.Formatting;
using Wit.Core.Text;
using Wit.Ide.Formatting;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Formatting;

public class FormattingTests
{
    /// <summary>Applies the edits (checked to be ordered, non-overlapping and whitespace-only) to the text.</summary>
    private static string Apply(string text, IReadOnlyList<IdeTextEdit> edits)
    {
        var result = new StringBuilder();
        int at = 0;
        foreach (var edit in edits)
        {
            Assert.True(edit.Span.Start >= at, "edits are ordered and do not overlap");
            Assert.True(text.Substring(edit.Span.Start, edit.Span.Length).All(char.IsWhiteSpace), "an edit replaces only whitespace");
            Assert.True(edit.NewText.All(char.IsWhiteSpace), "an edit inserts only whitespace");
            if (edit.Span.Length > 0 && edit.NewText.Length > 0)
            {
                Assert.True(text[edit.Span.Start] != edit.NewText[0] && text[edit.Span.End - 1] != edit.NewText[^1], "an edit is trimmed of what it keeps");
            }

            result.Append(text, at, edit.Span.Start - at).Append(edit.NewText);
            at = edit.Span.End;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    private static IReadOnlyList<IdeTextEdit> Check(string fixture, string expected)
    {
        var loaded = IdeFixture.Load(fixture);
        string text = loaded.TextOf(loaded.MainPath);
        var edits = FormattingProvider.Format(loaded.Snapshot, loaded.MainPath);
        Assert.Equal(expected, Apply(text, edits));
        return edits;
    }

    [Fact]
    public void Edits_touch_only_the_changed_whitespace()
    {
        var edits = Check("package a:b; interface i {\nf:func( a:u32 )->u32;\n}", "package a:b;\n\ninterface i {\n  f: func(a: u32) -> u32;\n}\n");

        // Whitespace runs: after `;`, before `f`, after `f:`, inside `( a`, after `a:`, before `)`, either side of `->`.
        Assert.Equal(8, edits.Count);
    }

    [Fact]
    public void Formatted_text_gives_no_edits() =>
        Assert.Empty(Check("package a:b;\n\ninterface i {\n  f: func();\n}", "package a:b;\n\ninterface i {\n  f: func();\n}\n"));

    [Fact]
    public void A_broken_item_is_left_as_written_while_the_others_are_formatted() =>
        Check("package a:b; interface ok {f:func();}\ninterface bad {  f: func(  ;\n}",
              "package a:b;\n\ninterface ok {\n  f: func();\n}\ninterface bad {  f: func(  ;\n}\n");

    [Fact]
    public void Witx_is_not_formatted() =>
        Assert.Empty(Check("//- /a.witx\n(typename   $x  u8)", "(typename   $x  u8)\n"));

    [Fact]
    public void Range_formatting_changes_only_the_member_in_range()
    {
        var loaded = IdeFixture.Load("package a:b;\n\ninterface i {\n  f:func( );\n  [|g:func( );|]\n}");
        string text = loaded.TextOf(loaded.MainPath);
        var edits = FormattingProvider.FormatRange(loaded.Snapshot, loaded.MainPath, loaded.Spans[0].Span);
        Assert.Equal("package a:b;\n\ninterface i {\n  f:func( );\n  g: func();\n}\n", Apply(text, edits));
    }

    [Fact]
    public void Applying_the_edits_gives_the_formatters_output_on_the_corpus()
    {
        var files = Directory.GetFiles("/work/shared/corpus/wit-print", "*.wit", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            string text = File.ReadAllText(file);
            var loaded = IdeFixture.Load("//- /corpus.wit\n" + text);
            string original = loaded.TextOf(loaded.MainPath);
            var edits = FormattingProvider.Format(loaded.Snapshot, loaded.MainPath);
            Assert.Equal(WitFormatter.Format(original), Apply(original, edits));
        }
    }
}
