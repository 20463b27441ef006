using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Lint;
using Wit.Core.Text;
using Wit.Ide.Configuration;
using Wit.Ide.Diagnostics;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Workspace;

/// <summary>
/// Issue 15: the editor lints each package root with its nearest <c>.witlint.json</c> (looked for as <c>wit lint</c>
/// looks: the root's directory, then its parents up to the workspace folder), laid over the editor's settings; it
/// reloads the file when it changes on disk or in an editor buffer, and reports a malformed one (WIT2100) instead of
/// failing.
/// </summary>
public sealed class LintConfigurationTests
{
    private const string App = "/ws/app/a.wit";
    private const string Wit = """
        //- /app/a.wit
        package a:b;
        interface i { f: func(); }
        """;

    /// <summary>WIT2001 (missing docs) is off in the default profile and a warning in the strict one.</summary>
    private static List<Diagnostic> MissingDocs(IdeFixture fixture, string path = App) =>
        DocumentDiagnostics.For(fixture.Snapshot, path).Where(d => d.Code == "WIT2001").ToList();

    [Fact]
    public void The_nearest_witlint_json_up_to_the_workspace_folder_configures_a_root()
    {
        var fixture = IdeFixture.Load(Wit + """

            //- /other/o.wit
            package a:c;
            interface o { g: func(); }
            //- /.witlint.json
            { "profile": "strict" }
            //- /other/.witlint.json
            { "profile": "default" }
            """);

        Assert.Equal(2, MissingDocs(fixture).Count);
        Assert.Equal("/ws/.witlint.json", fixture.Snapshot.AnalysisOf(App)!.LintConfiguration!.Path);
        Assert.Empty(MissingDocs(fixture, "/ws/other/o.wit"));
    }

    [Fact]
    public void A_witlint_json_above_the_workspace_folder_is_not_read()
    {
        var fixture = IdeFixture.Load(Wit);
        fixture.Disk.Add("/.witlint.json", "{ \"profile\": \"strict\" }");
        fixture.Workspace.FilesChanged(new[] { "/.witlint.json" });

        Assert.Empty(MissingDocs(fixture));
        Assert.Null(fixture.Snapshot.AnalysisOf(App)!.LintConfiguration);
    }

    [Fact]
    public void The_file_is_laid_over_the_editor_settings()
    {
        // The editor: WIT2001 an error, WIT2003 (the callee allocates) off. The file: WIT2001 a hint, nothing on WIT2003.
        var editor = new IdeOptions(lint: new LintOptions(new Dictionary<string, DiagnosticSeverity?> { ["WIT2001"] = DiagnosticSeverity.Error, ["WIT2003"] = null }));
        var fixture = IdeFixture.Load("""
            //- /app/a.wit
            package a:b;
            interface i { f: func(s: string); }
            //- /app/.witlint.json
            { "rules": { "WIT2001": "hint" } }
            """, editor);

        var diagnostics = DocumentDiagnostics.For(fixture.Snapshot, App);
        Assert.All(diagnostics.Where(d => d.Code == "WIT2001"), d => Assert.Equal(DiagnosticSeverity.Hint, d.Severity));
        Assert.Equal(2, diagnostics.Count(d => d.Code == "WIT2001"));
        Assert.DoesNotContain(diagnostics, d => d.Code == "WIT2003");
    }

    [Fact]
    public void The_files_profile_replaces_the_editors_and_the_editors_applies_without_one()
    {
        var strictEditor = new IdeOptions(lint: LintOptions.Strict);
        var withProfile = IdeFixture.Load(Wit + "\n//- /app/.witlint.json\n{ \"profile\": \"default\" }", strictEditor);
        var withoutProfile = IdeFixture.Load(Wit + "\n//- /app/.witlint.json\n{ \"rules\": { \"WIT2009\": \"off\" } }", strictEditor);

        Assert.Empty(MissingDocs(withProfile));
        Assert.Equal(2, MissingDocs(withoutProfile).Count);
    }

    [Theory]
    [InlineData("{ \"rules\": { \"WIT9999\": \"off\" } }", "unknown lint rule 'WIT9999'", "\"WIT9999\"")]
    [InlineData("{ \"profile\": \"loose\" }", "invalid profile \"loose\"", "\"profile\"")]
    [InlineData("{ \"rules\": { \"WIT2001\": \"loud\" } }", "invalid level for 'WIT2001': \"loud\"", "\"WIT2001\"")]
    [InlineData("{ \"profile\": \"strict\",\n  \"rules\": { ] }", "invalid JSON:", "]")]
    public void A_malformed_witlint_json_is_reported_on_itself_and_the_editor_settings_apply(string json, string message, string at)
    {
        var fixture = IdeFixture.Load(Wit + "\n//- /app/.witlint.json\n" + json);

        var problems = DocumentDiagnostics.For(fixture.Snapshot, "/ws/app/.witlint.json");

        var problem = Assert.Single(problems);
        Assert.Equal("WIT2100", problem.Code);
        Assert.Equal(DiagnosticSeverity.Error, problem.Severity);
        Assert.Contains(message, problem.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem.Message, System.StringComparison.Ordinal);
        Assert.Equal(json.IndexOf(at, System.StringComparison.Ordinal), problem.Span.Start);
        Assert.Equal("/ws/app/.witlint.json", problem.Document!.Path);
        Assert.Empty(MissingDocs(fixture));
        Assert.Null(fixture.Snapshot.GetDocument("/ws/app/.witlint.json"));
    }

