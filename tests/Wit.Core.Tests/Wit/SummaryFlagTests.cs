using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Text;
using Xunit;

namespace Wit.Core.Tests.Wit;

/// <summary>
/// <see cref="GreenNode.ContainsNamedType"/> and <see cref="GreenNode.ContainsUsePath"/>, which the resolver's walks
/// for the types an item refers to and for its paths prune by, are true exactly on a <c>NamedType</c> (a
/// <c>UsePath</c>) node and its ancestors: on every node of every corpus file, of a broken copy of each (every 11th
/// character dropped), and of the trees incremental edits make from them (shared nodes included).
/// </summary>
public sealed class SummaryFlagTests
{
    [Fact]
    public void Every_node_of_the_corpus_knows_whether_a_type_name_is_below()
    {
        var files = Corpus.Files("", ".wit");
        Assert.True(files.Count > 400, $"only {files.Count} corpus files");
        var failures = new List<string>();
        int marked = 0, unmarked = 0, paths = 0;
        foreach (string path in files)
        {
            string text = Corpus.ReadText(path);
            string broken = new string(text.Where((_, i) => i % 11 != 10).ToArray());
            foreach (var (variant, source) in new[] { ("", text), (" (broken)", broken) })
            {
                var tree = SyntaxTree.ParseWit(SourceText.From(source, path));
                Check(tree.GreenRoot, $"{Corpus.Relative(path)}{variant}", failures, ref marked, ref unmarked);
                CheckPaths(tree.GreenRoot, $"{Corpus.Relative(path)}{variant}", failures, ref paths);

                // An edit in the middle that adds a type name, and one that removes text: the reparsed tree reuses
                // nodes of the old one and makes new ones around the edit.
                int middle = source.Length / 2;
                var added = tree.WithChange(new TextChange(new TextSpan(middle, 0), " x: func(a: extra-type) -> list<other>; "));
                Check(added.GreenRoot, $"{Corpus.Relative(path)}{variant} + name", failures, ref marked, ref unmarked);
                CheckPaths(added.GreenRoot, $"{Corpus.Relative(path)}{variant} + name", failures, ref paths);
                var removed = tree.WithChange(new TextChange(new TextSpan(middle / 2, Math.Min(40, source.Length - middle / 2)), ""));
                Check(removed.GreenRoot, $"{Corpus.Relative(path)}{variant} - text", failures, ref marked, ref unmarked);
                CheckPaths(removed.GreenRoot, $"{Corpus.Relative(path)}{variant} - text", failures, ref paths);
            }
        }

        Assert.True(marked > 1000 && unmarked > 1000, $"{marked} nodes with a type name below, {unmarked} without");
        Assert.True(paths > 1000, $"only {paths} nodes with a path below");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Theory]
    [InlineData("package a:b;\ninterface i {\n  record r { a: u32, b: list<string> }\n}\n", false)]
    [InlineData("package a:b;\ninterface i {\n  record r { a: u32, b: list<t> }\n}\n", true)]
    [InlineData("package a:b;\ninterface i {\n  f: func(a: u32) -> result<_, string>;\n}\n", false)]
    [InlineData("package a:b;\ninterface i {\n  f: func(a: u32) -> result<_, e>;\n}\n", true)]
    [InlineData("package a:b;\ninterface i {\n  f: func(h: borrow<r>);\n}\n", true)]
    public void An_item_is_marked_when_it_names_a_type(string text, bool expected)
    {
        var tree = SyntaxTree.ParseWit(text);
        var item = tree.Root.DescendantNodes().First(n => n.Kind is SyntaxKind.Record or SyntaxKind.FunctionItem);
        Assert.Equal(expected, item.Green.ContainsNamedType);
    }

    [Theory]
    [InlineData("package a:b;\ninterface i {\n  record r { a: u32 }\n  f: func();\n}\n", SyntaxKind.Interface, false)]
    [InlineData("package a:b;\ninterface i {\n  use j.{t};\n  f: func();\n}\n", SyntaxKind.Interface, true)]
    [InlineData("package a:b;\nworld w {\n  import wasi:io/streams;\n}\n", SyntaxKind.World, true)]
    [InlineData("package a:b;\nworld w {\n  include other;\n}\n", SyntaxKind.World, true)]
    [InlineData("package a:b;\nworld w {\n  import f: func();\n}\n", SyntaxKind.World, false)]
    public void An_item_is_marked_when_it_holds_a_path(string text, SyntaxKind kind, bool expected)
    {
        var tree = SyntaxTree.ParseWit(text);
        Assert.Equal(expected, tree.Root.DescendantNodes().First(n => n.Kind == kind).Green.ContainsUsePath);
    }

    /// <summary>Compares every node's flag with what is below it, computed without recursion (children before parents).</summary>
    private static void Check(GreenNode root, string where, List<string> failures, ref int marked, ref int unmarked) =>
        Check(root, SyntaxKind.NamedType, n => n.ContainsNamedType, where, failures, ref marked, ref unmarked);

    private static void CheckPaths(GreenNode root, string where, List<string> failures, ref int marked)
    {
        int unmarked = 0;
        Check(root, SyntaxKind.UsePath, n => n.ContainsUsePath, where, failures, ref marked, ref unmarked);
    }

    private static void Check(GreenNode root, SyntaxKind kind, Func<GreenNode, bool> flag, string where, List<string> failures, ref int marked, ref int unmarked)
    {
        var order = new List<GreenNode>();
        var stack = new Stack<GreenNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            order.Add(node);
            for (int i = 0; i < node.SlotCount; i++)
            {
                if (node.GetSlot(i) is GreenNode child) stack.Push(child);
            }
        }

        var expected = new Dictionary<GreenNode, bool>(ReferenceEqualityComparer.Instance);
        for (int k = order.Count - 1; k >= 0; k--)
        {
            var node = order[k];
            bool below = node.Kind == kind;
            for (int i = 0; i < node.SlotCount && !below; i++)
            {
                if (node.GetSlot(i) is GreenNode child) below = expected[child];
            }

            expected[node] = below;
            if (below) marked++;
            else unmarked++;
            if (flag(node) != below && failures.Count < 50) failures.Add($"{where}: {node.Kind} ({node.FullWidth}) says {flag(node)} for {kind}, expected {below}");
        }
    }
}
