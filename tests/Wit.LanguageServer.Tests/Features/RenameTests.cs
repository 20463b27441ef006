using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Features;

/// <summary><c>textDocument/prepareRename</c> and <c>textDocument/rename</c>.</summary>
public class RenameTests
{
    private const string Files = """
        //- /app/app.wit
        package my:app;
        interface api {
          use my:dep/types.{point};
          get: func(p: point) -> point;
        }
        //- /app/deps/dep/types.wit
        package my:dep;
        interface types {
          record point { x: u32 }
          origin: func() -> point;
        }
        """;

    [Fact]
    public async Task Prepare_gives_the_name_range_and_the_plain_placeholder()
    {
        var (client, files, cursor) = await ServerFixture.StartAsync("//- /a/main.wit\npackage my:app;\ninterface api { record %ty$0pe { x: u32 } }\n");
        await using var _client = client;
        var (path, line, character) = cursor!.Value;

        var prepared = await client.ResultAsync("textDocument/prepareRename", LspTestClient.TextDocumentPosition(path, line, character));

        Assert.Equal("%type", LspText.Slice(files[path], prepared!["range"]!));
        Assert.Equal("type", prepared["placeholder"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("//- /a/main.wit\npackage my:app;\nrec$0ord x { }\n", "keyword")]
    [InlineData("//- /a/main.wit\npackage my:app;\ninterface api { f: func() -> u3$02; }\n", "primitive")]
    [InlineData("//- /a/main.wit\npackage my:a$0pp;\ninterface api { }\n", "package")]
    public async Task Prepare_refuses_with_an_error_response(string fixture, string reason)
    {
        var (client, _, cursor) = await ServerFixture.StartAsync(fixture);
        await using var _client = client;
        var (path, line, character) = cursor!.Value;

        var response = await client.RequestAsync("textDocument/prepareRename", LspTestClient.TextDocumentPosition(path, line, character));

        Assert.Null(response["result"]);
        Assert.Equal(-32803, response["error"]!["code"]!.GetValue<int>());
        Assert.Contains(reason, response["error"]!["message"]!.GetValue<string>(), System.StringComparison.Ordinal);
    }

    private static async Task<JsonObject> Rename(string fixture, string path, string needle, int occurrence, string newName, System.Collections.Generic.Dictionary<string, string>? filesOut = null)
    {
        var (client, files, _) = await ServerFixture.StartAsync(fixture);
        await using var _client = client;
        var (line, character) = LspText.Find(files[path], needle, occurrence, delta: 1);
        var parameters = LspTestClient.TextDocumentPosition(path, line, character);
        parameters["newName"] = newName;
        var response = await client.RequestAsync("textDocument/rename", parameters);
        if (filesOut is not null) foreach (var (k, v) in files) filesOut[k] = v;
        return response;
    }

    [Fact]
    public async Task Rename_from_the_app_edits_the_deps_file_too_and_applies_cleanly()
    {
        var files = new System.Collections.Generic.Dictionary<string, string>();
        var response = await Rename(Files, "/ws/app/app.wit", "point)", 0, "spot", files);

        var edit = response["result"]!;
        Assert.Equal(
            new[] { LspTestClient.Uri("/ws/app/app.wit"), LspTestClient.Uri("/ws/app/deps/dep/types.wit") },
            edit["changes"]!.AsObject().Select(p => p.Key).OrderBy(k => k, System.StringComparer.Ordinal));
        var applied = LspText.Apply(files, edit);
        Assert.Equal("""
            package my:app;
            interface api {
              use my:dep/types.{spot};
              get: func(p: spot) -> spot;
            }

            """, applied["/ws/app/app.wit"]);
        Assert.Equal("""
            package my:dep;
            interface types {
              record spot { x: u32 }
              origin: func() -> spot;
            }

            """, applied["/ws/app/deps/dep/types.wit"]);
    }

    [Fact]
    public async Task Rename_to_a_keyword_escapes_it()
    {
        var files = new System.Collections.Generic.Dictionary<string, string>();
        var response = await Rename("//- /a/main.wit\npackage my:app;\ninterface api {\n  record point { x: u32 }\n  f: func(p: point);\n}\n", "/ws/a/main.wit", "point", 0, "record", files);

        var applied = LspText.Apply(files, response["result"]!);
        Assert.Equal("package my:app;\ninterface api {\n  record %record { x: u32 }\n  f: func(p: %record);\n}\n\n", applied["/ws/a/main.wit"]);
    }

    [Fact]
    public async Task Rename_to_a_name_in_scope_is_refused()
    {
        var response = await Rename("//- /a/main.wit\npackage my:app;\ninterface api {\n  record point { x: u32 }\n  record other { y: u32 }\n}\n", "/ws/a/main.wit", "point", 0, "other");

        Assert.Equal(-32803, response["error"]!["code"]!.GetValue<int>());
        Assert.Contains("already defined", response["error"]!["message"]!.GetValue<string>(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rename_in_broken_code_renames_what_resolves()
    {
        var files = new System.Collections.Generic.Dictionary<string, string>();
        var response = await Rename("//- /a/main.wit\npackage my:app;\ninterface api {\n  record point { x: u32 }\n  f: func(p: point) -> point;\n  g: func(q: point, r: ", "/ws/a/main.wit", "point", 0, "spot", files);

        var applied = LspText.Apply(files, response["result"]!);
        Assert.Equal("package my:app;\ninterface api {\n  record spot { x: u32 }\n  f: func(p: spot) -> spot;\n  g: func(q: spot, r: \n", applied["/ws/a/main.wit"]);
    }
}
