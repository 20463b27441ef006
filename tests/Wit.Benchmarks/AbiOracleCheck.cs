using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Wit.Core.Abi;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;
using Wit.Core.Tests.TestKit;
using Wit.Core.Workspace;

namespace Wit.Benchmarks;

/// <summary>
/// <c>abi-oracle</c>: for every world of the root package of every WASI 0.2.12 and 0.3.0 proposal, compares the core
/// imports and exports <see cref="WorldBindings"/> derives (names and core function types) with the dummy module
/// upstream derives for the same world (<c>../shared/tools/wit-oracle/wit-oracle core &lt;dir&gt; &lt;world&gt;</c>,
/// wasm-tools inside jco, about a second per world). Prints a Markdown table and the count, then every difference;
/// the exit code is 1 when any world disagrees. It needs node, so it is run by hand, not in CI.
/// </summary>
internal static class AbiOracleCheck
{
    private static readonly Regex TypeLine = new(@"^\s*\(type \(;(\d+);\) \(func(.*)\)\)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex ImportLine = new(@"^\s*\(import ""((?:[^""\\]|\\.)*)"" ""((?:[^""\\]|\\.)*)"" \(func \(;(\d+);\) \(type (\d+)\)\)\)", RegexOptions.CultureInvariant);
    private static readonly Regex ExportLine = new(@"^\s*\(export ""((?:[^""\\]|\\.)*)"" \(func (\d+)\)\)", RegexOptions.CultureInvariant);
    private static readonly Regex FuncLine = new(@"^\s*\(func \(;(\d+);\) \(type (\d+)\)", RegexOptions.CultureInvariant);
    private static readonly Regex ValueGroup = new(@"\((param|result)((?: [a-z0-9]+)*)\)", RegexOptions.CultureInvariant);

    public static int Run()
    {
        string oracle = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "tools", "wit-oracle", "wit-oracle"));
        var table = new MarkdownTable("world", "core functions", "equal?");
        var differences = new StringBuilder();
        int worlds = 0, agreeing = 0;
        foreach (var (proposal, directory) in Proposals())
        {
            var workspace = WorkspaceLoader.Load(PhysicalFileSystem.Instance, directory);
            var model = WitResolver.Resolve(workspace);
            if (model.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
            {
                worlds++;
                table.Add(proposal, "-", "no: resolution failed");
                differences.Append($"{proposal}: {error.Code}: {error.Message}\n");
                continue;
            }

            // The root package is the one declared in the proposal's own files, not in its deps/.
            var rootTexts = new HashSet<object>(workspace.Root?.Files.Select(f => (object)f.Tree.Text) ?? Enumerable.Empty<object>());
            foreach (var package in model.Packages.Where(p => p.Location is { } location && rootTexts.Contains(location.Document)))
            {
                foreach (var world in package.Worlds.Values)
                {
                    worlds++;
                    string name = $"{package.Name.WithoutVersion}/{world.Name}@{package.Name.Version}";
                    var ours = Ours(world);
                    var (theirs, failure) = Theirs(oracle, directory, world.Name);
                    if (theirs is null)
                    {
                        table.Add(name, "-", "no: the oracle failed");
                        differences.Append($"{name}: {failure}\n");
                        continue;
                    }

                    var diff = Compare(ours, theirs);
                    if (diff.Count == 0) agreeing++;
                    table.Add(name, theirs.Count.ToString(CultureInfo.InvariantCulture), diff.Count == 0 ? "yes" : $"no ({diff.Count} differences)");
                    foreach (string line in diff) differences.Append($"{name}: {line}\n");
                }
            }
        }

        Console.WriteLine("## Canonical ABI: core imports and exports of the WASI worlds against upstream's dummy modules\n");
        Console.WriteLine(table);
        Console.WriteLine($"{agreeing} of {worlds} worlds agree (core function names and types, imports and exports).");
        if (differences.Length > 0) Console.WriteLine("\n```text\n" + differences + "```");
        return agreeing == worlds && worlds > 0 ? 0 : 1;
    }

