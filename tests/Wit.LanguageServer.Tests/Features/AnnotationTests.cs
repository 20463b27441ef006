using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Features;

/// <summary><c>textDocument/codeAction</c>, <c>inlayHint</c> and <c>codeLens</c>.</summary>
public class AnnotationTests
{
    [Fact]
    public async Task Quick_fix_changes_an_unknown_name_to_a_close_match()
    {
        const string text = "package a:b;\ninterface i {\n  record point { x: u32 }\n  f: func(p: pont);\n}\n";
        var (client, files, _) = await ServerFixture.StartAsync("//- /a/main.wit\n" + text);
        await using var _client = client;

        var actions = (await client.ResultAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = LspText.Doc("/ws/a/main.wit"),
            ["range"] = JsonNode.Parse(LspText.RangeOf(files["/ws/a/main.wit"], "pont")),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(), ["only"] = new JsonArray("quickfix") },
        }))!.AsArray();

        var fix = actions.Single(a => a!["title"]!.GetValue<string>() == "Change to `point`")!;
        Assert.Equal("quickfix", fix["kind"]!.GetValue<string>());
        Assert.Equal("WIT1001", fix["diagnostics"]![0]!["code"]!.GetValue<string>());
        var applied = LspText.Apply(files, fix["edit"]!);
        Assert.Equal(text.Replace("pont", "point") + "\n", applied["/ws/a/main.wit"]);
        Assert.All(actions, a => Assert.Equal("quickfix", a!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Quick_fix_adds_a_use_of_a_dependency()
    {
        var (client, files, _) = await ServerFixture.StartAsync("""
            //- /app/main.wit
            package a:b;
            interface i {
              f: func(s: input-stream);
            }
            //- /app/deps/io/streams.wit
            package wasi:io@0.2.0;
            interface streams {
              resource input-stream;
            }
            """);
        await using var _client = client;

        var actions = (await client.ResultAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = LspText.Doc("/ws/app/main.wit"),
            ["range"] = JsonNode.Parse(LspText.RangeOf(files["/ws/app/main.wit"], "input-stream")),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        }))!.AsArray();

        var fix = actions.Single(a => a!["title"]!.GetValue<string>() == "Add `use wasi:io/streams@0.2.0.{input-stream}`")!;
        Assert.Equal("package a:b;\ninterface i {\n  use wasi:io/streams@0.2.0.{input-stream};\n  f: func(s: input-stream);\n}\n", LspText.Apply(files, fix["edit"]!)["/ws/app/main.wit"]);
    }

    [Fact]
    public async Task Inlay_hints_show_sizes_and_flat_parameter_counts_even_in_broken_code()
    {
        const string text = "package my:pkg;\ninterface i {\n  record point { x: f64, y: u8 }\n  f: func(p: point, s: string);\n  g: func(x: missing\n}\n";
        var (client, _, _) = await ServerFixture.StartAsync("//- /a/main.wit\n" + text);
        await using var _client = client;
        string written = text + "\n";

        var hints = (await client.ResultAsync("textDocument/inlayHint", new JsonObject
        {
            ["textDocument"] = LspText.Doc("/ws/a/main.wit"),
            ["range"] = LspTestClient.Range(0, 0, 7, 0),
        }))!.AsArray();

        string annotated = hints.OrderByDescending(h => LspText.Offset(written, h!["position"]!))
            .Aggregate(written, (t, h) => t.Insert(LspText.Offset(t, h!["position"]!), "{" + h["label"]!.GetValue<string>() + "}"));
        Assert.Equal("package my:pkg;\ninterface i {\n  record point{: 16 B, align 8} { x: f64, y: u8 }\n  f: func(p: point, s: string){flat 4 params};\n  g: func(x: missing\n}\n\n", annotated);
    }

    [Fact]
    public async Task Inlay_hints_only_in_the_requested_range()
    {
        const string text = "package my:pkg;\ninterface i {\n  record point { x: f64, y: u8 }\n  f: func(p: point, s: string);\n}\n";
        var (client, _, _) = await ServerFixture.StartAsync("//- /a/main.wit\n" + text);
        await using var _client = client;

        var hints = (await client.ResultAsync("textDocument/inlayHint", new JsonObject
        {
            ["textDocument"] = LspText.Doc("/ws/a/main.wit"),
            ["range"] = LspTestClient.Range(3, 0, 4, 0),
        }))!.AsArray();

        Assert.Equal(new[] { "flat 4 params" }, hints.Select(h => h!["label"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Code_lenses_are_titled_commands_on_the_names()
    {
        const string text = "package my:pkg;\ninterface i {\n  record mixed { a: u8, b: u32, c: u16 }\n  add: func(a: u32, b: u32) -> u32;\n}\n";
        var (client, files, _) = await ServerFixture.StartAsync("//- /a/main.wit\n" + text);
        await using var _client = client;

        var lenses = (await client.ResultAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = LspText.Doc("/ws/a/main.wit") }))!.AsArray();

        Assert.Equal(new[] { "size 12 · align 4", "no allocation" }, lenses.Select(l => l!["command"]!["title"]!.GetValue<string>()));
        Assert.Equal(new[] { "mixed", "add" }, lenses.Select(l => LspText.Slice(files["/ws/a/main.wit"], l!["range"]!)));
    }
}
