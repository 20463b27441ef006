using Xunit;

namespace Wit.Cli.Tests;

/// <summary>Usage errors: one message per mistake, worded alike by every command (issue 15, new-user defect 8).</summary>
public class UsageErrorTests
{
    [Fact]
    public void An_unknown_command_gives_one_message()
    {
        using var dir = new TempDirectory();

        var run = CliRun.Start(dir.Path, "bogus");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("error: unknown command 'bogus' (commands: parse, check, resolve, witx, abi, fmt, diff, lint, run, inspect, component-wit)\nRun 'wit --help' for usage.\n", run.Error);
    }

    [Fact]
    public void Choices_between_options_are_worded_alike()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", "package a:b;\ninterface i {}\n");

        var abi = CliRun.Start(dir.Path, "abi", "a.wit");
        var witx = CliRun.Start(dir.Path, "witx", "a.wit");

        Assert.True(abi.ExitCode == 2 && witx.ExitCode == 2, abi + "\n" + witx);
        Assert.Equal("error: give exactly one of --type, --func or --world\nRun 'wit --help' for usage.\n", abi.Error);
        Assert.Equal("error: give exactly one of --interface or --world\nRun 'wit --help' for usage.\n", witx.Error);
    }

    [Fact]
    public void The_parsers_own_messages_start_in_lower_case_as_ours_do()
    {
        using var dir = new TempDirectory();

        var run = CliRun.Start(dir.Path, "check", "a.wit", "--format", "xml");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("error: argument 'xml' not recognized", run.Error);
    }

    [Theory]
    [InlineData("Argument 'xml' not recognized.", "argument 'xml' not recognized")]
    [InlineData("WIT files only.", "WIT files only")]
    [InlineData("give one", "give one")]
    public void Sentence_lowers_the_first_letter_and_drops_the_full_stop(string message, string expected)
    {
        Assert.Equal(expected, WitCommandLine.Sentence(message));
    }
}
