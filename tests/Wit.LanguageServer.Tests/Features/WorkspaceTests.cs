using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.Core.Workspace;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Features;

/// <summary>Workspace notifications: watched files, workspace folders, configuration.</summary>
public class WorkspaceTests
{
    private static async Task<string[]> SymbolNames(LspTestClient client, string query) =>
        (await client.ResultAsync("workspace/symbol", new JsonObject { ["query"] = query }))!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task A_file_created_on_disk_appears_after_the_watcher_event()
    {
        var (client, _, _) = await ServerFixture.StartAsync("//- /a/main.wit\npackage my:a;\ninterface api { f: func(); }\n");
        await using var _client = client;
        Assert.Empty(await SymbolNames(client, "zebra"));

        ((InMemoryFileSystem)client.FileSystem).Add("/ws/b/new.wit", "package my:b;\ninterface zebra { g: func() -> nope; }\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = LspTestClient.Uri("/ws/b/new.wit"), ["type"] = 1 }),
        });

        var published = await client.WaitForDiagnosticsAsync("/ws/b/new.wit", p => p["diagnostics"]!.AsArray().Any(d => d!["code"]!.GetValue<string>() == "WIT1001"));
        Assert.Contains("zebra", await SymbolNames(client, "zebra"));
        Assert.Contains(published["diagnostics"]!.AsArray(), d => d!["code"]!.GetValue<string>() == "WIT1001");
    }

    [Fact]
    public async Task Workspace_folders_added_and_removed()
    {
        var disk = new InMemoryFileSystem();
        disk.Add("/w1/one.wit", "package my:one;\ninterface alpha-iface {}\n");
        disk.Add("/w2/two.wit", "package my:two;\ninterface beta-iface {}\n");
        var client = await LspTestClient.StartAsync(disk, new[] { "/w1" });
        await using var _client = client;
        Assert.Equal(new[] { "alpha-iface" }, await SymbolNames(client, "iface"));

        await client.NotifyAsync("workspace/didChangeWorkspaceFolders", new JsonObject
        {
            ["event"] = new JsonObject
            {
                ["added"] = new JsonArray(new JsonObject { ["uri"] = LspTestClient.Uri("/w2"), ["name"] = "w2" }),
                ["removed"] = new JsonArray(new JsonObject { ["uri"] = LspTestClient.Uri("/w1"), ["name"] = "w1" }),
            },
        });

        Assert.Equal(new[] { "beta-iface" }, await SymbolNames(client, "iface"));
    }

    [Fact]
    public async Task Pushed_settings_that_turn_lint_off_clear_the_lint_warnings()
    {
        // WIT2003 (an ABI cost, information) is reported in the default profile.
        var (client, _, _) = await ServerFixture.StartAsync("//- /a/main.wit\npackage my:a;\ninterface api { f: func(s: string); }\n");
        await using var _client = client;
        await client.WaitForDiagnosticsAsync("/ws/a/main.wit", p => p["diagnostics"]!.AsArray().Any(d => d!["code"]!.GetValue<string>() == "WIT2003"));

        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject
        {
            ["settings"] = new JsonObject { ["wit"] = new JsonObject { ["lint"] = new JsonObject { ["enabled"] = false } } },
        });

        var cleared = await client.WaitForDiagnosticsAsync("/ws/a/main.wit", p => p["diagnostics"]!.AsArray().Count == 0);
        Assert.Empty(cleared["diagnostics"]!.AsArray());
    }

    [Fact]
    public async Task Pushed_settings_turn_inlay_hints_and_code_lenses_off()
    {
        var (client, _, _) = await ServerFixture.StartAsync("//- /a/main.wit\npackage my:a;\ninterface api { record r { a: u32 } }\n");
        await using var _client = client;
        var doc = new JsonObject { ["textDocument"] = LspText.Doc("/ws/a/main.wit"), ["range"] = LspTestClient.Range(0, 0, 3, 0) };
        Assert.NotEmpty((await client.ResultAsync("textDocument/inlayHint", doc.DeepClone()))!.AsArray());

        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject
        {
            ["settings"] = new JsonObject { ["wit"] = new JsonObject { ["inlayHints"] = new JsonObject { ["enabled"] = false }, ["codeLens"] = new JsonObject { ["enabled"] = false } } },
        });

        Assert.Empty((await client.ResultAsync("textDocument/inlayHint", doc.DeepClone()))!.AsArray());
        Assert.Empty((await client.ResultAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = LspText.Doc("/ws/a/main.wit") }))!.AsArray());
    }
}
