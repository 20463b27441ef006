using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using Wit.Runtime.Canonical;
using Wit.Runtime.Component;

namespace Wit.Runtime.Wasi.Preview2;

/// <summary>
/// A WASI 0.2 host on our engine, the subset a C program built with wasi-libc and made a command component with the
/// preview1 adapter imports: <c>wasi:cli</c> (environment, exit, stdio, terminal-*), <c>wasi:io</c> (error, poll,
/// streams), <c>wasi:clocks</c> (wall and monotonic), <c>wasi:random</c> (random, insecure, insecure-seed) and
/// <c>wasi:filesystem</c> (types, preopens) with every path resolved inside its preopen by <see cref="WasiSandbox"/>.
/// Resources live in host tables by rep; failures are the WIT result values (<c>error-code</c>, <c>stream-error</c>).
/// Functions are defined at version <see cref="Version"/>, which serves imports of any 0.2.x.
/// </summary>
public sealed partial class WasiPreview2 : IDisposable
{
    public const string Version = "0.2.12";

    private readonly WasiPreview2Options _options;
    private readonly ComponentLinker _linker;
    private readonly HostTable<InputStreamResource> _inputs = new("input-stream");
    private readonly HostTable<OutputStreamResource> _outputs = new("output-stream");
    private readonly HostTable<IoError> _errors = new("error");
    private readonly HostTable<Pollable> _pollables = new("pollable");
    private readonly HostTable<object> _terminals = new("terminal");
    private readonly HostTable<Descriptor> _descriptors = new("descriptor");
    private readonly HostTable<DirectoryEntries> _directoryStreams = new("directory-entry-stream");
    private readonly Dictionary<string, ResourceType> _resourceTypes = new(StringComparer.Ordinal);
    private readonly WasiSandbox[] _sandboxes;
    private readonly (ulong, ulong) _insecureSeed;

    private WasiPreview2(ComponentLinker linker, WasiPreview2Options options)
    {
        _linker = linker;
        _options = options;
        _sandboxes = new WasiSandbox[options.Preopens.Count];
        for (int i = 0; i < _sandboxes.Length; i++)
        {
            var preopen = options.Preopens[i];
            if (!Directory.Exists(preopen.HostPath))
            {
                throw new WasmException(WasmErrorKind.Usage, -1, $"the preopened directory '{preopen.HostPath}' does not exist");
            }

            _sandboxes[i] = new WasiSandbox(preopen.HostPath);
        }

        Span<byte> seed = stackalloc byte[16];
        RandomNumberGenerator.Fill(seed);
        _insecureSeed = (BitConverter.ToUInt64(seed), BitConverter.ToUInt64(seed[8..]));
    }

    /// <summary>The <c>run</c> function of a command component's <c>wasi:cli/run@0.2.x</c> export (an Unlinkable <see cref="WasmException"/> without one).</summary>
    public static ComponentFunction RunExport(ComponentInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        foreach (var name in instance.Exports.Keys)
        {
            if (ComponentLinker.Matches("wasi:cli/run@0.2.0", name)) return instance.GetFunction(name + "#run");
        }

        throw new WasmException(WasmErrorKind.Unlinkable, -1, "the component exports no wasi:cli/run@0.2.x instance (not a WASI command)");
    }

    /// <summary>
    /// Defines the WASI 0.2 interfaces in <paramref name="linker"/> and returns the host state behind them (its streams
    /// and files; dispose it when the component is done to close what the component left open).
    /// </summary>
    public static WasiPreview2 AddTo(ComponentLinker linker, WasiPreview2Options options)
    {
        ArgumentNullException.ThrowIfNull(linker);
        ArgumentNullException.ThrowIfNull(options);
        var wasi = new WasiPreview2(linker, options);
        wasi.DefineCli();
        wasi.DefineIo();
        wasi.DefineClocksAndRandom();
        wasi.DefineFilesystem();
        wasi.Use("io/streams", "error", "pollable");
        wasi.Use("cli/stdin", "input-stream");
        wasi.Use("cli/stdout", "output-stream");
        wasi.Use("cli/stderr", "output-stream");
        wasi.Use("cli/terminal-stdin", "terminal-input");
        wasi.Use("cli/terminal-stdout", "terminal-output");
        wasi.Use("cli/terminal-stderr", "terminal-output");
        wasi.Use("clocks/monotonic-clock", "pollable");
        wasi.Use("filesystem/types", "input-stream", "output-stream", "error");
        wasi.Use("filesystem/preopens", "descriptor");
        return wasi;
    }

