using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Text;
using Wit.Core.Wit;
using Xunit;

namespace Wit.Core.Tests.Wit;

/// <summary>
/// A large interface or world body is parsed in segments on several cores (WitParser.Parallel): the tree and the
/// diagnostics are those of a parse in one piece, for every corpus file, a broken copy of each and incremental edits,
/// cut into segments of a few dozen to a few thousand characters; and clean bodies are indeed taken in segments.
/// </summary>
public sealed class SegmentedParseTests
{
    private static string Describe(SyntaxTree tree) =>
        string.Join("\n", tree.Diagnostics.Select(d => $"{d.Code} {d.Span.Start}+{d.Span.Length} {d.Message}"));

    private static void AssertSame(SyntaxTree whole, SyntaxTree segmented, string where, List<string> failures)
    {
        if (!GreenElement.StructurallyEqual(whole.GreenRoot, segmented.GreenRoot)) failures.Add($"{where}: the trees differ");
        else if (Describe(whole) != Describe(segmented)) failures.Add($"{where}: the diagnostics differ");
        else if (whole.GreenRoot.ToFullString() != segmented.GreenRoot.ToFullString()) failures.Add($"{where}: the texts differ");
    }

    [Fact]
    public void Every_corpus_file_parses_the_same_in_segments()
    {
        var files = Corpus.Files("", ".wit");
        Assert.True(files.Count > 400, $"only {files.Count} corpus files");
        var failures = new List<string>();
        int before = WitParser.SegmentedBodies;
        foreach (string path in files)
        {
            string text = Corpus.ReadText(path);
            string broken = new string(text.Where((_, i) => i % 13 != 12).ToArray());
            foreach (var (variant, source) in new[] { ("", text), (" (broken)", broken) })
            {
                var whole = SyntaxTree.ParseWit(SourceText.From(source, path));
                foreach (int size in new[] { 40, 300, 2000 })
                {
                    using (WitParser.ForceSegments(size))
                    {
                        var segmented = SyntaxTree.ParseWit(SourceText.From(source, path));
                        AssertSame(whole, segmented, $"{Corpus.Relative(path)}{variant} in {size}-character segments", failures);
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        // Most clean corpus bodies cut: the path is exercised, not only its fallback.
        Assert.True(WitParser.SegmentedBodies - before > 500, $"only {WitParser.SegmentedBodies - before} bodies were taken in segments");
    }

    [Fact]
    public void Incremental_edits_of_a_segmented_tree_match_a_fresh_parse()
    {
        string text = WitFileGenerator.GenerateOneInterface(3_000);
        var failures = new List<string>();
        var random = new Random(7);
        using (WitParser.ForceSegments(500))
        {
            var tree = SyntaxTree.ParseWit(text);
            for (int edit = 0; edit < 60; edit++)
            {
                int start = random.Next(tree.Text.Length);
                int length = Math.Min(random.Next(0, 30), tree.Text.Length - start);
                string inserted = new[] { "", ";", "}", "{", " record x { a: u8 }\n", "\n  f: func();\n", "/*", "*/", "// c\n", "\"" }[random.Next(10)];
                var changed = tree.WithChange(new TextChange(new TextSpan(start, length), inserted));
                string newText = changed.GreenRoot.ToFullString();
                var whole = ParseWhole(newText);
                AssertSame(whole, changed, $"edit {edit} at {start}", failures);
                tree = changed;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static SyntaxTree ParseWhole(string text)
    {
        using (WitParser.ForceSegments(0)) return SyntaxTree.ParseWit(text);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(20_000)]
    public void A_generated_interface_is_taken_in_segments_and_parses_the_same(int lines)
    {
        string text = WitFileGenerator.GenerateOneInterface(lines);
        var whole = ParseWhole(text);
        int before = WitParser.SegmentedBodies;
        SyntaxTree segmented;
        using (WitParser.ForceSegments(text.Length / 5)) segmented = SyntaxTree.ParseWit(text);

        Assert.Equal(1, WitParser.SegmentedBodies - before);
        var failures = new List<string>();
        AssertSame(whole, segmented, $"{lines} lines", failures);
        Assert.Empty(failures);
        Assert.Empty(segmented.Diagnostics);
    }

    [Theory]
    [InlineData("  resource r {\n    constructor();\n    get: func() -> u32;\n  }\n")]
    [InlineData("  /*\n  f: func();\n  g: func();\n  */\n")]
    [InlineData("  /* outer /* inner; */\n  f: func();\n  */\n")]
    [InlineData("  f: func(a: u32,\n    b: u32) -> u32;\n")]
    [InlineData("  @since(version = 1.0.0)\n  f: func();\n")]
    [InlineData("  f: func() -> u32; // trailing;\n")]
    [InlineData("  f: func()\n  ;\n")]
    [InlineData("  record r {\n    a: u32,\n  }\n")]
    [InlineData("  g: func() -> string; /* spans\n lines; */ h: func();\n")]
    public void Bodies_that_cut_in_awkward_places_parse_the_same(string member)
    {
        string text = "package a:b;\n\ninterface i {\n" + string.Concat(Enumerable.Repeat("  x: func();\n" + member, 12)) + "}\n\nworld w {\n"
            + string.Concat(Enumerable.Repeat("  import x: func();\n  export y: func();\n", 12)) + "}\n";
        var whole = ParseWhole(text);
        var failures = new List<string>();
        for (int size = 8; size < 200; size += 7)
        {
            using (WitParser.ForceSegments(size)) AssertSame(whole, SyntaxTree.ParseWit(text), $"{size}-character segments", failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    /// <summary>
    /// A segment's lexer stops at its end as the end of the file: at every end inside a text of comments (nested,
    /// unterminated), strings, names with non-ASCII letters and CR LF, it gives the tokens of the text cut there.
    /// </summary>
    [Fact]
    public void A_bounded_lexer_reads_what_a_cut_text_holds()
    {
        const string text = "package a:b;\r\n/* outer /* inner */ still */ interface é-x {\n  // c\n  f: func(s: string) -> u32; /* open\n@unstable(feature = \"f\")\n}\n";
        for (int end = 0; end <= text.Length; end++)
        {
            var bounded = Tokens(new WitLexer(text, 0, end));
            var cut = Tokens(new WitLexer(text.Substring(0, end), 0));
            Assert.Equal(cut, bounded);
        }
    }

    private static List<string> Tokens(WitLexer lexer)
    {
        var tokens = new List<string>();
        while (true)
        {
            var token = lexer.Next();
            tokens.Add($"{token.Kind} {token.FullWidth} {token.ToFullString()} {token.ContainsDiagnostics}");
            if (token.Kind == SyntaxKind.EndOfFileToken) return tokens;
        }
    }

    [Theory]
    [InlineData("interface i {\n  f: func();\n}\n", true)]
    [InlineData("interface i {\n  resource r {\n    m: func();\n  }\n}\n", true)]
    [InlineData("interface i {\n  f: func();\n", false)]
    public void The_likely_body_end_is_the_first_brace_that_starts_a_line(string text, bool closed)
    {
        Assert.Equal(closed ? text.LastIndexOf('}') : -1, WitParser.LikelyBodyEnd(text, text.IndexOf('{') + 1));
    }

    /// <summary>
    /// The likely end is only a guess (the first <c>}</c> at a line start): a guess too early (a nested brace at the
    /// line start, a brace in a comment) or too late (the interface's own brace indented, in a nested package) still
    /// gives the tree of a parse in one piece.
    /// </summary>
    [Theory]
    [InlineData("package a:b;\ninterface i {\n{0}  resource r {\n    m: func();\n}\n{0}}\n")]
    [InlineData("package a:b;\ninterface i {\n{0}  /*\n}\n  */\n{0}}\n")]
    [InlineData("package a:b {\n  interface i {\n{0}  }\n  interface j {\n{0}  }\n}\n")]
    [InlineData("package a:b;\ninterface i {\n{0}  }\ninterface j {\n{0}}\n")]
    public void A_wrong_guess_of_the_body_end_parses_the_same(string template)
    {
        string members = string.Concat(Enumerable.Range(0, 40).Select(i => $"  f{i}: func(a: u32) -> string;\n"));
        string text = template.Replace("{0}", members);
        var whole = ParseWhole(text);
        var failures = new List<string>();
        foreach (int size in new[] { 30, 100, 400 })
        {
            using (WitParser.ForceSegments(size)) AssertSame(whole, SyntaxTree.ParseWit(text), $"{size}-character segments", failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }
}
