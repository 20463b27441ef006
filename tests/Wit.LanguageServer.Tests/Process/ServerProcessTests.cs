using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Wit.LanguageServer.Tests.Process;

/// <summary>
/// The server as a real process over stdio (the in-memory tests cover the features; these cover what only a process
/// has: the command line, exit codes, stdout carrying nothing but protocol, end of input).
/// </summary>
public sealed class ServerProcessTests : IDisposable
{
    // One error (an unknown type) and a record to hover; lint is switched off so the error is the only diagnostic.
    private const string Source = "package test:pkg;\n\ninterface api {\n  record point { x: u32 }\n  f: func(p: point) -> strng;\n}\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("wit-ls-process-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_full_session_publishes_diagnostics_answers_hover_and_exits_with_code_zero_after_shutdown()
    {
        string file = Path.Combine(_folder, "api.wit");
        File.WriteAllText(file, Source);
        await using var server = ServerProcess.Start("--stdio");

        var initialize = await server.RequestAsync("initialize", InitializeParams(_folder));
        await server.NotifyAsync("initialized", new JsonObject());
        var diagnostics = await server.WaitForNotificationAsync(n =>
            n["method"]!.GetValue<string>() == "textDocument/publishDiagnostics"
            && n["params"]!["uri"]!.GetValue<string>() == ServerProcess.Uri(file)
            && n["params"]!["diagnostics"]!.AsArray().Count > 0);
        var hover = await server.RequestAsync("textDocument/hover", At(file, "point)"));
        var shutdown = await server.RequestAsync("shutdown", null);
        await server.NotifyAsync("exit", null);
        var (exitCode, _) = await server.WaitForExitAsync();

        Assert.Equal("wit-language-server", initialize["result"]!["serverInfo"]!["name"]!.GetValue<string>());
        var diagnostic = Assert.Single(diagnostics["params"]!["diagnostics"]!.AsArray())!;
        Assert.Equal(1, diagnostic["severity"]!.GetValue<int>());
        Assert.Contains("strng", diagnostic["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var (line, character) = Position("strng");
        Assert.Equal((line, character), (diagnostic["range"]!["start"]!["line"]!.GetValue<int>(), diagnostic["range"]!["start"]!["character"]!.GetValue<int>()));
        Assert.Equal((line, character + "strng".Length), (diagnostic["range"]!["end"]!["line"]!.GetValue<int>(), diagnostic["range"]!["end"]!["character"]!.GetValue<int>()));
        Assert.Contains("record point", hover["result"]!["contents"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(shutdown.ContainsKey("result") && shutdown["result"] is null && shutdown["error"] is null, shutdown.ToJsonString());
        Assert.Equal(0, exitCode);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task A_session_sent_at_once_is_answered_before_exit_ends_the_process()
    {
        // A client (or a script) may send initialize, shutdown and exit without waiting for answers: exit is read at
        // once but stops the server only after the messages before it are answered.
        await using var server = ServerProcess.Start("--stdio");

        var initialize = server.RequestAsync("initialize", InitializeParams(_folder));
        var initialized = server.NotifyAsync("initialized", new JsonObject());
        var shutdown = server.RequestAsync("shutdown", null);
        var exit = server.NotifyAsync("exit", null);
        await Task.WhenAll(initialized, exit);
        var (exitCode, _) = await server.WaitForExitAsync();

        Assert.Equal("wit-language-server", (await initialize)["result"]!["serverInfo"]!["name"]!.GetValue<string>());
        var answer = await shutdown;
        Assert.True(answer.ContainsKey("result") && answer["error"] is null, answer.ToJsonString());
        Assert.Equal(0, exitCode);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_one()
    {
        await using var server = ServerProcess.Start("--stdio");
        await server.RequestAsync("initialize", InitializeParams(_folder));

        await server.NotifyAsync("exit", null);
        var (exitCode, _) = await server.WaitForExitAsync();

        Assert.Equal(1, exitCode);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task Closing_standard_input_ends_the_process()
    {
        await using var server = ServerProcess.Start();
        await server.RequestAsync("initialize", InitializeParams(_folder));

        server.CloseInput();
        var (exitCode, _) = await server.WaitForExitAsync();

        // The client vanished without shutdown, so the LSP exit code for an unexpected end applies.
        Assert.Equal(1, exitCode);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task Version_prints_the_assembly_version_on_stdout()
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunToEndAsync("--version");

        Assert.Equal(0, exitCode);
        Assert.Equal(typeof(WitLanguageServer).Assembly.GetName().Version!.ToString(3) + "\n", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task An_unknown_argument_exits_with_code_two_and_says_why_on_stderr()
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunToEndAsync("--bogus");

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("unknown argument '--bogus'", stderr, StringComparison.Ordinal);
    }

    private static JsonObject InitializeParams(string folder) => new()
    {
        ["processId"] = Environment.ProcessId,
        ["rootUri"] = null,
        ["capabilities"] = new JsonObject(),
        ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = ServerProcess.Uri(folder), ["name"] = Path.GetFileName(folder) }),
        ["initializationOptions"] = new JsonObject { ["settings"] = new JsonObject { ["lint"] = new JsonObject { ["enabled"] = false } } },
    };

    private static JsonObject At(string file, string needle)
    {
        var (line, character) = Position(needle);
        return new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = ServerProcess.Uri(file) },
            ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
        };
    }

    /// <summary>The line and UTF-16 column of the first occurrence of <paramref name="needle"/> in <see cref="Source"/>.</summary>
    private static (int Line, int Character) Position(string needle)
    {
        int offset = Source.IndexOf(needle, StringComparison.Ordinal);
        int line = Source.AsSpan(0, offset).Count('\n');
        return (line, offset - (Source.LastIndexOf('\n', offset - 1) + 1));
    }
}
