using System.Linq;
using Wit.Core.Text;
using Wit.Ide.Diagnostics;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Workspace;

public class IdeWorkspaceTests
{
    /// <summary>The document's errors (lint warnings such as missing docs are not what these tests are about).</summary>
    private static System.Collections.Generic.List<Wit.Core.Diagnostics.Diagnostic> Errors(Wit.Ide.Analysis.IdeSnapshot snapshot, string path) =>
        DocumentDiagnostics.For(snapshot, path).Where(d => d.Severity == Wit.Core.Diagnostics.DiagnosticSeverity.Error).ToList();

    private const string TwoPackages = """
        //- /app/app.wit
        package my:app;
        interface api {
          use my:dep/types.{id};
          get: func(x: id) -> id;
        }
        //- /app/deps/dep/types.wit
        package my:dep;
        interface types {
          type id = u64;
        }
        //- /other/other.wit
        package my:other;
        interface o { f: func(); }
        """;

    [Fact]
    public void Roots_are_the_directories_with_wit_files_outside_deps()
    {
        var fixture = IdeFixture.Load(TwoPackages);

        Assert.Equal(new[] { "/ws/app", "/ws/other" }, fixture.Snapshot.RootPaths);
        var analysis = fixture.Snapshot.AnalysisOf("/ws/app/deps/dep/types.wit");
        Assert.NotNull(analysis);
        Assert.Equal("/ws/app", analysis!.RootPath);
        Assert.False(analysis.IsRootFile("/ws/app/deps/dep/types.wit"));
        Assert.True(analysis.IsRootFile("/ws/app/app.wit"));
    }

