using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Features;

public class DiagnosticsTests
{
    private const string Workspace = """
        //- /app/app.wit
        package my:app;
        /// The API.
        interface api {
          use my:dep/types.{id};
          /// Gets.
          get: func(x: id) -> id;
        }
        //- /app/deps/dep/types.wit
        package my:dep;
        /// Types.
        interface types {
          /// An id.
          type id = u64;
        }
        //- /broken/b.wit
        package my:broken;
        /// Broken.
        interface b {
          /// F.
          f: func() -> nope;
        }
        """;

    private static JsonObject NoLint => new() { ["settings"] = new JsonObject { ["lint"] = new JsonObject { ["enabled"] = false } } };

    [Fact]
    public async Task Every_file_of_the_workspace_gets_diagnostics_without_being_opened()
    {
        var (client, _, _) = await ServerFixture.StartAsync(Workspace, NoLint);
        await using var _client = client;

        var broken = await client.WaitForDiagnosticsAsync("/ws/broken/b.wit", p => p["diagnostics"]!.AsArray().Count > 0);
        var clean = await client.WaitForDiagnosticsAsync("/ws/app/app.wit", _ => true);

        var diagnostic = broken["diagnostics"]![0]!;
        Assert.Equal("WIT1001", diagnostic["code"]!.GetValue<string>());
        Assert.Equal(4, diagnostic["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Equal(15, diagnostic["range"]!["start"]!["character"]!.GetValue<int>());
        Assert.Equal(1, diagnostic["severity"]!.GetValue<int>());
        Assert.Equal("wit", diagnostic["source"]!.GetValue<string>());
        Assert.Empty(clean["diagnostics"]!.AsArray());
    }

    [Fact]
    public async Task Breaking_a_dependency_reports_the_error_in_the_file_that_uses_it_and_fixing_it_clears_it()
    {
        var (client, files, _) = await ServerFixture.StartAsync(Workspace, NoLint);
        await using var _client = client;
        const string dep = "/ws/app/deps/dep/types.wit";
        await client.WaitForDiagnosticsAsync("/ws/app/app.wit", p => p["diagnostics"]!.AsArray().Count == 0);
        await client.OpenAsync(dep, files[dep]);

        // `type id` -> `type ix`: app.wit's `use my:dep/types.{id}` no longer resolves.
        await client.ChangeAsync(dep, 2, 4, 8, 4, 9, "x");
        var broken = await client.WaitForDiagnosticsAsync("/ws/app/app.wit", p => p["diagnostics"]!.AsArray().Count > 0);
        await client.ChangeAsync(dep, 3, 4, 8, 4, 9, "d");
        var fixedAgain = await client.WaitForDiagnosticsAsync("/ws/app/app.wit", p => p["diagnostics"]!.AsArray().Count == 0);

        Assert.Contains("id", broken["diagnostics"]![0]!["message"]!.GetValue<string>());
        Assert.Empty(fixedAgain["diagnostics"]!.AsArray());
    }

    [Fact]
    public async Task Open_documents_are_published_with_their_version()
    {
        var (client, files, _) = await ServerFixture.StartAsync(Workspace, NoLint);
        await using var _client = client;

        await client.OpenAsync("/ws/broken/b.wit", files["/ws/broken/b.wit"], version: 7);
        var published = await client.WaitForVersionAsync("/ws/broken/b.wit", 7);

        Assert.Single(published["diagnostics"]!.AsArray());
    }

    [Fact]
    public async Task Several_changes_in_one_notification_each_apply_to_the_text_the_previous_one_left()
    {
        var (client, files, _) = await ServerFixture.StartAsync(Workspace, NoLint);
        await using var _client = client;
        await client.OpenAsync("/ws/broken/b.wit", files["/ws/broken/b.wit"], version: 1);
        await client.WaitForVersionAsync("/ws/broken/b.wit", 1);

        // The first change inserts a line above `f: func() -> nope;`, so the second change's range (line 5) names
        // `nope` only in the text the first change left.
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri("/ws/broken/b.wit"), ["version"] = 2 },
            ["contentChanges"] = new JsonArray(
                new JsonObject { ["range"] = LspTestClient.Range(4, 0, 4, 0), ["text"] = "  /// Inserted.\n" },
                new JsonObject { ["range"] = LspTestClient.Range(5, 15, 5, 19), ["text"] = "u32" }),
        });
        var published = await client.WaitForVersionAsync("/ws/broken/b.wit", 2);
        var hover = await client.ResultAsync("textDocument/hover", LspTestClient.TextDocumentPosition("/ws/broken/b.wit", 5, 16));

