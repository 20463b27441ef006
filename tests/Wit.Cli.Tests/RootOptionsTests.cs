using Xunit;

namespace Wit.Cli.Tests;

/// <summary>
/// The root command's help and version options, which <see cref="WitCommandLine.CreateRootCommand"/> makes itself
/// (System.CommandLine's root command reads its resources as it is built, a tenth of a cold `wit check`): every help
/// alias on the root and on each command, version alone and only alone, and help winning over a parse error.
/// </summary>
public class RootOptionsTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("/h")]
    [InlineData("/?")]
    public void Every_help_alias_shows_the_root_help(string alias)
    {
        var run = CliRun.Start(System.IO.Path.GetTempPath(), alias);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("Description:\n  wit: tools for the WebAssembly component model's interface languages", run.Output);
        Assert.Contains("\nUsage:\n  wit [command] [options]\n", run.Output);
        Assert.Matches(@"\n  -\?, -h, --help +Show help and usage information\n", run.Output);
        Assert.Matches(@"\n  --version +Show version information\n", run.Output);
        Assert.Contains("\n  check <path> ", run.Output);
        Assert.Equal("", run.Error);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("lint")]
    [InlineData("diff")]
    [InlineData("component-wit")]
    public void Help_reaches_every_command_and_lists_itself_there(string command)
    {
        var run = CliRun.Start(System.IO.Path.GetTempPath(), command, "-h");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"\nUsage:\n  wit {command} ", run.Output);
        Assert.Matches(@"\n  -\?, -h, --help +Show help and usage information\n", run.Output);
        Assert.DoesNotContain("--version", run.Output);
    }

    [Fact]
    public void Help_is_shown_even_with_a_mistake_beside_it()
    {
        var run = CliRun.Start(System.IO.Path.GetTempPath(), "check", "--help", "--bogus");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("\nUsage:\n  wit check <path> [options]\n", run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Version_combined_with_a_command_is_a_usage_error()
    {
        var run = CliRun.Start(System.IO.Path.GetTempPath(), "--version", "check");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error: --version option cannot be combined with other arguments\n", run.Error);
        Assert.EndsWith("Run 'wit --help' for usage.\n", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Version_given_twice_is_still_alone()
    {
        var run = CliRun.Start(System.IO.Path.GetTempPath(), "--version", "--version");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"^0\.1\.0(\+[0-9a-f]+)?\n$", run.Output);
        Assert.Equal("", run.Error);
    }

    [Theory]
    [InlineData("--version extra", "unrecognized command or argument 'extra'")]
    [InlineData("check --version", "unrecognized option '--version'")]
    public void Version_is_a_root_option_without_arguments(string commandLine, string message)
    {
        var run = CliRun.Start(System.IO.Path.GetTempPath(), commandLine.Split(' '));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"error: {message}\n", run.Error);
        Assert.DoesNotContain("cannot be combined", run.Error);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("lint")]
    public void A_command_without_its_argument_is_not_taken_for_a_version_request(string command)
    {
        var run = CliRun.Start(System.IO.Path.GetTempPath(), command);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.DoesNotContain("--version", run.Error);
        Assert.Contains($"error: required argument missing for command: '{command}'\n", run.Error);
    }
}
