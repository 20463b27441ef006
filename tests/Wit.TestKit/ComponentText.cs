using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.IO;
using System.Text.Json;

namespace Wit.TestKit;

/// <summary>
/// Component text to binary through wasm-tools' parser inside jco (<c>parse-components.mjs</c>). jco lives in the
/// oracle's cache (<c>~/.cache/wit-oracle</c>, or <c>$WIT_ORACLE_HOME</c>); when it is missing, the oracle's script
/// installs it first, as the other oracle-backed tests do.
/// </summary>
public static class ComponentText
{
    private static readonly object Gate = new();

    private static string Cache => Environment.GetEnvironmentVariable("WIT_ORACLE_HOME") is { Length: > 0 } home
        ? home
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "wit-oracle");

    private static string JcoTranspile =>
        Path.Combine(Cache, "node_modules", "@bytecodealliance", "jco-transpile");

    private static void EnsureInstalled()
    {
        if (Directory.Exists(JcoTranspile))
        {
            return;
        }
        // The oracle script installs jco into its cache on first use (then prints its usage: no arguments given).
        string oracle = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "tools", "wit-oracle", "wit-oracle"));
        using var p = Process.Start(new ProcessStartInfo(oracle) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (!Directory.Exists(JcoTranspile))
        {
            throw new InvalidOperationException($"jco is not installed in {Cache}: run {oracle} once");
        }
    }

    /// <summary>Each text's binary, or the parser's error.</summary>
    public static List<(byte[]? Wasm, string? Error)> Parse(IReadOnlyList<string> texts) =>
        RunScript("parse-components.mjs", JsonSerializer.Serialize(texts));

    /// <summary>
    /// Each world (a WIT directory or file, and a world's name) as a WIT package in wit-component's binary encoding:
    /// the world with the interfaces it imports and exports, other packages' as stubs, or upstream's error.
    /// </summary>
    public static List<(byte[]? Wasm, string? Error)> EncodeWorlds(IReadOnlyList<(string WitPath, string World)> worlds) =>
        RunScript("encode-worlds.mjs", JsonSerializer.Serialize(worlds.Select(w => new Dictionary<string, string> { ["path"] = Path.GetFullPath(w.WitPath), ["world"] = w.World }).ToList()));

    /// <summary>Each component's WIT as upstream prints it (<c>wasm-tools component wit</c>), or upstream's error.</summary>
    public static List<(string? Wit, string? Error)> PrintWit(IReadOnlyList<byte[]> binaries) =>
        RunScript("print-wit.mjs", JsonSerializer.Serialize(binaries.Select(Convert.ToBase64String).ToList()))
            .Select(r => (r.Wasm == null ? null : System.Text.Encoding.UTF8.GetString(r.Wasm), r.Error)).ToList();

    private static List<(byte[]? Wasm, string? Error)> RunScript(string script, string json)
    {
        lock (Gate)
        {
            EnsureInstalled();
        }
        string input = Path.GetTempFileName();
        File.WriteAllText(input, json);
        var psi = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add("--no-warnings");
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "Wit.TestKit", script));
        psi.ArgumentList.Add(JcoTranspile);
        psi.ArgumentList.Add(input);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        File.Delete(input);
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed: {stderr.Result}");
        }
        var results = new List<(byte[]?, string?)>();
        foreach (var e in JsonDocument.Parse(stdout.Result).RootElement.EnumerateArray())
        {
            results.Add(e.TryGetProperty("wasm", out var w) ? (Convert.FromBase64String(w.GetString()!), null)
                : e.TryGetProperty("wit", out var wit) ? (System.Text.Encoding.UTF8.GetBytes(wit.GetString()!), null)
                : (null, e.GetProperty("error").GetString()));
        }
        return results;
    }

    /// <summary>One text's binary; a parse error fails the test.</summary>
    public static byte[] Parse(string text)
    {
        var (wasm, error) = Parse(new[] { text })[0];
        return wasm ?? throw new InvalidOperationException($"jco could not parse the component text: {error}");
    }
}
