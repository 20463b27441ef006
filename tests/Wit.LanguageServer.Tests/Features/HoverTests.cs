using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Features;

public class HoverTests
{
    /// <summary>
    /// Hovers at <c>$0</c> over real JSON-RPC; the range must cover exactly <paramref name="word"/> around the cursor
    /// and the Markdown must contain each fragment, in order.
    /// </summary>
    private static async Task<string> Check(string fixture, string word, params string[] fragments)
    {
        var (client, files, cursor) = await ServerFixture.StartAsync(fixture);
        await using var _client = client;
        var (path, line, character) = cursor!.Value;

        var hover = await client.ResultAsync("textDocument/hover", LspTestClient.TextDocumentPosition(path, line, character));

        Assert.NotNull(hover);
        Assert.Equal("markdown", hover!["contents"]!["kind"]!.GetValue<string>());
        string markdown = hover["contents"]!["value"]!.GetValue<string>();
        var range = hover["range"]!;
        Assert.Equal(word, LspText.Slice(files[path], range));
        int cursorOffset = LspText.Offset(files[path], line, character);
        Assert.InRange(cursorOffset, LspText.Offset(files[path], range["start"]!), LspText.Offset(files[path], range["end"]!));
        int at = 0;
        foreach (var fragment in fragments)
        {
            int found = markdown.IndexOf(fragment, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"expected `{fragment}` after position {at} in:\n{markdown}");
            at = found + fragment.Length;
        }

        return markdown;
    }

    [Fact]
    public Task Record_shows_signature_docs_and_abi_table() => Check("""
        //- /a/main.wit
        package my:pkg;
        interface shapes {
          /// A mixed record.
          record mi$0xed { a: u8, b: u32, c: u16 }
        }
        """,
        "mixed",
        "```wit\nrecord mixed { a: u8, b: u32, c: u16 }\n```",
        "A mixed record.",
        "| memory32 | 12 | 4 |",
        "| a | `u8` | 0 | 1 |",
        "| b | `u32` | 4 | 4 |",
        "| c | `u16` | 8 | 2 |");

    [Fact]
    public Task Function_shows_its_core_signature() => Check("""
        //- /a/main.wit
        package my:pkg;
        interface api {
          /// Echoes.
          ec$0ho: func(a: string) -> u32;
        }
        """,
        "echo",
        "```wit\necho: func(a: string) -> u32\n```",
        "Echoes.",
        "| core signature |");

    [Fact]
    public Task Used_type_from_deps_shows_the_dependency_docs() => Check("""
        //- /app/app.wit
        package my:app;
        interface api {
          use my:dep/types.{id};
          get: func(x: i$0d) -> id;
        }
        //- /app/deps/dep/types.wit
        package my:dep;
        interface types {
          /// An identifier.
          type id = u64;
        }
        """,
        "id",
        "type id = u64",
        "in `my:dep/types`",
        "An identifier.",
        "| memory32 | 8 | 8 |");

    [Fact]
    public Task Witx_typename_shows_docs_and_layout() => Check("""
        //- /x/api.witx
        ;;; A point in a file.
        (typename $pos
          (record
            (field $flag u8)
            (field $size u64)))
        (module $api
          (@interface func (export "seek")
            (param $p $p$0os)))
        """,
        "$pos",
        "```witx\n(typename $pos",
        "A point in a file.",
        "| 16 | 8 |",
        "| flag | `u8` | 0 | 1 |");

    [Fact]
    public Task Broken_code_still_hovers_what_resolves() => Check("""
        //- /a/main.wit
        package my:pkg;
        interface i {
          record po$0int { x: u32 }
          f: func(p: point, q: nope
          record r { a: , b: list<
        }
        """,
        "point",
        "record point { x: u32 }",
        "| memory32 | 4 | 4 |");

    [Fact]
    public async Task Nothing_to_hover_is_a_null_result()
    {
        var (client, _, cursor) = await ServerFixture.StartAsync("//- /a/main.wit\npackage my:pkg;\n$0\ninterface i {}\n");
        await using var _client = client;
        var response = await client.RequestAsync("textDocument/hover", LspTestClient.TextDocumentPosition(cursor!.Value.Path, cursor.Value.Line, cursor.Value.Character));

        Assert.Null(response["error"]);
        Assert.True(response.ContainsKey("result"));
        Assert.Null(response["result"]);
    }
}
