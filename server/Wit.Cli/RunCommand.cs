using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text;
using Wit.Runtime;
using Wit.Runtime.Binary;
using Wit.Runtime.Canonical;
using Wit.Runtime.Component;
using Wit.Runtime.Execution;
using Wit.Runtime.Wasi;
using Wit.Runtime.Wasi.Preview2;

namespace Wit.Cli;

/// <summary>
/// <c>wit run file.wasm [args...]</c>: runs a WASI command on the embedded interpreter. A core module runs on
/// <c>wasi_snapshot_preview1</c> (no file system) from <c>_start</c>; a component runs on the WASI 0.2 host
/// (<see cref="WasiPreview2"/>, with the directories <c>--dir</c> preopens) from its <c>wasi:cli/run</c> export. The
/// program's stdout and stderr go to the tool's; its exit code is the tool's (a component's <c>run</c> returning an
/// error is 1). A component reads the tool's stdin (a core module's is empty). A trap prints the trap (and a core
/// module's wasm stack) and exits with <see cref="TrapExitCode"/>.
/// </summary>
public sealed class RunCommand : CommandHandler
{
    /// <summary>The exit code after a trap (as a process killed by SIGABRT, which is what Wasmtime uses too).</summary>
    public const int TrapExitCode = 134;

    private readonly Stream? _input;

    public RunCommand(TextWriter output, TextWriter error, string workingDirectory, Stream? input = null)
        : base(output, error, workingDirectory)
    {
        _input = input;
    }

    /// <summary>The command's name, the only one that reads standard input.</summary>
    public const string Name = "run";

    public static Command Create(TextWriter output, TextWriter error, string workingDirectory, Stream? input = null)
    {
        var module = new Argument<string>("module") { Description = "The WASI command to run (.wasm): a core module exporting _start, or a component exporting wasi:cli/run" };
        var args = new Argument<string[]>("args") { Description = "Arguments for the program (after `--` when they start with '-')", Arity = ArgumentArity.ZeroOrMore };
        var env = new Option<string[]>("--env") { Description = "An environment variable for the program, NAME=VALUE (repeatable)", AllowMultipleArgumentsPerToken = false };
        var dirs = new Option<string[]>("--dir") { Description = "A host directory the component may use, HOST[::GUEST] (repeatable; GUEST defaults to HOST); components only", AllowMultipleArgumentsPerToken = false };
        var command = new Command(Name, "Run a WASI command on the embedded interpreter: a core module (wasi_snapshot_preview1) or a component (WASI 0.2)") { module, args, env, dirs };
        var handler = new RunCommand(output, error, workingDirectory, input);
        command.SetAction(result => handler.Execute(result.GetValue(module) ?? string.Empty, result.GetValue(args) ?? Array.Empty<string>(),
            result.GetValue(env) ?? Array.Empty<string>(), result.GetValue(dirs) ?? Array.Empty<string>()));
        return command;
    }

    public int Execute(string path, IReadOnlyList<string> args, IReadOnlyList<string> env, IReadOnlyList<string>? dirs = null)
    {
        dirs ??= Array.Empty<string>();
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
        if (ComponentDecoder.IsComponent(bytes))
        {
            return RunComponent(path, bytes, argv, environment, dirs, stdout, stderr);
        }

        if (dirs.Count > 0)
        {
            Error.Write($"error: --dir needs a component: a core module runs on wasi_snapshot_preview1 here, which has no file system\n");
            return ExitCodes.UsageOrIoError;
        }

        var wasi = new WasiPreview1(argv, environment, stdout, stderr);
        try
        {
            var module = ModuleDecoder.Decode(bytes);
            return wasi.RunCommand(new Store(), module);
        }
        catch (WasmException e)
        {
            return Failed(path, e, stdout, stderr);
        }
    }

    /// <summary>Reports a failure: a trap (with the wasm stack) exits with <see cref="TrapExitCode"/>, anything else is a usage error.</summary>
    private int Failed(string path, WasmException e, Stream stdout, Stream stderr)
    {
        if (e is WasmTrapException || e.Kind == WasmErrorKind.Trap)
        {
            stdout.Flush();
            stderr.Flush();
            Error.Write($"error: {path}: trap: {e}\n");
            return TrapExitCode;
        }

        Error.Write($"error: {path}: {e.Message}\n");
        return ExitCodes.UsageOrIoError;
    }

    private int RunComponent(string path, byte[] bytes, List<string> argv, Dictionary<string, string> environment, IReadOnlyList<string> dirs,
        Stream stdout, Stream stderr)
    {
        var preopens = new List<WasiPreopen>();
        foreach (var dir in dirs)
        {
            int sep = dir.IndexOf("::", StringComparison.Ordinal);
            string host = sep < 0 ? dir : dir[..sep];
            string guest = sep < 0 ? dir : dir[(sep + 2)..];
            if (host.Length == 0 || guest.Length == 0)
            {
                Error.Write($"error: --dir takes HOST[::GUEST], got '{dir}'\n");
                return ExitCodes.UsageOrIoError;
            }

            preopens.Add(new WasiPreopen(Path.Combine(WorkingDirectory, host), guest));
        }

        var options = new WasiPreview2Options
        {
            Arguments = argv,
            Environment = new List<KeyValuePair<string, string>>(environment),
            Stdin = _input,
            Stdout = stdout,
            Stderr = stderr,
            Preopens = preopens,
        };
        try
        {
            var linker = new ComponentLinker();
            using var wasi = WasiPreview2.AddTo(linker, options);
            var instance = ComponentInstantiator.Instantiate(ComponentDecoder.Decode(bytes), linker);
            var result = WasiPreview2.RunExport(instance).Invoke();
            return result is { Kind: ComponentValueKind.Case, Bits: 0 } ? 0 : 1;
        }
        catch (WasiExitException exit)
        {
            return exit.ExitCode;
        }
        catch (WasmException e)
        {
            return Failed(path, e, stdout, stderr);
        }
    }
}
