using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Features;

/// <summary>The custom requests <c>wit/witxPreview</c> and <c>wit/abiLayout</c>.</summary>
public class PreviewTests
{
    private const string Fixture = """
        //- /a/main.wit
        package my:pkg@1.0.0;
        interface store {
          record entry { flag: u8, size: u64 }
          get: func(key: string) -> entry;
        }
        """;

    private static JsonObject At(string path, int line, int character) => new() { ["textDocument"] = LspText.Doc(path), ["position"] = LspTestClient.Position(line, character) };

    [Fact]
    public async Task Witx_preview_of_the_interface_at_a_position()
    {
        var (client, files, _) = await ServerFixture.StartAsync(Fixture);
        await using var _client = client;
        var (line, character) = LspText.Find(files["/ws/a/main.wit"], "get:", 0, 1);

        var preview = await client.ResultAsync("wit/witxPreview", At("/ws/a/main.wit", line, character));

        Assert.Equal("my:pkg/store@1.0.0", preview!["name"]!.GetValue<string>());
        Assert.Equal("interface", preview["kind"]!.GetValue<string>());
        string witx = preview["witx"]!.GetValue<string>();
        Assert.Contains("(module", witx, System.StringComparison.Ordinal);
        Assert.Contains("(export \"get\")", witx, System.StringComparison.Ordinal);
        Assert.NotNull(preview["warnings"]);
        // The function under the cursor, for the pane to scroll to.
        Assert.Equal("function", preview["focus"]!["kind"]!.GetValue<string>());
        Assert.Equal("get", preview["focus"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Witx_preview_by_name_and_null_when_nothing_fits()
    {
        var (client, _, _) = await ServerFixture.StartAsync(Fixture);
        await using var _client = client;

        var named = await client.ResultAsync("wit/witxPreview", new JsonObject { ["textDocument"] = LspText.Doc("/ws/a/main.wit"), ["name"] = "my:pkg/store@1.0.0" });
        var none = await client.RequestAsync("wit/witxPreview", new JsonObject { ["textDocument"] = LspText.Doc("/ws/a/main.wit"), ["name"] = "no:such/thing" });

        Assert.Contains("(module", named!["witx"]!.GetValue<string>(), System.StringComparison.Ordinal);
        Assert.Null(none["error"]);
        Assert.Null(none["result"]);
    }

    [Fact]
    public async Task Abi_layout_rows_carry_offsets_sizes_and_alignments()
    {
        var (client, files, _) = await ServerFixture.StartAsync(Fixture);
        await using var _client = client;
        var (line, character) = LspText.Find(files["/ws/a/main.wit"], "entry", 0, 1);

        var layout = await client.ResultAsync("wit/abiLayout", At("/ws/a/main.wit", line, character));

        Assert.Equal("entry", layout!["name"]!.GetValue<string>().Split('.', '/').Last());
        var rows = layout["rows"]!.AsArray();
        var flag = rows.Single(r => r!["name"]!.GetValue<string>() == "flag")!;
        var size = rows.Single(r => r!["name"]!.GetValue<string>() == "size")!;
        Assert.Equal(0, flag["offset"]!.GetValue<long>());
        Assert.Equal(1, flag["size"]!.GetValue<long>());
        Assert.Equal(8, size["offset"]!.GetValue<long>());
        Assert.Equal(8, size["alignment"]!.GetValue<int>());
        Assert.Contains("| 16 |", layout["markdown"]!.GetValue<string>(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abi_layout_on_broken_code_does_not_fail()
    {
        var (client, files, _) = await ServerFixture.StartAsync("//- /a/main.wit\npackage my:pkg;\ninterface i {\n  record r { a: u32, b: \n  f: func(x: r\n");
        await using var _client = client;
        var text = files["/ws/a/main.wit"];

        for (int offset = 0; offset <= text.Length; offset += 3)
        {
            var (line, character) = LspText.Position(text, offset);
            var response = await client.RequestAsync("wit/abiLayout", At("/ws/a/main.wit", line, character));
            Assert.Null(response["error"]);
        }
    }
}
