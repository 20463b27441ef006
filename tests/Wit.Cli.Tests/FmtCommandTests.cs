using System;
using System.IO;
using System.Text;
using Xunit;

namespace Wit.Cli.Tests;

public class FmtCommandTests
{
    private const string Unformatted = "package a:b;\ninterface i {\n    f: func( a: u32 );\n    g: func();\n}\n";
    private const string Formatted = "package a:b;\n\ninterface i {\n  f: func(a: u32);\n\n  g: func();\n}\n";
    private const string Broken = "package a:b;\ninterface i {\n    f: func(;\n}\n";

    [Fact]
    public void RewritesAFileInPlaceAndExits0()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("a.wit", Unformatted);

        var run = CliRun.Start(dir.Path, "fmt", "a.wit");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Formatted, File.ReadAllText(path));
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal("formatted 1 file: 1 changed\n", run.Error);
    }

    [Fact]
    public void LeavesAFormattedFileUntouched()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("a.wit", Formatted);
        var past = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, past);

        var run = CliRun.Start(dir.Path, "fmt", "a.wit");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(past, File.GetLastWriteTimeUtc(path));
        Assert.Equal("formatted 1 file: 0 changed\n", run.Error);
    }

    [Fact]
    public void CheckListsTheFilesThatWouldChangeWritesNothingAndExits1()
    {
        using var dir = new TempDirectory();
        string a = dir.Write("a.wit", Unformatted);
        dir.Write("b.wit", Formatted);
        string c = dir.Write("sub/c.wit", Unformatted);

        var run = CliRun.Start(dir.Path, "fmt", "--check", ".");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("a.wit\nsub/c.wit\n", run.Output);
        Assert.Equal("checked 3 files: 2 would change\n", run.Error);
        Assert.Equal(Unformatted, File.ReadAllText(a));
        Assert.Equal(Unformatted, File.ReadAllText(c));
    }

    [Fact]
    public void CheckExits0WhenEveryFileIsFormatted()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", Formatted);

        var run = CliRun.Start(dir.Path, "fmt", "--check", "a.wit");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal("checked 1 file: 0 would change\n", run.Error);
    }

    [Fact]
    public void DiffPrintsAUnifiedDiffWritesNothingAndExits1()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("sub/a.wit", Unformatted);

        var run = CliRun.Start(dir.Path, "fmt", "--diff", "sub");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            "--- a/sub/a.wit\n" +
            "+++ b/sub/a.wit\n" +
            "@@ -1,5 +1,7 @@\n" +
            " package a:b;\n" +
            "+\n" +
            " interface i {\n" +
            "-    f: func( a: u32 );\n" +
            "-    g: func();\n" +
            "+  f: func(a: u32);\n" +
            "+\n" +
            "+  g: func();\n" +
            " }\n",
            run.Output);
        Assert.Equal(Unformatted, File.ReadAllText(path));
    }

    [Fact]
    public void AFileWithSyntaxErrorsIsReportedAndSkippedWhileTheOthersAreFormatted()
    {
        using var dir = new TempDirectory();
        string broken = dir.Write("broken.wit", Broken);
        string good = dir.Write("good.wit", Unformatted);

        var run = CliRun.Start(dir.Path, "fmt", ".");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(Broken, File.ReadAllText(broken));
        Assert.Equal(Formatted, File.ReadAllText(good));
        Assert.Contains("error[WIT0001]: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("--> broken.wit:3:", run.Error, StringComparison.Ordinal);
        Assert.Contains("error: 'broken.wit' has 1 syntax error; not formatted\n", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("formatted 1 file: 1 changed, 1 skipped with syntax errors\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithSyntaxErrorsIsNotCountedAsChangedByCheck()
    {
        using var dir = new TempDirectory();
        dir.Write("broken.wit", Broken);

        var run = CliRun.Start(dir.Path, "fmt", "--check", "broken.wit");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.EndsWith("checked 0 files: 0 would change, 1 skipped with syntax errors\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ADirectorySearchFormatsWitFilesOnlyAndIncludesDeps()
    {
        using var dir = new TempDirectory();
        string dep = dir.Write("pkg/deps/d/d.wit", Unformatted);
        const string Witx = "(typename $fd   (handle))\n";
        string witx = dir.Write("pkg/x.witx", Witx);

        var run = CliRun.Start(dir.Path, "fmt", "pkg");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Formatted, File.ReadAllText(dep));
        Assert.Equal(Witx, File.ReadAllText(witx));
    }

    [Fact]
    public void ANamedWitxFileIsAUsageError()
    {
        using var dir = new TempDirectory();
        dir.Write("x.witx", "(typename $fd (handle))\n");

        var run = CliRun.Start(dir.Path, "fmt", "x.witx");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error: 'x.witx' is a WITX file; wit fmt formats WIT files only\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingPathIsAnIoError()
    {
        using var dir = new TempDirectory();

        var run = CliRun.Start(dir.Path, "fmt", "nope.wit");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("error: no such file or directory: 'nope.wit'\n", run.Error);
    }

    [Fact]
    public void NoPathIsAUsageError()
    {
        using var dir = new TempDirectory();

        var run = CliRun.Start(dir.Path, "fmt");

        Assert.True(run.ExitCode == 2, run.ToString());
    }

    [Fact]
    public void ByteOrderMarkAndCrLfLineEndingsSurviveARewrite()
    {
        using var dir = new TempDirectory();
        var utf8 = new UTF8Encoding(false);
        string path = dir.WriteBytes("a.wit", utf8.GetBytes("\uFEFF" + Unformatted.Replace("\n", "\r\n", StringComparison.Ordinal)));

        var run = CliRun.Start(dir.Path, "fmt", "a.wit");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(utf8.GetBytes("\uFEFF" + Formatted.Replace("\n", "\r\n", StringComparison.Ordinal)), File.ReadAllBytes(path));
    }
}
