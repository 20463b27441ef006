using System;
using System.Collections.Generic;
using System.IO;
using Wasmtime;
using Xunit;
using WasmtimeComponent = Wasmtime.Components.Component;
using WasmtimeLinker = Wasmtime.Components.ComponentLinker;

namespace Wit.Cli.Tests;

/// <summary>
/// <c>wit run component.wasm</c> runs C programs made command components (<c>Programs/components/*.c</c>, rebuilt by
/// <c>build.sh</c> there with clang, wasi-libc and jco's preview1 adapter) on our engine's WASI 0.2 host, and they print
/// what they print under Wasmtime's WASI 0.2 (the Wasmtime NuGet package) with the same arguments, environment and
/// preopen: the same stdout, stderr and exit code. Each run gets a fresh directory: <c>sandbox/</c> preopened as
/// <c>/sandbox</c> with <c>inside.txt</c> and two symlinks leading out (<c>up</c> to <c>../outside</c>, <c>abs</c> to
/// an absolute path), and <c>outside/secret.txt</c> beside it.
/// </summary>
public sealed class RunComponentTests
{
    private static string ProgramDirectory => Path.Combine(RepoPaths.Root, "tests", "Wit.Cli.Tests", "Programs", "components");

    private sealed record Outcome(string Stdout, string Stderr, int ExitCode, string[] Outside)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}--- outside: {string.Join(", ", Outside)}";
    }

    private static string MakeWorld(TempDirectory temp)
    {
        string sandbox = Path.Combine(temp.Path, "sandbox");
        string outside = Path.Combine(temp.Path, "outside");
        Directory.CreateDirectory(sandbox);
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "secret\n");
        File.WriteAllText(Path.Combine(sandbox, "inside.txt"), "inside\n");
        File.CreateSymbolicLink(Path.Combine(sandbox, "up"), "../outside");
        File.CreateSymbolicLink(Path.Combine(sandbox, "abs"), Path.Combine(outside, "secret.txt"));
        return sandbox;
    }

    private static string[] OutsideEntries(TempDirectory temp)
    {
        var entries = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(temp.Path)) entries.Add(Path.GetFileName(entry));
        foreach (var entry in Directory.EnumerateFileSystemEntries(Path.Combine(temp.Path, "outside"))) entries.Add("outside/" + Path.GetFileName(entry));
        entries.Sort(StringComparer.Ordinal);
        return entries.ToArray();
    }

    private static Outcome RunHere(string program, string[] args, string stdin = "")
    {
        using var temp = new TempDirectory();
        string sandbox = MakeWorld(temp);
        var argv = new List<string> { "run", "--env", "GREETING=hi", "--dir", sandbox + "::/sandbox", Path.Combine(ProgramDirectory, program) };
        argv.AddRange(args);
        var run = CliRun.StartWithInput(ProgramDirectory, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin)), argv.ToArray());
        return new Outcome(run.Output, run.Error, run.ExitCode, OutsideEntries(temp));
    }

    private static Outcome RunWasmtime(string program, string[] args, string stdin = "")
    {
        using var temp = new TempDirectory();
        string sandbox = MakeWorld(temp);
        string stdout = Path.Combine(Path.GetTempPath(), "wit-wasmtime-" + Guid.NewGuid().ToString("N"));
        string stderr = stdout + ".err";
        string input = stdout + ".in";
        File.WriteAllText(input, stdin);
        var argv = new List<string> { Path.Combine(ProgramDirectory, program) };
        argv.AddRange(args);
        int exitCode;
        using (var engine = new Engine())
        using (var component = WasmtimeComponent.FromBytes(engine, File.ReadAllBytes(Path.Combine(ProgramDirectory, program))))
        using (var linker = new WasmtimeLinker(engine))
        using (var store = new Store(engine))
        {
            linker.AddWasiPreview2();
            store.SetWasiConfiguration(new WasiConfiguration()
                .WithArgs(argv)
                .WithEnvironmentVariable("GREETING", "hi")
                .WithStandardInput(input)
                .WithStandardOutput(stdout)
                .WithStandardError(stderr)
                .WithPreopenedDirectory(sandbox, "/sandbox", true));
            var instance = linker.Instantiate(store, component);
            var run = instance.GetFunction("wasi:cli/run@0.2.12", "run") ?? throw new InvalidOperationException("no wasi:cli/run export");
            try
            {
                exitCode = run.Call()!.IsOk ? 0 : 1;
            }
            catch (WasmtimeException e) when (e.ExitCode is int code)
            {
                exitCode = code;
            }
        }

        var outcome = new Outcome(File.ReadAllText(stdout), File.ReadAllText(stderr), exitCode, OutsideEntries(temp));
        File.Delete(stdout);
        File.Delete(stderr);
        File.Delete(input);
        return outcome;
    }

    /// <summary>Each case: the program, its arguments separated by '|', its stdin.</summary>
    [Theory]
    [InlineData("hello.wasm", "", "")]
    [InlineData("hello.wasm", "one|two words|ünïcödé", "a line\nanother\n")]
    [InlineData("files.wasm", "", "")]
    [InlineData("escape.wasm", "", "")]
    [InlineData("exit3.wasm", "", "")]
    public void Prints_what_it_prints_under_wasmtime(string program, string joined, string stdin)
    {
        var args = joined.Length == 0 ? Array.Empty<string>() : joined.Split('|');
        var here = RunHere(program, args, stdin);
        var wasmtime = RunWasmtime(program, args, stdin);
        Assert.True(wasmtime.ToString() == here.ToString(), $"Wasmtime:\n{wasmtime}\nwit run:\n{here}");
    }

    [Fact]
    public void Escapes_from_the_preopen_are_refused_and_leave_the_outside_alone()
    {
        var here = RunHere("escape.wasm", Array.Empty<string>());
        Assert.True(here.ExitCode == 0, here.ToString());
        Assert.DoesNotContain("ALLOWED", here.Stdout.Replace("open inside: ALLOWED", ""));
        Assert.Contains("open inside: ALLOWED", here.Stdout);
        Assert.Contains("open via up/secret.txt: Operation not permitted", here.Stdout);
        Assert.Equal(new[] { "outside", "outside/secret.txt", "sandbox" }, here.Outside);
    }

    [Fact]
    public void The_arguments_environment_and_exit_code_reach_the_component()
    {
        var here = RunHere("hello.wasm", new[] { "x" }, "piped\n");
        Assert.True(here.ExitCode == 0, here.ToString());
        Assert.StartsWith("argc=2\nargv[1]=x\nGREETING=hi\nMISSING=(unset)\nstdin=piped\n", here.Stdout);
        Assert.Equal("to stderr: 1 arguments\n", here.Stderr);
        Assert.Equal(1, RunHere("exit3.wasm", Array.Empty<string>()).ExitCode);
    }

    [Fact]
    public void A_trap_exits_134_as_the_component_traps_under_wasmtime()
    {
        var here = RunHere("hello.wasm", new[] { "trap" });
        Assert.True(here.ExitCode == RunCommand.TrapExitCode, here.ToString());
        Assert.Contains("trap: unreachable", here.Stderr);
        Assert.StartsWith("to stderr: 1 arguments\n", here.Stderr);
        var e = Assert.Throws<WasmtimeException>(() => RunWasmtime("hello.wasm", new[] { "trap" }));
        Assert.Null(e.ExitCode);
        Assert.Contains("wasm `unreachable` instruction executed", e.Message);
    }

    [Fact]
    public void A_preopen_on_a_core_module_or_a_missing_directory_is_a_clear_error()
    {
        string core = Path.Combine(RepoPaths.Root, "tests", "Wit.Runtime.Tests", "Programs", "wasi_echo.wasm");
        var run = CliRun.Start(ProgramDirectory, "run", "--dir", ".", core);
        Assert.Equal(ExitCodes.UsageOrIoError, run.ExitCode);
        Assert.Contains("--dir needs a component", run.Error);
        run = CliRun.Start(ProgramDirectory, "run", "--dir", "no-such-dir::/x", "hello.wasm");
        Assert.Equal(ExitCodes.UsageOrIoError, run.ExitCode);
        Assert.Contains("does not exist", run.Error);
        run = CliRun.Start(ProgramDirectory, "run", "--dir", "::/x", "hello.wasm");
        Assert.Equal(ExitCodes.UsageOrIoError, run.ExitCode);
        Assert.Contains("HOST[::GUEST]", run.Error);
    }
}
