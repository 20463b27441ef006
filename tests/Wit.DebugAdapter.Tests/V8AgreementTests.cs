using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.DebugAdapter.Wasm;
using Wit.Runtime.Binary;
using Xunit;
using Xunit.Abstractions;

namespace Wit.DebugAdapter.Tests;

/// <summary>
/// The adapter's stops and wasm locals against node's V8 over the Chrome DevTools Protocol (<c>V8/v8-stops.mjs</c>):
/// the C fixture's core module under node:wasi, with breakpoints at the same byte offsets (every offset a line
/// breakpoint of debuggee.c resolves to), each stop's offset and its frame's wasm locals compared in order. The tally
/// goes to the test output and <c>artifacts/v8-agreement.txt</c>.
/// </summary>
public sealed class V8AgreementTests
{
    private const int MaxStops = 400;

    private readonly ITestOutputHelper _output;

    public V8AgreementTests(ITestOutputHelper output) => _output = output;

    private sealed record Stop(int Offset, string[] Locals);

    private static List<int> LineOffsets(string program)
    {
        var image = new ProgramImage(ModuleDecoder.Decode(File.ReadAllBytes(program)), program);
        var offsets = new SortedSet<int>();
        int lines = File.ReadAllLines(DapTestClient.DebuggeeSource).Length;
        for (int line = 1; line <= lines; line++)
        {
            var (found, at) = image.OffsetsOfLine(DapTestClient.DebuggeeSource, line);
            if (found == line)
            {
                offsets.UnionWith(at);
            }
        }
        return offsets.ToList();
    }

    private static async Task<List<Stop>> OursAsync(string program, List<int> offsets, string[] args)
    {
        var stops = new List<Stop>();
        await using var client = new DapTestClient();
        await client.Launch(program, new JsonObject { ["args"] = new JsonArray(args.Select(a => (JsonNode)a).ToArray()) });
        await client.Request("setExceptionBreakpoints", new JsonObject { ["filters"] = new JsonArray() });
        await client.Request("setInstructionBreakpoints", new JsonObject
        {
            ["breakpoints"] = new JsonArray(offsets.Select(o => (JsonNode)new JsonObject { ["instructionReference"] = "0x" + o.ToString("x") }).ToArray()),
        });
        await client.Request("configurationDone");
        while (true)
        {
            var e = await client.NextEvent("stopped", "exited");
            if ((string?)e["event"] == "exited" || stops.Count >= MaxStops)
            {
                break;
            }
            var top = (await SessionTests.Frames(client))[0]!;
            int offset = Convert.ToInt32(((string)top["instructionPointerReference"]!)[2..], 16);
            var locals = await SessionTests.Variables(client, 1, "Wasm Locals");
            stops.Add(new Stop(offset, locals.Select(l => $"{l!["type"]}:{l["value"]}").ToArray()));
            await client.Request("continue", new JsonObject { ["threadId"] = 1 });
        }
        await client.Request("disconnect");
        return stops;
    }

    private static (List<Stop> Stops, string Summary) V8(string program, List<int> offsets, string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "Wit.DebugAdapter.Tests", "V8", "v8-stops.mjs"));
        start.ArgumentList.Add(program);
        start.ArgumentList.Add(string.Join(',', offsets));
        start.ArgumentList.Add(MaxStops.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "node did not finish within two minutes");
        Assert.True(process.ExitCode == 0, $"node failed ({process.ExitCode}): {stderr.Result}");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var stops = lines[..^1].Select(l => JsonNode.Parse(l)!).Select(j =>
            new Stop((int)j["offset"]!, ((JsonArray)j["locals"]!).Select(x => (string)x!).ToArray())).ToList();
        return (stops, lines[^1]);
    }

    [Fact]
    public async Task Stops_and_wasm_locals_agree_with_V8_at_every_line_offset_of_the_C_fixture()
    {
        string program = DapTestClient.Debuggee;
        var offsets = LineOffsets(program);
        Assert.True(offsets.Count > 20, $"{offsets.Count} offsets");
        var report = new StringBuilder();
        int stopsCompared = 0, localsCompared = 0, disagreements = 0;
        foreach (var args in new[] { Array.Empty<string>(), new[] { "trap" } })
        {
            var ours = await OursAsync(program, offsets, args);
            var (theirs, summary) = V8(program, offsets, args);
            Assert.Contains("\"moved\":[]", summary); // V8 took every offset as it is
            var problems = new List<string>();
            if (ours.Count != theirs.Count)
            {
                problems.Add($"{ours.Count} stops here, {theirs.Count} in V8");
            }
            for (int i = 0; i < Math.Min(ours.Count, theirs.Count); i++)
            {
                stopsCompared++;
                if (ours[i].Offset != theirs[i].Offset)
                {
                    problems.Add($"stop {i}: 0x{ours[i].Offset:x} here, 0x{theirs[i].Offset:x} in V8");
                    continue;
                }
                if (ours[i].Locals.Length != theirs[i].Locals.Length)
                {
                    problems.Add($"stop {i} at 0x{ours[i].Offset:x}: {ours[i].Locals.Length} locals here, {theirs[i].Locals.Length} in V8");
                }
                for (int l = 0; l < Math.Min(ours[i].Locals.Length, theirs[i].Locals.Length); l++)
                {
                    localsCompared++;
                    if (ours[i].Locals[l] != theirs[i].Locals[l])
                    {
                        problems.Add($"stop {i} at 0x{ours[i].Offset:x}, local {l}: {ours[i].Locals[l]} here, {theirs[i].Locals[l]} in V8");
                    }
                }
            }
            disagreements += problems.Count;
            report.AppendLine($"args [{string.Join(' ', args)}]: {ours.Count} stops here, {theirs.Count} in V8 ({summary}); {problems.Count} disagreements");
            foreach (var p in problems.Take(20))
            {
                report.AppendLine("  " + p);
            }
        }
        report.Insert(0, $"debuggee.wasm, {offsets.Count} breakpoint offsets: {stopsCompared} stops and {localsCompared} wasm locals compared, {disagreements} disagreements\n");
        _output.WriteLine(report.ToString());
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "artifacts"));
        File.WriteAllText(Path.Combine(RepoPaths.Root, "artifacts", "v8-agreement.txt"), report.ToString());
        Assert.True(disagreements == 0, report.ToString());
        Assert.True(stopsCompared > 50 && localsCompared > 200, report.ToString());
    }
}
