using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary>
/// <c>--timings</c> on <c>check</c> and <c>lint</c>: the size of what was parsed (files, UTF-8 bytes, lines, deps
/// included), one line per phase and the memory, on standard error before the summary; standard output and the exit
/// code are those of the same run without it.
/// </summary>
public sealed class TimingsTests
{
    private const string Root = "package a:b;\n\ninterface i {\n  use a:dep/t.{x};\n  f: func(v: x) -> u32;\n}\n";

    // No line feed after the last line: it still counts as a line.
    private const string Dependency = "package a:dep;\n\ninterface t {\n  type x = string;\n}";

    private static TempDirectory Package()
    {
        var dir = new TempDirectory();
        dir.Write("wit/root.wit", Root);
        dir.Write("wit/deps/dep/t.wit", Dependency);
        return dir;
    }

    private static string[] Lines(string text) => text.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Check_reports_the_size_parsed_and_each_phase_before_the_summary()
    {
        using var dir = Package();

        var run = CliRun.Start(dir.Path, "check", "--timings", "wit");

        Assert.Equal(0, run.ExitCode);
        string[] lines = Lines(run.Error);
        int bytes = Root.Length + Dependency.Length;
        Assert.Equal($"timings: 2 files, {bytes} bytes, 11 lines", lines[0]);
        string[] phases = lines.Skip(1).Take(6).Select(l => l.Trim().Split("  ")[0]).ToArray();
        Assert.Equal(new[] { "read", "parse", "resolve", "output", "total", "process CPU" }, phases);
        foreach (string line in lines.Skip(1).Take(6)) Assert.Matches(@"^  [A-Za-z ]+ +\d+\.\d ms", line);
        Assert.Matches(@"^  parse +\d+\.\d ms   \d+\.\d MB/s$", lines[2]);
        Assert.Matches(@"^  memory: peak resident \d+\.\d MB, allocated \d+\.\d MB, collections \d+/\d+/\d+ \(pause \d+\.\d ms\)", lines[7]);
        Assert.Equal("checked 2 files: 0 errors", lines[^1]);
        Assert.Equal(9, lines.Length);
    }

    [Fact]
    public void The_phases_add_up_to_no_more_than_the_total()
    {
        using var dir = Package();

        var run = CliRun.Start(dir.Path, "check", "--timings", "wit");

        double Phase(string name) => double.Parse(Regex.Match(run.Error, $@"\n  {name} +(\d+\.\d) ms").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        double sum = Phase("read") + Phase("parse") + Phase("resolve") + Phase("output");
        Assert.True(sum <= Phase("total") + 0.2, run.Error);
        Assert.True(Phase("parse") > 0 || Phase("resolve") > 0, run.Error);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void Standard_output_and_exit_code_are_those_of_a_run_without_it(string format)
    {
        using var dir = new TempDirectory();
        dir.Write("wit/root.wit", "package a:b;\n\ninterface i {\n  f: func(v: strng);\n  g: func(\n}\n");

        var plain = CliRun.Start(dir.Path, "check", "--format", format, "wit");
        var timed = CliRun.Start(dir.Path, "check", "--format", format, "--timings", "wit");

        Assert.Equal(1, plain.ExitCode);
        Assert.Equal(plain.ExitCode, timed.ExitCode);
        Assert.Equal(plain.Output, timed.Output);
        Assert.Equal(Lines(plain.Error)[^1], Lines(timed.Error)[^1]);
        Assert.DoesNotContain("timings:", plain.Error);
        Assert.StartsWith("timings: 1 file, ", timed.Error);
    }

    [Fact]
    public void Lint_times_its_rules_too()
    {
        using var dir = Package();

        var plain = CliRun.Start(dir.Path, "lint", "wit");
        var run = CliRun.Start(dir.Path, "lint", "--timings", "wit");

        Assert.Equal(plain.ExitCode, run.ExitCode);
        Assert.Equal(plain.Output, run.Output);
        string[] phases = Lines(run.Error).Where(l => l.StartsWith("  ") && !l.StartsWith("  memory")).Select(l => l.Trim().Split("  ")[0]).ToArray();
        Assert.Equal(new[] { "read", "parse", "resolve", "lint", "output", "total", "process CPU" }, phases);
        Assert.StartsWith("linted 2 files:", Lines(run.Error)[^1]);
    }

    [Fact]
    public void Parse_times_reading_parsing_and_output_of_each_file_it_is_given()
    {
        using var dir = Package();
        dir.Write("k.witx", "(typename $fd u32)\n");

        var plain = CliRun.Start(dir.Path, "parse", "wit", "k.witx");
        var run = CliRun.Start(dir.Path, "parse", "--timings", "wit", "k.witx");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(plain.Output, run.Output);
        string[] lines = Lines(run.Error);
        Assert.Equal($"timings: 3 files, {Root.Length + Dependency.Length + 19} bytes, 12 lines", lines[0]);
        string[] phases = lines.Where(l => l.StartsWith("  ") && !l.StartsWith("  memory")).Select(l => l.Trim().Split("  ")[0]).ToArray();
        Assert.Equal(new[] { "read", "parse", "output", "total", "process CPU" }, phases);
        Assert.Equal("parsed 3 files: 0 errors", lines[^1]);
    }

    [Fact]
    public void A_path_that_does_not_exist_is_an_error_without_timings()
    {
        using var dir = new TempDirectory();

        var run = CliRun.Start(dir.Path, "check", "--timings", "missing");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("timings:", run.Error);
    }

    [Fact]
    public void Witx_is_checked_and_the_user_told_it_is_not_timed()
    {
        using var dir = new TempDirectory();
        dir.Write("k.witx", "(typename $fd u32)\n");

        var run = CliRun.Start(dir.Path, "check", "--timings", "k.witx");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("note: --timings times the phases of WIT packages; 'k.witx' is WITX", run.Error);
        Assert.DoesNotContain("timings:", run.Error.Replace("--timings", string.Empty));
    }
}