    public void Dispose()
    {
        foreach (var rep in Reps(_descriptors)) _descriptors.Drop(rep);
        foreach (var rep in Reps(_inputs)) _inputs.Drop(rep);
        foreach (var rep in Reps(_outputs)) _outputs.Drop(rep);
        foreach (var rep in Reps(_directoryStreams)) _directoryStreams.Drop(rep);
    }

    private static IEnumerable<uint> Reps<T>(HostTable<T> table) where T : class => table.Reps();

    private void Define(string iface, string name, ComponentHostFunction function) =>
        _linker.DefineFunction($"wasi:{iface}@{Version}", name, function);

    private void DefineResource<T>(string iface, string name, HostTable<T> table) where T : class =>
        _resourceTypes[name] = _linker.DefineResource($"wasi:{iface}@{Version}", name, table.Drop);

    /// <summary>Defines resources an interface takes from another with <c>use</c> (the same types) under its name too.</summary>
    private void Use(string iface, params string[] names)
    {
        foreach (var name in names) _linker.DefineResource($"wasi:{iface}@{Version}", name, _resourceTypes[name]);
    }

    internal static ulong MonotonicNow() =>
        (ulong)((UInt128)(ulong)Stopwatch.GetTimestamp() * 1_000_000_000 / (ulong)Stopwatch.Frequency);

    private void DefineCli()
    {
        Define("cli/environment", "get-environment", _ =>
        {
            var pairs = new ComponentValue[_options.Environment.Count];
            for (int i = 0; i < pairs.Length; i++)
            {
                var (key, value) = _options.Environment[i];
                pairs[i] = ComponentValue.Record(ComponentValue.String(key), ComponentValue.String(value));
            }

            return ComponentValue.List(pairs);
        });
        Define("cli/environment", "get-arguments", _ =>
        {
            var args = new ComponentValue[_options.Arguments.Count];
            for (int i = 0; i < args.Length; i++) args[i] = ComponentValue.String(_options.Arguments[i]);
            return ComponentValue.List(args);
        });
        Define("cli/environment", "initial-cwd", _ =>
            _options.InitialCwd is { } cwd ? ComponentValue.Some(ComponentValue.String(cwd)) : ComponentValue.None);

        // exit(ok) is 0 and exit(err) 1, as Wasmtime reports them.
        Define("cli/exit", "exit", a => throw new WasiExitException(a[0].Bits == 0 ? 0 : 1));
        Define("cli/exit", "exit-with-code", a => throw new WasiExitException((byte)a[0].Bits));

        var stdin = new HostInputStream(_options.Stdin ?? Stream.Null);
        var stdout = new HostOutputStream(_options.Stdout ?? Stream.Null);
        var stderr = new HostOutputStream(_options.Stderr ?? Stream.Null);
        Define("cli/stdin", "get-stdin", _ => _inputs.Own(stdin));
        Define("cli/stdout", "get-stdout", _ => _outputs.Own(stdout));
        Define("cli/stderr", "get-stderr", _ => _outputs.Own(stderr));

        // The streams are the host's, not a terminal's (as under Wasmtime with piped stdio), so there are no terminals;
        // the resource types exist because the adapter imports them.
        DefineResource("cli/terminal-input", "terminal-input", _terminals);
        DefineResource("cli/terminal-output", "terminal-output", _terminals);
        Define("cli/terminal-stdin", "get-terminal-stdin", _ => ComponentValue.None);
        Define("cli/terminal-stdout", "get-terminal-stdout", _ => ComponentValue.None);
        Define("cli/terminal-stderr", "get-terminal-stderr", _ => ComponentValue.None);
    }

