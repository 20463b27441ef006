using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Wit.ProtocolFuzz;

/// <summary>
/// Classes of protocol abuse against a running server process. After each class the server must still answer a hover
/// on a known document; the report gives, per class, the messages sent, the requests answered, the requests left
/// unanswered, and the resident memory against the start.
/// </summary>
public sealed class ProtocolFuzzer
{
    /// <summary>How long any one answer may take before it counts as missing (a wedge), not a timing assertion.</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    private const string Source = "package fuzz:app;\n\ninterface api {\n  record point { x: u32, y: u64 }\n  f: func(p: point) -> point;\n}\n";

    private static readonly string[] Requests =
    {
        "textDocument/hover", "textDocument/completion", "textDocument/signatureHelp", "textDocument/definition", "textDocument/declaration",
        "textDocument/typeDefinition", "textDocument/references", "textDocument/documentHighlight", "textDocument/prepareRename", "textDocument/rename",
        "textDocument/prepareTypeHierarchy", "typeHierarchy/supertypes", "typeHierarchy/subtypes", "textDocument/prepareCallHierarchy",
        "callHierarchy/incomingCalls", "callHierarchy/outgoingCalls", "textDocument/documentSymbol", "workspace/symbol", "textDocument/semanticTokens/full",
        "textDocument/semanticTokens/full/delta", "textDocument/semanticTokens/range", "textDocument/foldingRange", "textDocument/selectionRange",
        "textDocument/formatting", "textDocument/rangeFormatting", "textDocument/codeAction", "textDocument/inlayHint", "textDocument/codeLens",
        "textDocument/diagnostic", "wit/witxPreview", "wit/abiLayout",
    };

    private static readonly string[] Notifications =
    {
        "textDocument/didOpen", "textDocument/didChange", "textDocument/didSave", "textDocument/didClose", "workspace/didChangeWatchedFiles",
        "workspace/didChangeWorkspaceFolders", "workspace/didChangeConfiguration", "$/cancelRequest", "$/setTrace",
    };

    private readonly IReadOnlyList<string> _command;
    private readonly Random _random;
    private readonly int _scale;
    private readonly TextWriter _out;
    private readonly string _folder;
    private readonly string _file;
    private ServerConnection _server = null!;
    private int _version = 1;

    public ProtocolFuzzer(IReadOnlyList<string> command, int seed, int scale, TextWriter output)
    {
        _command = command;
        _random = new Random(seed);
        _scale = Math.Max(1, scale);
        _out = output;
        _folder = Directory.CreateTempSubdirectory("wit-protocol-fuzz-").FullName;
        _file = Path.Combine(_folder, "api.wit");
        File.WriteAllText(_file, Source);
    }

    public List<ClassResult> Results { get; } = new();

    /// <summary>How many handler exceptions the server logged (each is a bug the connection's guard contained).</summary>
    public int HandlerFailures { get; private set; }

    /// <summary>How long the server is given after a class to come back within 20% of its starting memory (see SettleAsync).</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the server stays open after the last class, before shutdown (to take a heap dump of it).</summary>
    public TimeSpan HoldTime { get; init; } = TimeSpan.Zero;

    /// <summary>A folder for a copy of the server's /proc/PID/smaps at the start and after each class (null: none).</summary>
    public string? MappingsDirectory { get; init; }

    public bool ExitedCleanly { get; private set; }

    /// <summary>Bytes on stdout that were not a frame of JSON.</summary>
    public int Violations { get; private set; }

    /// <summary>Responses to requests this fuzzer sent that came twice or for ids it never used.</summary>
    public int UnmatchedResponses { get; private set; }

    /// <summary>The measured numbers of the slow-request class and the large documents, for the report.</summary>
    public List<string> Measurements { get; } = new();

    private string Uri => new Uri(_file).AbsoluteUri;

