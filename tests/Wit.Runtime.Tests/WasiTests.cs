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
}
