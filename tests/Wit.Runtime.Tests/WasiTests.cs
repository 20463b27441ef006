using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;
using Wit.Runtime.Wasi;
using Xunit;

namespace Wit.Runtime.Tests;

/// <summary>
/// A C program built with clang and wasi-libc (<c>Programs/wasi_echo.c</c>, rebuilt by <c>Programs/build.sh</c>) runs
/// on the runtime's <c>wasi_snapshot_preview1</c> as it runs under node's <c>node:wasi</c>: same stdout, stderr and
/// exit code.
/// </summary>
public sealed class WasiTests
{
    private static string Program => Path.Combine(RepoPaths.Root, "tests", "Wit.Runtime.Tests", "Programs", "wasi_echo.wasm");

    private static (string Stdout, string Stderr, int ExitCode, WasmTrapException? Trap) RunHere(params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var argv = new List<string> { "wasi_echo.wasm" };
        argv.AddRange(args);
        var wasi = new WasiPreview1(argv, new Dictionary<string, string> { ["GREETING"] = "hi" }, stdout, stderr);
        int code;
        WasmTrapException? trap = null;
        try
        {
            code = wasi.RunCommand(new Store(), ModuleDecoder.Decode(File.ReadAllBytes(Program)));
        }
        catch (WasmTrapException e)
        {
            trap = e;
            code = -1;
        }
        return (Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()), code, trap);
    }

    private static (string Stdout, string Stderr, int ExitCode) RunNode(params string[] args)
    {
        var psi = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Program)!,
        };
        psi.ArgumentList.Add("--no-warnings");
        psi.ArgumentList.Add("node-wasi.mjs");
        psi.ArgumentList.Add("wasi_echo.wasm");
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (stdout.Result, stderr, p.ExitCode);
    }

    /// <summary>Each case is the program's arguments, separated by '|'.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("one|two|5")]
    [InlineData("exit")]
    [InlineData("ünïcödé|")]
    public void Runs_as_under_node(string joined)
    {
        var args = joined.Length == 0 ? Array.Empty<string>() : joined.Split('|');
        var here = RunHere(args);
        var node = RunNode(args);
        Assert.Null(here.Trap);
        Assert.Equal(node.Stdout, here.Stdout);
        Assert.Equal(node.Stderr, here.Stderr);
        Assert.Equal(node.ExitCode, here.ExitCode);
        Assert.Contains("clock=ok", here.Stdout);
        Assert.Contains("random=ok", here.Stdout);
    }

    [Fact]
    public void A_trap_in_the_program_is_a_trap_with_the_c_functions_on_its_stack()
    {
        var here = RunHere("trap");
        var node = RunNode("trap");
        Assert.NotNull(here.Trap);
        Assert.Equal("unreachable", here.Trap!.Reason);
        Assert.Contains("RuntimeError: unreachable", node.Stderr);
        Assert.Equal(node.Stdout, here.Stdout);
        Assert.Equal("main", here.Trap.WasmStack[0].FunctionName);
        // node prints each frame's offset as 0x...: ours are the same module offsets.
        foreach (var frame in here.Trap.WasmStack)
        {
            Assert.Contains($"{frame.FunctionName} (wasm://", node.Stderr);
            Assert.Contains($":0x{frame.Pc:x})", node.Stderr);
        }
    }

    [Fact]
    public void A_preopened_directory_gives_files_to_read_and_write_and_nothing_outside_it()
    {
        string root = Path.Combine(Path.GetTempPath(), "wit-wasi-files-" + Guid.NewGuid().ToString("N"));
        string data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "in.txt"), "hello file\n");
        File.WriteAllText(Path.Combine(root, "secret.txt"), "no\n");
        try
        {
            var stdout = new MemoryStream();
            var argv = new List<string> { "wasi_files.wasm", "/data/in.txt", "/data/out.txt", "/data/../secret.txt" };
            var wasi = new WasiPreview1(argv, new Dictionary<string, string>(), stdout, Stream.Null);
            wasi.Preopen("/data", data);
            string program = Path.Combine(RepoPaths.Root, "tests", "Wit.Runtime.Tests", "Programs", "wasi_files.wasm");
            int code = wasi.RunCommand(new Store(), ModuleDecoder.Decode(File.ReadAllBytes(program)));
            wasi.CloseFiles();
            // wasi-libc asks for "../secret.txt" under the "/data" preopen: the runtime refuses a ".." out of it.
            Assert.Equal("read 11 of 11: hello file\noutside: Capabilities insufficient\n", Encoding.UTF8.GetString(stdout.ToArray()));
            Assert.Equal(0, code);
            Assert.Equal("copied: hello file\n", File.ReadAllText(Path.Combine(data, "out.txt")));

            var escape = new MemoryStream();
            var wasi2 = new WasiPreview1(new List<string> { "wasi_files.wasm", "in.txt", "out2.txt", "../secret.txt" }, new Dictionary<string, string>(), escape, Stream.Null);
            wasi2.Preopen(".", data);
            Assert.Equal(0, wasi2.RunCommand(new Store(), ModuleDecoder.Decode(File.ReadAllBytes(program))));
            wasi2.CloseFiles();
            Assert.EndsWith("outside: Capabilities insufficient\n", Encoding.UTF8.GetString(escape.ToArray()));
            Assert.True(File.Exists(Path.Combine(data, "out2.txt")));

            // A symbolic link inside the preopen that leads out of it is refused like the "..", not followed by the host.
            File.CreateSymbolicLink(Path.Combine(data, "link.txt"), Path.Combine("..", "secret.txt"));
            File.CreateSymbolicLink(Path.Combine(data, "absolute.txt"), Path.Combine(root, "secret.txt"));
            var linked = new MemoryStream();
            var wasi3 = new WasiPreview1(new List<string> { "wasi_files.wasm", "link.txt", "out3.txt", "absolute.txt" }, new Dictionary<string, string>(), linked, Stream.Null);
            wasi3.Preopen(".", data);
            Assert.Equal(1, wasi3.RunCommand(new Store(), ModuleDecoder.Decode(File.ReadAllBytes(program))));
            wasi3.CloseFiles();
            Assert.Equal("open link.txt: Capabilities insufficient\n", Encoding.UTF8.GetString(linked.ToArray()));
            var absolute = new MemoryStream();
            var wasi4 = new WasiPreview1(new List<string> { "wasi_files.wasm", "in.txt", "out4.txt", "absolute.txt" }, new Dictionary<string, string>(), absolute, Stream.Null);
            wasi4.Preopen(".", data);
            Assert.Equal(0, wasi4.RunCommand(new Store(), ModuleDecoder.Decode(File.ReadAllBytes(program))));
            wasi4.CloseFiles();
            Assert.EndsWith("outside: Capabilities insufficient\n", Encoding.UTF8.GetString(absolute.ToArray()));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
