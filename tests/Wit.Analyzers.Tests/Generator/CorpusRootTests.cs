using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Wit.Core.Semantics;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Analyzers.Tests.Generator;

/// <summary>
/// Every world of every package root that wit-parser accepts in its UI tests, and of the real-world packages: the
/// bindings of all of a root's worlds (one <c>&lt;Wit&gt;</c> item each, in one compilation) compile with no error
/// and no warning, the generator reporting nothing but WITH0004. Roots with a dependency encoded as a component are
/// left out (and listed).
/// </summary>
public class CorpusRootTests
{
    /// <summary>Roots with a dependency encoded as a component (<c>.wat</c>, <c>.wasm</c>), which Wit.Core does not decode.</summary>
    private static bool HasEncodedDependency(string root) =>
        Directory.Exists(root) && Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories).Any(f => f.EndsWith(".wat", StringComparison.Ordinal) || f.EndsWith(".wasm", StringComparison.Ordinal));

    [Fact]
    public void Only_the_roots_with_encoded_dependencies_are_left_out()
    {
        var left = Directory.GetDirectories(RepoPaths.Corpus("wit-parser-ui")).Where(d => File.Exists(d + ".wit.json") && HasEncodedDependency(d)).Select(Path.GetFileName);

        Assert.Equal(new[] { "kinds-of-deps" }, left);
        Assert.True(Roots().Count() >= 58, "the corpus lost roots");
    }

    public static IEnumerable<object[]> Roots()
    {
        string ui = RepoPaths.Corpus("wit-parser-ui");
        foreach (string json in Directory.GetFiles(ui, "*.wit.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            string stem = json.Substring(0, json.Length - ".wit.json".Length);
            string root = Directory.Exists(stem) ? stem : stem + ".wit";
            if ((File.Exists(root) || Directory.Exists(root)) && !HasEncodedDependency(root)) yield return new object[] { Path.GetRelativePath(RepoPaths.Corpus(), root).Replace('\\', '/') };
        }

        foreach (string realworld in Directory.GetDirectories(RepoPaths.Corpus("realworld")).OrderBy(p => p, StringComparer.Ordinal))
        {
            foreach (string candidate in new[] { Path.Combine(realworld, "wit"), realworld })
            {
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.wit").Any())
                {
                    yield return new object[] { Path.GetRelativePath(RepoPaths.Corpus(), candidate).Replace('\\', '/') };
                    break;
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Roots))]
    public void Bindings_of_every_world_of_a_root_compile_cleanly(string root)
    {
        string path = RepoPaths.Corpus(root.Split('/'));
        var workspace = WorkspaceLoader.Load(new PhysicalFileSystem(), path);
        // wit-parser's UI tests enable the feature `active`; so do the items.
        var model = WitResolver.Resolve(workspace, new ResolveOptions(new[] { "active" }));
        var lookup = PackageLookup.For(workspace, model);
        var worlds = model.Packages.Where(lookup.IsRootOrNestedInIt).SelectMany(p => p.Worlds.Values).Select(PackageLookup.QualifiedName).ToList();
        if (worlds.Count == 0) return;

        var files = File.Exists(path)
            ? new List<(string, string)> { (path.Replace('\\', '/'), File.ReadAllText(path)) }
            : GeneratorHarness.FromDirectory(path, "").Files.ToList();
        string itemRoot = File.Exists(path) ? path.Replace('\\', '/') : path.Replace('\\', '/').TrimEnd('/') + "/";
        var items = worlds.Select(w => new GeneratorHarness.Item(itemRoot, w, files, "active")).ToList();
        var (_, output, diagnostics) = GeneratorHarness.Run(items);

        string unexpected = string.Join("\n", diagnostics.Where(d => d.Id != "WITH0004").Select(d => d.ToString()));
        Assert.True(unexpected.Length == 0, unexpected);
        Assert.Empty(GeneratorHarness.Problems(output).Select(d => d.ToString()));
    }
}
