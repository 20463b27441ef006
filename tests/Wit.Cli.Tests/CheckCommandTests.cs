using System.Linq;
using System.Text.Json;
using Xunit;

namespace Wit.Cli.Tests;

public class CheckCommandTests
{
    private const string Valid = "package a:b;\ninterface i { f: func(); }\n";

    private const string UnknownInterface = "package a:b;\n\ninterface i {\n  use nope.{t};\n}\n";

    [Fact]
    public void A_valid_package_prints_nothing_and_exits_0()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", Valid);

        var run = CliRun.Start(dir.Path, "check", "a.wit");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal("checked 1 file: 0 errors\n", run.Error);
    }

    [Fact]
    public void A_resolution_error_is_rendered_rustc_style_and_exits_1()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/a.wit", UnknownInterface);

        var run = CliRun.Start(dir.Path, "check", "pkg");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            "error[WIT1001]: interface or world `nope` does not exist\n" +
            "     --> pkg/a.wit:4:7\n" +
            "      |\n" +
            "    4 |   use nope.{t};\n" +
            "      |       ^---\n" +
            "\n",
            run.Output);
        Assert.Equal("checked 1 file: 1 error\n", run.Error);
    }

    [Fact]
    public void Every_independent_error_of_every_file_is_reported_in_order()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/a.wit", "package a:b;\ninterface i {\n  use nope.{t};\n}\n");
        dir.Write("pkg/b.wit", "interface j {\n  f: func() -> missing;\n  g: func(a: u32, a: u32);\n}\n");

        var run = CliRun.Start(dir.Path, "check", "pkg");

        Assert.True(run.ExitCode == 1, run.ToString());
        var headers = run.Output.Split('\n').Where(l => l.StartsWith("error[", System.StringComparison.Ordinal));
        var locations = run.Output.Split('\n').Where(l => l.StartsWith("     --> ", System.StringComparison.Ordinal));
        Assert.Equal(
            new[]
            {
                "error[WIT1001]: interface or world `nope` does not exist",
                "error[WIT1001]: name `missing` does not exist",
                "error[WIT1002]: param `a` is defined more than once",
            },
            headers);
        Assert.Equal(new[] { "     --> pkg/a.wit:3:7", "     --> pkg/b.wit:2:16", "     --> pkg/b.wit:3:19" }, locations);
        Assert.Equal("checked 2 files: 3 errors\n", run.Error);
    }

    [Fact]
    public void A_syntax_error_is_reported_with_the_resolution_errors()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", "package a:b;\ninterface i {\n  abcd\n}\n");

        var run = CliRun.Start(dir.Path, "check", "a.wit");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("error[WIT0001]: expected ':', found '}'\n     --> a.wit:4:1\n", run.Output);
    }

    [Fact]
    public void Dependencies_in_deps_are_resolved_first()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/root.wit", "package a:root;\nworld w { import b:dep/types; }\n");
        dir.Write("pkg/deps/dep/types.wit", "package b:dep;\ninterface types { type id = u64; }\n");
        dir.Write("pkg/deps/single.wit", "package c:single;\ninterface x {}\n");

        var run = CliRun.Start(dir.Path, "check", "pkg");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("checked 3 files: 0 errors\n", run.Error);
    }

    [Fact]
    public void Unstable_items_are_checked_only_when_their_feature_is_enabled()
    {
        using var dir = new TempDirectory();
        // The gated type is dropped without its feature, so the ungated alias refers to a missing type.
        dir.Write("a.wit", "package a:b;\ninterface i {\n  @unstable(feature = fancy)\n  type t = u32;\n  type u = t;\n}\n");

        var without = CliRun.Start(dir.Path, "check", "a.wit");
        var with = CliRun.Start(dir.Path, "check", "a.wit", "--features", "other,fancy");
        var repeated = CliRun.Start(dir.Path, "check", "a.wit", "--features", "other", "--features", "fancy");
        var all = CliRun.Start(dir.Path, "check", "a.wit", "--all-features");

        Assert.True(without.ExitCode == 1, without.ToString());
        Assert.StartsWith("error[WIT1008]: found a reference to a type which is excluded due to its feature not being activated\n", without.Output);
        Assert.True(with.ExitCode == 0, with.ToString());
        Assert.True(repeated.ExitCode == 0, repeated.ToString());
        Assert.True(all.ExitCode == 0, all.ToString());
    }

    [Fact]
    public void A_missing_path_exits_2()
    {
        using var dir = new TempDirectory();

        var run = CliRun.Start(dir.Path, "check", "nope");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal("error: no such file or directory: 'nope'\n", run.Error);
    }

    [Fact]
    public void An_unreadable_file_exits_2()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/a.wit", Valid);
        dir.WriteBytes("pkg/b.wit", new byte[] { 0x70, 0xff, 0xfe, 0x0a });

        var run = CliRun.Start(dir.Path, "check", "pkg");

        // Every command words a file that is not UTF-8 alike (the model keeps wit-parser's WIT1014 for the editor).
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("error: 'pkg/b.wit' is not valid UTF-8\n", run.Error);
    }

    [Fact]
    public void An_encoded_dependency_cut_short_is_an_input_error()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/root.wit", Valid);
        dir.WriteBytes("pkg/deps/dep.wasm", new byte[] { 0x00, 0x61, 0x73, 0x6d });

        var run = CliRun.Start(dir.Path, "check", "pkg");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(
            "error[WIT1018]: failed to decode a WIT package encoded as a component: the header is cut short (8 bytes expected)\n" +
            "     --> pkg/deps/dep.wasm\n" +
            "\n",
            run.Output);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "a.wit", "b.wit")]
    [InlineData("check", "a.wit", "--format", "xml")]
    [InlineData("check", "a.wit", "--bogus")]
    public void Usage_errors_exit_2(params string[] args)
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", Valid);
        dir.Write("b.wit", Valid);

        var run = CliRun.Start(dir.Path, args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.EndsWith("Run 'wit --help' for usage.\n", run.Error);
    }

    [Fact]
    public void Json_output_lists_every_diagnostic_with_its_file()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/a.wit", "// é\n" + UnknownInterface);

        var run = CliRun.Start(dir.Path, "check", "--format", "json", "pkg");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(new[] { "path", "diagnostics", "fileCount", "packageCount", "errorCount", "warningCount" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("pkg", root.GetProperty("path").GetString());
        Assert.Equal(1, root.GetProperty("fileCount").GetInt32());
        Assert.Equal(1, root.GetProperty("packageCount").GetInt32());
        Assert.Equal(1, root.GetProperty("errorCount").GetInt32());
        Assert.Equal(0, root.GetProperty("warningCount").GetInt32());
        var diagnostic = root.GetProperty("diagnostics").EnumerateArray().Single();
        Assert.Equal(
            new[] { "code", "severity", "message", "path", "start", "end", "startOffset", "length", "utf8StartOffset", "utf8Length" },
            diagnostic.EnumerateObject().Select(p => p.Name));
        Assert.Equal("WIT1001", diagnostic.GetProperty("code").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal("interface or world `nope` does not exist", diagnostic.GetProperty("message").GetString());
        Assert.Equal("pkg/a.wit", diagnostic.GetProperty("path").GetString());
        Assert.Equal(5, diagnostic.GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(7, diagnostic.GetProperty("start").GetProperty("column").GetInt32());
        Assert.Equal(11, diagnostic.GetProperty("end").GetProperty("column").GetInt32());
        // "// é\n" is 5 UTF-16 code units and 6 UTF-8 bytes.
        Assert.Equal(5 + UnknownInterface.IndexOf("nope", System.StringComparison.Ordinal), diagnostic.GetProperty("startOffset").GetInt32());
        Assert.Equal(4, diagnostic.GetProperty("length").GetInt32());
        Assert.Equal(6 + UnknownInterface.IndexOf("nope", System.StringComparison.Ordinal), diagnostic.GetProperty("utf8StartOffset").GetInt32());
        Assert.Equal(4, diagnostic.GetProperty("utf8Length").GetInt32());
    }

    [Fact]
    public void Json_output_of_a_duplicate_names_the_previous_definition()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/a.wit", "package a:shared;\n");
        dir.Write("pkg/deps/one/a.wit", "package foo:dup;\n");
        dir.Write("pkg/deps/two/a.wit", "package foo:dup;\n");

        var run = CliRun.Start(dir.Path, "check", "--format", "json", "pkg");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var diagnostic = json.RootElement.GetProperty("diagnostics")[0];
        Assert.StartsWith("package `foo:dup` is defined in two different locations", diagnostic.GetProperty("message").GetString());
        var related = diagnostic.GetProperty("related").EnumerateArray().Single();
        Assert.Equal("pkg/deps/one/a.wit", related.GetProperty("path").GetString());
        Assert.Equal(1, related.GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(9, related.GetProperty("start").GetProperty("column").GetInt32());
    }
}
