using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.Core.Tests.TestKit;
using Wit.LanguageServer.Tests.Process;

namespace Wit.Benchmarks;

/// <summary>
/// The server process's memory with both WASI workspaces (0.2.12 and 0.3.0) open as folders: it starts
/// <c>dotnet wit-language-server.dll</c> (or the command given, such as a published build), waits until diagnostics were published for every <c>.wit</c> file of both
/// (every root analysed), and reads the resident set (VmRSS) and its peak (VmHWM) from <c>/proc</c>.
/// </summary>
internal static class ServerMemoryBenchmark
{
    public static string Run() => RunAsync(null).GetAwaiter().GetResult().Report;

    /// <summary>The Markdown report and the resident set in MB, for the built server or <paramref name="command"/>.</summary>
    internal static async Task<(string Report, double ResidentMegabytes)> RunAsync(string[]? command)
    {
        string[] folders = new[] { "wasi-0.2.12", "wasi-0.3.0" }
            .Select(v => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "corpus", "wasi-wit", v))).ToArray();
        int files = folders.Sum(f => Directory.GetFiles(f, "*.wit", SearchOption.AllDirectories).Length);
        await using var server = command is null ? ServerProcess.Start("--stdio") : ServerProcess.StartCommand(command);
        var clock = Stopwatch.StartNew();
        var initialize = await server.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["capabilities"] = new JsonObject(),
            ["workspaceFolders"] = new JsonArray(folders.Select(f => (JsonNode)new JsonObject { ["uri"] = ServerProcess.Uri(f), ["name"] = Path.GetFileName(f) }).ToArray()),
        });
        if (initialize["error"] is not null) throw new InvalidOperationException(initialize.ToJsonString());
        await server.NotifyAsync("initialized", new JsonObject());
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            int published = server.Notifications.Where(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics")
                .Select(n => n["params"]!["uri"]!.GetValue<string>()).Distinct().Count();
            if (published >= files) break;
            await Task.Delay(20);
        }

        double allPublished = clock.Elapsed.TotalMilliseconds;
        await Task.Delay(2000);
        string status = File.ReadAllText($"/proc/{server.ProcessId}/status");
        string Field(string name) => status.Split('\n').First(l => l.StartsWith(name + ":", StringComparison.Ordinal)).Substring(name.Length + 1).Trim();
        await server.RequestAsync("shutdown", null);
        await server.NotifyAsync("exit", null);
        double residentMegabytes = double.Parse(Field("VmRSS").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        return ("## Language server process memory (both WASI workspaces open)\n\n"
            + $"- {files} files, diagnostics published for all {Format.Number(allPublished, "0")} ms after `initialize` was sent\n"
            + $"- resident set (VmRSS) 2 s later: {Field("VmRSS")}; peak (VmHWM): {Field("VmHWM")}\n", residentMegabytes);
    }
}
