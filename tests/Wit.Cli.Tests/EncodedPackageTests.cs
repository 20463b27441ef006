using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Wit.Core.Semantics;
using Wit.Core.Workspace;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Cli.Tests;

/// <summary>
/// WIT packages encoded as components (<c>.wasm</c>) as roots and in <c>deps/</c>: they resolve as the WIT they were
/// encoded from (wit-component's encodings, made by jco: whole packages from <c>../shared/corpus/wit-print</c>'s
/// <c>.wat</c>, single worlds of every WASI 0.2.12 package), and bad bytes give a diagnostic.
/// </summary>
public sealed class EncodedPackageTests
{
    private static readonly string Wasi = RepoPaths.Corpus("wasi-wit", "wasi-0.2.12");

    private readonly ITestOutputHelper _output;

    public EncodedPackageTests(ITestOutputHelper output) => _output = output;

    /// <summary>The resolved JSON without docs and gates, which the encoding keeps in a custom section we do not read yet.</summary>
    internal static string WithoutDocs(string json)
    {
        var root = JsonNode.Parse(json)!;
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject o:
                    o.Remove("docs");
                    o.Remove("stability");
                    foreach (var (_, v) in o)
                    {
                        if (v != null) stack.Push(v);
                    }
                    break;
                case JsonArray a:
                    foreach (var v in a)
                    {
                        if (v != null) stack.Push(v);
                    }
                    break;
            }
        }
        return root.ToJsonString();
    }

    [Fact]
    public void Encoded_packages_resolve_as_their_source()
    {
        string corpus = RepoPaths.Corpus("wit-print");
        var cases = Directory.GetFiles(corpus, "*.wat").OrderBy(p => p, StringComparer.Ordinal)
            .Where(p => File.Exists(Path.ChangeExtension(p, ".wit"))).ToList();
        var binaries = ComponentText.Parse(cases.Select(File.ReadAllText).ToList());
        using var dir = new TempDirectory();
        var report = new StringBuilder();
        int same = 0;
        for (int i = 0; i < cases.Count; i++)
        {
            string name = Path.GetFileNameWithoutExtension(cases[i]);
            Assert.True(binaries[i].Wasm != null, $"{name}: {binaries[i].Error}");
            dir.WriteBytes(name + ".wasm", binaries[i].Wasm!);
            File.Copy(Path.ChangeExtension(cases[i], ".wit"), Path.Combine(dir.Path, name + ".wit"));
            var fromWasm = CliRun.Start(dir.Path, "resolve", name + ".wasm");
            var fromWit = CliRun.Start(dir.Path, "resolve", name + ".wit");
            if (fromWasm.ExitCode == 0 && fromWit.ExitCode == 0 && WithoutDocs(fromWasm.Output) == WithoutDocs(fromWit.Output))
            {
                same++;
            }
            else
            {
                report.AppendLine($"{name}: differs\n{fromWasm}\n--- from the source\n{fromWit}");
            }
        }
        _output.WriteLine($"{same} of {cases.Count} resolve as their source\n{report}");
        Assert.True(same >= MinSame, $"{same} of {cases.Count}\n{report}");
    }

    /// <summary>The count measured (a floor): every case, docs aside.</summary>
    private const int MinSame = 22;

    [Fact]
    public void Every_wasi_world_encoded_resolves_as_its_package()
    {
        var worlds = new List<(string Package, string World)>();
        foreach (string package in Directory.GetDirectories(Wasi).OrderBy(p => p, StringComparer.Ordinal))
        {
            var model = WitResolver.Resolve(PhysicalFileSystem.Instance, Path.Combine(package, "wit"));
            var root = model.Packages.Last();
            worlds.AddRange(root.Worlds.Keys.Select(w => (package, w)));
        }
        var encoded = ComponentText.EncodeWorlds(worlds.Select(w => (Path.Combine(w.Package, "wit"), w.World)).ToList());
        using var dir = new TempDirectory();
        var failures = new List<string>();
        for (int i = 0; i < worlds.Count; i++)
        {
            var (package, world) = worlds[i];
            Assert.True(encoded[i].Wasm != null, $"{package} {world}: {encoded[i].Error}");
            string file = $"{Path.GetFileName(package)}-{world}.wasm";
            dir.WriteBytes(file, encoded[i].Wasm!);
            var check = CliRun.Start(dir.Path, "check", file);
            var diff = CliRun.Start(dir.Path, "diff", Path.Combine(package, "wit"), file);
            // The encoding holds the one world and the interfaces it uses (`check` fails if one is missing): the other
            // worlds and interfaces read as removed, and nothing else may differ.
            var differences = diff.Output.Split('\n').Where(l => l.StartsWith("breaking:", StringComparison.Ordinal) || l.StartsWith("compatible:", StringComparison.Ordinal) || l.StartsWith("warning:", StringComparison.Ordinal))
                .Where(l => !(l.StartsWith("breaking: world ", StringComparison.Ordinal) && l.EndsWith(": world removed", StringComparison.Ordinal) && !l.StartsWith($"breaking: world {world}:", StringComparison.Ordinal)))
                .Where(l => !(l.EndsWith(": interface removed", StringComparison.Ordinal) && !l.Contains('.')))
                .ToList();
            if (check.ExitCode != 0 || differences.Count > 0)
            {
                failures.Add($"{file}: {check}\n{string.Join("\n", differences)}\n{diff}");
            }
        }
        _output.WriteLine($"{worlds.Count - failures.Count} of {worlds.Count} WASI 0.2.12 worlds resolve as their source");
        Assert.True(worlds.Count >= 9, string.Join(", ", worlds));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Abi_of_an_encoded_world_equals_the_source()
    {
        string cli = Path.Combine(Wasi, "cli", "wit");
        using var dir = new TempDirectory();
        dir.WriteBytes("command.wasm", ComponentText.EncodeWorlds(new[] { (cli, "command") })[0].Wasm!);
        foreach (string[] selector in new[] { new[] { "--world", "command" }, new[] { "--func", "wasi:cli/environment@0.2.12.get-environment" } })
        {
            var fromWasm = CliRun.Start(dir.Path, new[] { "abi", "command.wasm" }.Concat(selector).ToArray());
            var fromWit = CliRun.Start(dir.Path, new[] { "abi", cli }.Concat(selector).ToArray());
            Assert.True(fromWasm.ExitCode == 0, fromWasm.ToString());
            // The encoding lists a resource's methods before an interface's other functions, as wit-parser's decoder
            // then does too: the world's report holds the same lines, in another order.
            Assert.Equal(Sorted(fromWit.Output), Sorted(fromWasm.Output));
        }
        var func = CliRun.Start(dir.Path, "abi", "command.wasm", "--func", "wasi:sockets/ip-name-lookup@0.2.12.resolve-addresses");
        Assert.Equal(CliRun.Start(dir.Path, "abi", cli, "--func", "wasi:sockets/ip-name-lookup@0.2.12.resolve-addresses").Output, func.Output);
        Assert.Contains("resolve-addresses", func.Output);
    }

    [Fact]
    public void Dependencies_as_wasm_resolve_like_folders()
    {
        string clocks = Path.Combine(Wasi, "clocks", "wit");
        using var dir = new TempDirectory();
        foreach (string file in Directory.GetFiles(clocks, "*.wit"))
        {
            File.Copy(file, Path.Combine(dir.Path, Path.GetFileName(file)));
        }
        // wasi:io's one world imports every interface of the package, so its encoding carries the whole package.
        dir.WriteBytes(Path.Combine("deps", "io.wasm"), ComponentText.EncodeWorlds(new[] { (Path.Combine(Wasi, "io", "wit"), "imports") })[0].Wasm!);
        var fromWasm = CliRun.Start(dir.Path, "resolve", ".");
        var fromFolders = CliRun.Start(Path.GetTempPath(), "resolve", clocks);
        Assert.True(fromWasm.ExitCode == 0, fromWasm.ToString());
        Assert.Equal(WithoutDocs(fromFolders.Output), WithoutDocs(fromWasm.Output));
    }

    [Fact]
    public void A_world_encoding_depending_on_a_folder_takes_the_folder_package_over_its_stubs()
    {
        // clocks' encoding carries a stub of wasi:io (poll only); deps/io defines the whole package, which wins.
        using var dir = new TempDirectory();
        dir.WriteBytes("clocks.wasm", ComponentText.EncodeWorlds(new[] { (Path.Combine(Wasi, "clocks", "wit"), "imports") })[0].Wasm!);
        var stubOnly = CliRun.Start(dir.Path, "resolve", "clocks.wasm");
        Assert.True(stubOnly.ExitCode == 0, stubOnly.ToString());
        var io = JsonNode.Parse(stubOnly.Output)!["packages"]!.AsArray().Single(p => (string?)p!["name"] == "wasi:io@0.2.12")!;
        Assert.Equal(new[] { "poll" }, io["interfaces"]!.AsObject().Select(p => p.Key).ToArray());

        dir.Write("root/root.wit", "package a:root;\n\nworld w {\n  import wasi:clocks/monotonic-clock@0.2.12;\n  import wasi:io/streams@0.2.12;\n}\n");
        Directory.CreateDirectory(Path.Combine(dir.Path, "root", "deps"));
        File.Copy(Path.Combine(dir.Path, "clocks.wasm"), Path.Combine(dir.Path, "root", "deps", "clocks.wasm"));
        CopyDirectory(Path.Combine(Wasi, "io", "wit"), Path.Combine(dir.Path, "root", "deps", "io"));
        var run = CliRun.Start(dir.Path, "check", "root");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Theory]
    [InlineData(new byte[] { 0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0, 0x07, 0x10 }, "error[WIT1018]: failed to decode a WIT package encoded as a component: ")]
    [InlineData(new byte[] { 0, 0x61, 0x73, 0x6d, 1, 0, 0, 0 }, "error[WIT1018]: failed to decode a WIT package encoded as a component: a core module, not a component")]
    [InlineData(new byte[] { 0x70, 0x61, 0x63, 0x6b }, "error[WIT1018]: failed to decode a WIT package encoded as a component: not a WebAssembly binary (no \\0asm header)")]
    public void Malformed_wasm_is_a_diagnostic(byte[] bytes, string expected)
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("bad.wasm", bytes);
        dir.Write("pkg/a.wit", "package a:a;\n\ninterface i {}\n");
        dir.WriteBytes("pkg/deps/bad.wasm", bytes);
        // A file that holds no package is an input error, as an unreadable file is, at the root or in deps/.
        foreach (string path in new[] { "bad.wasm", "pkg" })
        {
            var run = CliRun.Start(dir.Path, "check", path);
            Assert.True(run.ExitCode == ExitCodes.UsageOrIoError, run.ToString());
            Assert.Contains(expected, run.Output);
        }
    }

    [Fact]
    public void A_component_that_is_not_a_package_is_a_diagnostic()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("c.wasm", ComponentText.Parse("(component (import \"f\" (func)))"));
        var run = CliRun.Start(dir.Path, "resolve", "c.wasm");
        Assert.True(run.ExitCode == ExitCodes.UsageOrIoError, run.ToString());
        Assert.Contains("error[WIT1018]: found an actual component instead of an encoded WIT package in wasm", run.Output + run.Error);
    }

    [Fact]
    public void Component_text_is_unsupported()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/a.wit", "package a:a;\n\ninterface i {}\n");
        dir.Write("pkg/deps/d.wat", "(component)");
        var run = CliRun.Start(dir.Path, "check", "pkg");
        Assert.Contains("error[WIT1013]: WIT packages in the component text format (.wat) are not supported yet: encode the package as a binary (.wasm)", run.Output);
    }

    private static string Sorted(string text) => string.Join("\n", text.Split('\n').OrderBy(l => l, StringComparer.Ordinal));

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from, "*.wit"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
