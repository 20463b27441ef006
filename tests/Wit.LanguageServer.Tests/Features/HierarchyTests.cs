using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Features;

/// <summary>Type hierarchy and call hierarchy: prepare, then follow-up requests with the items (and their <c>data</c>) as received.</summary>
public class HierarchyTests
{
    private const string Types = """
        //- /a/main.wit
        package my:app;
        interface api {
          enum color { red }
          record pixel { c: color, alpha: u8 }
          type image = list<pixel>;
          variant shape { dot(tuple<pixel, color>), none }
          draw: func(i: image, p: option<pixel>) -> result<_, color>;
        }
        """;

    private static async Task<(LspTestClient Client, string Text, JsonObject Item)> Prepare(string fixture, string method, string path, string needle)
    {
        var (client, files, _) = await ServerFixture.StartAsync(fixture);
        var (line, character) = LspText.Find(files[path], needle, 0, delta: 1);
        var prepared = (await client.ResultAsync(method, LspTestClient.TextDocumentPosition(path, line, character)))!.AsArray();
        var item = Assert.Single(prepared)!.AsObject();
        return (client, files[path], item);
    }

    private static string[] Names(JsonNode? items, string? inner = null) =>
        items!.AsArray().Select(i => (inner is null ? i : i![inner])!["name"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Prepare_type_hierarchy_gives_the_declaration_range_selection_and_kind()
    {
        var (client, text, item) = await Prepare(Types, "textDocument/prepareTypeHierarchy", "/ws/a/main.wit", "pixel");
        await using var _client = client;

        Assert.Equal("pixel", item["name"]!.GetValue<string>());
        Assert.Equal(23, item["kind"]!.GetValue<int>()); // Struct
        Assert.Equal("my:app/api", item["detail"]!.GetValue<string>());
        Assert.Equal(LspTestClient.Uri("/ws/a/main.wit"), item["uri"]!.GetValue<string>());
        Assert.Equal("record pixel { c: color, alpha: u8 }", LspText.Slice(text, item["range"]!));
        Assert.Equal("pixel", LspText.Slice(text, item["selectionRange"]!));
        Assert.NotNull(item["data"]);
    }

    [Fact]
    public async Task Supertypes_and_subtypes_round_trip_the_item()
    {
        var (client, _, item) = await Prepare(Types, "textDocument/prepareTypeHierarchy", "/ws/a/main.wit", "pixel");
        await using var _client = client;

        var supertypes = await client.ResultAsync("typeHierarchy/supertypes", new JsonObject { ["item"] = item.DeepClone() });
        var subtypes = await client.ResultAsync("typeHierarchy/subtypes", new JsonObject { ["item"] = item.DeepClone() });

        Assert.Equal(new[] { "color" }, Names(supertypes));
        Assert.Equal(new[] { "image", "shape" }, Names(subtypes));
        // A returned item works as the start of the next request too.
        var further = await client.ResultAsync("typeHierarchy/subtypes", new JsonObject { ["item"] = supertypes![0]!.DeepClone() });
        Assert.Equal(new[] { "pixel", "shape" }, Names(further));
    }

    [Fact]
    public async Task Subtypes_across_packages_into_deps()
    {
        var (client, _, item) = await Prepare("""
            //- /app/app.wit
            package my:app;
            interface api {
              use my:dep/types.{id};
              record entry { key: id }
            }
            //- /app/deps/dep/types.wit
            package my:dep;
            interface types { type id = u64; }
            """, "textDocument/prepareTypeHierarchy", "/ws/app/deps/dep/types.wit", "id =");
        await using var _client = client;

        var subtypes = (await client.ResultAsync("typeHierarchy/subtypes", new JsonObject { ["item"] = item.DeepClone() }))!.AsArray();

        Assert.Equal(new[] { "entry" }, Names(subtypes));
        Assert.Equal(LspTestClient.Uri("/ws/app/app.wit"), subtypes[0]!["uri"]!.GetValue<string>());
    }

    [Fact]
    public async Task Incoming_calls_name_the_mentions()
    {
        var (client, text, item) = await Prepare(Types, "textDocument/prepareCallHierarchy", "/ws/a/main.wit", "color {");
        await using var _client = client;

        var incoming = (await client.ResultAsync("callHierarchy/incomingCalls", new JsonObject { ["item"] = item.DeepClone() }))!.AsArray();

        Assert.Equal(new[] { "pixel", "shape", "draw" }, Names(incoming, "from"));
        Assert.All(incoming, call => Assert.All(call!["fromRanges"]!.AsArray(), r => Assert.Equal("color", LspText.Slice(text, r!))));
        Assert.Equal(LspText.RangeOf(text, "color", 1), incoming[0]!["fromRanges"]![0]!.ToJsonString());
    }

    [Fact]
    public async Task Outgoing_calls_are_the_types_of_a_signature()
    {
        var (client, text, item) = await Prepare(Types, "textDocument/prepareCallHierarchy", "/ws/a/main.wit", "draw");
        await using var _client = client;

        Assert.Equal(12, item["kind"]!.GetValue<int>()); // Function
        var outgoing = (await client.ResultAsync("callHierarchy/outgoingCalls", new JsonObject { ["item"] = item.DeepClone() }))!.AsArray();

        Assert.Equal(new[] { "image", "pixel", "color" }, Names(outgoing, "to"));
        Assert.Equal(LspText.RangeOf(text, "image", 1), outgoing[0]!["fromRanges"]![0]!.ToJsonString());
    }

    [Fact]
    public async Task A_follow_up_with_unknown_data_is_null_not_an_error()
    {
        var (client, _, item) = await Prepare(Types, "textDocument/prepareTypeHierarchy", "/ws/a/main.wit", "pixel");
        await using var _client = client;
        item["data"] = new JsonObject { ["nonsense"] = 1 };

        var response = await client.RequestAsync("typeHierarchy/supertypes", new JsonObject { ["item"] = item.DeepClone() });

        Assert.Null(response["error"]);
        Assert.Null(response["result"]);
    }
}