    [Fact]
    public void A_witlint_json_created_changed_and_deleted_on_disk_is_reloaded()
    {
        var fixture = IdeFixture.Load(Wit);
        const string config = "/ws/app/.witlint.json";
        Assert.Empty(MissingDocs(fixture));

        fixture.Disk.Add(config, "{ \"profile\": \"strict\" }");
        fixture.Workspace.FilesChanged(new[] { config });
        Assert.Equal(2, MissingDocs(fixture).Count);

        fixture.Disk.Add(config, "{ \"profile\": \"strict\", \"rules\": { \"WIT2001\": \"off\" } }");
        fixture.Workspace.FilesChanged(new[] { config });
        Assert.Empty(MissingDocs(fixture));

        fixture.Disk.Add(config, "{ \"profile\": \"strict\" }");
        fixture.Workspace.FilesChanged(new[] { config });
        Assert.Equal(2, MissingDocs(fixture).Count);
        fixture.Disk.Remove(config);
        fixture.Workspace.FilesChanged(new[] { config });
        Assert.Empty(MissingDocs(fixture));
    }

    [Fact]
    public void An_open_witlint_json_counts_as_edited_before_it_is_saved()
    {
        var fixture = IdeFixture.Load(Wit);
        const string config = "/ws/app/.witlint.json";

        fixture.Workspace.Open(config, "{ \"profile\": \"default\" }", 1);
        Assert.Empty(MissingDocs(fixture));
        Assert.Equal(0, fixture.Snapshot.RootPaths.Count(r => r == "/ws/app/.witlint.json" || r.EndsWith(".json", System.StringComparison.Ordinal)));

        string text = fixture.Workspace.OpenConfiguration(config)!;
        int at = text.IndexOf("default", System.StringComparison.Ordinal);
        fixture.Workspace.Change(config, new[] { new TextChange(new TextSpan(at, "default".Length), "strict") }, 2);
        Assert.Equal("{ \"profile\": \"strict\" }", fixture.Workspace.OpenConfiguration(config));
        Assert.Equal(2, MissingDocs(fixture).Count);

        fixture.Workspace.Change(config, new[] { new TextChange(new TextSpan(0, 1), "[") }, 3);
        Assert.Equal("WIT2100", Assert.Single(DocumentDiagnostics.For(fixture.Snapshot, config)).Code);
        Assert.Empty(MissingDocs(fixture));

        // Closed without saving: the disk has no file, so nothing configures the root any more.
        fixture.Workspace.Close(config);
        Assert.Null(fixture.Workspace.OpenConfiguration(config));
        Assert.Empty(DocumentDiagnostics.For(fixture.Snapshot, config));
        Assert.Null(fixture.Snapshot.AnalysisOf(App)!.LintConfiguration);
    }

    [Fact]
    public void A_keystroke_in_a_wit_file_keeps_the_configuration_and_its_options()
    {
        var fixture = IdeFixture.Load(Wit + "\n//- /app/.witlint.json\n{ \"profile\": \"strict\" }");
        var before = fixture.Snapshot.AnalysisOf(App)!.LintConfiguration!;
        var options = before.Apply(fixture.Snapshot.Options.Lint);

        fixture.Workspace.Change(App, new[] { new TextChange(new TextSpan(0, 0), "// c\n") }, 2);
        var after = fixture.Snapshot.AnalysisOf(App)!.LintConfiguration!;

        Assert.Same(before, after);
        Assert.Same(options, after.Apply(fixture.Snapshot.Options.Lint));
        Assert.Equal(2, MissingDocs(fixture).Count);
    }

    [Fact]
    public void The_cli_and_the_editor_read_the_same_file_the_same_way()
    {
        var file = LintConfiguration.Parse("{ // comments and trailing commas are fine\n \"profile\": \"strict\", \"rules\": { \"wit2001\": \"off\", }, }");

        Assert.Null(file.Problem);
        Assert.Equal(LintProfile.Strict, file.Profile);
        Assert.True(file.Rules.TryGetValue("WIT2001", out var level) && level is null);
        var applied = file.Apply(LintOptions.Default);
        Assert.Equal(LintProfile.Strict, applied.Profile);
        Assert.Null(applied.SeverityOf(LintDiagnostics.Wit2001));
    }
}