    [Fact]
    public void An_edit_in_a_dependency_is_seen_by_the_root_that_loads_it()
    {
        var fixture = IdeFixture.Load(TwoPackages);
        const string dep = "/ws/app/deps/dep/types.wit";
        Assert.Empty(Errors(fixture.Snapshot, "/ws/app/app.wit"));

        fixture.Workspace.Open(dep, fixture.TextOf(dep), 1);
        int at = fixture.TextOf(dep).IndexOf("id =", System.StringComparison.Ordinal);
        fixture.Workspace.Change(dep, new[] { new TextChange(new TextSpan(at, 2), "key") }, 2);

        var diagnostics = Errors(fixture.Snapshot, "/ws/app/app.wit");
        Assert.Contains(diagnostics, d => d.Code == "WIT1002" || d.Message.Contains("id", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Analyses_of_untouched_roots_are_reused_after_an_edit()
    {
        var fixture = IdeFixture.Load(TwoPackages, openAll: true);
        var before = fixture.Snapshot;
        var other = before.AnalysisOf("/ws/other/other.wit");
        var app = before.AnalysisOf("/ws/app/app.wit");

        fixture.Workspace.Change("/ws/app/app.wit", new[] { new TextChange(new TextSpan(0, 0), "// hi\n") }, 2);
        var after = fixture.Snapshot;

        Assert.Same(other, after.AnalysisOf("/ws/other/other.wit"));
        Assert.NotSame(app, after.AnalysisOf("/ws/app/app.wit"));
        Assert.True(after.Revision > before.Revision);
    }

    [Fact]
    public void An_edit_in_the_root_package_takes_the_dependencies_over_from_the_previous_model()
    {
        var fixture = IdeFixture.Load(TwoPackages, openAll: true);
        var before = fixture.Snapshot.AnalysisOf("/ws/app/app.wit")!.Model;

        fixture.Workspace.Change("/ws/app/app.wit", new[] { new TextChange(new TextSpan(0, 0), "// hi\n") }, 2);
        var after = fixture.Snapshot.AnalysisOf("/ws/app/app.wit")!.Model;

        Assert.Equal(1, after.ReusedPackages);
        Assert.Same(before.Packages[0], after.Packages[0]);
        Assert.NotSame(before.Packages[1], after.Packages[1]);
        Assert.Empty(Errors(fixture.Snapshot, "/ws/app/app.wit"));
    }

    [Fact]
    public void Opening_a_file_with_its_disk_text_keeps_the_analysis()
    {
        var fixture = IdeFixture.Load(TwoPackages);
        var analysis = fixture.Snapshot.AnalysisOf("/ws/other/other.wit");

        fixture.Workspace.Open("/ws/other/other.wit", fixture.TextOf("/ws/other/other.wit"), 1);

        Assert.Same(analysis, fixture.Snapshot.AnalysisOf("/ws/other/other.wit"));
        Assert.Same(analysis!.File("/ws/other/other.wit")!.Tree, fixture.Snapshot.GetDocument("/ws/other/other.wit")!.Tree);
    }

    [Fact]
    public void An_impossible_edit_changes_nothing()
    {
        var fixture = IdeFixture.Load(TwoPackages);
        var before = fixture.Snapshot;

        var result = fixture.Workspace.Change(fixture.MainPath, new[] { new TextChange(new TextSpan(5, 100_000), "x") }, 2);

        Assert.Null(result);
        Assert.Same(before, fixture.Snapshot);
        Assert.Equal(fixture.TextOf(fixture.MainPath), fixture.Snapshot.GetDocument(fixture.MainPath)!.Text.Text);
    }

    [Fact]
    public void Unsaved_buffers_win_over_the_disk_and_closing_returns_to_the_disk()
    {
        var fixture = IdeFixture.Load(TwoPackages);
        const string path = "/ws/other/other.wit";
        fixture.Workspace.Open(path, "package my:other;\ninterface o { f: func() -> nope; }\n", 1);
        Assert.Contains(Errors(fixture.Snapshot, path), d => d.Message.Contains("nope", System.StringComparison.Ordinal));

        fixture.Workspace.Close(path);

        Assert.Empty(Errors(fixture.Snapshot, path));
    }

    [Fact]
    public void Files_created_on_disk_are_found_after_a_watcher_event()
    {
        var fixture = IdeFixture.Load(TwoPackages);
        fixture.Disk.Add("/ws/third/t.wit", "package my:third;\ninterface t { g: func() -> missing; }\n");
        Assert.DoesNotContain("/ws/third", fixture.Snapshot.RootPaths);

        fixture.Workspace.FilesChanged(new[] { "/ws/third/t.wit" });

        Assert.Contains("/ws/third", fixture.Snapshot.RootPaths);
        Assert.Contains(Errors(fixture.Snapshot, "/ws/third/t.wit"), d => d.Message.Contains("missing", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_deleted_dependency_is_reported_after_a_watcher_event()
    {
        var fixture = IdeFixture.Load(TwoPackages);
        Assert.Empty(Errors(fixture.Snapshot, "/ws/app/app.wit"));

        fixture.Disk.Remove("/ws/app/deps/dep/types.wit");
        fixture.Workspace.FilesChanged(new[] { "/ws/app/deps/dep/types.wit" });

        Assert.Contains(Errors(fixture.Snapshot, "/ws/app/app.wit"), d => d.Message.Contains("my:dep", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_outside_every_folder_is_its_own_root()
    {
        var fixture = IdeFixture.Load(TwoPackages);

        fixture.Workspace.Open("/elsewhere/x.wit", "package a:b;\ninterface i { f: func() -> u9; }\n", 1);

        Assert.Contains("/elsewhere", fixture.Snapshot.RootPaths);
        Assert.Single(Errors(fixture.Snapshot, "/elsewhere/x.wit"));
    }

    [Fact]
    public void Lint_results_are_part_of_a_document_s_diagnostics()
    {
        // The default profile: the ABI cost (WIT2003), not the missing documentation (the strict profile's).
        var fixture = IdeFixture.Load("package a:b;\ninterface i { f: func(s: string); }\n");

        var codes = DocumentDiagnostics.For(fixture.Snapshot, fixture.MainPath).Select(d => d.Code).ToList();

        Assert.Equal(new[] { "WIT2003" }, codes);
    }

    [Fact]
    public void Witx_documents_get_syntax_and_validation_diagnostics()
    {
        var fixture = IdeFixture.Load("""
            //- /api.witx
            (typename $fd (handle))
            (typename $bad $nope)
            """);

        var diagnostics = Errors(fixture.Snapshot, "/ws/api.witx");

        Assert.Contains(diagnostics, d => d.Message.Contains("nope", System.StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal("/ws/api.witx", d.Document!.Path));
    }

    [Fact]
    public void A_link_to_nothing_in_deps_fails_the_editors_check_as_wit_check()
    {
        string root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wit-link-" + System.Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(root, "deps"));
        try
        {
            string file = System.IO.Path.Combine(root, "root.wit");
            System.IO.File.WriteAllText(file, "package a:b;\n\nworld w {}\n");
            string link = System.IO.Path.Combine(root, "deps", "gone");
            System.IO.File.CreateSymbolicLink(link, System.IO.Path.Combine(root, "nowhere"));
            var workspace = new Wit.Ide.Workspace.IdeWorkspace(Wit.Core.Workspace.PhysicalFileSystem.Instance);
            workspace.SetFolders(new[] { root });
            var snapshot = workspace.Open(file, System.IO.File.ReadAllText(file), 1);

            // Through the server's disk cache and the snapshot's view of open documents, as `wit check` sees the disk.
            var diagnostic = Assert.Single(snapshot.AnalysisOf(file)!.ResolveDiagnostics, d => d.Code == "WIT1014");
            Assert.Equal(link, diagnostic.Document!.Path);
            Assert.Contains("gone is a link to a path that does not exist", diagnostic.Message, System.StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }
}
