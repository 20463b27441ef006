using System;
using System.Text;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Text;
using Wit.Core.Workspace;
using Wit.Ide.Diagnostics;
using Wit.Ide.Workspace;

namespace Wit.Benchmarks;

/// <summary>
/// What a large open document keeps alive, per byte of its text: the syntax tree alone, then the whole document in an
/// <see cref="IdeWorkspace"/> (text, tree, line map, the root's analysis and diagnostics) after opening, after one
/// edit, and after closing it. Documents of 100 KB, 1 MB and 2 MB (just below the analysis limit), generated as one
/// interface of records and functions. Retained sizes are the managed heap after a full compacting collection.
/// </summary>
internal static class DocumentMemoryBenchmark
{
    private static readonly int[] Sizes = { 100_000, 1_000_000, 2_000_000 };

    public static string Run()
    {
        var table = new MarkdownTable("document", "chars", "tree / text byte", "tree walked (red nodes) / text byte", "tree + model / text byte", "open + diagnostics / text byte", "after an edit / text byte", "left after close / text byte");
        foreach (int size in Sizes)
        {
            string text = Generate(size);
            long bytes = Encoding.UTF8.GetByteCount(text);
            long start = LargeInputBenchmark.Retained();
            var tree = SyntaxTree.ParseWit(text);
            long treeBytes = LargeInputBenchmark.Retained() - start;
            int nodes = 0;
            foreach (var node in tree.Root.DescendantNodes()) nodes += node.SlotCount;
            long walkedBytes = LargeInputBenchmark.Retained() - start;
            GC.KeepAlive(tree);
            tree = null;
            var fileSystem = new InMemoryFileSystem().Add("/ws/m/large.wit", text);
            start = LargeInputBenchmark.Retained();
            var model = Wit.Core.Semantics.WitResolver.Resolve(fileSystem, "/ws/m/large.wit");
            long modelBytes = LargeInputBenchmark.Retained() - start;
            GC.KeepAlive(model);
            model = null;
            GC.KeepAlive(nodes);

            string path = "/ws/doc/large.wit";
            var workspace = new IdeWorkspace(new InMemoryFileSystem());
            long before = LargeInputBenchmark.Retained();
            string copy = new StringBuilder(text).ToString();
            workspace.Open(path, copy, 1);
            copy = null!;
            int count = DocumentDiagnostics.For(workspace.Snapshot, path).Count;
            long opened = LargeInputBenchmark.Retained() - before;

            int offset = text.IndexOf("get5:", StringComparison.Ordinal);
            workspace.Change(path, new[] { new TextChange(new TextSpan(offset, 0), "x") }, 2);
            count += DocumentDiagnostics.For(workspace.Snapshot, path).Count;
            long edited = LargeInputBenchmark.Retained() - before;

            workspace.Close(path);
            count += DocumentDiagnostics.For(workspace.Snapshot, path).Count;
            long closed = LargeInputBenchmark.Retained() - before;
            GC.KeepAlive(workspace);
            GC.KeepAlive(count);

            table.Add(
                Format.Number(bytes / 1e6, "0.0") + " MB",
                Format.Integer(text.Length),
                Format.Number(treeBytes / (double)bytes, "0.0"),
                Format.Number(walkedBytes / (double)bytes, "0.0"),
                Format.Number(modelBytes / (double)bytes, "0.0"),
                Format.Number(opened / (double)bytes, "0.0"),
                Format.Number(edited / (double)bytes, "0.0"),
                Format.Number(closed / (double)bytes, "0.0"));
        }

        return "### Memory of a large open document, per byte of its text\n\n> The text itself is 2 bytes per character (UTF-16) and counted in the workspace columns.\n\n" + table;
    }

    /// <summary>A document of about <paramref name="size"/> characters (records and functions, one interface).</summary>
    internal static string Generate(int size) => WitFileGenerator.GenerateOneInterface(Math.Max(10, size / 37));
}
