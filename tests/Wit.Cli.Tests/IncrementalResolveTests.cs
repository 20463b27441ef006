using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Cli.Json;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Workspace;
using Wit.Core.Tests.TestKit;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary>
/// Resolving with a previous model (reusing the packages whose files did not change) must give exactly what a
/// resolution from scratch gives, and must not change the previous model. Checked with wit-parser's JSON of the
/// whole model plus the diagnostics, over random edits of every WASI 0.2.12 and 0.3.0 package (edits in the root
/// package and in its dependencies).
/// </summary>
public class IncrementalResolveTests
{
    private static IEnumerable<string> Roots() =>
        new[] { "wasi-0.2.12", "wasi-0.3.0" }
            .SelectMany(v => Directory.GetDirectories(Corpus.PathOf("wasi-wit", v)))
            .Select(d => Directory.Exists(Path.Combine(d, "wit")) ? Path.Combine(d, "wit") : d)
            .OrderBy(d => d, StringComparer.Ordinal);

    private static string Describe(WitModel model) =>
        WitModelJsonWriter.Write(model) + "\n" + string.Join("\n", model.Diagnostics.Select(d => $"{d.Code} {d.Document?.Path}:{d.Span} {d.Message}"));

    [Fact]
    public void Reusing_unchanged_packages_gives_the_same_model_as_resolving_from_scratch()
    {
        var random = new Random(20261122);
        int reused = 0, runs = 0;
        foreach (string root in Roots())
        {
            // Trees by path: an unchanged file keeps its tree object, as the editor's cache does.
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            var trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
            var disk = new InMemoryFileSystem();
            foreach (var file in Directory.GetFiles(root, "*.wit", SearchOption.AllDirectories))
            {
                texts[file] = File.ReadAllText(file);
                disk.Add(file, texts[file]);
            }

            SyntaxTree Parse(string path, string text)
            {
                if (trees.TryGetValue(path, out var tree) && tree.Text.Text == text) return tree;
                return trees[path] = SyntaxTree.ParseWit(SourceText.From(text, path));
            }

            var model = WitResolver.Resolve(WorkspaceLoader.Load(disk, root, Parse), ResolveOptions.Default);
            var files = texts.Keys.OrderBy(p => p, StringComparer.Ordinal).ToList();
            for (int edit = 0; edit < 6; edit++)
            {
                string before = Describe(model);
                string path = files[random.Next(files.Count)];
                string text = texts[path];
                texts[path] = Mutate(text, random);
                disk.Add(path, texts[path]);

                var incremental = WitResolver.Resolve(WorkspaceLoader.Load(disk, root, Parse), ResolveOptions.Default, model);
                var scratch = WitResolver.Resolve(WorkspaceLoader.Load(disk, root), ResolveOptions.Default);

                Assert.Equal(before, Describe(model));
                Assert.True(Describe(scratch) == Describe(incremental), $"{root}: after editing {path} the reused model differs from a fresh one");
                reused += incremental.ReusedPackages;
                runs++;
                model = incremental;
            }
        }

        // The check is only meaningful if reuse happened (random edits often hit an early dependency, which makes
        // everything after it be resolved again).
        Assert.True(reused > 0, $"no package reused over {runs} resolutions");
    }

    [Fact]
    public void An_edit_in_the_root_package_reuses_every_dependency()
    {
        string root = Corpus.PathOf("wasi-wit", "wasi-0.3.0", "http", "wit");
        var trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
        SyntaxTree Parse(string path, string text) =>
            trees.TryGetValue(path, out var tree) && tree.Text.Text == text ? tree : trees[path] = SyntaxTree.ParseWit(SourceText.From(text, path));
        var disk = new InMemoryFileSystem();
        foreach (var file in Directory.GetFiles(root, "*.wit", SearchOption.AllDirectories)) disk.Add(file, File.ReadAllText(file));
        var first = WitResolver.Resolve(WorkspaceLoader.Load(disk, root, Parse), ResolveOptions.Default);

        string types = Path.Combine(root, "types.wit");
        disk.Add(types, File.ReadAllText(types).Replace("interface types {", "interface types {\n  // edited", StringComparison.Ordinal));
        var second = WitResolver.Resolve(WorkspaceLoader.Load(disk, root, Parse), ResolveOptions.Default, first);

        Assert.Equal(first.Packages.Count - 1, second.ReusedPackages);
        Assert.Equal("wasi:http@0.3.0", second.Packages[^1].Name.ToString());
        Assert.NotSame(first.Packages[^1], second.Packages[^1]);
        Assert.Same(first.Packages[0], second.Packages[0]);
    }

    /// <summary>A small random edit: delete a few characters, duplicate a line, or rename an identifier-like word.</summary>
    private static string Mutate(string text, Random random)
    {
        if (text.Length == 0) return "package a:b;\n";
        int at = random.Next(text.Length);
        switch (random.Next(3))
        {
            case 0:
                return text.Remove(at, Math.Min(random.Next(1, 6), text.Length - at));
            case 1:
                int start = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
                int end = text.IndexOf('\n', at);
                if (end < 0) end = text.Length;
                return text.Insert(start, text.Substring(start, end - start) + "\n");
            default:
                return text.Insert(at, "x");
        }
    }
}
