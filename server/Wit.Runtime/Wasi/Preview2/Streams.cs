using System;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace Wit.Runtime.Wasi.Preview2;

/// <summary>
/// A file opened by <c>open-at</c>, shared by its descriptor and the streams made from it: the host handle closes when
/// the last of them is dropped, as a descriptor dropped before its streams leaves them working.
/// </summary>
internal sealed class OpenFile
{
    private int _references = 1;

    public OpenFile(SafeFileHandle handle) => Handle = handle;

    public SafeFileHandle Handle { get; }

    public OpenFile AddReference()
    {
        _references++;
        return this;
    }

    public void Release()
    {
        if (--_references == 0) Handle.Dispose();
    }
}

/// <summary>A <c>wasi:io/streams.input-stream</c>: reads block; zero bytes from a non-empty read is the end (<c>closed</c>).</summary>
internal abstract class InputStreamResource : IDisposable
{
    public abstract int Read(Span<byte> buffer);

    public virtual void Dispose()
    {
    }
}

/// <summary>A <c>wasi:io/streams.output-stream</c>: writes block and complete.</summary>
internal abstract class OutputStreamResource : IDisposable
{
    public abstract void Write(ReadOnlySpan<byte> bytes);

    public virtual void Flush()
    {
    }

    public virtual void Dispose()
    {
    }
}

internal sealed class HostInputStream : InputStreamResource
{
    private readonly Stream _stream;

    public HostInputStream(Stream stream) => _stream = stream;

    public override int Read(Span<byte> buffer) => _stream.Read(buffer);
}

internal sealed class HostOutputStream : OutputStreamResource
{
    private readonly Stream _stream;

    public HostOutputStream(Stream stream) => _stream = stream;

    public override void Write(ReadOnlySpan<byte> bytes) => _stream.Write(bytes);

    public override void Flush() => _stream.Flush();
}

/// <summary><c>read-via-stream</c>: reads a file from an offset, which advances.</summary>
internal sealed class FileInputStream : InputStreamResource
{
    private readonly OpenFile _file;
    private long _offset;

    public FileInputStream(OpenFile file, long offset)
    {
        _file = file.AddReference();
        _offset = offset;
    }

    public override int Read(Span<byte> buffer)
    {
        int n = RandomAccess.Read(_file.Handle, buffer, _offset);
        _offset += n;
        return n;
    }

    public override void Dispose() => _file.Release();
}

/// <summary><c>write-via-stream</c> (from an offset, which advances) and <c>append-via-stream</c> (at the end each time).</summary>
internal sealed class FileOutputStream : OutputStreamResource
{
    private readonly OpenFile _file;
    private readonly bool _append;
    private long _offset;

    public FileOutputStream(OpenFile file, long offset, bool append)
    {
        _file = file.AddReference();
        _offset = offset;
        _append = append;
    }

    public override void Write(ReadOnlySpan<byte> bytes)
    {
        if (_append) _offset = RandomAccess.GetLength(_file.Handle);
        RandomAccess.Write(_file.Handle, bytes, _offset);
        _offset += bytes.Length;
    }

    public override void Dispose() => _file.Release();
}

/// <summary>A <c>wasi:io/poll.pollable</c>: streams are always ready (their operations block); clock deadlines wait.</summary>
internal sealed class Pollable
{
    /// <summary>The monotonic time (ns) it becomes ready at; 0 for always ready.</summary>
    public ulong Deadline { get; init; }

    public bool Ready => Deadline == 0 || WasiPreview2.MonotonicNow() >= Deadline;

    public void Block()
    {
        // One reading of the clock per round: reading it again for the time left could find the deadline passed
        // between the two readings, and the unsigned difference then slept for an hour (a test hung so).
        while (true)
        {
            ulong now = WasiPreview2.MonotonicNow();
            if (Deadline == 0 || now >= Deadline) return;
            System.Threading.Thread.Sleep(TimeSpan.FromTicks((long)Math.Min((Deadline - now) / 100 + 1, (ulong)TimeSpan.FromHours(1).Ticks)));
        }
    }
}

/// <summary>A <c>wasi:io/error.error</c>: a message, and for file system failures their error code.</summary>
internal sealed record IoError(string Message, ErrorCode? Code);
