using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;
using Wit.Core.Workspace;
using Wit.OracleDiff;
using Wit.TestKit;

// Differential check of `wit check` against upstream on inputs nobody wrote a test for: mutants of the corpus's WIT
// files, each resolved by us and by upstream (through wit-oracle's jco), compared on accept/reject and on the first
// error's message. Prints the counts and every disagreement grouped by message shape, with the mutant kept on disk.
// With `--generate true`, packages written from the grammar (RandomPackages: several interfaces and worlds, uses,
// includes, a dependency, gates, one deliberate slip in about half of them) instead of mutants.
//   dotnet run --project tests/Wit.OracleDiff -c Release -- [--seed N] [--count N] [--corpus DIR] [--keep DIR] [--generate true]
// `--write-only DIR` writes the generated packages there without checking them (for tests/Wit.Fuzz --corpus DIR).
int seed = 1, count = 500;
bool generate = false;
string? writeOnly = null;
string corpus = RepoPaths.Corpus();
string keep = Path.Combine(Path.GetTempPath(), "wit-oracle-diff");
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--count": count = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--corpus": corpus = args[i + 1]; break;
        case "--keep": keep = args[i + 1]; break;
        case "--generate": generate = args[i + 1] == "true"; break;
        case "--write-only": writeOnly = args[i + 1]; break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

var sources = new[] { "wit-parser-ui", Path.Combine("wit-parser-ui", "parse-fail"), "wit-print" }
    .Select(folder => Path.Combine(corpus, folder))
    .Where(Directory.Exists)
    .SelectMany(folder => Directory.GetFiles(folder, "*.wit"))
    .OrderBy(path => path, StringComparer.Ordinal)
    .ToList();
if (sources.Count == 0)
{
    Console.Error.WriteLine($"no WIT files under {corpus}");
    return 2;
}

Directory.CreateDirectory(keep);
var random = new Random(seed);
var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
var groups = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
var rules = new Dictionary<string, int>(StringComparer.Ordinal);
var packages = new RandomPackages(random);

// `--write-only DIR`: the generated packages written there and nothing checked (inputs for tests/Wit.Fuzz --corpus DIR).
if (writeOnly is not null)
{
    for (int n = 0; n < count; n++) packages.Write(Path.Combine(writeOnly, $"g{seed}-{n:D5}"));
    Console.WriteLine($"wrote {count} generated packages to {writeOnly}");
    return 0;
}

using var oracle = new OracleProcess();
for (int n = 0; n < count; n++)
{
    string path;
    if (generate)
    {
        path = packages.Write(Path.Combine(keep, $"g{seed}-{n:D5}"));
    }
    else
    {
        string source = sources[random.Next(sources.Count)];
        string text = File.ReadAllText(source);
        string mutant = Mutator.Mutate(text, random);
        if (mutant == text) continue;
        path = Path.Combine(keep, $"s{seed}-{n:D5}.wit");
        File.WriteAllText(path, mutant);
    }

    var model = WitResolver.Resolve(PhysicalFileSystem.Instance, path, ResolveOptions.Default);
    var first = model.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
    string? ours = first is null ? null : FirstLine(first.Message);
    string? upstream;
    try
    {
        upstream = oracle.Check(path) is { } error ? UpstreamMessage(error) : null;
    }
    catch (TimeoutException)
    {
        counts["skipped: upstream timed out"] = counts.GetValueOrDefault("skipped: upstream timed out") + 1;
        continue;
    }
    catch (UpstreamPanicException)
    {
        counts["skipped: upstream panicked"] = counts.GetValueOrDefault("skipped: upstream panicked") + 1;
        continue;
    }

    // Upstream checks the package by embedding its first world, so the component model validator's rules (WIT1019)
    // meet only what that world reaches; we check every interface, as encoding the whole package does. Asked again with
    // a first world that imports every interface of the root package, upstream must then say what we say.
    if (upstream is null && first is { Code: "WIT1019" } && WithEveryInterfaceImported(path, model) is { } everything)
    {
        try
        {
            // A directory is compared on the verdict only, as below.
            string? again = oracle.Check(everything) is { } error ? UpstreamMessage(error) : null;
            bool directory = Directory.Exists(path);
            if (again == ours || directory && again is not null && again.StartsWith("failed to parse", StringComparison.Ordinal))
            {
                string outcomeAgain = directory ? "agree: both reject once a world imports every interface (a directory)" : "agree: same first message once a world imports every interface";
                counts[outcomeAgain] = counts.GetValueOrDefault(outcomeAgain) + 1;
                if (directory) Directory.Delete(everything, recursive: true);
                else File.Delete(everything);
                if (generate) Directory.Delete(directory ? path : Path.GetDirectoryName(path)!, recursive: true);
                else File.Delete(path);
                continue;
            }
        }
        catch (Exception e) when (e is TimeoutException or UpstreamPanicException)
        {
        }
    }

    string outcome = (upstream, ours) switch
    {
        (null, null) => "agree: both accept",
        (not null, not null) when upstream == ours => "agree: same first message",
        // wit-parser's rendered error lists the two places after a colon; the error's Display (which jco gives) does not.
        (not null, not null) when ours == upstream + ":" && upstream.EndsWith("is defined in two different locations", StringComparison.Ordinal) => "agree: same first message",
        (not null, not null) when Directory.Exists(path) && upstream.StartsWith("failed to parse", StringComparison.Ordinal) => "agree: both reject (a directory: upstream gives no cause)",
        (not null, not null) => "disagree: first message",
        (null, not null) => "disagree: we reject, upstream accepts",
        _ => "disagree: we accept, upstream rejects",
    };
    counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
    if (outcome == "agree: same first message") rules[first!.Code + " " + Shape(ours)] = rules.GetValueOrDefault(first.Code + " " + Shape(ours)) + 1;
    if (outcome.StartsWith("agree", StringComparison.Ordinal))
    {
        if (generate) Directory.Delete(Directory.Exists(path) ? path : Path.GetDirectoryName(path)!, recursive: true);
        else File.Delete(path);
        continue;
    }

    string key = $"{outcome} | upstream: {Shape(upstream)} | ours: {first?.Code} {Shape(ours)}";
    if (!groups.TryGetValue(key, out var examples)) groups[key] = examples = new List<string>();
    examples.Add($"{path} {(first?.Document is { } d ? d.GetDisplayLocation(first.Span.Start).ToString() : string.Empty)}: upstream \"{upstream}\", ours \"{ours}\"");
}

