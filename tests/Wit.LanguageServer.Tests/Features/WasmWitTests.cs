using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.Core.Workspace;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Features;

/// <summary>
/// <c>wit/wasmWit</c>: a <c>.wasm</c> file's WIT and instance tree, and that WIT opened as the extension opens it (a
/// <c>wit-wasm:</c> document) gets hover and go-to-definition.
/// </summary>
public class WasmWitTests
{
    private static readonly string SimpleUse = File.ReadAllText(RepoPaths.Corpus("wit-print", "simple-use.wat"));

    private static async Task<LspTestClient> StartAsync(params (string Path, byte[] Bytes)[] files)
    {
        var disk = new InMemoryFileSystem().Add("/ws/readme.wit", "package a:b;\n");
        foreach (var (path, bytes) in files) disk.AddBytes(path, bytes);
        return await LspTestClient.StartAsync(disk, new[] { "/ws" });
    }

    private static JsonObject Params(string path) => new() { ["uri"] = LspTestClient.Uri(path) };

    [Fact]
    public async Task An_encoded_package_reads_as_wit_with_hover_and_definition()
    {
        await using var client = await StartAsync(("/ws/p.wasm", ComponentText.Parse(SimpleUse)));

        var result = await client.ResultAsync("wit/wasmWit", Params("/ws/p.wasm"));

        Assert.Equal("package", result!["kind"]!.GetValue<string>());
        string wit = result["wit"]!.GetValue<string>();
        Assert.Equal(
            "package foo:foo;\n\ninterface types {\n  enum level {\n    info,\n    debug,\n  }\n}\n\n" +
            "interface console {\n  use types.{level};\n  log: func(level: level, msg: string);\n}\n",
            wit);
        Assert.Contains("component: 0 core modules", result["instances"]!.GetValue<string>(), System.StringComparison.Ordinal);

        // The extension opens the text under its own scheme, as an unsaved WIT buffer is.
        const string Uri = "wit-wasm:/ws/p.wasm.wit";
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["languageId"] = "wit", ["version"] = 1, ["text"] = wit },
        });
        var (line, character) = LspText.Find(wit, "level: level", 0, "level: ".Length + 1);
        var at = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri }, ["position"] = LspTestClient.Position(line, character) };

        var hover = await client.ResultAsync("textDocument/hover", at);
        Assert.Contains("enum level", hover!["contents"]!["value"]!.GetValue<string>(), System.StringComparison.Ordinal);

        var definition = await client.ResultAsync("textDocument/definition", at.DeepClone());
        var target = definition is JsonArray array ? array.Single()! : definition!;
        Assert.Equal(Uri, target["uri"]!.GetValue<string>());
        Assert.Equal("level", LspText.Slice(wit, target["range"]!));
    }

    [Fact]
    public async Task A_component_reads_as_its_root_world()
    {
        await using var client = await StartAsync(("/ws/c.wasm", ComponentText.Parse("(component (import \"log\" (func (param \"msg\" string))))")));

        var result = await client.ResultAsync("wit/wasmWit", Params("/ws/c.wasm"));

        Assert.Equal("component", result!["kind"]!.GetValue<string>());
        Assert.Equal("package root:component;\n\nworld root {\n  import log: func(msg: string);\n}\n", result["wit"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_wasm_views_open_at_once_are_two_packages()
    {
        // VS Code keeps a closed view's document open for a while, so the WIT of two .wasm files of one folder is often
        // open at once. Each is a package of its own: not one package declared twice (WIT1004), not the first's name.
        await using var client = await StartAsync();
        const string Package = "package foo:foo;\n\ninterface types {\n  enum level {\n    info,\n  }\n}\n";
        const string Component = "package root:component;\n\nworld root {\n  import log: func(msg: string);\n}\n";
        const string PackageUri = "wit-wasm:/ws/p.wasm.wit", ComponentUri = "wit-wasm:/ws/c.wasm.wit";
        foreach (var (uri, text) in new[] { (ComponentUri, Component), (PackageUri, Package) })
        {
            await client.NotifyAsync("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "wit", ["version"] = 1, ["text"] = text },
            });
        }

        JsonObject At(string uri, string text, string find)
        {
            var (line, character) = LspText.Find(text, find, 0, 1);
            return new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["position"] = LspTestClient.Position(line, character) };
        }
        var level = await client.ResultAsync("textDocument/hover", At(PackageUri, Package, "level"));
        var log = await client.ResultAsync("textDocument/hover", At(ComponentUri, Component, "log"));

        Assert.Contains("in `foo:foo/types`", level!["contents"]!["value"]!.GetValue<string>(), System.StringComparison.Ordinal);
        Assert.Contains("root:component", log!["contents"]!["value"]!.GetValue<string>(), System.StringComparison.Ordinal);
        foreach (string uri in new[] { PackageUri, ComponentUri })
        {
            var published = await client.WaitForDiagnosticsAsync(uri, _ => true);
            Assert.DoesNotContain("WIT1004", published.ToJsonString(), System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bad_files_give_an_error_not_a_failure()
    {
        await using var client = await StartAsync(
            ("/ws/m.wasm", new byte[] { 0, 0x61, 0x73, 0x6d, 1, 0, 0, 0 }),
            ("/ws/cut.wasm", new byte[] { 0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0, 0x07, 0x10 }));

        var module = await client.ResultAsync("wit/wasmWit", Params("/ws/m.wasm"));
        var cut = await client.ResultAsync("wit/wasmWit", Params("/ws/cut.wasm"));
        var missing = await client.ResultAsync("wit/wasmWit", Params("/ws/none.wasm"));

        Assert.Equal("m.wasm is not a component (a core module has no WIT)", module!["error"]!.GetValue<string>());
        Assert.Equal("cut.wasm: length out of bounds (at offset 0x9)", cut!["error"]!.GetValue<string>());
        Assert.StartsWith("cannot read /ws/none.wasm", missing!["error"]!.GetValue<string>(), System.StringComparison.Ordinal);
        Assert.Null(module["wit"]);
        Assert.Null(cut["kind"]);
    }

    [Fact]
    public async Task A_core_module_answers_its_facts_instead_of_wit()
    {
        // (module (import "env" "log" (func (param i32))) (memory 1) (func $f) (export "run" (func $f)) (export "mem" (memory 0)))
        byte[] module =
        {
            0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
            1, 8, 2, 0x60, 1, 0x7f, 0, 0x60, 0, 0, // types: (i32) -> (), () -> ()
            2, 11, 1, 3, (byte)'e', (byte)'n', (byte)'v', 3, (byte)'l', (byte)'o', (byte)'g', 0, 0, // import env.log: func type 0
            3, 2, 1, 1, // one function of type 1
            5, 3, 1, 0, 1, // memory 1
            7, 13, 2, 3, (byte)'r', (byte)'u', (byte)'n', 0, 1, 3, (byte)'m', (byte)'e', (byte)'m', 2, 0, // exports
            10, 4, 1, 2, 0, 0x0b, // code: the empty body
        };
        await using var client = await StartAsync(("/ws/m.wasm", module));

        var result = await client.ResultAsync("wit/wasmWit", Params("/ws/m.wasm"));

        Assert.Equal("module", result!["kind"]!.GetValue<string>());
        Assert.Null(result["wit"]);
        Assert.Equal("m.wasm is not a component (a core module has no WIT)", result["error"]!.GetValue<string>());
        Assert.Equal(
            "2 functions (1 imported), 1 imports, 2 exports, 1 linear memory defined, 0 data segments\n" +
            "  import env.log (func)\n  export run (func 1)\n  export mem (memory 0)\n",
            result["instances"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wasm_dependencies_resolve_in_the_editor()
    {
        var disk = new InMemoryFileSystem()
            .Add("/ws/a.wit", "package a:a;\n\nworld a {\n  import e:e/e;\n}\n")
            .AddBytes("/ws/deps/e.wasm", File.ReadAllBytes(RepoPaths.Corpus("wit-parser-ui", "kinds-of-deps", "deps", "e.wasm")));
        await using var client = await LspTestClient.StartAsync(disk, new[] { "/ws" });

        await client.OpenAsync("/ws/a.wit", "package a:a;\n\nworld a {\n  import e:e/e;\n}\n");
        var published = await client.WaitForDiagnosticsAsync("/ws/a.wit", _ => true);

        Assert.Empty(published["diagnostics"]!.AsArray());
        // Without a decoder the import would name nothing: it resolves to the decoded package's interface.
        var hover = await client.ResultAsync("textDocument/hover", LspTestClient.TextDocumentPosition("/ws/a.wit", 3, 14));
        Assert.Contains("interface e", hover!["contents"]!["value"]!.GetValue<string>(), System.StringComparison.Ordinal);
    }
}
