using System;
using System.Collections.Generic;
using System.Text;
using Wit.Core.Syntax;
using Xunit;

namespace Wit.Cli.Tests;

public class TreePrinterTests
{
    private static readonly GreenTrivia Space = new(SyntaxKind.WhitespaceTrivia, " ");
    private static readonly GreenTrivia Newline = new(SyntaxKind.EndOfLineTrivia, "\n");

    [Fact]
    public void Prints_nodes_tokens_and_trivia_with_their_spans()
    {
        // "// hi\npackage a:b;\n" built by hand, so the expectation does not depend on the parser.
        var comment = new GreenTrivia(SyntaxKind.LineCommentTrivia, "// hi");
        var name = GreenNode.Create(SyntaxKind.PackageName, new GreenElement[]
        {
            new GreenToken(SyntaxKind.IdentifierToken, "a", null, null),
            new GreenToken(SyntaxKind.ColonToken, ":", null, null),
            new GreenToken(SyntaxKind.IdentifierToken, "b", null, null),
        });
        var package = GreenNode.Create(SyntaxKind.PackageDeclaration, new GreenElement[]
        {
            new GreenToken(SyntaxKind.PackageKeyword, "package", new[] { comment, Newline }, new[] { Space }),
            name,
            new GreenToken(SyntaxKind.SemicolonToken, ";", null, new[] { Newline }),
        });
        var root = GreenNode.Create(SyntaxKind.WitDocument, new GreenElement[] { package, new GreenToken(SyntaxKind.EndOfFileToken, "", null, null) });

        string printed = Print(root);

        Assert.Equal(
            "WitDocument@0..19\n" +
            "  PackageDeclaration@0..19\n" +
            "    LineCommentTrivia@0..5 \"// hi\"\n" +
            "    EndOfLineTrivia@5..6 \"\\n\"\n" +
            "    PackageKeyword@6..13 \"package\"\n" +
            "    WhitespaceTrivia@13..14 \" \"\n" +
            "    PackageName@14..17\n" +
            "      IdentifierToken@14..15 \"a\"\n" +
            "      ColonToken@15..16 \":\"\n" +
            "      IdentifierToken@16..17 \"b\"\n" +
            "    SemicolonToken@17..18 \";\"\n" +
            "    EndOfLineTrivia@18..19 \"\\n\"\n" +
            "  EndOfFileToken@19..19 \"\"\n",
            printed);
    }

    [Fact]
    public void Marks_missing_tokens()
    {
        var root = GreenNode.Create(SyntaxKind.WitDocument, new GreenElement[]
        {
            GreenNode.Create(SyntaxKind.PackageDeclaration, new GreenElement[]
            {
                new GreenToken(SyntaxKind.PackageKeyword, "package", null, null),
                GreenToken.Missing(SyntaxKind.SemicolonToken),
            }),
        });

        Assert.Equal(
            "WitDocument@0..7\n" +
            "  PackageDeclaration@0..7\n" +
            "    PackageKeyword@0..7 \"package\"\n" +
            "    SemicolonToken@7..7 \"\" (missing)\n",
            Print(root));
    }

    [Theory]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("\r\n\t", "\"\\r\\n\\t\"")]
    [InlineData("\u0000\u001b\u2028", "\"\\u0000\\u001b\\u2028\"")]
    [InlineData("é\U0001F600", "\"é\U0001F600\"")]
    public void Quotes_texts_like_json(string text, string quoted)
    {
        Assert.Equal(quoted, TreePrinter.Quote(text));
    }

    [Fact]
    public void Escapes_lone_surrogates()
    {
        // Built in code: xunit's theory data would turn a lone surrogate into U+FFFD before the test sees it.
        string text = new string(new[] { '\ud800', 'x', '\udc00' });

        Assert.Equal("\"\\ud800x\\udc00\"", TreePrinter.Quote(text));
    }

    [Fact]
    public void Prints_a_tree_deeper_than_any_call_stack()
    {
        // The design's budget: 10,000-deep type nesting. Indentation makes the output quadratic in the depth, which
        // keeps the test from going much deeper.
        const int depth = 10_000;
        var node = GreenNode.Create(SyntaxKind.TupleType, new GreenElement[] { new GreenToken(SyntaxKind.U8Keyword, "u8", null, null) });
        for (int i = 1; i < depth; i++) node = GreenNode.Create(SyntaxKind.TupleType, new GreenElement[] { node });
        var writer = new LineCountingWriter();

        TreePrinter.Print(node, writer);

        Assert.Equal(depth + 1, writer.Lines);
        Assert.Equal(new string(' ', 2 * depth) + "U8Keyword@0..2 \"u8\"", writer.LastLine);
    }

    [Fact]
    public void Printed_tokens_and_trivia_of_a_parsed_file_give_back_the_input()
    {
        const string input = "// c\npackage a:b;\n\ninterface i { /* x */ f: func(); }\n";
        var tree = SyntaxTree.ParseWit(input);

        var rebuilt = new StringBuilder();
        foreach (string line in TreePrinter.Print(tree).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int quote = line.IndexOf(" \"", StringComparison.Ordinal);
            if (quote >= 0) rebuilt.Append(System.Text.Json.JsonSerializer.Deserialize<string>(line.Substring(quote + 1).Replace(" (missing)", string.Empty)));
        }

        Assert.Equal(input, rebuilt.ToString());
    }

    [Fact]
    public void Prints_a_parsed_file_with_trailing_trivia_up_to_the_line_break()
    {
        // Leading trivia is everything before a token; trailing trivia runs to the end of the line, the break included.
        var tree = SyntaxTree.ParseWit("package a:b;\n");

        var lines = TreePrinter.Print(tree).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("WitDocument@0..13", lines[0]);
        Assert.Contains(lines, l => l.TrimStart() == "PackageKeyword@0..7 \"package\"");
        Assert.Contains(lines, l => l.TrimStart() == "WhitespaceTrivia@7..8 \" \"");
        Assert.Contains(lines, l => l.TrimStart() == "SemicolonToken@11..12 \";\"");
        Assert.Contains(lines, l => l.TrimStart() == "EndOfLineTrivia@12..13 \"\\n\"");
        Assert.Equal("EndOfFileToken@13..13 \"\"", lines[lines.Length - 1].TrimStart());
    }

    private static string Print(GreenNode root)
    {
        var writer = new System.IO.StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        TreePrinter.Print(root, writer);
        return writer.ToString();
    }

    /// <summary>Counts lines and keeps only the last, so a huge printout does not need to be held in memory.</summary>
    private sealed class LineCountingWriter : System.IO.TextWriter
    {
        private readonly StringBuilder _current = new();

        public int Lines { get; private set; }

        public string LastLine { get; private set; } = string.Empty;

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            if (value == '\n')
            {
                Lines++;
                LastLine = _current.ToString();
                _current.Clear();
            }
            else
            {
                _current.Append(value);
            }
        }

        public override void Write(string? value)
        {
            if (value is null) return;
            int start = 0;
            while (true)
            {
                int newline = value.IndexOf('\n', start);
                if (newline < 0)
                {
                    _current.Append(value, start, value.Length - start);
                    return;
                }

                _current.Append(value, start, newline - start);
                Write('\n');
                start = newline + 1;
            }
        }
    }
}