        Assert.Empty(published["diagnostics"]!.AsArray());
        Assert.Contains("u32", hover!.ToJsonString());
    }

    [Fact]
    public async Task Pull_diagnostics_answer_full_then_unchanged_for_the_same_result_id()
    {
        var (client, _, _) = await ServerFixture.StartAsync(Workspace, NoLint);
        await using var _client = client;
        var parameters = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri("/ws/broken/b.wit") } };

        var full = await client.ResultAsync("textDocument/diagnostic", parameters.DeepClone());
        parameters["previousResultId"] = full!["resultId"]!.GetValue<string>();
        var again = await client.ResultAsync("textDocument/diagnostic", parameters.DeepClone());

        Assert.Equal("full", full["kind"]!.GetValue<string>());
        Assert.Equal("WIT1001", full["items"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("unchanged", again!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lint_settings_from_the_client_change_what_is_reported()
    {
        var (client, _, _) = await ServerFixture.StartAsync("""
            //- /a/a.wit
            package a:b;
            interface i { f: func(); }
            """, settings: new JsonObject { ["lint"] = new JsonObject { ["rules"] = new JsonObject { ["WIT2001"] = "error" } } });
        await using var _client = client;

        var published = await client.WaitForDiagnosticsAsync("/ws/a/a.wit", p => p["diagnostics"]!.AsArray().Any(d => d!["severity"]!.GetValue<int>() == 1));

        Assert.All(published["diagnostics"]!.AsArray(), d => Assert.Equal("WIT2001", d!["code"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("default", 0)]
    [InlineData("strict", 2)]
    public async Task The_lint_profile_setting_chooses_the_rule_set(string? profile, int missingDocs)
    {
        var lint = new JsonObject { ["enabled"] = true };
        if (profile is not null) lint["profile"] = profile;
        var (client, _, _) = await ServerFixture.StartAsync("""
            //- /a/a.wit
            package a:b;
            interface i { f: func(s: string); }
            """, settings: new JsonObject { ["lint"] = lint });
        await using var _client = client;

        // Every profile reports the ABI cost (WIT2003, information); only the strict one the missing docs. (The
        // settings may arrive after a first check: wait for what the profile reports.)
        string awaited = missingDocs > 0 ? "WIT2001" : "WIT2003";
        var published = await client.WaitForDiagnosticsAsync("/ws/a/a.wit", p => p["diagnostics"]!.AsArray().Any(d => d!["code"]!.GetValue<string>() == awaited));
        Assert.Contains(published["diagnostics"]!.AsArray(), d => d!["code"]!.GetValue<string>() == "WIT2003");

        var docs = published["diagnostics"]!.AsArray().Where(d => d!["code"]!.GetValue<string>() == "WIT2001").ToList();
        Assert.Equal(missingDocs, docs.Count);
        Assert.All(docs, d => Assert.Equal(2, d!["severity"]!.GetValue<int>()));
    }

    /// <summary>
    /// Issue 15: the server reads the package's <c>.witlint.json</c> (laid over the editor's settings), reports a
    /// malformed one on itself (WIT2100, at the unknown rule) instead of failing, and follows the file as the editor
    /// edits it (unsaved) and as it changes on disk; the watcher it registers covers it.
    /// </summary>
    [Fact]
    public async Task The_witlint_json_of_a_package_configures_its_lint_and_a_malformed_one_is_reported_on_itself()
    {
        var (client, _, _) = await ServerFixture.StartAsync("""
            //- /a/a.wit
            package a:b;
            interface i { f: func(); }
            //- /a/.witlint.json
            { "profile": "strict" }
            """);
        await using var _client = client;
        const string config = "/ws/a/.witlint.json";
        static bool HasMissingDocs(JsonObject p) => p["diagnostics"]!.AsArray().Any(d => d!["code"]!.GetValue<string>() == "WIT2001");

        await client.WaitForDiagnosticsAsync("/ws/a/a.wit", HasMissingDocs);

        // Edited in the editor, not saved: an unknown rule.
        string broken = "{ \"profile\": \"strict\",\n  \"rules\": { \"WIT9999\": \"off\" } }";
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri(config), ["languageId"] = "json", ["version"] = 1, ["text"] = "{ \"profile\": \"strict\" }" },
        });
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri(config), ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = broken }),
        });
        var problem = await client.WaitForDiagnosticsAsync(config, p => p["diagnostics"]!.AsArray().Count == 1);
        var diagnostic = problem["diagnostics"]![0]!;
        Assert.Equal("WIT2100", diagnostic["code"]!.GetValue<string>());
        Assert.Equal(1, diagnostic["severity"]!.GetValue<int>());
        Assert.Equal(1, diagnostic["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Equal(13, diagnostic["range"]!["start"]!["character"]!.GetValue<int>());
        Assert.StartsWith("unknown lint rule 'WIT9999'", diagnostic["message"]!.GetValue<string>(), System.StringComparison.Ordinal);
        await client.WaitForDiagnosticsAsync("/ws/a/a.wit", p => !HasMissingDocs(p));

        // Closed without saving, then the file on disk turns strict rules off: both followed, the problem cleared.
        await client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri(config) } });
        await client.WaitForDiagnosticsAsync(config, p => p["diagnostics"]!.AsArray().Count == 0);
        await client.WaitForDiagnosticsAsync("/ws/a/a.wit", HasMissingDocs);
        ((Wit.Core.Workspace.InMemoryFileSystem)client.FileSystem).Add(config, "{ \"profile\": \"default\" }");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = LspTestClient.Uri(config), ["type"] = 2 }),
        });
        await client.WaitForDiagnosticsAsync("/ws/a/a.wit", p => !HasMissingDocs(p));

        var registration = client.ServerRequests.FirstOrDefault(r => r["method"]!.GetValue<string>() == "client/registerCapability");
        Assert.Contains("**/.witlint.json", registration?.ToJsonString() ?? string.Empty, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_deleted_on_disk_gets_its_diagnostics_cleared()
    {
        var (client, _, _) = await ServerFixture.StartAsync(Workspace, NoLint);
        await using var _client = client;
        await client.WaitForDiagnosticsAsync("/ws/broken/b.wit", p => p["diagnostics"]!.AsArray().Count > 0);

        ((Wit.Core.Workspace.InMemoryFileSystem)client.FileSystem).Remove("/ws/broken/b.wit");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = LspTestClient.Uri("/ws/broken/b.wit"), ["type"] = 3 }),
        });

        var cleared = await client.WaitForDiagnosticsAsync("/ws/broken/b.wit", p => p["diagnostics"]!.AsArray().Count == 0);
        Assert.Null(cleared["version"]);
    }
}