    private void DefineClocksAndRandom()
    {
        Define("clocks/wall-clock", "now", _ =>
        {
            long ticks = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks;
            return Datetime(ticks);
        });
        Define("clocks/wall-clock", "resolution", _ => Datetime(1));
        Define("clocks/monotonic-clock", "now", _ => ComponentValue.U64(MonotonicNow()));
        Define("clocks/monotonic-clock", "resolution", _ =>
            ComponentValue.U64(Math.Max(1UL, 1_000_000_000UL / (ulong)Stopwatch.Frequency)));
        Define("clocks/monotonic-clock", "subscribe-instant", a => _pollables.Own(new Pollable { Deadline = a[0].Bits }));
        Define("clocks/monotonic-clock", "subscribe-duration", a =>
        {
            ulong now = MonotonicNow();
            ulong deadline = a[0].Bits > ulong.MaxValue - now ? ulong.MaxValue : now + a[0].Bits;
            return _pollables.Own(new Pollable { Deadline = Math.Max(deadline, 1) });
        });

        Define("random/random", "get-random-bytes", a =>
        {
            var bytes = new byte[CheckedLength(a[0].Bits, "get-random-bytes")];
            RandomNumberGenerator.Fill(bytes);
            return Bytes(bytes);
        });
        Define("random/random", "get-random-u64", _ =>
        {
            Span<byte> b = stackalloc byte[8];
            RandomNumberGenerator.Fill(b);
            return ComponentValue.U64(BitConverter.ToUInt64(b));
        });
        Define("random/insecure", "get-insecure-random-bytes", a =>
        {
            var bytes = new byte[CheckedLength(a[0].Bits, "get-insecure-random-bytes")];
            Random.Shared.NextBytes(bytes);
            return Bytes(bytes);
        });
        Define("random/insecure", "get-insecure-random-u64", _ => ComponentValue.U64((ulong)Random.Shared.NextInt64() ^ ((ulong)Random.Shared.Next() << 63)));
        Define("random/insecure-seed", "insecure-seed", _ =>
            ComponentValue.Record(ComponentValue.U64(_insecureSeed.Item1), ComponentValue.U64(_insecureSeed.Item2)));
    }

    /// <summary>The most bytes one call hands over (random bytes, a read): a larger request traps, as a huge list would.</summary>
    internal const int MaxTransfer = 64 << 20;

    private static int CheckedLength(ulong length, string function) => length <= MaxTransfer
        ? (int)length
        : throw new WasmException(WasmErrorKind.Trap, -1, $"{function} asked for {length} bytes, more than the host gives at once ({MaxTransfer})");

    /// <summary>A <c>wall-clock.datetime</c> from 100 ns ticks since the Unix epoch.</summary>
    internal static ComponentValue Datetime(long ticks)
    {
        long seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out long rest);
        if (rest < 0)
        {
            seconds--;
            rest += TimeSpan.TicksPerSecond;
        }

        return ComponentValue.Record(ComponentValue.U64((ulong)seconds), ComponentValue.U32((uint)(rest * 100)));
    }

    private static readonly ComponentValue[] ByteValues = MakeByteValues();

    private static ComponentValue[] MakeByteValues()
    {
        var values = new ComponentValue[256];
        for (int i = 0; i < values.Length; i++) values[i] = ComponentValue.U8((byte)i);
        return values;
    }

    internal static ComponentValue Bytes(ReadOnlySpan<byte> bytes)
    {
        var items = new ComponentValue[bytes.Length];
        for (int i = 0; i < items.Length; i++) items[i] = ByteValues[bytes[i]];
        return ComponentValue.List(items);
    }

    /// <summary>A <c>list&lt;u8&gt;</c> argument's bytes.</summary>
    internal static byte[] BytesOf(ComponentValue list)
    {
        var bytes = new byte[list.Items.Count];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)list.Items[i].Bits;
        return bytes;
    }
}
