using System;
using System.Diagnostics;
using System.IO;
using System.IO.Pipes;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
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

    [Fact]
    public void A_reader_that_stops_reading_ends_the_output_quietly_and_the_exit_code_stays_the_commands()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        using var dir = new TempDirectory();
        var text = new StringBuilder("package a:b;\n\ninterface big {\n");
        for (int i = 0; i < 3000; i++) text.Append("  /// Gets.\n  get").Append(i).Append(": func(key: string) -> u32;\n");
        dir.Write("big.wit", text.Append("}\n").ToString());
        dir.Write("bad.wit", "package a:c;\n\ninterface bad {\n  f: func(x: nope);\n}\n");
        string wit = Path.Combine(AppContext.BaseDirectory, "wit.dll");
        foreach (var (file, expected) in new[] { ("big.wit", 0), ("bad.wit", 1) })
        {
            // `head -c 10` reads ten bytes and exits: the rest of the output meets a closed pipe (EPIPE).
            var info = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dir.Path };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add($"dotnet '{wit}' lint {file} 2>&1 | head -c 10; echo \" exit=${{PIPESTATUS[0]}}\"");

            using var process = Process.Start(info)!;
            string output = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();

            Assert.Equal(10, output.IndexOf(" exit=", StringComparison.Ordinal));
            Assert.EndsWith($" exit={expected}\n", output);
            Assert.Equal("", error);
        }
    }

    [Fact]
    public async Task The_descriptors_stream_writes_everything_in_order()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        var bytes = new byte[1 << 20];
        new Random(7).NextBytes(bytes);
        using var pipe = new AnonymousPipeServerStream(PipeDirection.In);
        var stream = new StandardStream((int)pipe.ClientSafePipeHandle.DangerousGetHandle());
        var received = new MemoryStream();
        var reader = Task.Run(() => pipe.CopyTo(received));

        // More than a pipe holds (64 KB), in writes of every size, so that most of them wait for the reader.
        int offset = 0;
        for (int size = 1; offset < bytes.Length; size = size * 3 % 200_003)
        {
            int count = Math.Min(size, bytes.Length - offset);
            if (offset % 2 == 0) stream.Write(bytes, offset, count);
            else Assert.True(stream.WriteAsync(bytes.AsMemory(offset, count)).IsCompletedSuccessfully);
            offset += count;
        }

        Assert.True(stream.FlushAsync().IsCompletedSuccessfully);
        pipe.DisposeLocalCopyOfClientHandle();
        await reader;
        Assert.Equal(bytes, received.ToArray());
        Assert.False(stream.CanRead);
        Assert.Throws<NotSupportedException>(() => stream.Length);
    }

    [Fact]
    public async Task Standard_input_is_read_in_the_calling_thread_to_its_end()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        var bytes = new byte[300_000];
        new Random(3).NextBytes(bytes);
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        var stream = new StandardStream((int)pipe.ClientSafePipeHandle.DangerousGetHandle(), input: true);
        var writer = Task.Run(() =>
        {
            pipe.Write(bytes);
            pipe.Dispose();
        });

        var received = new MemoryStream();
        var buffer = new byte[5000];
        for (int turn = 0; ; turn++)
        {
            // Every read, synchronous or not, returns what the system had: the asynchronous one has completed already.
            int read;
            if (turn % 2 == 0)
            {
                var pending = stream.ReadAsync(buffer.AsMemory());
                Assert.True(pending.IsCompleted);
                read = await pending;
            }
            else
            {
                read = stream.Read(buffer, 0, buffer.Length);
            }

            if (read == 0) break;
            received.Write(buffer, 0, read);
        }

        await writer;
        Assert.Equal(bytes, received.ToArray());
        Assert.Equal(0, stream.Read(Span<byte>.Empty));
        Assert.True(stream.CanRead);
        Assert.False(stream.CanWrite);
        Assert.Throws<NotSupportedException>(() => stream.Write([1]));
        Assert.True(stream.ReadAsync(buffer.AsMemory(), new System.Threading.CancellationToken(true)).IsCanceled);
    }

    [Fact]
    public void Writes_after_the_reader_closed_its_end_are_dropped()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        var pipe = new AnonymousPipeServerStream(PipeDirection.In);
        using var client = pipe.ClientSafePipeHandle;
        var stream = new StandardStream((int)client.DangerousGetHandle());
        stream.Write("seen"u8);
        var buffer = new byte[4];
        pipe.ReadExactly(buffer);
        Assert.Equal("seen"u8.ToArray(), buffer);
        pipe.Dispose();

        // .NET ignores SIGPIPE, so the write fails with EPIPE, which ends the output as the console does.
        stream.Write(new byte[100_000]);
        stream.Write("more"u8);
        Assert.True(stream.WriteAsync(new byte[10]).IsCompletedSuccessfully);
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
