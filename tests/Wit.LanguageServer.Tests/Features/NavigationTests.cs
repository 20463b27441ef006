using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Features;

/// <summary><c>textDocument/definition</c>, <c>declaration</c>, <c>typeDefinition</c>, <c>references</c> and <c>documentHighlight</c>.</summary>
public class NavigationTests
{
    private const string App = """
        //- /app/app.wit
        package my:app;
        interface api {
          use wasi:io/streams@0.2.0.{error, input-stream as reader};
          get: func(s: borrow<reader>) -> error;
          put: func(e: error);
        }
        //- /app/deps/io/streams.wit
        package wasi:io@0.2.0;
        interface streams {
          resource input-stream;
          record error { code: u32 }
          fail: func() -> error;
        }
        """;

    /// <summary>An expected location: a file and the <paramref name="Occurrence"/>-th <paramref name="Needle"/> in it.</summary>
    private sealed record At(string Path, string Needle, int Occurrence = 0);

    /// <summary>
    /// Sends <paramref name="method"/> at the <paramref name="cursorOccurrence"/>-th <paramref name="cursorNeedle"/> of
    /// <paramref name="path"/> (one character in) and expects exactly the locations <paramref name="expected"/>, in
    /// path and position order, as real LSP <c>Location</c>s (file URIs, ranges covering the needles).
    /// </summary>
    private static async Task Check(string fixture, string method, string path, string cursorNeedle, int cursorOccurrence, At[] expected, JsonObject? extra = null)
    {
        var (client, files, _) = await ServerFixture.StartAsync(fixture);
        await using var _client = client;
        var (line, character) = LspText.Find(files[path], cursorNeedle, cursorOccurrence, delta: 1);
        var parameters = LspTestClient.TextDocumentPosition(path, line, character);
        if (extra is not null) foreach (var (key, value) in extra) parameters[key] = value?.DeepClone();

        var result = (await client.ResultAsync(method, parameters))!.AsArray();

        var actual = result.Select(l => (Uri: l!["uri"]!.GetValue<string>(), Range: l["range"]!.ToJsonString())).ToList();
        var wanted = expected.Select(e => (Uri: LspTestClient.Uri("/ws" + e.Path), Range: LspText.RangeOf(files["/ws" + e.Path], e.Needle, e.Occurrence)))
            .OrderBy(e => e.Uri, System.StringComparer.Ordinal).ThenBy(e => LspText.Offset(files[new System.Uri(e.Uri).LocalPath], JsonNode.Parse(e.Range)!["start"]!)).ToList();
        Assert.Equal(wanted, actual);
    }

    [Fact]
    public Task Definition_of_a_used_type_is_in_the_deps_file() =>
        Check(App, "textDocument/definition", "/ws/app/app.wit", "error;", 0, new[] { new At("/app/deps/io/streams.wit", "error", 0) });

    [Fact]
    public Task Definition_of_a_renamed_use_goes_to_the_original() =>
        Check(App, "textDocument/definition", "/ws/app/app.wit", "reader>", 0, new[] { new At("/app/deps/io/streams.wit", "input-stream") });

    [Fact]
    public Task Declaration_of_a_renamed_use_is_the_alias() =>
        Check(App, "textDocument/declaration", "/ws/app/app.wit", "reader>", 0, new[] { new At("/app/app.wit", "reader", 0) });

    [Fact]
    public Task Type_definition_of_a_parameter_is_the_record_in_deps() =>
        Check(App, "textDocument/typeDefinition", "/ws/app/app.wit", "e: error", 0, new[] { new At("/app/deps/io/streams.wit", "error", 0) });

    [Fact]
    public Task Definition_in_witx_follows_use_into_another_file() => Check("""
        //- /x/api.witx
        (use "types.witx")
        (module $m
          (@interface func (export "close") (param $fd $fd)))
        //- /x/types.witx
        (typename $fd (handle))
        """, "textDocument/definition", "/ws/x/api.witx", "$fd)", 0, new[] { new At("/x/types.witx", "$fd") });

    [Fact]
    public Task Definition_in_broken_code_still_navigates() => Check("""
        //- /a/main.wit
        package my:app;
        interface api {
          record point { x: u32 }
          get: func(p: point) ->
          broken stuff here
        """, "textDocument/definition", "/ws/a/main.wit", "point)", 0, new[] { new At("/a/main.wit", "point", 0) });

    [Fact]
    public async Task Definition_of_nothing_is_an_empty_array()
    {
        var (client, _, _) = await ServerFixture.StartAsync("//- /a/main.wit\npackage my:app;\n\ninterface api {}\n");
        await using var _client = client;

        var result = await client.ResultAsync("textDocument/definition", LspTestClient.TextDocumentPosition("/ws/a/main.wit", 1, 0));

        Assert.Empty(result!.AsArray());
    }

    private static JsonObject References(bool includeDeclaration) => new() { ["context"] = new JsonObject { ["includeDeclaration"] = includeDeclaration } };

    [Fact]
    public Task References_with_the_declaration_span_deps_and_the_app() =>
        Check(App, "textDocument/references", "/ws/app/deps/io/streams.wit", "error", 0, new[]
        {
            new At("/app/app.wit", "error", 0), new At("/app/app.wit", "error", 1), new At("/app/app.wit", "error", 2),
            new At("/app/deps/io/streams.wit", "error", 0), new At("/app/deps/io/streams.wit", "error", 1),
        }, References(includeDeclaration: true));

    [Fact]
    public Task References_without_the_declaration() =>
        Check(App, "textDocument/references", "/ws/app/app.wit", "error;", 0, new[]
        {
            new At("/app/app.wit", "error", 0), new At("/app/app.wit", "error", 1), new At("/app/app.wit", "error", 2),
            new At("/app/deps/io/streams.wit", "error", 1),
        }, References(includeDeclaration: false));

    [Fact]
    public Task References_in_witx() => Check("""
        //- /x/api.witx
        (use "types.witx")
        (module $m
          (@interface func (export "close") (param $fd $fd)))
        //- /x/types.witx
        (typename $fd (handle))
        """, "textDocument/references", "/ws/x/types.witx", "$fd", 0,
        new[] { new At("/x/api.witx", "$fd)"[..3], 1), new At("/x/types.witx", "$fd") }, References(includeDeclaration: true));

    [Fact]
    public async Task Document_highlight_marks_the_declaration_write_and_uses_read()
    {
        var (client, files, _) = await ServerFixture.StartAsync("""
            //- /a/main.wit
            package my:app;
            interface api {
              record point { x: u32 }
              f: func(p: point) -> point;
            }
            """);
        await using var _client = client;
        string text = files["/ws/a/main.wit"];
        var (line, character) = LspText.Find(text, "point", 1, delta: 2);

        var result = (await client.ResultAsync("textDocument/documentHighlight", LspTestClient.TextDocumentPosition("/ws/a/main.wit", line, character)))!.AsArray();

        var actual = result.Select(h => (Range: h!["range"]!.ToJsonString(), Kind: h["kind"]!.GetValue<int>())).ToList();
        var expected = new List<(string, int)>
        {
            (LspText.RangeOf(text, "point", 0), 3), // Write: the declaration
            (LspText.RangeOf(text, "point", 1), 2), // Read
            (LspText.RangeOf(text, "point", 2), 2),
        };
        Assert.Equal(expected, actual.OrderBy(a => LspText.Offset(text, JsonNode.Parse(a.Range)!["start"]!)).ToList());
    }
}
