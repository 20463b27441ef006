using System.Text.Json;
using Xunit;

namespace Wit.Cli.Tests;

public class DiffCommandTests
{
    private const string Old = "package a:b@1.0.0;\ninterface i {\n  f: func(x: u32);\n}\n";

    [Fact]
    public void A_breaking_change_with_a_minor_bump_is_reported_and_exits_1()
    {
        using var dir = new TempDirectory();
        dir.Write("old/a.wit", Old);
        dir.Write("new/a.wit", "package a:b@1.1.0;\ninterface i {\n  f: func(x: u64);\n}\n");

        var run = CliRun.Start(dir.Path, "diff", "old", "new");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            "breaking: i.f: parameter `x` changed type from u32 to u64\n" +
            "     --> new/a.wit:3:3\n" +
            "a:b 1.0.0 -> 1.1.0: 1 breaking, 0 compatible, 0 warnings; insufficient version bump: breaking changes need a major bump, but got a minor bump\n",
            run.Output);
    }

    [Fact]
    public void A_breaking_change_with_a_major_bump_exits_0()
    {
        using var dir = new TempDirectory();
        dir.Write("old.wit", Old);
        dir.Write("new.wit", "package a:b@2.0.0;\ninterface i {\n}\n");

        var run = CliRun.Start(dir.Path, "diff", "old.wit", "new.wit");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "breaking: i.f: function removed\n" +
            "     --> old.wit:3:3\n" +
            "a:b 1.0.0 -> 2.0.0: 1 breaking, 0 compatible, 0 warnings; major bump is sufficient\n",
            run.Output);
    }

    [Fact]
    public void A_compatible_change_exits_0()
    {
        using var dir = new TempDirectory();
        dir.Write("old.wit", Old);
        dir.Write("new.wit", "package a:b@1.0.1;\ninterface i {\n  f: func(x: u32);\n  g: func();\n}\n");

        var run = CliRun.Start(dir.Path, "diff", "old.wit", "new.wit");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "compatible: i.g: function added\n" +
            "     --> new.wit:4:3\n" +
            "a:b 1.0.0 -> 1.0.1: 0 breaking, 1 compatible, 0 warnings; version bump is sufficient\n",
            run.Output);
    }

    [Fact]
    public void Json_lists_the_changes_and_the_verdict()
    {
        using var dir = new TempDirectory();
        dir.Write("old.wit", Old);
        dir.Write("new.wit", "package a:b@1.0.1;\ninterface i {\n}\n");

        var run = CliRun.Start(dir.Path, "diff", "old.wit", "new.wit", "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.False(root.GetProperty("bumpSufficient").GetBoolean());
        Assert.Equal("patch", root.GetProperty("bump").GetString());
        Assert.Equal("major", root.GetProperty("requiredBump").GetString());
        var change = Assert.Single(root.GetProperty("changes").EnumerateArray());
        Assert.Equal("breaking", change.GetProperty("kind").GetString());
        Assert.Equal("i.f", change.GetProperty("path").GetString());
        Assert.Equal("old.wit:3:3", change.GetProperty("oldLocation").GetString());
    }

    [Fact]
    public void A_missing_path_exits_2()
    {
        using var dir = new TempDirectory();
        dir.Write("old.wit", Old);

        var run = CliRun.Start(dir.Path, "diff", "old.wit", "missing.wit");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no such file or directory: 'missing.wit'", run.Error);
    }

    [Fact]
    public void A_resolution_error_exits_1()
    {
        using var dir = new TempDirectory();
        dir.Write("old.wit", Old);
        dir.Write("new.wit", "package a:b@1.0.0;\ninterface i {\n  f: func(x: nope);\n}\n");

        var run = CliRun.Start(dir.Path, "diff", "old.wit", "new.wit");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("'new.wit' has 1 error(s)", run.Error);
    }

    [Fact]
    public void An_unchanged_version_is_said_in_words()
    {
        using var dir = new TempDirectory();
        dir.Write("old.wit", "package a:b@0.2.0;\ninterface i {\n  f: func();\n}\n");
        dir.Write("new.wit", "package a:b@0.2.0;\ninterface i {\n}\n");

        var run = CliRun.Start(dir.Path, "diff", "old.wit", "new.wit");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.EndsWith("insufficient version bump: breaking changes need a minor bump, but the version did not change\n", run.Output);
    }

    [Fact]
    public void Two_different_packages_are_an_error()
    {
        using var dir = new TempDirectory();
        dir.Write("old.wit", Old);
        dir.Write("new.wit", "package c:d@1.0.0;\ninterface i {\n  f: func(x: u32);\n}\n");

        var run = CliRun.Start(dir.Path, "diff", "old.wit", "new.wit");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal("error: 'old.wit' holds a:b@1.0.0 and 'new.wit' holds c:d@1.0.0: wit diff compares two versions of one package\n", run.Error);
    }

    [Fact]
    public void Text_output_gives_each_change_its_location()
    {
        using var dir = new TempDirectory();
        dir.Write("old.wit", "package a:b@1.0.0;\ninterface i {\n  resource r {\n    m: func(x: u32);\n  }\n  f: func();\n}\n");
        dir.Write("new.wit", "package a:b@2.0.0;\ninterface i {\n  f: func();\n}\n");

        var run = CliRun.Start(dir.Path, "diff", "old.wit", "new.wit");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "breaking: i.r: resource removed\n" +
            "     --> old.wit:3:12\n" +
            "a:b 1.0.0 -> 2.0.0: 1 breaking, 0 compatible, 0 warnings; major bump is sufficient\n",
            run.Output);
    }
}
