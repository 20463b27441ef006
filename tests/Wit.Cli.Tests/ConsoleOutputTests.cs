using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary>
/// Standard output is buffered (Program.cs) and standard error flushes it before each write
/// (<see cref="FlushingErrorWriter"/>): nothing is lost at exit, the summary still comes after the diagnostics when both
/// streams go to one place, and a program run by <c>wit run</c> still has each write passed on at once.
/// </summary>
public sealed class ConsoleOutputTests
{
    [Fact]
    public void Error_writes_flush_standard_output_first()
    {
        var bytes = new MemoryStream();
        var output = new StreamWriter(bytes, new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
        var console = new StringWriter();
        var error = new FlushingErrorWriter(console, output);

        output.Write("diagnostic\n");
        Assert.Equal(0, bytes.Length);
        error.Write("summary\n");

        Assert.Equal("diagnostic\n", Encoding.UTF8.GetString(bytes.ToArray()));
        Assert.Equal("summary\n", console.ToString());
        output.Write('x');
        error.Write(new[] { 'a', 'b' }, 0, 2);
        error.Write("cd".AsSpan());
        error.Write('e');
        error.WriteLine("f");
        Assert.Equal("diagnostic\nx", Encoding.UTF8.GetString(bytes.ToArray()));
        Assert.Equal("summary\nabcdef" + console.NewLine, console.ToString());
    }

    [Fact]
    public void A_programs_writes_reach_the_writer_as_they_happen()
    {
        var writer = new FlushCountingWriter();
        using var stream = new TextWriterStream(writer);

        stream.Write(Encoding.UTF8.GetBytes("prompt> "));
        Assert.Equal(1, writer.Flushes);
        Assert.Equal("prompt> ", writer.ToString());
        // A character split across two writes is decoded once whole.
        byte[] e = Encoding.UTF8.GetBytes("é");
        stream.Write(e, 0, 1);
        stream.Write(e, 1, 1);
        Assert.Equal(3, writer.Flushes);
        Assert.Equal("prompt> é", writer.ToString());
    }

    [Fact]
    public void Every_diagnostic_of_a_large_lint_is_written_before_the_summary_when_both_streams_share_a_pipe()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        using var dir = new TempDirectory();
        var text = new StringBuilder("package a:b;\n\ninterface big {\n");
        const int functions = 3000;
        for (int i = 0; i < functions; i++) text.Append("  /// Gets.\n  get").Append(i).Append(": func(key: string) -> u32;\n");
        dir.Write("big.wit", text.Append("}\n").ToString());
        string wit = Path.Combine(AppContext.BaseDirectory, "wit.dll");
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = dir.Path };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"dotnet '{wit}' lint big.wit 2>&1");

        using var process = Process.Start(info)!;
        string merged = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(0, process.ExitCode);
        string[] lines = merged.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("info[WIT2003]: every call to 'get0' ", lines[0]);
        Assert.Equal(functions, lines.Count(l => l.StartsWith("info[WIT2003]", StringComparison.Ordinal)));
        Assert.Equal($"linted 1 file: 0 errors, 0 warnings, {functions} notes", lines[^1]);
        Assert.True(merged.Length > 64 * 1024, "the output should be larger than the buffer");
    }

    private sealed class FlushCountingWriter : StringWriter
    {
        public int Flushes { get; private set; }

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }
    }
}
