using System.IO;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary><c>wit run</c> runs a WASI command module (the C program of the runtime's tests) and passes its exit code on.</summary>
public sealed class RunCommandTests
{
    private static string ProgramDirectory => Path.Combine(RepoPaths.Root, "tests", "Wit.Runtime.Tests", "Programs");

    [Fact]
    public void Runs_a_wasi_program_with_arguments_environment_and_exit_code()
    {
        var run = CliRun.Start(ProgramDirectory, "run", "--env", "GREETING=hello", "wasi_echo.wasm", "a", "b", "42");
        Assert.True(run.ExitCode == 42, run.ToString());
        Assert.Equal("argc=4\nargv[1]=a\nargv[2]=b\nargv[3]=42\nGREETING=hello\nclock=ok\nrandom=ok\n", run.Output);
        Assert.Equal("stderr: 3 arguments\n", run.Error);
    }

    [Fact]
    public void A_trap_prints_the_wasm_stack_and_exits_134()
    {
        var run = CliRun.Start(ProgramDirectory, "run", "wasi_echo.wasm", "trap");
        Assert.True(run.ExitCode == 134, run.ToString());
        Assert.Contains("trap: unreachable", run.Error);
        Assert.Contains("at main @ 0x", run.Error);
    }

    [Fact]
    public void A_file_that_is_not_wasm_is_a_clear_error()
    {
        var run = CliRun.Start(ProgramDirectory, "run", "wasi_echo.c");
        Assert.Equal(ExitCodes.UsageOrIoError, run.ExitCode);
        Assert.Contains("magic header not detected", run.Error);
    }
}
