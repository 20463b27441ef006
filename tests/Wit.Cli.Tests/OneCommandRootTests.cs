using System.CommandLine;
using System.IO;
using System.Linq;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary>
/// A command line that starts with a command's name is parsed by a root holding that command alone
/// (<see cref="WitCommandLine.CreateRootCommand"/>'s <c>only</c>): what it prints and returns must be what the whole
/// tree would print and return, for help, usage errors and runs alike.
/// </summary>
public class OneCommandRootTests
{
    private static readonly string[] Names =
        ["parse", "check", "resolve", "witx", "abi", "fmt", "diff", "lint", "run", "inspect", "component-wit"];

    [Fact]
    public void The_whole_root_lists_every_command_in_order_and_a_named_one_holds_that_command_alone()
    {
        var whole = WitCommandLine.CreateRootCommand(TextWriter.Null, TextWriter.Null, Path.GetTempPath());
        Assert.Equal(Names, whole.Subcommands.Select(c => c.Name));
        foreach (string name in Names)
        {
            var one = WitCommandLine.CreateRootCommand(TextWriter.Null, TextWriter.Null, Path.GetTempPath(), only: name);
            Assert.Equal([name], one.Subcommands.Select(c => c.Name));
            Assert.Equal(whole.Options.Select(o => o.Name), one.Options.Select(o => o.Name));
        }
    }

    [Theory]
    [InlineData("check")]
    [InlineData("bogus")]
    [InlineData("--help")]
    [InlineData("-x")]
    public void A_name_that_is_not_a_command_builds_the_whole_root(string first)
    {
        var root = WitCommandLine.CreateRootCommand(TextWriter.Null, TextWriter.Null, Path.GetTempPath(), only: first);
        Assert.Equal(first == "check" ? 1 : Names.Length, root.Subcommands.Count);
    }

    public static TheoryData<string[]> CommandLines()
    {
        var data = new TheoryData<string[]>();
        foreach (string name in Names)
        {
            data.Add([name, "--help"]);
            data.Add([name, "--bogus"]);
            data.Add([name]);
        }

        data.Add(["check", "missing.wit", "--format", "yaml"]);
        data.Add(["check", "a.wit", "b.wit"]);
        data.Add(["lint", "--profile"]);
        data.Add(["fmt", "--check", "--indent", "x", "a.wit"]);
        data.Add(["diff", "a.wit"]);
        data.Add(["check", "lint"]);
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void A_command_line_reads_the_same_as_through_the_whole_tree(string[] args)
    {
        string directory = Path.GetTempPath();
        var viaRun = CliRun.Start(directory, args);

        var output = new StringWriter();
        var error = new StringWriter();
        var whole = WitCommandLine.CreateRootCommand(output, error, directory);
        int exitCode = WitCommandLine.Invoke(whole, args, output, error);

        Assert.Equal(output.ToString(), viaRun.Output);
        Assert.Equal(error.ToString(), viaRun.Error);
        Assert.Equal(exitCode, viaRun.ExitCode);
    }
}
