using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary>
/// Text output shows at most 500 diagnostics of one file, then one WIT0013 that counts the rest (issue 20: a file of
/// garbage must not print one diagnostic per character); the summary still counts every error, and JSON has them all.
/// </summary>
public sealed class DiagnosticCapTests
{
    // 600 lines, each with one bad character between words: one WIT0002 per line (spaces end a run).
    private static string Garbage()
    {
        var text = new StringBuilder("package a:b;\n");
        for (int i = 0; i < 600; i++) text.Append("interface i").Append(i).Append(" { # }\n");
        return text.ToString();
    }

    [Fact]
    public void Parse_prints_500_diagnostics_of_a_file_and_counts_the_rest()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", Garbage());

        var run = CliRun.Start(dir.Path, "parse", "a.wit");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(500, Regex.Matches(run.Output, @"^error\[WIT0002\]", RegexOptions.Multiline).Count);
        Assert.Contains("[WIT0013]: and 100 more diagnostics in this file, not shown", run.Output);
        Assert.Equal("parsed 1 file: 600 errors\n", run.Error);
    }

    [Fact]
    public void Check_caps_each_file_and_json_keeps_every_diagnostic()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", Garbage());

        var text = CliRun.Start(dir.Path, "check", "a.wit");
        var json = CliRun.Start(dir.Path, "check", "a.wit", "--format", "json");

        Assert.Equal(500, Regex.Matches(text.Output, @"^error\[WIT0002\]", RegexOptions.Multiline).Count);
        Assert.Single(Regex.Matches(text.Output, @"\[WIT0013\]: and 100 more diagnostics in this file, not shown").Cast<Match>());
        Assert.Equal(600, Regex.Matches(json.Output, "\"code\":\\s*\"WIT0002\"").Count);
    }
}
