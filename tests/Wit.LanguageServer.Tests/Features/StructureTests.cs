using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Features;

/// <summary><c>textDocument/foldingRange</c>, <c>selectionRange</c>, <c>formatting</c> and <c>rangeFormatting</c>.</summary>
public class StructureTests
{
    [Fact]
    public async Task Folding_ranges_for_items_and_doc_comments()
    {
        var (client, _, _) = await ServerFixture.StartAsync("""
            //- /a/main.wit
            package my:app;
            /// Line one.
            /// Line two.
            interface api {
              record point {
                x: u32,
              }
            }
            """);
        await using var _client = client;

        var ranges = (await client.ResultAsync("textDocument/foldingRange", new JsonObject { ["textDocument"] = LspText.Doc("/ws/a/main.wit") }))!.AsArray();

        var actual = ranges.Select(r => (r!["startLine"]!.GetValue<int>(), r["endLine"]!.GetValue<int>(), r["kind"]!.GetValue<string>())).OrderBy(r => r.Item1).ToList();
        Assert.Contains((1, 2, "comment"), actual);
        // A region ends on the line before its closing brace, so the brace stays visible when folded.
        Assert.Contains((3, 6, "region"), actual);
        Assert.Contains((4, 5, "region"), actual);
    }

    [Fact]
    public async Task Folding_in_witx()
    {
        var (client, _, _) = await ServerFixture.StartAsync("//- /x/api.witx\n(module $m\n  (@interface func (export \"f\")\n    (param $a u32)))\n");
        await using var _client = client;

        var ranges = (await client.ResultAsync("textDocument/foldingRange", new JsonObject { ["textDocument"] = LspText.Doc("/ws/x/api.witx") }))!.AsArray();

        Assert.Contains(ranges, r => r!["startLine"]!.GetValue<int>() == 0 && r["endLine"]!.GetValue<int>() == 2);
    }

    [Fact]
    public async Task Selection_range_parents_strictly_grow_for_each_position()
    {
        var (client, files, _) = await ServerFixture.StartAsync("""
            //- /a/main.wit
            package my:app;
            interface api {
              f: func(p: list<u32>) -> u32;
              g: func(
            """);
        await using var _client = client;
        string text = files["/ws/a/main.wit"];
        var (l1, c1) = LspText.Find(text, "u32>", 0, 1);
        var (l2, c2) = LspText.Find(text, "g: func", 0, 4);

        var result = (await client.ResultAsync("textDocument/selectionRange", new JsonObject
        {
            ["textDocument"] = LspText.Doc("/ws/a/main.wit"),
            ["positions"] = new JsonArray(LspTestClient.Position(l1, c1), LspTestClient.Position(l2, c2)),
        }))!.AsArray();

        Assert.Equal(2, result.Count);
        Assert.Equal("u32", LspText.Slice(text, result[0]!["range"]!));
        foreach (var chain in result)
        {
            int depth = 0;
            var current = chain;
            (int Start, int End)? previous = null;
            while (current is not null)
            {
                var range = current["range"]!;
                var span = (Start: LspText.Offset(text, range["start"]!), End: LspText.Offset(text, range["end"]!));
                if (previous is { } inner)
                {
                    Assert.True(span.Start <= inner.Start && inner.End <= span.End && span.End - span.Start > inner.End - inner.Start,
                        $"{span} strictly contains {inner}");
                }

                previous = span;
                current = current["parent"];
                depth++;
            }

            Assert.True(depth >= 3, "the chain reaches the enclosing item and the file");
        }
    }

    [Fact]
    public async Task Formatting_edits_give_the_formatted_text()
    {
        const string text = "package a:b; interface ok {f:func( a:u32 )->u32;}\ninterface bad {  f: func(  ;\n}";
        var (client, _, _) = await ServerFixture.StartAsync("//- /a/main.wit\n" + text);
        await using var _client = client;
        string written = text + "\n";

        var edits = (await client.ResultAsync("textDocument/formatting", new JsonObject
        {
            ["textDocument"] = LspText.Doc("/ws/a/main.wit"),
            ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true },
        }))!.AsArray();

        Assert.Equal("package a:b;\n\ninterface ok {\n  f: func(a: u32) -> u32;\n}\ninterface bad {  f: func(  ;\n}\n", LspText.Apply(written, edits));
    }

    [Theory]
    [InlineData(4, true, "package a:b;\n\ninterface i {\n    f: func();\n\n    record r {\n        a: u32,\n    }\n}\n")]
    [InlineData(2, false, "package a:b;\n\ninterface i {\n\tf: func();\n\n\trecord r {\n\t\ta: u32,\n\t}\n}\n")]
    // A tab size the formatter does not take: the document's own unit (two spaces here).
    [InlineData(40, true, "package a:b;\n\ninterface i {\n  f: func();\n\n  record r {\n    a: u32,\n  }\n}\n")]
    public async Task Formatting_indents_with_the_editors_tab_size_or_tabs(int tabSize, bool insertSpaces, string expected)
    {
        const string text = "package a:b;\n\ninterface i {\n  f: func();\n\n  record r {\n    a: u32,\n  }\n}";
        var (client, _, _) = await ServerFixture.StartAsync("//- /a/main.wit\n" + text);
        await using var _client = client;

        var edits = (await client.ResultAsync("textDocument/formatting", new JsonObject
        {
            ["textDocument"] = LspText.Doc("/ws/a/main.wit"),
            ["options"] = new JsonObject { ["tabSize"] = tabSize, ["insertSpaces"] = insertSpaces },
        }))!.AsArray();

        Assert.Equal(expected, LspText.Apply(text + "\n", edits));
    }

    [Fact]
    public async Task Range_formatting_changes_only_the_member_in_range()
    {
        const string text = "package a:b;\n\ninterface i {\n  f:func( );\n  g:func( );\n}\n";
        var (client, _, _) = await ServerFixture.StartAsync("//- /a/main.wit\n" + text);
        await using var _client = client;
        string written = text + "\n";

        var edits = (await client.ResultAsync("textDocument/rangeFormatting", new JsonObject
        {
            ["textDocument"] = LspText.Doc("/ws/a/main.wit"),
            ["range"] = JsonNode.Parse(LspText.RangeOf(written, "g:func( );")),
            ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true },
        }))!.AsArray();

        Assert.Equal("package a:b;\n\ninterface i {\n  f:func( );\n  g: func();\n}\n\n", LspText.Apply(written, edits));
    }

    [Fact]
    public async Task Witx_is_not_formatted()
    {
        var (client, _, _) = await ServerFixture.StartAsync("//- /x/a.witx\n(typename   $x  u8)");
        await using var _client = client;

        var edits = await client.ResultAsync("textDocument/formatting", new JsonObject
        {
            ["textDocument"] = LspText.Doc("/ws/x/a.witx"),
            ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true },
        });

        Assert.Empty(edits!.AsArray());
    }
}
