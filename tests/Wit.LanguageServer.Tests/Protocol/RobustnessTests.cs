using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wit.Core.Workspace;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Protocol;

/// <summary>
/// Issue 14 (finding 1) and issue 20 (finding 3): what a URI names, what a frame declares and how long a request
/// takes must never stop the server answering. Every test ends with a hover that must still be answered; the only
/// timeouts are the client's generous "answered at all" guards.
/// </summary>
public class RobustnessTests
{
    private const string Source = "package a:b;\ninterface i {\n  record point { x: u32, y: u64 }\n}\n";
    private const string Path = "/ws/p/a.wit";

    private static async Task AssertStillServingAsync(LspTestClient client, string path = Path, int line = 2, int character = 10)
    {
        var response = await client.RequestAsync("textDocument/hover", LspTestClient.TextDocumentPosition(path, line, character));
        Assert.Null(response["error"]);
        Assert.Contains("record point", response["result"]!["contents"]!["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("file:///ws/p/a%00b.wit")]
    [InlineData("file:///ws/p/%00")]
    public async Task A_URI_naming_no_possible_path_is_an_unknown_document_not_a_handler_failure(string uri)
    {
        // The protocol fuzzer's odd URIs: a NUL in a file URI's path made Path.GetFullPath throw in every handler.
        var (client, _, _) = await ServerFixture.StartAsync("//- /p/a.wit\n" + Source);
        await using var _ = client;
        foreach (string method in new[] { "textDocument/hover", "textDocument/formatting", "textDocument/documentSymbol" })
        {
            var response = await client.RequestAsync(method, new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri },
                ["position"] = LspTestClient.Position(0, 0),
                ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true },
            });
            Assert.True(response["error"] is null || (int)response["error"]!["code"]! != -32603, response.ToJsonString());
        }

        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "wit", ["version"] = 1, ["text"] = Source },
        });
        await AssertStillServingAsync(client);
        Assert.DoesNotContain(client.Logs, line => line.Contains(" failed: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hover_on_a_device_or_a_fifo_is_answered_and_the_server_keeps_serving()
    {
        string folder = Directory.CreateTempSubdirectory("wit-ls-robust-").FullName;
        try
        {
            string fifo = System.IO.Path.Combine(folder, "fifo.wit");
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", new[] { fifo })) await mkfifo.WaitForExitAsync();
            string workspace = Directory.CreateDirectory(System.IO.Path.Combine(folder, "ws")).FullName;
            string file = System.IO.Path.Combine(workspace, "a.wit");
            await File.WriteAllTextAsync(file, Source);
            await using var client = await LspTestClient.StartAsync(ServerFileSystem.Instance, new[] { workspace });

            // Before: /dev/zero was read until memory ran out, and the FIFO's open never returned (nor did anything after it).
            foreach (string uri in new[] { "file:///dev/zero", LspTestClient.Uri(fifo), "file:///dev/stdin", "file:///proc/self/mem" })
            {
                var response = await client.RequestAsync("textDocument/hover", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = uri },
                    ["position"] = LspTestClient.Position(0, 0),
                });
                Assert.True(response["error"] is not null || response["result"] is null, response.ToJsonString());
            }

            await AssertStillServingAsync(client, file);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_message_above_the_size_limit_is_skipped_as_it_streams_and_answered_with_an_error()
    {
        var (client, _, _) = await ServerFixture.StartAsync("//- /p/a.wit\n" + Source);
        await using var _ = client;
        await client.OpenAsync(Path, Source);
        int before = client.UnexpectedResponses.Count;

        int declared = WitLanguageServer.MaxMessageLength + 1;
        await client.SendRawAsync(Encoding.ASCII.GetBytes($"Content-Length: {declared}\r\n\r\n"));
        var chunk = new byte[1 << 20];
        chunk.AsSpan().Fill((byte)' ');
        for (int sent = 0; sent < declared; sent += chunk.Length) await client.SendRawAsync(chunk.AsSpan(0, Math.Min(chunk.Length, declared - sent)).ToArray());

        await AssertStillServingAsync(client);
        var error = JsonNode.Parse(client.UnexpectedResponses.Skip(0).First(r => r.Contains("above the limit", StringComparison.Ordinal)))!;
        Assert.Equal(-32600, error["error"]!["code"]!.GetValue<int>());
        Assert.Contains(client.Logs, l => l.Contains($"Skipped a message of {declared} bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edit_and_a_hover_behind_a_stuck_request_are_not_held_back_and_a_cancel_is_answered_at_once()
    {
        var disk = new GatedFileSystem();
        disk.Add(Path, Source);
        await using var client = await LspTestClient.StartAsync(disk, new[] { "/ws" });
        await client.OpenAsync(Path, Source);
        await client.WaitForVersionAsync(Path, 1);

        // A hover on an unopened file whose read never returns until the test says so: a request that does not
        // check its cancellation token, the worst case of a slow request.
        var stuck = client.StartRequest(1000, "textDocument/hover", LspTestClient.TextDocumentPosition(GatedFileSystem.SlowPath, 0, 0));
        await disk.Entered.WaitAsync(LspTestClient.Timeout);

        // Before: the edit waited for the stuck query, and so did everything after it.
        await client.ChangeAsync(Path, 2, 0, 0, 0, 0, "\n");
        await client.WaitForVersionAsync(Path, 2);
        await AssertStillServingAsync(client, Path, 3, 10);

        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = 1000 });
        var cancelled = await stuck;
        Assert.Equal(-32800, cancelled["error"]!["code"]!.GetValue<int>());

        disk.Release();
        await AssertStillServingAsync(client, Path, 3, 10);
        Assert.Equal(0, await client.ShutdownAsync());
        Assert.Empty(client.UnexpectedResponses);
    }

    [Fact]
    public async Task Shutdown_and_exit_work_after_a_document_above_the_analysis_limit()
    {
        var (client, _, _) = await ServerFixture.StartAsync("//- /p/a.wit\n" + Source);
        await using var _ = client;
        await client.OpenAsync(Path, Source);
        var builder = new StringBuilder("package a:big;\ninterface big {\n");
        while (builder.Length < Wit.Ide.Workspace.IdeWorkspace.MaxAnalyzedLength + 1000) builder.Append("  type t").Append(builder.Length).Append(" = list<u8>;\n");
        builder.Append("}\n");
        await client.OpenAsync("/ws/big/big.wit", builder.ToString());

        // The limit is said at the file's start (before, the document's diagnostics were silent about it).
        var published = await client.WaitForDiagnosticsAsync("/ws/big/big.wit", p => p["diagnostics"]!.AsArray().Count > 0);
        var limit = Assert.Single(published["diagnostics"]!.AsArray());
        Assert.Equal("WIT1017", limit!["code"]!.GetValue<string>());
        Assert.Equal(2, limit["severity"]!.GetValue<int>());
        Assert.Equal(0, limit["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Equal(0, limit["range"]!["start"]!["character"]!.GetValue<int>());
        Assert.Equal(
            $"this file is {builder.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters long, above the limit of 2,097,152 for analysis: it gets syntax features only (no resolution, lint, hover or navigation)",
            limit["message"]!.GetValue<string>());

        // Syntax features still work; the semantic ones answer nothing.
        var symbols = await client.ResultAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri("/ws/big/big.wit") } });
        Assert.NotEmpty(symbols!.AsArray());
        var hover = await client.RequestAsync("textDocument/hover", LspTestClient.TextDocumentPosition("/ws/big/big.wit", 2, 8));
        Assert.Null(hover["error"]);
        Assert.Null(hover["result"]);
        await AssertStillServingAsync(client);
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task A_file_on_disk_above_the_read_limit_gets_a_diagnostic_at_its_start()
    {
        string folder = Directory.CreateTempSubdirectory("wit-ls-large-").FullName;
        try
        {
            string file = System.IO.Path.Combine(folder, "a.wit");
            await File.WriteAllTextAsync(file, Source);
            string large = System.IO.Path.Combine(folder, "large.wit");
            long length = ServerFileSystem.MaxFileLength + 1;
            // A sparse file: its length is what is refused, so it is never read (nor written out in full).
            using (var stream = File.Create(large)) stream.SetLength(length);
            await using var client = await LspTestClient.StartAsync(ServerFileSystem.Instance, new[] { folder });

            // Before: a file over the read limit was read as absent, and nothing said so.
            var published = await client.WaitForDiagnosticsAsync(large, p => p["diagnostics"]!.AsArray().Count > 0);
            var limit = Assert.Single(published["diagnostics"]!.AsArray());
            Assert.Equal("WIT1017", limit!["code"]!.GetValue<string>());
            Assert.Equal(2, limit["severity"]!.GetValue<int>());
            Assert.Equal(0, limit["range"]!["start"]!["line"]!.GetValue<int>());
            Assert.Equal(
                "this file is 16,777,217 bytes long, above the limit of 16,777,216 bytes read from disk: it is not read (open it to get syntax features)",
                limit["message"]!.GetValue<string>());

            // The rest of the package is analysed as before.
            await client.OpenAsync(file, Source);
            await AssertStillServingAsync(client, file);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Closing_a_large_document_gives_its_memory_back_and_a_small_one_does_not_trigger_it()
    {
        var (client, _, _) = await ServerFixture.StartAsync("//- /p/a.wit\n" + Source);
        await using var _ = client;
        await client.OpenAsync(Path, Source);
        await Close(client, Path);
        var builder = new StringBuilder("package a:big;\ninterface big {\n");
        while (builder.Length < Wit.LanguageServer.MemoryTrimmer.LargeDocumentLength) builder.Append("  f").Append(builder.Length).Append(": func(a: u32);\n");
        builder.Append("}\n");
        await client.OpenAsync("/ws/big/big.wit", builder.ToString());
        await client.WaitForVersionAsync("/ws/big/big.wit", 1);
        Assert.Equal(0, client.Server.Memory.Trims);

        // Before, the heap grown for a closed document stayed: 2.3 GB resident after the protocol fuzzer's 20 MB one.
        await Close(client, "/ws/big/big.wit");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (client.Server.Memory.Trims == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(1, client.Server.Memory.Trims);
        await AssertStillServingAsync(client, "/ws/p/a.wit");
    }

    private static Task Close(LspTestClient client, string path) =>
        client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri(path) } });

    /// <summary>An in-memory disk where reading <see cref="SlowPath"/> blocks until <see cref="Release"/>.</summary>
    private sealed class GatedFileSystem : IFileSystem
    {
        public const string SlowPath = "/slow/x.wit";

        private readonly InMemoryFileSystem _files = new();
        private readonly ManualResetEventSlim _gate = new();
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public void Add(string path, string text) => _files.Add(path, text);

        public void Release() => _gate.Set();

        public bool FileExists(string path) => path == SlowPath || _files.FileExists(path);

        public bool DirectoryExists(string path) => _files.DirectoryExists(path);

        public IEnumerable<string> GetFiles(string directory) => _files.GetFiles(directory);

        public IEnumerable<string> GetDirectories(string directory) => _files.GetDirectories(directory);

        public string ReadAllText(string path)
        {
            if (path != SlowPath) return _files.ReadAllText(path);
            _entered.TrySetResult();
            _gate.Wait();
            return "package a:slow;\n";
        }
    }
}
