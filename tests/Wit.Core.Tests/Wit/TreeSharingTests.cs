using System.Linq;
using Wit.Core.Syntax;
using Xunit;

namespace Wit.Core.Tests.Wit;

/// <summary>
/// How a tree stays small: red nodes are cursors made on demand (equal when they are the same node, never kept by the
/// tree), and small inner green nodes written the same way share one object, as tokens do.
/// </summary>
public sealed class TreeSharingTests
{
    private const string Text = """
        package a:b;
        interface i {
          record p { x: u32, y: list<string> }
          record q { x: u32, y: list<string> }
          f: func(x: u32) -> list<string>;
        }
        interface j {
          g: func(x: u32);
        }
        """;

    [Fact]
    public void Red_nodes_of_the_same_node_are_equal_and_of_different_nodes_are_not()
    {
        var tree = SyntaxTree.ParseWit(Text);
        var first = tree.Root.ChildNodes().ElementAt(1);
        var again = tree.Root.ChildNodes().ElementAt(1);
        var other = tree.Root.ChildNodes().ElementAt(2);

        Assert.True(first == again);
        Assert.Equal(first, again);
        Assert.Equal(first.GetHashCode(), again.GetHashCode());
        Assert.True(first != other);
        Assert.NotEqual(first, other);
        Assert.Equal(first, first.ChildNodes().First().Parent);

        // The same text parsed again is another tree: its nodes are not this tree's.
        var reparsed = SyntaxTree.ParseWit(Text).Root.ChildNodes().ElementAt(1);
        Assert.NotEqual(first, reparsed);
    }

    [Fact]
    public void More_names_and_trivia_than_the_shared_tables_hold_parse_the_same_whatever_the_tables_held_before()
    {
        // The string, trivia and token tables are direct-mapped (a newer entry replaces an older one in its slot), so
        // a file with tens of thousands of distinct names, comments and indentations collides in every slot: each
        // lookup must still give an element equal to the text at hand, never the slot's previous occupant.
        var builder = new System.Text.StringBuilder("package a:b;\ninterface i {\n");
        for (int n = 0; n < 10_000; n++)
        {
            string indent = new(' ', 1 + (n % 7));
            builder.Append(indent).Append("/// Doc ").Append(n % 997).Append(".\n");
            builder.Append(indent).Append("record r").Append(n).Append(" { fld").Append(n % 4099).Append(": u").Append(8 << (n % 4)).Append(" }\n");
            builder.Append(indent).Append("g").Append(n).Append(": func(k: r").Append(n).Append(") -> option<r").Append(n / 2).Append(">;\n");
        }

        string text = builder.Append("}\n").ToString();

        // One parse on a thread whose tables were filled by another text, one on a thread that starts empty.
        SyntaxTree.ParseWit(Text.Replace("u32", "u64"));
        var warm = SyntaxTree.ParseWit(text);
        SyntaxTree? fresh = null;
        var thread = new System.Threading.Thread(() => fresh = SyntaxTree.ParseWit(text));
        thread.Start();
        thread.Join();

        Assert.Equal(text, warm.ToFullString());
        Assert.Empty(warm.Diagnostics);
        Assert.True(GreenElement.StructurallyEqual(warm.GreenRoot, fresh!.GreenRoot));
    }

    [Fact]
    public void A_walk_leaves_no_red_nodes_in_the_tree()
    {
        var tree = SyntaxTree.ParseWit(Text);
        var weak = Walk(tree);
        for (int i = 0; i < 3; i++) System.GC.Collect();
        Assert.False(weak.IsAlive, "a red node of a walked tree is still held");
        System.GC.KeepAlive(tree);
    }

