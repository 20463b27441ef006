using System;
using System.IO;
using System.Text;
using Xunit;

namespace Wit.Cli.Tests;

public class FmtCommandTests
{
    // Its members disagree on their indentation (4 and 2), so the default unit applies.
    private const string Unformatted = "package a:b; interface i {\n    f: func( a: u32 );\n  g: func();\n}\n";
    private const string Formatted = "package a:b;\n\ninterface i {\n  f: func(a: u32);\n  g: func();\n}\n";
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
            "@@ -1,4 +1,6 @@\n" +
            "-package a:b; interface i {\n" +
            "-    f: func( a: u32 );\n" +
            "+package a:b;\n" +
            "+\n" +
            "+interface i {\n" +
            "+  f: func(a: u32);\n" +
            "   g: func();\n" +
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

    private const string FourSpaces = "package a:b;\n\ninterface i {\n    f: func(a: u32);\n\n    record r {\n        a: u32,\n    }\n}\n";

    [Fact]
    public void AFileIndentedByFourSpacesIsLeftAsItIs()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", "root = true\n");
        dir.Write("a.wit", FourSpaces);

        var run = CliRun.Start(dir.Path, "fmt", "--check", "a.wit");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("checked 1 file: 0 would change\n", run.Error);
    }

    [Theory]
    [InlineData("2", "package a:b;\n\ninterface i {\n  f: func(a: u32);\n\n  record r {\n    a: u32,\n  }\n}\n")]
    [InlineData("tab", "package a:b;\n\ninterface i {\n\tf: func(a: u32);\n\n\trecord r {\n\t\ta: u32,\n\t}\n}\n")]
    public void IndentGivesTheUnit(string indent, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", "root = true\n[*]\nindent_size = 3\n");
        string path = dir.Write("a.wit", FourSpaces);

        var run = CliRun.Start(dir.Path, "fmt", "--indent", indent, "a.wit");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("17")]
    [InlineData("four")]
    public void AnInvalidIndentIsAUsageError(string indent)
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", FourSpaces);

        var run = CliRun.Start(dir.Path, "fmt", "--indent", indent, "a.wit");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"invalid --indent '{indent}'", run.Error);
    }

    [Theory]
    // The nearest file's matching section wins over the file's own unit.
    [InlineData("root = true\n[*.wit]\nindent_style = tab\n", null, "\t")]
    [InlineData("root = true\n[*]\nindent_style = space\nindent_size = 2\n", null, "  ")]
    [InlineData("root = true\n[*.{wit,witx}]\nindent_size = 3\n", null, "   ")]
    // A section for other files changes nothing: the file's own four spaces stay.
    [InlineData("root = true\n[*.md]\nindent_size = 2\n", null, "    ")]
    // A nearer file overrides a farther one; `unset` removes a value.
    [InlineData("root = true\n[*]\nindent_size = 2\n", "[*.wit]\nindent_size = 3\n", "   ")]
    [InlineData("root = true\n[*]\nindent_size = 2\n", "[*.wit]\nindent_size = unset\n", "    ")]
    // A nearer file with root = true hides the ones above it.
    [InlineData("[*]\nindent_size = 2\n", "root = true\n", "    ")]
    // A glob with a slash is relative to its file's directory.
    [InlineData("root = true\n[pkg/*.wit]\nindent_size = 2\n", null, "  ")]
    [InlineData("root = true\n[/other/*.wit]\nindent_size = 2\n", null, "    ")]
    public void EditorConfigGivesTheUnitForTheFile(string top, string? nearer, string unit)
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", top);
        if (nearer is not null) dir.Write("pkg/.editorconfig", nearer);
        string path = dir.Write("pkg/a.wit", FourSpaces);

        var run = CliRun.Start(dir.Path, "fmt", "pkg/a.wit");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(FourSpaces.Replace("    ", "\u0001").Replace("\u0001", unit), File.ReadAllText(path));
    }
}