    /// <summary>Runs every class (or those named in <paramref name="only"/>); returns whether every check held.</summary>
    public async Task<bool> RunAsync(ISet<string>? only = null, bool large = true)
    {
        await using (_server = ServerConnection.Start(_command))
        {
            var init = await _server.Request("initialize", new JsonObject
            {
                ["processId"] = null,
                ["rootUri"] = new Uri(_folder).AbsoluteUri,
                ["capabilities"] = new JsonObject(),
                ["initializationOptions"] = new JsonObject { ["settings"] = new JsonObject { ["lint"] = new JsonObject { ["enabled"] = false } } },
            }).WaitAsync(AnswerTimeout);
            if (init["error"] is not null) throw new InvalidOperationException("initialize failed: " + init.ToJsonString());
            await _server.NotifyAsync("initialized", new JsonObject());
            await _server.NotifyAsync("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri, ["languageId"] = "wit", ["version"] = _version, ["text"] = Source },
            });
            await HoverAsync();
            var start = ResidentMemory.Read(_server.ProcessId);
            _out.WriteLine($"server pid {_server.ProcessId}, resident at start {Mb(start.Total)} (anonymous {Mb(start.Anonymous)}, file-backed {Mb(start.File)}, {start.Threads} threads)");
            SaveMappings("start");

            var classes = new List<(string Name, Func<Task<(int Sent, List<Task<JsonObject>> Answers)>> Run)>
            {
                ("bad-frames", BadFramesAsync),
                ("wrong-params", WrongParamsAsync),
                ("flood-without-reading", FloodAsync),
                ("cancel-storm", CancelStormAsync),
                ("odd-uris", OddUrisAsync),
                ("edits-beyond-the-document", EditsBeyondAsync),
                ("slow-request-cancelled-with-an-edit-behind", SlowCancelAsync),
            };
            if (large) classes.Add(("large-documents", LargeDocumentsAsync));

            foreach (var (name, run) in classes)
            {
                if (only is not null && !only.Contains(name)) continue;
                var watch = Stopwatch.StartNew();
                var (sent, answers) = await run();
                int answered = 0, missing = 0;
                foreach (var answer in answers)
                {
                    try
                    {
                        await answer.WaitAsync(AnswerTimeout);
                        answered++;
                    }
                    catch (TimeoutException)
                    {
                        missing++;
                    }
                }

                bool alive = await HoverAsync();
                GC.KeepAlive(alive);
                var (after, settled) = await SettleAsync(start);
                ServerConnection.Note($"[fuzzer] {name} measured");
                var result = new ClassResult(name, sent, answers.Count, answered, missing, alive, start, after, watch.Elapsed) { Settled = settled };
                SaveMappings(name);
                Results.Add(result);
                _out.WriteLine(result);
            }

            if (HoldTime > TimeSpan.Zero)
            {
                _out.WriteLine($"holding the server (pid {_server.ProcessId}) open for {HoldTime.TotalSeconds:0} s");
                await Task.Delay(HoldTime);
            }

            bool exitedCleanly = await ShutdownAsync();
            _out.WriteLine($"shutdown and exit: {(exitedCleanly ? "answered, exit code 0" : "FAILED")}; violations on stdout: {_server.Violations}, unmatched responses: {_server.UnmatchedResponses}, errors without id: {_server.NullIdErrors}, handler exceptions logged: {_server.HandlerFailures}{(_server.FirstHandlerFailure is { } first ? $" (first: {first})" : "")}");
            foreach (string line in Measurements) _out.WriteLine(line);
            ExitedCleanly = exitedCleanly;
            Violations = _server.Violations;
            UnmatchedResponses = _server.UnmatchedResponses;
            HandlerFailures = _server.HandlerFailures;
            return exitedCleanly && Violations == 0 && UnmatchedResponses == 0 && HandlerFailures == 0 && CancelsPrompt && EditsPublished && Results.All(r => r.Holds);
        }
    }

    /// <summary>
    /// The server's memory once it settled: the server gives memory back once it goes idle after a burst and shortly
    /// after a large document goes (MemoryTrimmer), so the resident set is read every quarter second until it is back
    /// within 20% of <paramref name="start"/> or <see cref="SettleTime"/> has passed; the time it took is reported.
    /// </summary>
    private async Task<(ResidentMemory After, TimeSpan Settled)> SettleAsync(ResidentMemory start)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var now = ResidentMemory.Read(_server.ProcessId);
            if (ResidentMemory.Within20Percent(start.Total, now.Total) || watch.Elapsed >= SettleTime) return (now, watch.Elapsed);
            await Task.Delay(SettlePoll);
        }
    }

    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(250);

    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>Copies the server's /proc/PID/smaps into <see cref="MappingsDirectory"/> as NAME.smaps (when set).</summary>
    private void SaveMappings(string name)
    {
        if (MappingsDirectory is null) return;
        try
        {
            Directory.CreateDirectory(MappingsDirectory);
            File.WriteAllText(Path.Combine(MappingsDirectory, name + ".smaps"), File.ReadAllText($"/proc/{_server.ProcessId}/smaps"));
        }
        catch (IOException exception)
        {
            _out.WriteLine($"could not save the mappings after {name}: {exception.Message}");
        }
    }

    private async Task<bool> HoverAsync()
    {
        try
        {
            var response = await _server.Request("textDocument/hover", Position(Uri, 3, 10)).WaitAsync(AnswerTimeout);
            return response["result"]?["contents"]?["value"]?.GetValue<string>().Contains("record point", StringComparison.Ordinal) == true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task<bool> ShutdownAsync()
    {
        try
        {
            var shutdown = await _server.Request("shutdown", null).WaitAsync(AnswerTimeout);
            await _server.NotifyAsync("exit", null);
            return shutdown["error"] is null && await _server.WaitForExitAsync(AnswerTimeout) && _server.ExitCode == 0;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task<(int, List<Task<JsonObject>>)> BadFramesAsync()
    {
        int sent = 0;
        string[] shapes =
        {
            "Content-Length: banana\r\n\r\n", "no header at all\r\n\r\n", "Content-Length: -5\r\n\r\n", "Content-Length: 99999999999999\r\n\r\n",
            "Content-Length: 5\r\n\r\n{\"a\":", "Content-Length: 2\r\n\r\n[]", "Content-Length: 4\r\n\r\nnull", "Content-Length: 3\r\n\r\n\"x\"",
            "Content-Type: x\r\n\r\n", "\r\n\r\n\r\n", "Content-Length: 0\r\n\r\n", "Content-Length:12\r\nContent-Length: 2\r\n\r\n{}",
        };
        for (int i = 0; i < 20 * _scale; i++)
        {
            byte[] bytes = _random.Next(3) switch
            {
                0 => Encoding.ASCII.GetBytes(shapes[_random.Next(shapes.Length)]),
                1 => RandomBytes(_random.Next(1, 200)),
                _ => ServerConnection.Frame(Encoding.UTF8.GetBytes(RandomJson())),
            };
            await _server.SendRawAsync(bytes);
            sent++;
        }

        // Whatever the garbage left half-read (a declared length still to come) is ended by a frame the size of the
        // largest declared length above that the server accepts, made of spaces, then blank lines.
        await _server.SendRawAsync(Encoding.ASCII.GetBytes(new string(' ', 300) + "\r\n\r\n"));
        return (sent, new List<Task<JsonObject>>());
    }

    private async Task<(int, List<Task<JsonObject>>)> WrongParamsAsync()
    {
        var answers = new List<Task<JsonObject>>();
        int sent = 0;
        JsonNode?[] wrong =
        {
            5, "text", new JsonArray(1, 2), true, new JsonObject { ["textDocument"] = 5 }, new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = 7 } },
            new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri }, ["position"] = "x" },
            new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri }, ["position"] = new JsonObject { ["line"] = -1, ["character"] = int.MaxValue } },
            new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri }, ["range"] = new JsonObject { ["start"] = 1 } },
            new JsonObject { ["item"] = new JsonObject { ["uri"] = Uri, ["data"] = new JsonArray() } }, new JsonObject { ["query"] = new JsonArray() }, null,
        };
        for (int round = 0; round < _scale; round++)
        {
            foreach (string method in Requests)
            {
                foreach (var parameters in wrong)
                {
                    answers.Add(_server.Request(method, parameters?.DeepClone()));
                    sent++;
                }
            }

            foreach (string method in Notifications)
            {
                foreach (var parameters in wrong)
                {
                    await _server.NotifyAsync(method, parameters?.DeepClone());
                    sent++;
                }
            }
        }

        // Some of the "wrong" params are right for didClose: the document is opened again for the classes after.
        await _server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["languageId"] = "wit", ["version"] = ++_version, ["text"] = Source },
        });
        return (sent + 1, answers);
    }

    private async Task<(int, List<Task<JsonObject>>)> FloodAsync()
    {
        var answers = new List<Task<JsonObject>>();
        _server.PauseReading();
        try
        {
            for (int i = 0; i < 300 * _scale; i++)
            {
                answers.Add(_server.Request(_random.Next(2) == 0 ? "textDocument/hover" : "textDocument/semanticTokens/full", Position(Uri, _random.Next(6), _random.Next(40))));
                if (i % 50 == 0) await _server.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = null });
            }

            await Task.Delay(200);
        }
        finally
        {
            _server.ResumeReading();
        }

        return (answers.Count, answers);
    }

    private async Task<(int, List<Task<JsonObject>>)> CancelStormAsync()
    {
        var answers = new List<Task<JsonObject>>();
        int sent = 0;
        for (int i = 0; i < 200 * _scale; i++)
        {
            int id = _server.NextId();
            answers.Add(_server.Request(Requests[_random.Next(Requests.Length)], Position(Uri, _random.Next(6), _random.Next(40)), id));
            await _server.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = _random.Next(4) == 0 ? id + 1 : id });
            if (_random.Next(10) == 0) await _server.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = "nonsense" });
            sent += 2;
        }

        return (sent, answers);
    }

    private Task<(int, List<Task<JsonObject>>)> OddUrisAsync()
    {
        string[] uris =
        {
            "file:///dev/zero", "file:///dev/stdin", "file:///dev/urandom", "file:///proc/self/mem", "file:///proc/self/fd/0", "file:///",
            "file:///etc", "untitled:Untitled-1", "http://example.com/a.wit", "file://server/share/a.wit", "", "file:///%ZZ", "a.wit",
            "file:///" + new string('a', 100_000) + ".wit", "file:///tmp/../../../../etc/passwd", "file:///nonexistent/x.wit", "file:///tmp/a%00b.wit",
        };
        var answers = new List<Task<JsonObject>>();
        for (int round = 0; round < _scale; round++)
        {
            foreach (string uri in uris)
            {
                foreach (string method in new[] { "textDocument/hover", "textDocument/semanticTokens/full", "textDocument/documentSymbol", "textDocument/diagnostic", "textDocument/formatting" })
                {
                    var parameters = Position(uri, 0, 0);
                    parameters["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true };
                    answers.Add(_server.Request(method, parameters));
                }
            }
        }

        return Task.FromResult((answers.Count, answers));
    }

    private async Task<(int, List<Task<JsonObject>>)> EditsBeyondAsync()
    {
        var answers = new List<Task<JsonObject>>();
        int sent = 0;
        for (int i = 0; i < 100 * _scale; i++)
        {
            int line = _random.Next(3) switch { 0 => _random.Next(10), 1 => _random.Next(1_000_000), _ => -_random.Next(5) };
            int character = _random.Next(2) == 0 ? _random.Next(50) : int.MaxValue;
            var range = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
                ["end"] = new JsonObject { ["line"] = _random.Next(3) == 0 ? line - 1 : line + _random.Next(3), ["character"] = _random.Next(80) },
            };
            string uri = _random.Next(10) == 0 ? "file:///not/open.wit" : Uri;
            await _server.NotifyAsync("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = ++_version },
                ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = range, ["text"] = _random.Next(2) == 0 ? "x" : "\n\u00e9\ud83d\ude00" }),
            });
            sent++;
            if (i % 10 == 0)
            {
                answers.Add(_server.Request("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } }));
                sent++;
            }
        }

        // Back to the known text for the hover check.
        await _server.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = ++_version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = Source }),
        });
        return (sent + 1, answers);
    }

    /// <summary>
    /// A slow request (semantic tokens of a large document, whose analysis is computed on the way) is cancelled midway,
    /// with an edit of another document behind it: the cancel must be answered within 100 ms, the edit's diagnostics
    /// must arrive without waiting for the slow request.
    /// </summary>
    public int SlowDocumentLength { get; init; } = 300_000;

    /// <summary>Whether every cancel of the slow-request class was answered within 100 ms.</summary>
    public bool CancelsPrompt { get; private set; } = true;

    /// <summary>Whether the edit behind every slow request got its diagnostics.</summary>
    public bool EditsPublished { get; private set; } = true;

    private async Task<(int, List<Task<JsonObject>>)> SlowCancelAsync()
    {
        var answers = new List<Task<JsonObject>>();
        var cancelLatencies = new List<double>();
        var editLatencies = new List<double>();
        int sent = 0, cancelledAnswers = 0, finishedFirst = 0;
        for (int round = 0; round < Math.Min(5, 2 * _scale); round++)
        {
            string big = Path.Combine(_folder, $"slow{round}", "big.wit");
            Directory.CreateDirectory(Path.GetDirectoryName(big)!);
            string bigUri = new Uri(big).AbsoluteUri;
            string text = LargeText(SlowDocumentLength, round);
            await _server.NotifyAsync("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = bigUri, ["languageId"] = "wit", ["version"] = 1, ["text"] = text },
            });
            int id = _server.NextId();
            var slow = _server.Request("textDocument/references", Position(bigUri, 3, 8), id);
            var slowTokens = _server.Request("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = bigUri } });
            answers.Add(slowTokens);
            await Task.Delay(150);
            var cancelWatch = Stopwatch.StartNew();
            await _server.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = id });
            int version = ++_version;
            var diagnostics = _server.WaitForNotification(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
                && n["params"]?["uri"]?.GetValue<string>() == Uri && n["params"]?["version"]?.GetValue<int>() == version);
            var editWatch = Stopwatch.StartNew();
            await _server.NotifyAsync("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = version },
                // An error whose message names the round, so that the diagnostics change (unchanged lists are not re-sent).
                ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = Source + $"interface bad {{ g: func() -> nosuch{round}; }}\n" }),
            });
            sent += 5;
            try
            {
                var answer = await slow.WaitAsync(AnswerTimeout);
                if (slow.IsCompleted && answer["error"]?["code"]?.GetValue<int>() == -32800)
                {
                    cancelledAnswers++;
                    cancelLatencies.Add(cancelWatch.Elapsed.TotalMilliseconds);
                }
                else
                {
                    finishedFirst++;
                }

                await diagnostics.WaitAsync(AnswerTimeout);
                editLatencies.Add(editWatch.Elapsed.TotalMilliseconds);
            }
            catch (TimeoutException)
            {
                EditsPublished = false;
            }

            await _server.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = bigUri } });
        }

        await _server.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = ++_version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = Source }),
        });
        Measurements.Add($"slow request: {cancelledAnswers} cancelled midway, {finishedFirst} finished before the cancel; cancel to -32800: {Summary(cancelLatencies)}; edit behind it to its diagnostics: {Summary(editLatencies)}");
        CancelsPrompt = cancelLatencies.All(l => l <= 100);
        if (!CancelsPrompt) Measurements.Add("  FAILED: a cancel took more than 100 ms to be answered");
        if (!EditsPublished) Measurements.Add("  FAILED: the diagnostics of an edit behind a slow request did not arrive");
        return (sent, answers);
    }

    /// <summary>A 10 MB document (above the analysis limit): resident memory and a hover on it; then a 20 MB one.</summary>
    private async Task<(int, List<Task<JsonObject>>)> LargeDocumentsAsync()
    {
        var answers = new List<Task<JsonObject>>();
        foreach (int size in new[] { 1_900_000, 10_000_000, 20_000_000 })
        {
            string path = Path.Combine(_folder, $"large{size}", "large.wit");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            string uri = new Uri(path).AbsoluteUri;
            string text = LargeText(size, 0);
            long before = ResidentMemory.Read(_server.ProcessId).Total;
            var open = Stopwatch.StartNew();
            await _server.NotifyAsync("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "wit", ["version"] = 1, ["text"] = text },
            });
            var hoverWatch = Stopwatch.StartNew();
            var hover = _server.Request("textDocument/hover", Position(uri, 3, 8));
            answers.Add(hover);
            try
            {
                await hover.WaitAsync(AnswerTimeout);
            }
            catch (TimeoutException)
            {
            }

            double hoverMs = hoverWatch.Elapsed.TotalMilliseconds;
            var symbols = _server.Request("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
            answers.Add(symbols);
            try
            {
                await symbols.WaitAsync(AnswerTimeout);
            }
            catch (TimeoutException)
            {
            }

            long after = ResidentMemory.Read(_server.ProcessId).Total;
            Measurements.Add($"document of {size / 1e6:0.0} MB: hover answered in {hoverMs:0} ms (open included), resident {Mb(before)} -> {Mb(after)} ({(after - before) / (double)size:0.0}x the text; UTF-16 text alone is 2x)");
            await _server.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        }

        return (answers.Count, answers);
    }

    /// <summary>A valid WIT document of about <paramref name="size"/> characters: interfaces of records and functions.</summary>
    private static string LargeText(int size, int salt)
    {
        var builder = new StringBuilder(size + 1000);
        builder.Append("package big:p").Append(salt).Append(";\n\ninterface i0 {\n  record point { x: u32, y: u64 }\n");
        int n = 0;
        while (builder.Length < size)
        {
            if (++n % 200 == 0) builder.Append("}\n\ninterface i").Append(n).Append(" {\n  record point { x: u32, y: u64 }\n");
            builder.Append("  f").Append(n).Append(": func(a: point, b: list<string>) -> result<point, string>;\n");
        }

        return builder.Append("}\n").ToString();
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string RandomJson()
    {
        string[] shapes =
        {
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"x\"}", "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"x\"}", "{\"jsonrpc\":\"2.0\",\"method\":5}",
            "{\"jsonrpc\":\"2.0\",\"id\":1}", "{\"jsonrpc\":\"2.0\",\"id\":999999,\"result\":1}", "[" + new string('[', 2000) + new string(']', 2000) + "]",
            "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/hover\",\"params\":" + new string('[', 300) + new string(']', 300) + "}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"no/such\"}", "{\"a\":\"\\ud800\"}", "\u00ff\u00fe",
        };
        return shapes[_random.Next(shapes.Length)];
    }

    private static JsonObject Position(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    private static string Summary(List<double> values) =>
        values.Count == 0 ? "none" : $"max {values.Max():0} ms, median {values.OrderBy(v => v).ElementAt(values.Count / 2):0} ms over {values.Count}";

    internal static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):0} MB";
}
