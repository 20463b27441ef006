using System.Linq;
using System.Text.Json;
using Xunit;

namespace Wit.Cli.Tests;

public class ParseCommandTests
{
    private const string MissingColon = "interface foo {\n  abcd\n}\n";
    private const string Valid = "package a:b;\ninterface i { f: func(); }\n";

    [Fact]
    public void A_valid_file_prints_nothing_and_exits_0()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", Valid);

        var run = CliRun.Start(dir.Path, "parse", "a.wit");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal("parsed 1 file: 0 errors\n", run.Error);
    }

    [Fact]
    public void A_valid_witx_file_exits_0()
    {
        using var dir = new TempDirectory();
        dir.Write("a.witx", "(typename $fd (handle))\n(module $m (@interface func (export \"close\") (param $fd $fd)))\n");

        var run = CliRun.Start(dir.Path, "parse", "a.witx");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("parsed 1 file: 0 errors\n", run.Error);
    }

    [Fact]
    public void A_syntax_error_is_rendered_rustc_style_and_exits_1()
    {
        using var dir = new TempDirectory();
        dir.Write("sub/foo.wit", MissingColon);

        var run = CliRun.Start(dir.Path, "parse", "sub/foo.wit");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith(
            "error[WIT0001]: expected ':', found '}'\n" +
            "     --> sub/foo.wit:3:1\n" +
            "      |\n" +
            "    3 | }\n" +
            "      | ^\n" +
            "\n",
            run.Output);
        Assert.Matches(@"^parsed 1 file: [1-9][0-9]* errors?\n$", run.Error);
    }

    [Fact]
    public void Json_output_describes_every_diagnostic_with_lines_and_offsets()
    {
        using var dir = new TempDirectory();
        // The comment makes UTF-8 byte offsets differ from UTF-16 offsets: 'é' is one code unit but two bytes.
        dir.Write("foo.wit", "// é\n" + MissingColon);

        var run = CliRun.Start(dir.Path, "parse", "--format", "json", "foo.wit");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("fileCount").GetInt32());
        Assert.True(root.GetProperty("errorCount").GetInt32() >= 1);
        var file = root.GetProperty("files")[0];
        Assert.Equal("foo.wit", file.GetProperty("path").GetString());
        Assert.Equal("wit", file.GetProperty("language").GetString());
        Assert.False(file.TryGetProperty("tree", out _));
        var diagnostic = file.GetProperty("diagnostics")[0];
        Assert.Equal("WIT0001", diagnostic.GetProperty("code").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal("expected ':', found '}'", diagnostic.GetProperty("message").GetString());
        Assert.Equal(4, diagnostic.GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(1, diagnostic.GetProperty("start").GetProperty("column").GetInt32());
        Assert.Equal(4, diagnostic.GetProperty("end").GetProperty("line").GetInt32());
        Assert.Equal(2, diagnostic.GetProperty("end").GetProperty("column").GetInt32());
        Assert.Equal(28, diagnostic.GetProperty("startOffset").GetInt32());
        Assert.Equal(1, diagnostic.GetProperty("length").GetInt32());
        Assert.Equal(29, diagnostic.GetProperty("utf8StartOffset").GetInt32());
        Assert.Equal(1, diagnostic.GetProperty("utf8Length").GetInt32());
    }

    [Fact]
    public void Json_output_of_valid_files_has_the_documented_shape()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", Valid);

        var run = CliRun.Start(dir.Path, "parse", "--format", "json", "--tree", "a.wit");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(new[] { "files", "fileCount", "errorCount", "warningCount" }, root.EnumerateObject().Select(p => p.Name));
        var file = root.GetProperty("files")[0];
        Assert.Equal(new[] { "path", "language", "diagnostics", "tree" }, file.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, file.GetProperty("diagnostics").GetArrayLength());
        Assert.StartsWith("WitDocument@0..", file.GetProperty("tree").GetString());
    }

    [Fact]
    public void Tree_prints_each_element_of_the_syntax_tree()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", "package a:b;\n");

        var run = CliRun.Start(dir.Path, "parse", "--tree", "a.wit");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n');
        Assert.Equal("WitDocument@0..13", lines[0]);
        Assert.Contains("    PackageKeyword@0..7 \"package\"", lines);
        Assert.Equal("  EndOfFileToken@13..13 \"\"", lines[lines.Length - 2]);
    }

    [Fact]
    public void Tree_comes_before_the_file_s_diagnostics()
    {
        using var dir = new TempDirectory();
        dir.Write("foo.wit", MissingColon);

        var run = CliRun.Start(dir.Path, "parse", "--tree", "foo.wit");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("WitDocument@0..25\n", run.Output);
        int endOfTree = run.Output.IndexOf("EndOfFileToken@25..25 \"\"\n", System.StringComparison.Ordinal);
        int diagnostic = run.Output.IndexOf("error[WIT0001]: expected ':', found '}'\n", System.StringComparison.Ordinal);
        Assert.True(endOfTree > 0 && diagnostic > endOfTree, run.ToString());
    }

    [Fact]
    public void Tree_of_several_files_puts_a_header_before_each()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", "package a:b;\n");
        dir.Write("b.witx", "(typename $t u8)\n");

        var run = CliRun.Start(dir.Path, "parse", "--tree", ".");

        Assert.True(run.ExitCode == 0, run.ToString());
        var headers = run.Output.Split('\n').Where(l => l.StartsWith("==> ", System.StringComparison.Ordinal));
        Assert.Equal(new[] { "==> a.wit <==", "==> b.witx <==" }, headers);
        Assert.Contains("\nWitxDocument@0..17\n", run.Output);
    }

    [Fact]
    public void Directories_are_searched_recursively_for_wit_and_witx_files_in_order()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/b.wit", Valid);
        dir.Write("pkg/a.wit", Valid);
        dir.Write("pkg/deps/z/x.wit", Valid);
        dir.Write("pkg/.hidden/h.wit", Valid);
        dir.Write("pkg/sub/q.witx", "(typename $t u8)\n");
        dir.Write("pkg/notes.txt", "not WIT");
        dir.Write("pkg/README.md", "# not WIT");
        dir.Write("other.wit", Valid);

        var run = CliRun.Start(dir.Path, "parse", "--format", "json", "pkg", "other.wit");

        using var json = JsonDocument.Parse(run.Output);
        var files = json.RootElement.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("path").GetString(), f.GetProperty("language").GetString()));
        Assert.Equal(
            new (string?, string?)[]
            {
                ("pkg/.hidden/h.wit", "wit"), ("pkg/a.wit", "wit"), ("pkg/b.wit", "wit"), ("pkg/deps/z/x.wit", "wit"),
                ("pkg/sub/q.witx", "witx"), ("other.wit", "wit"),
            },
            files);
        Assert.Equal("parsed 6 files: 0 errors\n", run.Error);
    }

    [Fact]
    public void A_file_named_explicitly_is_parsed_whatever_its_extension()
    {
        using var dir = new TempDirectory();
        dir.Write("interface.txt", Valid);

        var run = CliRun.Start(dir.Path, "parse", "interface.txt");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("parsed 1 file: 0 errors\n", run.Error);
    }

    [Fact]
    public void A_file_given_twice_is_parsed_once()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", Valid);

        var run = CliRun.Start(dir.Path, "parse", "a.wit", "./a.wit", ".");

        Assert.Equal("parsed 1 file: 0 errors\n", run.Error);
    }

    [Fact]
    public void Paths_outside_the_working_directory_are_printed_relative_to_it()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("pkg/foo.wit", MissingColon);
        dir.Write("cwd/keep", string.Empty);

        var run = CliRun.Start(System.IO.Path.Combine(dir.Path, "cwd"), "parse", file);

        Assert.Contains("     --> ../pkg/foo.wit:3:1\n", run.Output);
    }

    [Fact]
    public void An_empty_directory_parses_nothing_and_exits_0()
    {
        using var dir = new TempDirectory();
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(dir.Path, "empty"));

        var run = CliRun.Start(dir.Path, "parse", "empty");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("parsed 0 files: 0 errors\n", run.Error);
    }

    [Fact]
    public void A_missing_file_is_reported_without_a_stack_trace_and_exits_2()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", Valid);

        var run = CliRun.Start(dir.Path, "parse", "a.wit", "missing.wit", "missing-dir");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal("error: no such file or directory: 'missing.wit'\nerror: no such file or directory: 'missing-dir'\n", run.Error);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_and_exits_2()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("bad.wit", new byte[] { 0x70, 0x61, 0xff, 0xfe, 0x0a });
        dir.Write("good.wit", Valid);

        var run = CliRun.Start(dir.Path, "parse", ".");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: 'bad.wit' is not valid UTF-8\nparsed 1 file: 0 errors\n", run.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("parse")]
    [InlineData("parse --format xml a.wit")]
    [InlineData("parse --bogus a.wit")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2_with_a_hint(string commandLine)
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", Valid);

        var run = CliRun.Start(dir.Path, commandLine.Split(' ', System.StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
        Assert.EndsWith("Run 'wit --help' for usage.\n", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Version_prints_the_tool_version()
    {
        var run = CliRun.Start(System.IO.Path.GetTempPath(), "--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^0\.1\.0(\+[0-9a-f]+)?\n$", run.Output.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Help_lists_the_parse_command()
    {
        var run = CliRun.Start(System.IO.Path.GetTempPath(), "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("parse <path>", run.Output);
    }

    [Theory]
    [InlineData(0, 0, 0, "parsed 0 files: 0 errors")]
    [InlineData(1, 1, 0, "parsed 1 file: 1 error")]
    [InlineData(12, 3, 0, "parsed 12 files: 3 errors")]
    [InlineData(2, 0, 1, "parsed 2 files: 0 errors, 1 warning")]
    public void The_summary_counts_files_and_errors(int files, int errors, int warnings, string expected)
    {
        Assert.Equal(expected, ParseCommand.Summary(files, errors, warnings));
    }
}