    [Fact]
    public void Small_inner_nodes_written_alike_are_one_green_node()
    {
        var tree = SyntaxTree.ParseWit(Text);
        var fields = tree.Root.DescendantNodes().Where(n => n.Kind == SyntaxKind.RecordField).ToList();
        Assert.Equal(4, fields.Count);

        // `x: u32,` in p and in q, and `y: list<string>` before each closing brace.
        Assert.Same(fields[0].Green, fields[2].Green);
        Assert.Same(fields[1].Green, fields[3].Green);
        Assert.NotSame(fields[0].Green, fields[1].Green);

        // The parameter `x: u32` of f and of g in another interface; `list<string>` in both records, but not as f's
        // result (no space follows it there, and the space is part of the node), whose `string` is shared again.
        var parameters = tree.Root.DescendantNodes().Where(n => n.Kind == SyntaxKind.Parameter).ToList();
        Assert.Same(parameters[0].Green, parameters[1].Green);
        var lists = tree.Root.DescendantNodes().Where(n => n.Kind == SyntaxKind.ListType).ToList();
        Assert.Equal(3, lists.Count);
        Assert.Same(lists[0].Green, lists[1].Green);
        Assert.NotSame(lists[0].Green, lists[2].Green);
        Assert.Same(lists[0].ChildNodes().Single().Green, lists[2].ChildNodes().Single().Green);

        // Top-level items are told apart by identity and are never shared, even when written alike.
        var twice = SyntaxTree.ParseWit("package a:b;\ninterface i {}\ninterface i {}\n").Root.ChildNodes().Skip(1).ToList();
        Assert.NotSame(twice[0].Green, twice[1].Green);

        // Sharing changes nothing of what the tree says.
        Assert.Equal(Text, tree.ToFullString());
        Assert.Equal(fields[2].Span.Start, Text.IndexOf("x: u32, y: list<string> }\n  f", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Field_and_parameter_lists_written_alike_are_one_green_node_up_to_eight_children()
    {
        const string text = """
            package a:b;
            interface i {
              record p { id: u64, name: string, tags: list<string> }
              record q { id: u64, name: string, tags: list<string> }
              record r { id: u64, name: string, tags: list<u8> }
              f: func(key: string, id: u64) -> result<u64, string>;
              g: func(key: string, id: u64) -> result<u64, string>;
              h: func(key: string, id: p);
            }
            """;
        var tree = SyntaxTree.ParseWit(text);
        var fields = tree.Root.DescendantNodes().Where(n => n.Kind == SyntaxKind.RecordFieldList).ToList();
        var parameters = tree.Root.DescendantNodes().Where(n => n.Kind == SyntaxKind.ParameterList).ToList();
        var functions = tree.Root.DescendantNodes().Where(n => n.Kind == SyntaxKind.FunctionType).ToList();

        // Seven children (braces, fields, commas), wider than a short name: shared when all children are.
        Assert.Same(fields[0].Green, fields[1].Green);
        Assert.NotSame(fields[0].Green, fields[2].Green);
        Assert.Same(parameters[0].Green, parameters[1].Green);
        Assert.NotSame(parameters[0].Green, parameters[2].Green);
        Assert.Same(functions[0].Green, functions[1].Green);

        // The records and functions themselves are members, each its own node; the tree still reads the same.
        var records = tree.Root.DescendantNodes().Where(n => n.Kind == SyntaxKind.Record).ToList();
        Assert.NotSame(records[0].Green, records[1].Green);
        Assert.Equal(text, tree.ToFullString());
        Assert.Equal(text.IndexOf("{ id: u64, name: string, tags: list<string> }\n  record r", System.StringComparison.Ordinal), fields[1].Span.Start);
    }

    [Fact]
    public void Runs_of_spaces_and_line_breaks_are_one_trivia_for_every_parse_and_thread()
    {
        // Indentation, the space between tokens and line ends are most of a file's trivia: the lexer takes them from
        // one set made for the whole process, on any thread, however full its tables are.
        const string text = "package a:b;\r\ninterface i {\n    f: func(x: u32);\n}\n";
        var here = SyntaxTree.ParseWit(text);
        SyntaxTree? there = null;
        var thread = new System.Threading.Thread(() => there = SyntaxTree.ParseWit(text));
        thread.Start();
        thread.Join();

        foreach (var tree in new[] { here, there! })
        {
            var tokens = tree.Root.DescendantTokens().ToList();
            var semicolon = tokens.First(t => t.Kind == SyntaxKind.SemicolonToken).Green;
            Assert.Same(GreenCache.CarriageReturnLineFeed, semicolon.TrailingTrivia.Single());
            var f = tokens.First(t => t.Text == "f").Green;
            Assert.Same(GreenCache.Spaces(4), f.LeadingTrivia.Single());
            Assert.Same(GreenCache.LineFeed, tokens.First(t => t.Kind == SyntaxKind.OpenBraceToken).Green.TrailingTrivia.Single());
            Assert.Same(GreenCache.Spaces(1), tokens.Last(t => t.Kind == SyntaxKind.ColonToken).Green.TrailingTrivia.Single());
            Assert.Equal(text, tree.ToFullString());
        }

        // Punctuation and keywords with such trivia are one token for every parse and thread; names are not.
        Token(here, SyntaxKind.OpenBraceToken, out var brace);
        Token(there!, SyntaxKind.OpenBraceToken, out var braceThere);
        Assert.Same(brace, braceThere);
        Token(here, SyntaxKind.FuncKeyword, out var func);
        Token(there!, SyntaxKind.FuncKeyword, out var funcThere);
        Assert.Same(func, funcThere);
        Assert.Same(SyntaxFacts.GetText(SyntaxKind.FuncKeyword), func.Text);

        // Trivia made outside the lexer (a formatter, a test) is the shared one too, so tokens over it are shared.
        Assert.Same(GreenCache.Spaces(3), GreenCache.Instance.Trivia(SyntaxKind.WhitespaceTrivia, "   "));
        Assert.Same(GreenCache.LineFeed, GreenCache.Instance.Trivia(SyntaxKind.EndOfLineTrivia, "\n"));
        Assert.NotSame(GreenCache.Spaces(2), GreenCache.Instance.Trivia(SyntaxKind.WhitespaceTrivia, " \t"));
        Assert.Null(GreenCache.Spaces(65));
    }

    [Fact]
    public void Keywords_are_recognised_in_place_exactly_as_by_their_spelling()
    {
        // The lexer tells keywords by length and first character, on the text in place: every keyword, each inside
        // a longer text, and near misses (a prefix, a longer word, another case) must read as the dictionary does.
        foreach (string keyword in SyntaxFacts.KeywordSpellings)
        {
            string text = "x " + keyword + " y";
            Assert.Equal(SyntaxFacts.GetKeywordKind(keyword), SyntaxFacts.GetKeywordKind(text, 2, keyword.Length));
            Assert.Equal(SyntaxKind.IdentifierToken, SyntaxFacts.GetKeywordKind(text, 2, keyword.Length + 1));
            if (keyword != keyword.ToUpperInvariant()) Assert.Equal(SyntaxKind.IdentifierToken, SyntaxFacts.GetKeywordKind(keyword.ToUpperInvariant(), 0, keyword.Length));
            if (keyword.Length > 1) Assert.Equal(SyntaxFacts.GetKeywordKind(keyword.Substring(1)), SyntaxFacts.GetKeywordKind(keyword, 1, keyword.Length - 1));
        }

        Assert.Equal(SyntaxKind.IdentifierToken, SyntaxFacts.GetKeywordKind("interfaces-and-more", 0, 19));
        Assert.Equal(SyntaxKind.IdentifierToken, SyntaxFacts.GetKeywordKind("%record", 0, 7));
        Assert.Equal(SyntaxKind.RecordKeyword, SyntaxFacts.GetKeywordKind("%record", 1, 6));
    }

    private static void Token(SyntaxTree tree, SyntaxKind kind, out GreenToken token) =>
        token = tree.Root.DescendantTokens().First(t => t.Kind == kind).Green;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static System.WeakReference Walk(SyntaxTree tree)
    {
        SyntaxNode? last = null;
        foreach (var node in tree.Root.DescendantNodes()) last = node;
        return new System.WeakReference(last);
    }
}