int total = counts.Where(c => !c.Key.StartsWith("skipped", StringComparison.Ordinal)).Sum(c => c.Value);
Console.WriteLine(generate ? $"seed {seed}: {total} generated packages" : $"seed {seed}: {total} mutants of {sources.Count} corpus files");
foreach (var (outcome, n) in counts) Console.WriteLine($"  {outcome}: {n} ({100.0 * n / total:0.0}%)");
Console.WriteLine($"  errors met where both agree: {rules.Count} kinds; most often: " +
    string.Join("; ", rules.OrderByDescending(r => r.Value).Take(8).Select(r => $"{r.Key} ({r.Value})")));
foreach (var (key, examples) in groups)
{
    Console.WriteLine($"\n{key}: {examples.Count}");
    foreach (string example in examples.Take(3)) Console.WriteLine("    " + example);
}

return 0;

// A copy of the file, or of the directory (its deps/ too), with a world that imports every interface of the root
// package put first (after the package line of the first file that has one); null when there is no such line.
static string? WithEveryInterfaceImported(string path, WitModel model)
{
    bool directory = Directory.Exists(path);
    string copy = directory ? path + ".every-interface" : path + ".every-interface.wit";
    if (directory)
    {
        if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true);
        foreach (string file in Directory.GetFiles(path, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(copy, Path.GetRelativePath(path, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    var candidates = directory ? Directory.GetFiles(copy, "*.wit").OrderBy(f => f, StringComparer.Ordinal).ToList() : new List<string> { path };
    foreach (string file in candidates)
    {
        string text = File.ReadAllText(file);
        var declaration = Regex.Match(text, @"^package\s+([^;{\s]+)\s*;", RegexOptions.Multiline);
        if (!declaration.Success) continue;
        var package = model.Packages.FirstOrDefault(p => p.Name.ToString() == declaration.Groups[1].Value);
        if (package is null || package.Interfaces.Count == 0) break;
        string world = "\nworld oracle-every-interface {\n" + string.Concat(package.Interfaces.Keys.Select(name => $"  import {name};\n")) + "}\n";
        File.WriteAllText(directory ? file : copy, text.Insert(declaration.Index + declaration.Length, world));
        return copy;
    }

    if (directory) Directory.Delete(copy, recursive: true);
    return null;
}

static string FirstLine(string message)
{
    int newline = message.IndexOf('\n');
    return (newline < 0 ? message : message.Substring(0, newline)).TrimEnd('\r');
}

// wit-parser's error is its first line; when the package resolved but encoding the component failed ("Failed to decode
// Wasm"), the component model validator's message is the line after "Caused by:", without its binary offset.
static string UpstreamMessage(string error)
{
    string first = FirstLine(error);
    var lines = error.Replace("\r\n", "\n").Split('\n');
    int cause = Array.IndexOf(lines, "Caused by:");
    if (first == "Failed to decode Wasm" && cause >= 0 && lines.Skip(cause + 1).FirstOrDefault(l => l.Trim().Length > 0) is { } validator)
    {
        return Regex.Replace(validator.Trim(), @" \(at offset 0x[0-9a-f]+\)$", string.Empty);
    }

    return StripPrefixes(first);
}

static string StripPrefixes(string line) =>
    Regex.Replace(Regex.Replace(line, @"^failed to resolve directory while parsing WIT for path \[[^\]]*\]: ", string.Empty), @"^failed to parse package: [^:]*: ", string.Empty);

// A message with its quoted parts blanked, so that one rule's disagreements group together.
static string Shape(string? message) =>
    message is null ? "(accepts)" : Regex.Replace(message, @"`[^`]*`|'[^']*'|\[[^\]]*\]|\d+(\.\d+)*", "_");
