using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;

namespace Wit.Runtime.Wasi;

/// <summary>
/// A minimal <c>wasi_snapshot_preview1</c>: arguments, environment, clocks, random bytes, <c>fd_write</c> to stdout and
/// stderr, <c>fd_read</c> from stdin, the fd queries wasi-libc makes at start-up, <c>proc_exit</c>, and files under
/// preopened directories (<see cref="Preopen"/>; see WasiPreview1.Files.cs). Every other function of the module links
/// and returns ENOSYS.
/// </summary>
public sealed partial class WasiPreview1
{
    public const string ModuleName = "wasi_snapshot_preview1";

    private const int Success = 0, Badf = 8, Fault = 21, Inval = 28, Nosys = 52, Spipe = 70;

    private readonly byte[][] _args;
    private readonly byte[][] _env;
    private readonly Stream _stdout;
    private readonly Stream _stderr;
    private readonly Stream _stdin;
    private readonly Dictionary<string, HostFunction> _functions = new(StringComparer.Ordinal);

    public WasiPreview1(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, Stream stdout, Stream stderr, Stream? stdin = null)
    {
        _args = ToUtf8(args);
        var env = new List<string>();
        foreach (var (k, v) in environment)
        {
            env.Add($"{k}={v}");
        }
        _env = ToUtf8(env);
        _stdout = stdout;
        _stderr = stderr;
        _stdin = stdin ?? Stream.Null;
        const ValType i32 = ValType.I32, i64 = ValType.I64;
        Add("args_sizes_get", new[] { i32, i32 }, (m, a) => SizesGet(m, _args, a));
        Add("args_get", new[] { i32, i32 }, (m, a) => Get(m, _args, a));
        Add("environ_sizes_get", new[] { i32, i32 }, (m, a) => SizesGet(m, _env, a));
        Add("environ_get", new[] { i32, i32 }, (m, a) => Get(m, _env, a));
        Add("clock_time_get", new[] { i32, i64, i32 }, ClockTimeGet);
        Add("clock_res_get", new[] { i32, i32 }, (m, a) => Store64(m, a[1].AsI32, 1000));
        Add("random_get", new[] { i32, i32 }, RandomGet);
        Add("fd_write", new[] { i32, i32, i32, i32 }, FdWrite);
        Add("fd_read", new[] { i32, i32, i32, i32 }, FdRead);
        Add("fd_fdstat_get", new[] { i32, i32 }, FdstatGet);
        AddFileFunctions();
        Add("sched_yield", Array.Empty<ValType>(), (_, _) => Success);
        _functions["proc_exit"] = new HostFunction(new FuncType(new[] { i32 }, Array.Empty<ValType>()),
            (_, args, _) => throw new WasiExitException(args[0].AsI32), "proc_exit");
    }

    /// <summary>Resolves an import of <c>wasi_snapshot_preview1</c>; null for any other module.</summary>
    public ExternValue? Resolve(Import import)
    {
        if (import.Module != ModuleName || import.Kind != ExternKind.Func)
        {
            return null;
        }
        if (_functions.TryGetValue(import.Name, out var f))
        {
            return f;
        }
        return null;
    }

    /// <summary>A stub for an unimplemented WASI function of the importer's type: it returns ENOSYS.</summary>
    public static HostFunction Unimplemented(FuncType type, string name) =>
        new(type, (_, _, results) =>
        {
            for (int i = 0; i < results.Length; i++)
            {
                results[i] = new WasmValue(type.Results[i], i == 0 ? (ulong)Nosys : 0);
            }
        }, name);

    private delegate int Body(MemoryInstance memory, ReadOnlySpan<WasmValue> args);

    private void Add(string name, ValType[] parameters, Body body)
    {
        _functions[name] = new HostFunction(new FuncType(parameters, new[] { ValType.I32 }), (caller, args, results) =>
        {
            var memory = caller.Instance?.ExportedMemory("memory");
            int errno;
            if (memory == null)
            {
                errno = Fault;
            }
            else
            {
                try
                {
                    errno = body(memory, args);
                }
                catch (ArgumentOutOfRangeException)
                {
                    errno = Fault;
                }
            }
            results[0] = WasmValue.I32(errno);
        }, name);
    }

