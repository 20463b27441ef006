using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Features;

/// <summary><c>textDocument/semanticTokens/full</c>, <c>/full/delta</c> and <c>/range</c>.</summary>
public class SemanticTokensTests
{
    private const string Path = "/ws/a/main.wit";

    private const string Text = "package my:app;\ninterface api {\n  record point { x: u32 }\n  f: func(p: point) -> point;\n}\n";

    private static int[] Data(JsonNode? result) => result!["data"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();

    /// <summary>Decodes relative tokens into absolute (line, character, length, type, modifiers).</summary>
    private static List<(int Line, int Character, int Length, int Type, int Modifiers)> Decode(int[] data)
    {
        var tokens = new List<(int, int, int, int, int)>();
        int line = 0, character = 0;
        for (int i = 0; i + 5 <= data.Length; i += 5)
        {
            line += data[i];
            character = data[i] == 0 ? character + data[i + 1] : data[i + 1];
            tokens.Add((line, character, data[i + 2], data[i + 3], data[i + 4]));
        }

        return tokens;
    }

    [Fact]
    public async Task Full_tokens_cover_names_with_legend_types()
    {
        var (client, files, _) = await ServerFixture.StartAsync("//- /a/main.wit\n" + Text);
        await using var _client = client;

        var full = await client.ResultAsync("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = LspText.Doc(Path) });

        var data = Data(full);
        Assert.Equal(0, data.Length % 5);
        Assert.False(string.IsNullOrEmpty(full!["resultId"]!.GetValue<string>()));
        var tokens = Decode(data);
        var texts = tokens.Select(t => files[Path].Substring(LspText.Offset(files[Path], t.Line, t.Character), t.Length)).ToList();
        Assert.Contains("point", texts);
        Assert.Contains("api", texts);
        // Both uses of `point` in `f` have the declaration's token type.
        var pointTypes = tokens.Where((t, i) => texts[i] == "point").Select(t => t.Type).Distinct();
        Assert.Single(pointTypes);
    }

    [Fact]
    public async Task Delta_after_an_edit_applies_to_the_fresh_full_result()
    {
        var (client, _, _) = await ServerFixture.StartAsync("//- /a/main.wit\n" + Text);
        await using var _client = client;
        await client.OpenAsync(Path, Text);
        var first = await client.ResultAsync("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = LspText.Doc(Path) });

        // Insert a new record before `f` (line 3): tokens are added in the middle.
        await client.ChangeAsync(Path, 2, 3, 0, 3, 0, "  record size { w: u64 }\n");
        var delta = await client.ResultAsync("textDocument/semanticTokens/full/delta", new JsonObject
        {
            ["textDocument"] = LspText.Doc(Path),
            ["previousResultId"] = first!["resultId"]!.GetValue<string>(),
        });
        var fresh = await client.ResultAsync("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = LspText.Doc(Path) });

        Assert.NotNull(delta!["edits"]);
        Assert.NotEqual(first["resultId"]!.GetValue<string>(), delta["resultId"]!.GetValue<string>());
        Assert.Equal(Data(fresh), LspText.ApplyTokenEdits(Data(first), delta["edits"]!.AsArray()));
        Assert.NotEqual(Data(first), Data(fresh));
    }

    [Fact]
    public async Task A_closed_documents_last_result_is_forgotten()
    {
        // The last result of each document is kept for deltas; a closed document's (as large as its text) must go.
        var (client, _, _) = await ServerFixture.StartAsync("//- /a/main.wit\n" + Text);
        await using var _client = client;
        await client.OpenAsync(Path, Text);
        var first = await client.ResultAsync("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = LspText.Doc(Path) });
        await client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = LspText.Doc(Path) });

        // The file is still on disk: a delta from the result before the close is a full result, not edits.
        var delta = await client.ResultAsync("textDocument/semanticTokens/full/delta", new JsonObject
        {
            ["textDocument"] = LspText.Doc(Path),
            ["previousResultId"] = first!["resultId"]!.GetValue<string>(),
        });

        Assert.Null(delta!["edits"]);
        Assert.Equal(Data(first), Data(delta));
    }

    [Fact]
    public void Beyond_256_documents_the_results_start_afresh()
    {
        // A client that never closes its documents: the store stays bounded, and a known document's update never clears it.
        var results = new Wit.LanguageServer.Handlers.SemanticTokensResults(_ => true);
        for (int i = 0; i < 256; i++)
        {
            results.Remember($"/d{i}.wit", "1", new[] { 0, 0, i, 0, 0 });
        }
        results.Remember("/d7.wit", "2", new[] { 0, 0, 7, 0, 0 });
        Assert.Equal(256, results.Count);
        Assert.True(results.TryGet("/d0.wit", "1", out _));

        results.Remember("/new.wit", "3", new[] { 0, 0, 1, 0, 0 });
        Assert.Equal(1, results.Count);
        Assert.True(results.TryGet("/new.wit", "3", out _));
        Assert.False(results.TryGet("/d0.wit", "1", out _));
    }

    [Fact]
    public void A_result_remembered_after_its_documents_close_is_dropped()
    {
        // A query can finish after the close that makes its document closed: whichever runs first, nothing stays.
        var open = new HashSet<string> { "/a.wit", "/b.wit" };
        var results = new Wit.LanguageServer.Handlers.SemanticTokensResults(open.Contains);
        results.Remember("/a.wit", "1", new[] { 0, 0, 1, 0, 0 });
        results.Remember("/b.wit", "2", new[] { 0, 0, 2, 0, 0 });
        Assert.True(results.TryGet("/a.wit", "1", out var data));
        Assert.Equal(1, data[2]);
        Assert.False(results.TryGet("/a.wit", "2", out _));

        open.Remove("/a.wit");
        results.Forget("/a.wit");
        results.Remember("/a.wit", "3", new[] { 0, 0, 3, 0, 0 });

        Assert.False(results.TryGet("/a.wit", "3", out _));
        Assert.True(results.TryGet("/b.wit", "2", out _));
        Assert.Equal(1, results.Count);
    }

    [Fact]
    public async Task Delta_with_an_unknown_previous_id_is_a_full_result()
    {
        var (client, _, _) = await ServerFixture.StartAsync("//- /a/main.wit\n" + Text);
        await using var _client = client;
        var full = await client.ResultAsync("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = LspText.Doc(Path) });

        var delta = await client.ResultAsync("textDocument/semanticTokens/full/delta", new JsonObject { ["textDocument"] = LspText.Doc(Path), ["previousResultId"] = "nope" });

        Assert.Null(delta!["edits"]);
        Assert.Equal(Data(full), Data(delta));
    }

    [Fact]
    public async Task Range_gives_exactly_the_full_tokens_inside_it()
    {
        var (client, _, _) = await ServerFixture.StartAsync("//- /a/main.wit\n" + Text);
        await using var _client = client;
        var full = Decode(Data(await client.ResultAsync("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = LspText.Doc(Path) })));

        var range = Decode(Data(await client.ResultAsync("textDocument/semanticTokens/range", new JsonObject
        {
            ["textDocument"] = LspText.Doc(Path),
            ["range"] = LspTestClient.Range(3, 0, 4, 0),
        })));

        Assert.NotEmpty(range);
        Assert.Equal(full.Where(t => t.Line == 3).ToList(), range);
    }

    [Fact]
    public async Task Witx_and_broken_code_get_tokens()
    {
        var (client, files, _) = await ServerFixture.StartAsync("""
            //- /x/api.witx
            (typename $fd u32)
            (module $m (@interface func (export "close") (param $p $fd)))
            //- /a/broken.wit
            package my:app;
            interface api {
              record point { x: u32
              f: func(p: point
            """);
        await using var _client = client;

        foreach (var path in new[] { "/ws/x/api.witx", "/ws/a/broken.wit" })
        {
            var tokens = Decode(Data(await client.ResultAsync("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = LspText.Doc(path) })));
            var texts = tokens.Select(t => files[path].Substring(LspText.Offset(files[path], t.Line, t.Character), t.Length)).ToList();
            Assert.Contains(path.EndsWith(".witx", System.StringComparison.Ordinal) ? "$fd" : "point", texts);
        }
    }
}
