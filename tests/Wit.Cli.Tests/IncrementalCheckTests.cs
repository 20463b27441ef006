using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Cli.Json;
using Wit.Core.Diagnostics;
using Wit.Core.Lint;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Workspace;
using Wit.Core.Tests.TestKit;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary>
/// A <see cref="WorkspaceCheck"/> that takes items over from the previous check must report exactly what a check
/// from scratch reports (resolver and lint, every position and message), and its model, resolved on demand, must be
/// the fresh one. Checked over random edits of every WASI 0.2.12 and 0.3.0 package, each edit applied as an editor
/// does (an incremental reparse, so untouched items keep their syntax), mostly in the root package.
/// </summary>
public class IncrementalCheckTests
{
    // The strict profile: every rule runs (documentation and gates too), so every rule goes through the item-level path.
    private static readonly LintOptions Lint = LintOptions.Strict;

    private static IEnumerable<string> Roots() =>
        new[] { "wasi-0.2.12", "wasi-0.3.0" }
            .SelectMany(v => Directory.GetDirectories(Corpus.PathOf("wasi-wit", v)))
            .Select(d => Directory.Exists(Path.Combine(d, "wit")) ? Path.Combine(d, "wit") : d)
            .OrderBy(d => d, StringComparer.Ordinal);

