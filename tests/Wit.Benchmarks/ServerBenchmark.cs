using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.Core.Tests.TestKit;
using Wit.Core.Workspace;
using Wit.LanguageServer.Tests.TestKit;

namespace Wit.Benchmarks;

/// <summary>
/// The language server's latency budgets, through real JSON-RPC over in-memory pipes (the server in this process,
/// the disk read as an editor's server would): keystroke to published diagnostics in a 5,000-line file inside the
/// WASI 0.3 <c>http</c> package (opened as an unsaved buffer next to the real files, so the whole package and its
/// <c>deps/</c> are re-resolved and linted on every keystroke), and hover, definition and completion medians on the
/// WASI files, with both WASI workspaces (0.2.12 and 0.3.0) open as folders.
/// </summary>
internal static class ServerBenchmark
{
    public static string Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task<string> RunAsync()
    {
        string wasi02 = Path.Combine(RepoPaths.Root, "..", "shared", "corpus", "wasi-wit", "wasi-0.2.12");
        string wasi03 = Path.Combine(RepoPaths.Root, "..", "shared", "corpus", "wasi-wit", "wasi-0.3.0");
        wasi02 = Path.GetFullPath(wasi02);
        wasi03 = Path.GetFullPath(wasi03);
        string httpDirectory = Path.Combine(wasi03, "http", "wit");
        string types = Path.Combine(httpDirectory, "types.wit");
        string typesText = File.ReadAllText(types);
        string generatedPath = Path.Combine(httpDirectory, "generated-bench.wit");
        string generated = Generate(5000);

        var output = new StringBuilder();
        output.AppendLine("## Language server (in-process, JSON-RPC over in-memory pipes)\n");
        await using var client = await LspTestClient.StartAsync(PhysicalFileSystem.Instance, new[] { wasi02, wasi03 });

        // Wait until the first full pass has published every workspace file (both workspaces analysed).
        var startup = Stopwatch.StartNew();
        int files = Directory.GetFiles(wasi02, "*.wit", SearchOption.AllDirectories).Length + Directory.GetFiles(wasi03, "*.wit", SearchOption.AllDirectories).Length;
        while (client.Notifications.Count(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics") < files && startup.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(10);
        output.AppendLine($"- first diagnostics for all {files} files of both WASI workspaces: {startup.ElapsedMilliseconds} ms after `initialized`\n");

        client.KeepNotifications = false;
        await client.OpenAsync(types, typesText);
        await client.OpenAsync(generatedPath, generated);
        await client.WaitForVersionAsync(generatedPath, 1);
        string[] lines = generated.Split('\n');
        int line = lines.Length / 2;
        while (!lines[line].Contains("func(", StringComparison.Ordinal)) line++;
        int column = lines[line].IndexOf(':', StringComparison.Ordinal);

        // Keystrokes: insert a letter into a function name, then delete it (each one a real change of the package).
        var keystrokes = new List<double>();
        int version = 1;
        var gcPause = TimeSpan.Zero;
        int[] collections = new int[3];
        for (int i = 0; i < 400; i++)
        {
            if (i == 40)
            {
                gcPause = GC.GetTotalPauseDuration();
                for (int g = 0; g < 3; g++) collections[g] = GC.CollectionCount(g);
            }

            bool insert = i % 2 == 0;
            var clock = Stopwatch.StartNew();
            if (insert) await client.ChangeAsync(generatedPath, ++version, line, column, line, column, "x");
            else await client.ChangeAsync(generatedPath, ++version, line, column, line, column + 1, "");
            var published = await client.WaitForVersionAsync(generatedPath, version);
            clock.Stop();
            if (i >= 40) keystrokes.Add(clock.Elapsed.TotalMilliseconds);
            if (published["diagnostics"]!.AsArray().Any(d => d!["severity"]!.GetValue<int>() == 1)) throw new InvalidOperationException("the generated file has errors");
        }

        output.AppendLine($"- GC during the measured keystrokes (whole process): {(GC.GetTotalPauseDuration() - gcPause).TotalMilliseconds / keystrokes.Count:0.00} ms paused per keystroke; "
            + $"collections gen0 {GC.CollectionCount(0) - collections[0]}, gen1 {GC.CollectionCount(1) - collections[1]}, gen2 {GC.CollectionCount(2) - collections[2]}\n");
        var table = new MarkdownTable("operation", "median ms", "p90 ms", "p99 ms", "samples");
        Add(table, "keystroke -> publishDiagnostics (5,000-line file in WASI 0.3 http)", keystrokes);

        // Queries on the real types.wit: a type reference (`duration` from wasi:clocks), a use path, a type position.
        string[] typeLines = typesText.Split('\n');
        int useLine = Array.FindIndex(typeLines, l => l.Contains("use wasi:clocks/types@0.3.0.{duration}", StringComparison.Ordinal));
        int durationColumn = typeLines[useLine].IndexOf("duration", StringComparison.Ordinal) + 2;
        int fieldLine = Array.FindIndex(typeLines, l => l.Contains("field-size-payload {", StringComparison.Ordinal)) + 2;
        int fieldColumn = typeLines[fieldLine].IndexOf(':', StringComparison.Ordinal) + 2;
        Add(table, "hover (type from deps)", await TimeAsync(client, "textDocument/hover", LspTestClient.TextDocumentPosition(types, useLine, durationColumn)));
        Add(table, "definition (into deps)", await TimeAsync(client, "textDocument/definition", LspTestClient.TextDocumentPosition(types, useLine, durationColumn)));
        Add(table, "completion (type position)", await TimeAsync(client, "textDocument/completion", LspTestClient.TextDocumentPosition(types, fieldLine, fieldColumn)));
        Add(table, "hover (5,000-line file)", await TimeAsync(client, "textDocument/hover", LspTestClient.TextDocumentPosition(generatedPath, line, 3)));
        Add(table, "semantic tokens full (5,000-line file)", await TimeAsync(client, "textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri(generatedPath) } }, 30));
        Add(table, "document symbols (5,000-line file)", await TimeAsync(client, "textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri(generatedPath) } }, 30));
        output.Append(table);
        output.AppendLine($"\n> in-process working set after the run: {Environment.WorkingSet / (1024 * 1024)} MB (benchmark and server together; see `server-memory` for the server process alone)");
        return output.ToString();
    }

    private static async Task<List<double>> TimeAsync(LspTestClient client, string method, JsonObject parameters, int samples = 200)
    {
        var times = new List<double>();
        for (int i = 0; i < samples + 20; i++)
        {
            var clock = Stopwatch.StartNew();
            var result = await client.RequestAsync(method, parameters.DeepClone());
            clock.Stop();
            if (result["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
            if (result["result"] is null) throw new InvalidOperationException($"{method}: null result");
            if (i >= 20) times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    /// <summary>A row of median, p90 and p99 (sorts <paramref name="samples"/>).</summary>
    internal static void Add(MarkdownTable table, string name, List<double> samples)
    {
        samples.Sort();
        double Percentile(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p * samples.Count) - 1)];
        table.Add(name, Format.Number(Percentile(0.5), "0.000"), Format.Number(Percentile(0.9), "0.000"), Format.Number(Percentile(0.99), "0.000"), samples.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A file of the <c>wasi:http</c> package with about <paramref name="lines"/> lines: documented interfaces that use
    /// the package's own types and clocks from <c>deps/</c>, with records, variants, enums and functions.
    /// </summary>
    public static string Generate(int lines)
    {
        var b = new StringBuilder("package wasi:http@0.3.0;\n\n");
        int count = 0;
        for (int i = 0; b.ToString().Count(c => c == '\n') < lines; i++)
        {
            b.Append("/// Generated interface ").Append(i).Append(".\n");
            b.Append("@since(version = 0.3.0)\n");
            b.Append("interface gen").Append(i).Append(" {\n");
            b.Append("  @since(version = 0.3.0)\n  use types.{request, response, error-code, fields};\n");
            b.Append("  @since(version = 0.3.0)\n  use wasi:clocks/types@0.3.0.{duration};\n\n");
            b.Append("  /// A record.\n  @since(version = 0.3.0)\n  record rec").Append(i).Append(" {\n    /// Field a.\n    a: u32,\n    /// Field b.\n    b: string,\n    /// Field c.\n    c: list<u8>,\n    /// Field d.\n    d: option<duration>,\n  }\n\n");
            b.Append("  /// A variant.\n  @since(version = 0.3.0)\n  variant var").Append(i).Append(" {\n    /// A.\n    a(rec").Append(i).Append("),\n    /// B.\n    b(error-code),\n    /// C.\n    c,\n  }\n\n");
            b.Append("  /// Sends.\n  @since(version = 0.3.0)\n  send").Append(i).Append(": func(r: request, v: var").Append(i).Append(") -> result<response, error-code>;\n");
            b.Append("}\n\n");
            count++;
            if (count > 100_000) break;
        }

        return b.ToString();
    }
}
