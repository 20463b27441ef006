using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Features;

/// <summary><c>textDocument/documentSymbol</c> (a tree) and <c>workspace/symbol</c>.</summary>
public class SymbolTests
{
    /// <summary>The tree as indented <c>kind name</c> lines; each selection range must cover the name, inside the range.</summary>
    private static async Task CheckTree(string fixture, string path, string expected)
    {
        var (client, files, _) = await ServerFixture.StartAsync(fixture);
        await using var _client = client;
        string text = files[path];

        var roots = (await client.ResultAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = LspText.Doc(path) }))!.AsArray();

        var lines = new StringBuilder();
        var stack = new Stack<(JsonNode Symbol, int Depth)>(roots.Reverse().Select(r => (r!, 0)));
        while (stack.Count > 0)
        {
            var (symbol, depth) = stack.Pop();
            string name = symbol["name"]!.GetValue<string>();
            lines.Append(' ', depth * 2).Append(symbol["kind"]!.GetValue<int>()).Append(' ').Append(name).Append('\n');
            int start = LspText.Offset(text, symbol["range"]!["start"]!), end = LspText.Offset(text, symbol["range"]!["end"]!);
            int selectionStart = LspText.Offset(text, symbol["selectionRange"]!["start"]!), selectionEnd = LspText.Offset(text, symbol["selectionRange"]!["end"]!);
            Assert.True(start <= selectionStart && selectionEnd <= end, $"selection range of {name} is inside its range");
            if (symbol["children"] is JsonArray children) foreach (var child in children.Reverse()) stack.Push((child!, depth + 1));
        }

        Assert.Equal(expected.Replace("\r\n", "\n").TrimEnd(), lines.ToString().TrimEnd());
    }

    [Fact]
    public Task Wit_tree_with_children_and_kinds() => CheckTree("""
        //- /a/main.wit
        package my:app;
        interface api {
          record point { x: u32, y: u32 }
          enum color { red, green }
          resource file {
            read: func(len: u64) -> list<u8>;
          }
          f: func(p: point);
        }
        world w {
          import api;
        }
        """, "/ws/a/main.wit", """
        4 my:app
        11 api
          23 point
            8 x
            8 y
          10 color
            22 red
            22 green
          5 file
            6 read
          12 f
        2 w
          3 api
        """);

    [Fact]
    public Task Witx_tree_has_typenames_and_modules() => CheckTree("""
        //- /x/api.witx
        (typename $fd u32)
        (module $m
          (@interface func (export "close") (param $fd $fd)))
        """, "/ws/x/api.witx", """
        26 $fd
        2 $m
          12 close
        """);

    [Fact]
    public Task Broken_code_keeps_the_symbols_it_can_read() => CheckTree("""
        //- /a/main.wit
        package my:app;
        interface api {
          record point { x: u32,
          f: func(p:
        """, "/ws/a/main.wit", """
        4 my:app
        11 api
          23 point
            8 x
            8 f
        """);

    [Fact]
    public async Task Workspace_symbol_finds_declarations_in_every_root_and_deps()
    {
        var (client, files, _) = await ServerFixture.StartAsync("""
            //- /app/app.wit
            package my:app;
            interface api {
              use my:dep/types.{point-id};
              f: func(p: point-id);
            }
            //- /app/deps/dep/types.wit
            package my:dep;
            interface types { type point-id = u64; }
            //- /other/o.wit
            package my:other;
            interface o { record pointer { x: u32 } }
            """);
        await using var _client = client;

        var symbols = (await client.ResultAsync("workspace/symbol", new JsonObject { ["query"] = "poi" }))!.AsArray();

        var found = symbols.Select(s => (Name: s!["name"]!.GetValue<string>(), Uri: s["location"]!["uri"]!.GetValue<string>(), Container: s["containerName"]?.GetValue<string>())).ToList();
        Assert.Contains(("point-id", LspTestClient.Uri("/ws/app/deps/dep/types.wit"), "my:dep/types"), found);
        Assert.Contains(("pointer", LspTestClient.Uri("/ws/other/o.wit"), "my:other/o"), found);
        // The local name the `use` creates is not a second declaration.
        Assert.Single(found, f => f.Name == "point-id");
        var pointId = symbols.First(s => s!["name"]!.GetValue<string>() == "point-id")!;
        Assert.Equal(26, pointId["kind"]!.GetValue<int>());
        Assert.Equal(LspText.RangeOf(files["/ws/app/deps/dep/types.wit"], "point-id"), pointId["location"]!["range"]!.ToJsonString());
    }
}
