using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text;
using Wit.Runtime;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;
using Wit.Runtime.Wasi;

namespace Wit.Cli;

/// <summary>
/// <c>wit run module.wasm [args...]</c>: runs a WASI command module (<c>wasi_snapshot_preview1</c>, no file system) on
/// the embedded interpreter. The program's stdout and stderr go to the tool's; its exit code is the tool's. A trap
/// prints the trap and the wasm stack and exits with <see cref="TrapExitCode"/>.
/// </summary>
public sealed class RunCommand : CommandHandler
{
    /// <summary>The exit code after a trap (as a process killed by SIGABRT, which is what Wasmtime uses too).</summary>
    public const int TrapExitCode = 134;

    public RunCommand(TextWriter output, TextWriter error, string workingDirectory)
        : base(output, error, workingDirectory)
    {
    }

    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var module = new Argument<string>("module") { Description = "The core module (.wasm) to run: a WASI command exporting _start" };
        var args = new Argument<string[]>("args") { Description = "Arguments for the program (after `--` when they start with '-')", Arity = ArgumentArity.ZeroOrMore };
        var env = new Option<string[]>("--env") { Description = "An environment variable for the program, NAME=VALUE (repeatable)", AllowMultipleArgumentsPerToken = false };
        var command = new Command("run", "Run a WASI command module (wasi_snapshot_preview1) on the embedded interpreter") { module, args, env };
        var handler = new RunCommand(output, error, workingDirectory);
        command.SetAction(result => handler.Execute(result.GetValue(module) ?? string.Empty, result.GetValue(args) ?? Array.Empty<string>(),
            result.GetValue(env) ?? Array.Empty<string>()));
        return command;
    }

    public int Execute(string path, IReadOnlyList<string> args, IReadOnlyList<string> env)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in env)
        {
            int eq = pair.IndexOf('=');
            if (eq <= 0)
            {
                Error.Write($"error: --env takes NAME=VALUE, got '{pair}'\n");
                return ExitCodes.UsageOrIoError;
            }
            environment[pair[..eq]] = pair[(eq + 1)..];
        }
        if (ReadBytes(path) is not byte[] bytes)
        {
            return ExitCodes.UsageOrIoError;
        }
        var argv = new List<string> { path };
        argv.AddRange(args);
        using var stdout = new TextWriterStream(Output);
        using var stderr = new TextWriterStream(Error);
        var wasi = new WasiPreview1(argv, environment, stdout, stderr);
        try
        {
            var module = ModuleDecoder.Decode(bytes);
            return wasi.RunCommand(new Store(), module);
        }
        catch (WasmTrapException trap)
        {
            stdout.Flush();
            stderr.Flush();
            Error.Write($"error: {path}: trap: {trap}\n");
            return TrapExitCode;
        }
        catch (WasmException e)
        {
            Error.Write($"error: {path}: {e.Message}\n");
            return ExitCodes.UsageOrIoError;
        }
    }

    /// <summary>A write-only stream that decodes UTF-8 (across writes) onto a text writer.</summary>
    private sealed class TextWriterStream : Stream
    {
        private readonly TextWriter _writer;
        private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();

        public TextWriterStream(TextWriter writer) => _writer = writer;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Span<char> chars = stackalloc char[512];
            while (!buffer.IsEmpty)
            {
                var chunk = buffer[..Math.Min(buffer.Length, 256)];
                int n = _decoder.GetChars(chunk, chars, flush: false);
                _writer.Write(chars[..n]);
                buffer = buffer[chunk.Length..];
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override void Flush() => _writer.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
