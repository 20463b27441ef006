using System.Linq;
using Wit.Core.Text;
using Wit.Ide.Selection;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Selection;

public class SelectionRangeTests
{
    /// <summary>The chain at `$0`, as the texts it selects (the whole file last), each strictly containing the one before.</summary>
    private static void Check(string fixture, params string[] expected)
    {
        var loaded = IdeFixture.Load(fixture);
        var chains = SelectionRangeProvider.Ranges(loaded.Snapshot, loaded.MainPath, new[] { loaded.CursorOffset });
        var chain = Assert.Single(chains);
        for (int i = 1; i < chain.Count; i++)
        {
            Assert.True(chain[i].Start <= chain[i - 1].Start && chain[i].End >= chain[i - 1].End && chain[i] != chain[i - 1]);
        }

        string text = loaded.TextOf(loaded.MainPath);
        Assert.Equal(new TextSpan(0, text.Length), chain[^1]);
        Assert.Equal(expected, chain.Take(chain.Count - 1).Select(s => text.Substring(s.Start, s.Length)).ToArray());
    }

    [Fact]
    public void From_a_type_name_out_to_the_interface() => Check(
        "package a:b;\ninterface i {\n  f: func(a: li$0st<u8>);\n}\n",
        "list", "list<u8>", "a: list<u8>", "(a: list<u8>)", "func(a: list<u8>)", "f: func(a: list<u8>);",
        "{\n  f: func(a: list<u8>);\n}", "interface i {\n  f: func(a: list<u8>);\n}");

    [Fact]
    public void Right_after_a_name_selects_the_name() => Check(
        "interface i {\n  f$0: func();\n}\n",
        "f", "f: func();", "{\n  f: func();\n}", "interface i {\n  f: func();\n}");

    [Fact]
    public void Inside_a_comment_selects_the_comment_first() => Check(
        "interface i {\n  // a com$0ment\n  f: func();\n}\n",
        "// a comment", "{\n  // a comment\n  f: func();\n}", "interface i {\n  // a comment\n  f: func();\n}");

    [Fact]
    public void Witx_forms() => Check(
        "//- /a.witx\n(typename $x (list $y$0))\n",
        "$y", "(list $y)", "(typename $x (list $y))");
}
