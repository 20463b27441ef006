using System.Linq;
using System.Text.Json;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary>
/// What every command says about an input it cannot use: a directory without WIT (issue 15, new-user defect 1), WITX
/// given to each command (defect 2), bytes that are not UTF-8 (defect 4).
/// </summary>
public class InputProblemTests
{
    private const string Package = "package a:b;\ninterface i {\n  f: func();\n}\n";

    private const string Witx = "(typename $size u32)\n(module $m\n  (@interface func (export \"f\") (param $n $size) (result $r $size)))\n";

    public static TheoryData<string> PackageCommands => new() { "check", "lint", "resolve", "abi", "witx" };

    private static string[] Args(string command, string path) => command switch
    {
        "abi" => new[] { "abi", path, "--world", "w" },
        "witx" => new[] { "witx", path, "--interface", "i" },
        _ => new[] { command, path },
    };

    [Theory]
    [MemberData(nameof(PackageCommands))]
    public void An_empty_directory_is_an_error_naming_where_wit_files_were_looked_for(string command)
    {
        using var dir = new TempDirectory();
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(dir.Path, "empty"));

        var run = CliRun.Start(dir.Path, Args(command, "empty"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("error: no WIT files in 'empty' (looked for empty/*.wit)\n", run.Error);
    }

    [Theory]
    [MemberData(nameof(PackageCommands))]
    public void A_project_directory_suggests_its_wit_folder(string command)
    {
        using var dir = new TempDirectory();
        dir.Write("proj/wit/a.wit", Package);
        dir.Write("proj/README.md", "not WIT");

        var run = CliRun.Start(dir.Path, Args(command, "proj"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"error: no WIT files in 'proj' (looked for proj/*.wit); the package seems to be in 'proj/wit': try 'wit {command} proj/wit'\n", run.Error);
    }

    [Fact]
    public void Diff_of_a_directory_without_wit_is_an_error()
    {
        using var dir = new TempDirectory();
        dir.Write("new.wit", Package);
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(dir.Path, "old"));

        var run = CliRun.Start(dir.Path, "diff", "old", "new.wit");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("error: no WIT files in 'old' (looked for old/*.wit)\n", run.Error);
    }

    [Fact]
    public void Check_reads_a_folder_of_witx_documents()
    {
        using var dir = new TempDirectory();
        dir.Write("wx/a.witx", Witx);
        dir.Write("wx/b.witx", "(typename $bad $nope)\n");

        var run = CliRun.Start(dir.Path, "check", "wx");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("--> wx/b.witx:1:", run.Output);
        Assert.Equal("checked 2 files: 1 error\n", run.Error);
    }

    [Fact]
    public void Lint_checks_a_witx_file_and_says_its_rules_are_wit_ones()
    {
        using var dir = new TempDirectory();
        dir.Write("k.witx", Witx);
        dir.Write("bad.witx", "(typename $bad $nope)\n");

        var clean = CliRun.Start(dir.Path, "lint", "k.witx");
        var bad = CliRun.Start(dir.Path, "lint", "bad.witx", "--format", "json");

        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Equal(string.Empty, clean.Output);
        Assert.Equal("note: the lint rules apply to WIT; 'k.witx' is WITX, so it was only checked\nlinted 1 file: 0 errors, 0 warnings\n", clean.Error);
        Assert.True(bad.ExitCode == 1, bad.ToString());
        using var json = JsonDocument.Parse(bad.Output);
        Assert.StartsWith("WITX", json.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("resolve")]
    [InlineData("witx")]
    public void Commands_that_read_wit_only_say_so_for_witx(string command)
    {
        using var dir = new TempDirectory();
        dir.Write("k.witx", Witx);
        dir.Write("wx/k.witx", Witx);

        var file = CliRun.Start(dir.Path, Args(command, "k.witx"));
        var folder = CliRun.Start(dir.Path, Args(command, "wx"));

        Assert.True(file.ExitCode == 2 && folder.ExitCode == 2, file + "\n" + folder);
        Assert.Equal($"error: 'k.witx' is a WITX file; wit {command} reads WIT only (wit parse, wit check and wit lint read WITX, wit abi one .witx file)\n", file.Error);
        Assert.Equal($"error: 'wx' holds WITX files only; wit {command} reads WIT only (wit parse, wit check and wit lint read WITX, wit abi one .witx file)\n", folder.Error);
    }

    public static TheoryData<string[]> EveryCommandOnBadBytes => new()
    {
        new[] { "parse", "bad.wit" },
        new[] { "check", "bad.wit" },
        new[] { "lint", "bad.wit" },
        new[] { "resolve", "bad.wit" },
        new[] { "abi", "bad.wit", "--world", "w" },
        new[] { "witx", "bad.wit", "--interface", "i" },
        new[] { "fmt", "bad.wit" },
        new[] { "diff", "bad.wit", "bad.wit" },
        new[] { "check", "bad.witx" },
        new[] { "lint", "bad.witx" },
        new[] { "parse", "bad.witx" },
    };

    [Theory]
    [MemberData(nameof(EveryCommandOnBadBytes))]
    public void Invalid_utf8_gives_one_message_and_exit_code_in_every_command(string[] args)
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("bad.wit", "package a:b;\ninterface i { type t = u32; // "u8.ToArray().Concat(new byte[] { 0xE9, (byte)'\n', (byte)'}', (byte)'\n' }).ToArray());
        dir.WriteBytes("bad.witx", "(typename $a u32) ;; "u8.ToArray().Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray());

        var run = CliRun.Start(dir.Path, args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith($"error: '{args[1]}' is not valid UTF-8\n", run.Error);
        Assert.DoesNotContain("code page", run.Error + run.Output);
    }

    [Fact]
    public void A_used_witx_file_that_is_not_utf8_is_reported_without_the_decoders_words()
    {
        using var dir = new TempDirectory();
        dir.Write("main.witx", "(use \"types.witx\")\n");
        dir.WriteBytes("types.witx", "(typename $a u32) ;; "u8.ToArray().Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray());

        var run = CliRun.Start(dir.Path, "check", "main.witx");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error[WITX1009]: cannot read `types.witx`: not valid UTF-8", run.Output);
    }

    private const string WitxLayouts = """
        (typename $size u32)
        (typename $iovec (record (field $buf (@witx pointer u8)) (field $len $size) (field $tag u8)))
        (typename $errno (enum (@witx tag u16) $ok $inval))
        (module $m
          (import "memory" (memory))
          (@interface func (export "read")
            (param $iov $iovec)
            (param $name string)
            (result $error (expected $size (error $errno)))))

        """;

    [Fact]
    public void Abi_of_a_witx_typename_gives_its_witx_layout()
    {
        using var dir = new TempDirectory();
        dir.Write("k.witx", WitxLayouts);

        var run = CliRun.Start(dir.Path, "abi", "k.witx", "--type", "iovec");

        // A pointer (4) and a u32 (4) at 0 and 4, a u8 at 8: 9 bytes rounded up to the alignment of 4.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "typename $iovec (witx, memory32)\n" +
            "  kind       record\n" +
            "  size       12\n" +
            "  alignment  4\n" +
            "\n" +
            "  field  type                offset  size  align\n" +
            "  buf    (@witx pointer u8)       0     4      4\n" +
            "  len    $size                    4     4      4\n" +
            "  tag    u8                       8     1      1\n",
            run.Output);
    }

    [Fact]
    public void Abi_of_a_witx_function_gives_its_core_signature()
    {
        using var dir = new TempDirectory();
        dir.Write("k.witx", WitxLayouts);

        var run = CliRun.Start(dir.Path, "abi", "k.witx", "--func", "m.read");

        // The witx ABI passes a record by pointer (1), a string as pointer and length (2), then a return pointer for
        // the `ok` payload (1); the `expected`'s error comes back as the one i32 result.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("  core signature   (func (param i32 i32 i32 i32) (result i32))\n", run.Output);
        Assert.Contains("  return pointers  1\n", run.Output);
    }

    [Theory]
    [InlineData("--world", "w", "error: WITX has no worlds: give --type NAME or --func MODULE.FUNC\n")]
    [InlineData("--type", "iovce", "error: no typename `$iovce` (available: size, iovec, errno)\n")]
    [InlineData("--func", "m.write", "error: module `$m` has no function `write` (available: read)\n")]
    public void Abi_of_witx_says_what_does_not_apply(string option, string name, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("k.witx", WitxLayouts);

        var run = CliRun.Start(dir.Path, "abi", "k.witx", option, name);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(expected, run.Error);
    }
}