    private static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics
        .Select(d => $"{d.Code} {d.Severity} {d.Document?.Path}:{d.Span} {d.Message}"
            + string.Concat(d.Related.Select(r => $" [{r.Document.Path}:{r.Span} {r.Message}]"))
            + (d.Document is { } document && d.Span.End <= document.Text.Length ? " `" + document.Text.Substring(d.Span.Start, Math.Min(d.Span.Length, 40)) + "`" : string.Empty))
        .OrderBy(s => s, StringComparer.Ordinal));

    /// <summary>A root's files as an editor holds them: texts on an in-memory disk, one tree per path kept across edits.</summary>
    private sealed class EditedRoot
    {
        private readonly Dictionary<string, SyntaxTree> _trees = new(StringComparer.Ordinal);

        public EditedRoot(string root, IEnumerable<(string Path, string Text)> files)
        {
            Root = root;
            foreach (var (file, text) in files)
            {
                Disk.Add(file, text);
                _trees[file] = SyntaxTree.ParseWit(SourceText.From(text, file));
            }
        }

        /// <summary>A root that is a single file.</summary>
        public static EditedRoot FromFile(string path) => new(path, new[] { (path, File.ReadAllText(path)) });

        public static EditedRoot FromDisk(string root) =>
            new(root, Directory.GetFiles(root, "*.wit", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f))));

        public string Root { get; }

        public InMemoryFileSystem Disk { get; } = new();

        public IReadOnlyList<string> Paths => _trees.Keys.OrderBy(p => p, StringComparer.Ordinal).ToList();

        public string TextOf(string path) => _trees[path].Text.Text;

        public void Edit(string path, TextChange change)
        {
            _trees[path] = _trees[path].WithChange(change);
            Disk.Add(path, _trees[path].Text.Text);
        }

        public LoadedWorkspace Load() => WorkspaceLoader.Load(Disk, Root, (path, text) => _trees.TryGetValue(path, out var tree) && tree.Text.Text == text
            ? tree
            : SyntaxTree.ParseWit(SourceText.From(text, path)));

        public LoadedWorkspace LoadFromScratch() => WorkspaceLoader.Load(Disk, Root);
    }

    /// <summary>One seed in CI; <c>WIT_CHECK_SEEDS=N</c> runs N (a longer search, outside CI).</summary>
    public static IEnumerable<object[]> Seeds() =>
        Enumerable.Range(0, int.TryParse(Environment.GetEnvironmentVariable("WIT_CHECK_SEEDS"), out int n) && n > 0 ? n : 1).Select(i => new object[] { 20261123 + i });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Taking_items_over_reports_what_a_check_from_scratch_reports(int seed)
    {
        var random = new Random(seed);
        int takenOver = 0, resolved = 0, checks = 0;
        foreach (string root in Roots())
        {
            var edited = EditedRoot.FromDisk(root);
            var check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, null);
            var rootFiles = edited.Paths.Where(p => !p.Contains($"{Path.DirectorySeparatorChar}deps{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
            for (int edit = 0; edit < 12; edit++)
            {
                var files = random.Next(10) < 8 ? rootFiles : edited.Paths;
                string path = files[random.Next(files.Count)];
                edited.Edit(path, edit % 6 == 5 ? TopMutation(edited.TextOf(path), random) : Mutation(edited.TextOf(path), random));

                var previousDiagnostics = Describe(check.ResolveDiagnostics.Concat(check.LintDiagnostics));
                var previous = check;
                check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, previous);
                var scratch = WorkspaceCheck.Run(edited.LoadFromScratch(), ResolveOptions.Default, Lint, null);

                string where = $"{root}: edit {edit} in {path}";
                Assert.Equal(previousDiagnostics, Describe(previous.ResolveDiagnostics.Concat(previous.LintDiagnostics)));
                AssertSame(Describe(scratch.ResolveDiagnostics), Describe(check.ResolveDiagnostics), where + " (resolver)");
                AssertSame(Describe(scratch.LintDiagnostics), Describe(check.LintDiagnostics), where + " (lint)");
                takenOver += check.TakenOverItems;
                resolved += check.ResolvedItems;
                checks++;

                // The model, resolved on demand after a check that took items over, is the fresh one.
                if (edit % 4 == 3)
                {
                    AssertSame(WitModelJsonWriter.Write(scratch.GetModel()), WitModelJsonWriter.Write(check.GetModel()), where + " (model)");
                    AssertSame(Describe(scratch.GetModel().Diagnostics), Describe(check.GetModel().Diagnostics), where + " (model diagnostics)");
                }
            }
        }

        // Meaningful only if many items were taken over (edits in dependencies, and broken names, make every item of
        // the root package be resolved again).
        Assert.True(takenOver * 2 > resolved, $"{takenOver} items taken over, {resolved} resolved, over {checks} checks");
        Console.WriteLine($"seed {seed}: {takenOver} items taken over, {resolved} resolved, over {checks} checks");
    }

    /// <summary>
    /// The corpus's packages whose worlds <c>include</c> others (single files, and the folder of the complex case):
    /// a world's lint reports the items it copies in where the included world defines them, outside the world.
    /// </summary>
    private static IEnumerable<string> IncludeRoots() =>
        Directory.GetFiles(Corpus.PathOf("wit-parser-ui"), "*.wit")
            .Where(f => File.ReadAllText(f).Contains("include ", StringComparison.Ordinal))
            .Append(Corpus.PathOf("wit-parser-ui", "complex-include"))
            .OrderBy(f => f, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Taking_items_over_in_worlds_with_include_reports_what_a_check_from_scratch_reports(int seed)
    {
        var random = new Random(seed);
        int checks = 0, takenOver = 0;
        foreach (string root in IncludeRoots())
        {
            var edited = File.Exists(root) ? EditedRoot.FromFile(root) : EditedRoot.FromDisk(root);
            var check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, null);
            for (int edit = 0; edit < 16; edit++)
            {
                string path = edited.Paths[random.Next(edited.Paths.Count)];
                // Every other edit goes before the first item (at the top, or on the package line), where every item moves.
                string text = edited.TextOf(path);
                var change = edit % 2 == 0 ? TopMutation(text, random) : Mutation(text, random);
                edited.Edit(path, change);
                check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, check);
                var scratch = WorkspaceCheck.Run(edited.LoadFromScratch(), ResolveOptions.Default, Lint, null);
                string where = $"{root}: edit {edit} in {path} ({change.Span} <- {change.NewText.Replace("\n", "\\n")})";
                AssertSame(Describe(scratch.ResolveDiagnostics), Describe(check.ResolveDiagnostics), where + " (resolver)");
                AssertSame(Describe(scratch.LintDiagnostics), Describe(check.LintDiagnostics), where + " (lint)");
                takenOver += check.TakenOverItems;
                checks++;
            }
        }

        Assert.True(takenOver > 0, $"no item taken over in {checks} checks");
        Console.WriteLine($"seed {seed}: {checks} checks of worlds with include, {takenOver} items taken over");
    }

    /// <summary>
    /// Issue 20, finding 1: a line break inserted at the top of <c>with-resource-as.wit</c> moves every item; world
    /// <c>b</c> is linted again, and its warnings for the items it copies from <c>a</c> by <c>include</c> lie in
    /// <c>a</c>, which was taken over: they must be at <c>a</c>'s new place (type <c>s</c> at 40, not 39).
    /// </summary>
    [Fact]
    public void A_line_break_at_the_top_moves_the_warnings_of_included_items()
    {
        string file = Corpus.PathOf("wit-parser-ui", "with-resource-as.wit");
        var edited = EditedRoot.FromFile(file);
        var check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, null);

        edited.Edit(file, new TextChange(new TextSpan(0, 0), "\n"));
        check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, check);
        var scratch = WorkspaceCheck.Run(edited.LoadFromScratch(), ResolveOptions.Default, Lint, null);

        Assert.True(check.TakenOverItems > 0);
        AssertSame(Describe(scratch.LintDiagnostics), Describe(check.LintDiagnostics), "lint after a line break at the top");
        Assert.Contains(check.LintDiagnostics, d => d.Code == "WIT2001" && d.Span.Start == 40);
    }

    [Fact]
    public void Typing_in_one_interface_resolves_it_and_its_dependents_only()
    {
        var edited = new EditedRoot("/ws", new[] { ("/ws/main.wit",
            "package x:y;\n\n/// A.\ninterface a {\n  /// T.\n  type t = u8;\n}\n\n/// B.\ninterface b {\n  use a.{t};\n  /// F.\n  f: func(x: t);\n}\n\n/// C.\ninterface c {\n  /// G.\n  g: func();\n}\n\n/// W.\nworld w {\n  import b;\n}\n") });
        string path = edited.Paths.Single();
        var check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, null);
        Assert.Equal(4, check.ResolvedItems);
        Assert.True(check.HasModel);

        // A function typed into `c`, character by character: `c` only is resolved (nothing uses it).
        int at = edited.TextOf(path).IndexOf("  g: func", StringComparison.Ordinal);
        foreach (char ch in "  ping: func() -> u32;\n")
        {
            edited.Edit(path, new TextChange(new TextSpan(at++, 0), ch.ToString()));
            check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, check);
            Assert.Equal((1, 3), (check.ResolvedItems, check.TakenOverItems));
            Assert.False(check.HasModel);
        }

        // `/// G.` now documents `ping`: `g` lost its documentation, which the lint of `c` says.
        Assert.Contains(check.LintDiagnostics, d => d.Code == "WIT2001" && d.Message.Contains("'g'", StringComparison.Ordinal));
        Assert.Contains(check.GetModel().Interfaces, i => i.Name == "c" && i.Functions.ContainsKey("ping"));

        // An edit in `a`, which `b` uses and `w` imports through `b`: all three again.
        edited.Edit(path, new TextChange(new TextSpan(edited.TextOf(path).IndexOf("type t = u8", StringComparison.Ordinal) + "type t = ".Length, 2), "u16"));
        check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, check);
        Assert.Equal((3, 1), (check.ResolvedItems, check.TakenOverItems));

        // Below `c`, everything moved: the diagnostics moved with it (an unknown type in `w`, found at its place).
        int worldAt = edited.TextOf(path).IndexOf("  import b;", StringComparison.Ordinal);
        edited.Edit(path, new TextChange(new TextSpan(worldAt, 0), "  import nope;\n"));
        check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, check);
        edited.Edit(path, new TextChange(new TextSpan(edited.TextOf(path).IndexOf("  g: func", StringComparison.Ordinal), 0), "  // a comment in c\n"));
        check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, check);
        Assert.Equal((1, 3), (check.ResolvedItems, check.TakenOverItems));
        var unknown = Assert.Single(check.ResolveDiagnostics, d => d.Code == "WIT1001");
        Assert.Equal("nope", edited.TextOf(path).Substring(unknown.Span.Start, unknown.Span.Length));
        Assert.Same(edited.Load().Root!.Files.Single().Tree.Text.Text, unknown.Document!.Text);
    }

    [Fact]
    public void Typing_in_the_wasi_http_package_resolves_a_few_items()
    {
        var edited = EditedRoot.FromDisk(Corpus.PathOf("wasi-wit", "wasi-0.3.0", "http", "wit"));
        string worlds = Path.Combine(edited.Root, "worlds.wit");
        var check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, null);
        int items = check.ResolvedItems;

        // A function typed into `handler`: it and the worlds that import it are resolved; `types` is taken over.
        int at = edited.TextOf(worlds).IndexOf("  handle: async func", StringComparison.Ordinal);
        foreach (char c in "  ping: func() -> u32;\n")
        {
            edited.Edit(worlds, new TextChange(new TextSpan(at++, 0), c.ToString()));
            check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, check);
            Assert.Equal(items, check.ResolvedItems + check.TakenOverItems);
            Assert.True(check.TakenOverItems > 0, $"{check.TakenOverItems} of {items} taken over");
        }

        var scratch = WorkspaceCheck.Run(edited.LoadFromScratch(), ResolveOptions.Default, Lint, null);
        Assert.Equal(Describe(scratch.ResolveDiagnostics.Concat(scratch.LintDiagnostics)), Describe(check.ResolveDiagnostics.Concat(check.LintDiagnostics)));
    }

    [Fact]
    public void A_use_that_another_item_stops_using_is_reported_unused()
    {
        // `b` uses `t` from `a`, which `a` itself brought in by `use` from `c`: once `b` no longer names it, `a`'s
        // use of `t` is unused, though `a` did not change.
        var edited = new EditedRoot("/ws", new[] { ("/ws/main.wit",
            "package x:y;\n\n/// C.\ninterface c {\n  /// T.\n  type t = u8;\n}\n\n/// A.\ninterface a {\n  use c.{t};\n}\n\n/// B.\ninterface b {\n  use a.{t};\n  /// F.\n  f: func(x: t);\n}\n") });
        var check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, null);
        Assert.DoesNotContain(check.LintDiagnostics, d => d.Code == "WIT2009");

        string path = edited.Paths.Single();
        string text = edited.TextOf(path);
        int at = text.IndexOf("  use a.{t};\n", StringComparison.Ordinal);
        edited.Edit(path, new TextChange(new TextSpan(at, "  use a.{t};\n".Length), string.Empty));
        check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, check);

        Assert.True(check.TakenOverItems > 0);
        var unused = Assert.Single(check.LintDiagnostics, d => d.Code == "WIT2009");
        Assert.Equal("t", edited.TextOf(path).Substring(unused.Span.Start, unused.Span.Length));
        Assert.Equal(text.IndexOf("use c.{t}", StringComparison.Ordinal) + "use c.{".Length, unused.Span.Start);
    }

    /// <summary>
    /// What only the check with every feature finds in a gated-off item (an unknown name in it; an anonymous type it
    /// makes first, which a later item uses) is still reported when an edit elsewhere lets that item be taken over.
    /// </summary>
    [Theory]
    [InlineData("  @unstable(feature = off)\n  type t = nope;\n", "WIT1001")]
    [InlineData("  @unstable(feature = off)\n  type g = list<list<u8>>;\n  f: func(a: list<u8>);\n", "WIT1008")]
    public void Errors_in_gated_off_items_stay_when_another_item_is_edited(string body, string code)
    {
        var edited = new EditedRoot("/ws", new[] { ("/ws/main.wit", $"package x:y;\n\ninterface a {{\n{body}}}\n\ninterface b {{\n  h: func();\n}}\n") });
        var check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, null);
        Assert.Contains(check.ResolveDiagnostics, d => d.Code == code);

        string path = edited.Paths.Single();
        int at = edited.TextOf(path).IndexOf("h: func", StringComparison.Ordinal);
        edited.Edit(path, new TextChange(new TextSpan(at, 1), "hh"));
        check = WorkspaceCheck.Run(edited.Load(), ResolveOptions.Default, Lint, check);
        var scratch = WorkspaceCheck.Run(edited.LoadFromScratch(), ResolveOptions.Default, Lint, null);

        Assert.True(check.TakenOverItems > 0);
        Assert.Contains(scratch.ResolveDiagnostics, d => d.Code == code);
        AssertSame(Describe(scratch.ResolveDiagnostics), Describe(check.ResolveDiagnostics), "after the edit");
    }

    private static void AssertSame(string expected, string actual, string what)
    {
        if (expected == actual) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i]) i++;
        Assert.Fail($"{what}: differs at line {i}:\n  from scratch: {(i < e.Length ? e[i] : "<end>")}\n  incremental:  {(i < a.Length ? a[i] : "<end>")}\n--- from scratch\n{expected}\n--- incremental\n{actual}");
    }

    /// <summary>An edit before the first item: a line break, a comment or a space at the top, or one on the package line.</summary>
    private static TextChange TopMutation(string text, Random random)
    {
        int lineEnd = text.IndexOf('\n');
        switch (random.Next(4))
        {
            case 0:
                return new TextChange(new TextSpan(0, 0), "\n");
            case 1:
                return new TextChange(new TextSpan(0, 0), "// top\n");
            case 2:
                return new TextChange(new TextSpan(lineEnd < 0 ? text.Length : lineEnd, 0), " ");
            default:
                return text.StartsWith("\n", StringComparison.Ordinal) ? new TextChange(new TextSpan(0, 1), string.Empty) : new TextChange(new TextSpan(0, 0), "\n\n");
        }
    }

    /// <summary>
    /// A small random edit as a text change: delete a few characters, duplicate a line, type a character, rename a
    /// word (an identifier everything else may refer to), or add a lint suppression or doc comment line.
    /// </summary>
    private static TextChange Mutation(string text, Random random)
    {
        if (text.Length == 0) return new TextChange(new TextSpan(0, 0), "package a:b;\n");
        int at = random.Next(text.Length);
        int lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        int lineEnd = text.IndexOf('\n', at);
        if (lineEnd < 0) lineEnd = text.Length;
        switch (random.Next(6))
        {
            case 0:
                return new TextChange(new TextSpan(at, Math.Min(random.Next(1, 6), text.Length - at)), string.Empty);
            case 1:
                return new TextChange(new TextSpan(lineStart, 0), text.Substring(lineStart, lineEnd - lineStart) + "\n");
            case 2:
                return new TextChange(new TextSpan(at, 0), "x");
            case 3:
                int start = at, end = at;
                while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '-')) start--;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '-')) end++;
                return new TextChange(new TextSpan(start, end - start), end > start ? text.Substring(start, end - start) + "-z" : "z");
            case 4:
                return new TextChange(new TextSpan(lineStart, 0), "  // wit-lint: allow(WIT2001, WIT2007)\n");
            default:
                return new TextChange(new TextSpan(lineStart, 0), "  /// Documented.\n");
        }
    }
}