    /// <summary>
    /// <c>abi-fuzz [--seed N] [--count N]</c>: random packages of one world (<see cref="RandomWorlds"/>), each compared
    /// with upstream's dummy module as <see cref="Run"/> compares the WASI worlds. Prints the counts and every
    /// difference, keeping each package that disagrees (or that either side rejects) on disk; exit code 1 when any does.
    /// </summary>
    public static int Fuzz(string[] args)
    {
        int seed = 1, count = 100;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--seed") seed = Number(args[i + 1]);
            else if (args[i] == "--count") count = Number(args[i + 1]);
        }

        string oracle = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "tools", "wit-oracle", "wit-oracle"));
        string keep = Path.Combine(Path.GetTempPath(), "wit-abi-fuzz");
        var generator = new RandomWorlds(seed);
        int agreeing = 0, functions = 0;
        var differences = new StringBuilder();
        for (int n = 0; n < count; n++)
        {
            string text = generator.Next();
            string directory = Path.Combine(keep, $"s{seed}-{n:D4}");
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "fuzz.wit"), text);
            var model = WitResolver.Resolve(WorkspaceLoader.Load(PhysicalFileSystem.Instance, directory));
            var (theirs, failure) = Theirs(oracle, directory, "w");
            if (model.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
            {
                differences.Append($"{directory}: ours rejects ({error.Code}: {error.Message}); upstream {(theirs is null ? "rejects: " + failure : "accepts")}\n");
                continue;
            }

            if (theirs is null)
            {
                differences.Append($"{directory}: upstream rejects: {failure}\n");
                continue;
            }

            var world = model.Packages.SelectMany(p => p.Worlds.Values).Single(w => w.Name == "w");
            var diff = Compare(Ours(world), theirs);
            functions += theirs.Count;
            if (diff.Count == 0)
            {
                agreeing++;
                Directory.Delete(directory, recursive: true);
            }

            foreach (string line in diff) differences.Append($"{directory}: {line}\n");
        }

        Console.WriteLine($"seed {seed}: {agreeing} of {count} random worlds agree with upstream ({functions} core functions compared).");
        if (differences.Length > 0) Console.WriteLine("\n```text\n" + differences + "```");
        return agreeing == count ? 0 : 1;
    }

    /// <summary>Every WASI 0.2.12 and 0.3.0 proposal's <c>wit/</c> directory, named like <c>0.2.12/http</c>.</summary>
    private static IEnumerable<(string Name, string Directory)> Proposals()
    {
        foreach (string version in new[] { "0.2.12", "0.3.0" })
        {
            foreach (string proposal in Directory.GetDirectories(Corpus.PathOf("wasi-wit", "wasi-" + version)).OrderBy(d => d, StringComparer.Ordinal))
            {
                string wit = Path.Combine(proposal, "wit");
                yield return ($"{version}/{Path.GetFileName(proposal)}", Directory.Exists(wit) ? wit : proposal);
            }
        }
    }

    /// <summary>Our core functions, keyed <c>import "module" "name"</c> or <c>export "name"</c>, valued by their core type.</summary>
    private static Dictionary<string, string> Ours(World world)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var function in WorldBindings.For(world, new CanonicalAbi()))
        {
            string key = function.IsImport ? $"import \"{function.Module}\" \"{function.Name}\"" : $"export \"{function.Name}\"";
            result[key] = CoreType(function.Signature.Parameters.Select(CoreValueTypes.Name), function.Signature.Results.Select(CoreValueTypes.Name));
        }

        return result;
    }

    /// <summary>Upstream's core functions for the world, read off the WebAssembly text the oracle prints.</summary>
    private static (Dictionary<string, string>? Functions, string Failure) Theirs(string oracle, string directory, string world)
    {
        var info = new ProcessStartInfo(oracle)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("core");
        info.ArgumentList.Add(directory);
        info.ArgumentList.Add(world);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) return (null, $"exit {process.ExitCode}: {error.Result.Trim()}");
        return (ParseWat(output), string.Empty);
    }

    /// <summary>
    /// The function imports and exports of a module in wasm-tools' text format: <c>(type (;N;) (func (param …) (result …)))</c>
    /// lines give types, <c>(import "m" "n" (func (;i;) (type N)))</c> and <c>(func (;K;) (type N) …</c> give each
    /// function index its type, <c>(export "n" (func K))</c> names exports. Memory exports are not functions.
    /// </summary>
    private static Dictionary<string, string> ParseWat(string wat)
    {
        var types = new Dictionary<int, string>();
        var functionTypes = new Dictionary<int, int>();
        var imports = new List<(string Module, string Name, int Function)>();
        var exports = new List<(string Name, int Function)>();
        foreach (string line in wat.Split('\n'))
        {
            Match match;
            if ((match = TypeLine.Match(line)).Success)
            {
                var parameters = new List<string>();
                var results = new List<string>();
                foreach (Match group in ValueGroup.Matches(match.Groups[2].Value))
                {
                    var values = group.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    (group.Groups[1].Value == "param" ? parameters : results).AddRange(values);
                }

                types[Number(match.Groups[1].Value)] = CoreType(parameters, results);
            }
            else if ((match = ImportLine.Match(line)).Success)
            {
                int function = Number(match.Groups[3].Value);
                functionTypes[function] = Number(match.Groups[4].Value);
                imports.Add((Unescape(match.Groups[1].Value), Unescape(match.Groups[2].Value), function));
            }
            else if ((match = ExportLine.Match(line)).Success)
            {
                exports.Add((Unescape(match.Groups[1].Value), Number(match.Groups[2].Value)));
            }
            else if ((match = FuncLine.Match(line)).Success)
            {
                functionTypes[Number(match.Groups[1].Value)] = Number(match.Groups[2].Value);
            }
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (module, name, function) in imports) result[$"import \"{module}\" \"{name}\""] = TypeOf(function);
        foreach (var (name, function) in exports) result[$"export \"{name}\""] = TypeOf(function);
        return result;

        string TypeOf(int function) =>
            functionTypes.TryGetValue(function, out int type) && types.TryGetValue(type, out string? text) ? text : $"<function {function} has no type>";
    }

    private static List<string> Compare(Dictionary<string, string> ours, Dictionary<string, string> theirs)
    {
        var lines = new List<string>();
        foreach (var (key, type) in theirs.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!ours.TryGetValue(key, out string? mine)) lines.Add($"missing {key} {type}");
            else if (mine != type) lines.Add($"{key}: ours {mine}, upstream {type}");
        }

        foreach (var (key, type) in ours.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!theirs.ContainsKey(key)) lines.Add($"extra {key} {type}");
        }

        return lines;
    }

    private static string CoreType(IEnumerable<string> parameters, IEnumerable<string> results)
    {
        var p = parameters.ToList();
        var r = results.ToList();
        var builder = new StringBuilder("(func");
        if (p.Count > 0) builder.Append(" (param ").Append(string.Join(" ", p)).Append(')');
        if (r.Count > 0) builder.Append(" (result ").Append(string.Join(" ", r)).Append(')');
        return builder.Append(')').ToString();
    }

    private static int Number(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Undoes the WebAssembly text format's string escapes (<c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\hh</c> bytes, <c>\u{…}</c>).</summary>
    private static string Unescape(string text)
    {
        if (text.IndexOf('\\') < 0) return text;
        var bytes = new List<byte>();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\\' || i + 1 >= text.Length)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            char next = text[++i];
            switch (next)
            {
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case 'u' when i + 1 < text.Length && text[i + 1] == '{':
                    int close = text.IndexOf('}', i);
                    int scalar = int.Parse(text.AsSpan(i + 2, close - i - 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    bytes.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(scalar)));
                    i = close;
                    break;
                default:
                    if (Uri.IsHexDigit(next) && i + 1 < text.Length && Uri.IsHexDigit(text[i + 1]))
                    {
                        bytes.Add(byte.Parse(text.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i++;
                    }
                    else
                    {
                        bytes.Add((byte)next);
                    }

                    break;
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