    private static byte[][] ToUtf8(IReadOnlyList<string> items)
    {
        var result = new byte[items.Count][];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Encoding.UTF8.GetBytes(items[i] + "\0");
        }
        return result;
    }

    /// <summary>A span of guest memory; out of bounds throws ArgumentOutOfRangeException, which becomes EFAULT.</summary>
    private static Span<byte> Guest(MemoryInstance m, int ptr, int length) => m.Bytes.AsSpan((int)(uint)ptr, length);

    private static int Store32(MemoryInstance m, int ptr, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Guest(m, ptr, 4), value);
        return Success;
    }

    private static int Store64(MemoryInstance m, int ptr, ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(Guest(m, ptr, 8), value);
        return Success;
    }

    private static int SizesGet(MemoryInstance m, byte[][] items, ReadOnlySpan<WasmValue> a)
    {
        uint size = 0;
        foreach (var item in items)
        {
            size += (uint)item.Length;
        }
        Store32(m, a[0].AsI32, (uint)items.Length);
        return Store32(m, a[1].AsI32, size);
    }

    private static int Get(MemoryInstance m, byte[][] items, ReadOnlySpan<WasmValue> a)
    {
        int pointers = a[0].AsI32;
        uint buffer = (uint)a[1].AsI32;
        for (int i = 0; i < items.Length; i++)
        {
            Store32(m, pointers + 4 * i, buffer);
            items[i].CopyTo(Guest(m, (int)buffer, items[i].Length));
            buffer += (uint)items[i].Length;
        }
        return Success;
    }

    private static int ClockTimeGet(MemoryInstance m, ReadOnlySpan<WasmValue> a)
    {
        ulong nanos;
        switch (a[0].AsI32)
        {
            case 0: // realtime
                nanos = (ulong)(DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;
                break;
            case 1: // monotonic
            case 2: // process cputime
            case 3: // thread cputime
                nanos = (ulong)(System.Diagnostics.Stopwatch.GetTimestamp() * (1_000_000_000.0 / System.Diagnostics.Stopwatch.Frequency));
                break;
            default:
                return Inval;
        }
        return Store64(m, a[2].AsI32, nanos);
    }

    private static int RandomGet(MemoryInstance m, ReadOnlySpan<WasmValue> a)
    {
        RandomNumberGenerator.Fill(Guest(m, a[0].AsI32, a[1].AsI32));
        return Success;
    }

    private int FdWrite(MemoryInstance m, ReadOnlySpan<WasmValue> a)
    {
        if (a[0].AsI32 > 2)
        {
            return FileWrite(m, a);
        }
        var stream = a[0].AsI32 switch { 1 => _stdout, 2 => _stderr, _ => null };
        if (stream == null)
        {
            return Badf;
        }
        uint total = Transfer(m, a, buffer =>
        {
            stream.Write(buffer);
            return buffer.Length;
        });
        stream.Flush();
        return Store32(m, a[3].AsI32, total);
    }

    private int FdRead(MemoryInstance m, ReadOnlySpan<WasmValue> a) =>
        a[0].AsI32 > 2 ? FileRead(m, a) : a[0].AsI32 != 0 ? Badf : Store32(m, a[3].AsI32, Transfer(m, a, buffer => _stdin.Read(buffer)));

    private delegate int BufferAction(Span<byte> buffer);

    /// <summary>
    /// Runs <paramref name="action"/> on each buffer of an iovec array (<c>a[1]</c>, <c>a[2]</c> entries) in guest
    /// memory, stopping at the first short transfer; returns the bytes transferred.
    /// </summary>
    private static uint Transfer(MemoryInstance m, ReadOnlySpan<WasmValue> a, BufferAction action)
    {
        uint total = 0;
        int iovs = a[1].AsI32;
        for (int i = 0; i < a[2].AsI32; i++)
        {
            var iov = Guest(m, iovs + 8 * i, 8);
            int ptr = BinaryPrimitives.ReadInt32LittleEndian(iov);
            int len = BinaryPrimitives.ReadInt32LittleEndian(iov[4..]);
            int n = action(Guest(m, ptr, len));
            total += (uint)n;
            if (n < len)
            {
                break;
            }
        }
        return total;
    }

    private int FdstatGet(MemoryInstance m, ReadOnlySpan<WasmValue> a)
    {
        byte filetype = 2; // character device
        if ((uint)a[0].AsI32 > 2)
        {
            if (!_files.TryGetValue(a[0].AsI32, out var file))
            {
                return Badf;
            }
            filetype = file.IsDirectory ? FiletypeDirectory : FiletypeRegular;
        }
        var stat = Guest(m, a[1].AsI32, 24);
        stat.Clear();
        stat[0] = filetype;
        BinaryPrimitives.WriteUInt64LittleEndian(stat[8..], ulong.MaxValue);
        BinaryPrimitives.WriteUInt64LittleEndian(stat[16..], ulong.MaxValue);
        return Success;
    }

    /// <summary>
    /// Instantiates a WASI command module and runs its <c>_start</c>; returns the exit code (0 when <c>_start</c>
    /// returns, the code of <c>proc_exit</c> otherwise). Traps and other failures are <see cref="WasmException"/>s.
    /// </summary>
    public int RunCommand(Store store, WasmModule module) => RunStart(store, InstantiateCommand(store, module));

    /// <summary>
    /// Instantiates a WASI command module with this WASI's functions (an unimplemented one links and returns ENOSYS).
    /// A debugger instantiates first, to see the instance, then calls <see cref="RunStart"/>.
    /// </summary>
    public Instance InstantiateCommand(Store store, WasmModule module) =>
        store.Instantiate(module, im =>
            Resolve(im) ?? (im.Module == ModuleName && im.Kind == ExternKind.Func ? Unimplemented(module.Types[im.TypeIndex], im.Name) : null));

    /// <summary>Runs a command instance's <c>_start</c>; returns the exit code (0 when it returns, the code of <c>proc_exit</c> otherwise).</summary>
    public static int RunStart(Store store, Instance instance)
    {
        var start = instance.ExportedFunction("_start")
            ?? throw new WasmException(WasmErrorKind.Unlinkable, -1, "the module exports no _start function (not a WASI command)");
        try
        {
            store.Invoke(start);
            return 0;
        }
        catch (WasiExitException e)
        {
            return e.ExitCode;
        }
    }
}
