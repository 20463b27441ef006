using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Features;

/// <summary><c>textDocument/completion</c> and <c>textDocument/signatureHelp</c>.</summary>
public class CompletionTests
{
    /// <summary>
    /// Completes at <c>$0</c>; every expected label must be offered (and no unexpected one), and every item's textEdit
    /// must replace exactly <paramref name="replaced"/> (the word being typed around the cursor).
    /// </summary>
    private static async Task<JsonArray> Check(string fixture, string replaced, string[] expected, string[]? unexpected = null)
    {
        var (client, files, cursor) = await ServerFixture.StartAsync(fixture);
        await using var _client = client;
        var (path, line, character) = cursor!.Value;

        var list = await client.ResultAsync("textDocument/completion", LspTestClient.TextDocumentPosition(path, line, character));

        var items = list!["items"]!.AsArray();
        var labels = items.Select(i => i!["label"]!.GetValue<string>()).ToList();
        foreach (var label in expected) Assert.Contains(label, labels);
        foreach (var label in unexpected ?? []) Assert.DoesNotContain(label, labels);
        int cursorOffset = LspText.Offset(files[path], line, character);
        foreach (var item in items)
        {
            var range = item!["textEdit"]!["range"]!;
            Assert.Equal(replaced, LspText.Slice(files[path], range));
            Assert.InRange(cursorOffset, LspText.Offset(files[path], range["start"]!), LspText.Offset(files[path], range["end"]!));
        }

        return items;
    }

    private static JsonNode Item(JsonArray items, string label) => items.First(i => i!["label"]!.GetValue<string>() == label)!;

    [Fact]
    public async Task Types_in_a_function_signature_replace_the_partial_word()
    {
        var items = await Check("""
            //- /a/main.wit
            package my:pkg;
            interface i {
              /// A point.
              record point { x: u32 }
              f: func(p: po$0);
            }
            """, "po", new[] { "point", "u32", "string", "list" }, new[] { "interface", "world" });

        var point = Item(items, "point");
        Assert.Equal(22, point["kind"]!.GetValue<int>()); // Struct
        Assert.Equal("point", point["textEdit"]!["newText"]!.GetValue<string>());
        Assert.Contains("A point.", point["documentation"]!["value"]!.GetValue<string>(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Use_of_a_dependency_offers_its_types()
    {
        var items = await Check("""
            //- /app/app.wit
            package my:app;
            interface api {
              use my:dep/types.{$0};
            }
            //- /app/deps/dep/types.wit
            package my:dep;
            interface types {
              type id = u64;
              record entry { k: id }
            }
            """, string.Empty, new[] { "id", "entry" }, new[] { "u32" });
        Assert.Equal(22, Item(items, "entry")["kind"]!.GetValue<int>());
    }

    [Fact]
    public async Task Witx_offers_typenames_after_a_dollar()
    {
        var items = await Check("""
            //- /x/api.witx
            (typename $fd u32)
            (typename $size u64)
            (module $m (@interface func (export "f") (param $a $f$0)))
            """, "$f", new[] { "$fd", "$size" }, new[] { "typename" });
        Assert.Equal("$fd", Item(items, "$fd")["textEdit"]!["newText"]!.GetValue<string>());
    }

    [Fact]
    public Task Broken_code_still_completes() => Check("""
        //- /a/main.wit
        package my:pkg;
        interface i {
          record point { x: u32 }
          f: func(p: poi$0
          g: func(
        """, "poi", new[] { "point" });

    private static async Task<JsonNode?> Help(string fixture)
    {
        var (client, _, cursor) = await ServerFixture.StartAsync(fixture);
        await using var _client = client;
        var (path, line, character) = cursor!.Value;
        return await client.ResultAsync("textDocument/signatureHelp", LspTestClient.TextDocumentPosition(path, line, character));
    }

    [Theory]
    [InlineData("f: func() -> result<u32, $0>;", "result<T, E>", 1, "E")]
    [InlineData("f: func() -> result<$0", "result<T, E>", 0, "T")]
    [InlineData("f: func() -> list<u8, $0", "list<T, N>", 1, "N")]
    [InlineData("@since(vers$0\nf: func();", "@since(version = <semver>)", 0, "version = <semver>")]
    public async Task Signature_help_reports_the_active_parameter(string member, string label, int active, string parameter)
    {
        var help = await Help("//- /a/main.wit\npackage my:pkg;\ninterface i {\n  " + member + "\n}\n");

        Assert.NotNull(help);
        var signature = help!["signatures"]![help["activeSignature"]!.GetValue<int>()]!;
        Assert.Equal(label, signature["label"]!.GetValue<string>());
        Assert.Equal(active, help["activeParameter"]!.GetValue<int>());
        Assert.Equal(parameter, signature["parameters"]![active]!["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task Signature_help_outside_an_argument_list_is_null() =>
        Assert.Null(await Help("//- /a/main.wit\npackage my:pkg;\ninterface i {\n  f: func($0);\n}\n"));
}
