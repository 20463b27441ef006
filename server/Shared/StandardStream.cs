using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Wit;

/// <summary>
/// Standard input, output or error as a stream over the file descriptor itself, on Linux and macOS: what
/// <see cref="Console.OpenStandardOutput()"/> and the others give, without setting up the console.
/// </summary>
/// <remarks>
/// The console's streams initialise the terminal on their first write (System.Native's terminal and signal handling:
/// a thread that waits for signals, a pipe, handlers for SIGINT, SIGQUIT, SIGCONT, SIGCHLD and SIGWINCH), which a
/// command that only writes text never needs: on the machine the budgets are measured on a thread's creation and its
/// stack's first pages are a tenth of a millisecond or more of a cold <c>wit check</c>. The writes are the console's:
/// the whole buffer, again after an interrupted call, and a broken pipe (a reader such as <c>head</c> that went away)
/// ends the output quietly instead of failing the command. Elsewhere, and for any other error, the caller falls back
/// to the console's stream.
/// </remarks>
internal sealed class StandardStream : Stream
{
    private const int Interrupted = 4; // EINTR
    private const int BrokenPipe = 32; // EPIPE
    private const int WouldBlock = 11; // EAGAIN on Linux; 35 on macOS (see IsWouldBlock)

    private readonly int _descriptor;
    private readonly bool _input;
    private bool _broken;

    /// <summary>A stream over <paramref name="descriptor"/>, which it does not close.</summary>
    internal StandardStream(int descriptor, bool input = false)
    {
        _descriptor = descriptor;
        _input = input;
    }

    /// <summary>
    /// Standard input: the descriptor's own stream on Unix, the console's elsewhere. A read waits in the calling
    /// thread, as the console's does, and so does <see cref="ReadAsync(Memory{byte}, CancellationToken)"/>, which
    /// completes synchronously: a reader that loops on its own thread reads without handing each read to the pool
    /// (the base class queues a work item per read, which waited behind whatever the pool was doing).
    /// </summary>
    public static Stream Input() => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? new StandardStream(0, input: true) : Console.OpenStandardInput();

    /// <summary>Standard output: the descriptor's own stream on Unix, the console's elsewhere.</summary>
    public static Stream Output() => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? new StandardStream(1) : Console.OpenStandardOutput();

    /// <summary>Standard error: the descriptor's own stream on Unix, the console's elsewhere.</summary>
    public static Stream Error() => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? new StandardStream(2) : Console.OpenStandardError();

    public override bool CanRead => _input;

    public override bool CanSeek => false;

    public override bool CanWrite => !_input;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override unsafe int Read(Span<byte> buffer)
    {
        if (!_input) throw new NotSupportedException();
        if (buffer.IsEmpty) return 0;
        fixed (byte* start = buffer)
        {
            while (true)
            {
                nint result = Native.Read(_descriptor, start, (nuint)buffer.Length);
                if (result >= 0) return (int)result;
                int error = Marshal.GetLastPInvokeError();
                if (error == Interrupted) continue;
                if (IsWouldBlock(error))
                {
                    Native.WaitReadable(_descriptor);
                    continue;
                }

                throw new IOException($"cannot read standard input: {Marshal.GetPInvokeErrorMessage(error)}", error);
            }
        }
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<int>(cancellationToken);
        try
        {
            return new ValueTask<int>(Read(buffer.Span));
        }
        catch (IOException exception)
        {
            return ValueTask.FromException<int>(exception);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        if (_input) throw new NotSupportedException();
        fixed (byte* start = buffer)
        {
            int written = 0;
            while (written < buffer.Length && !_broken)
            {
                nint result = Native.Write(_descriptor, start + written, (nuint)(buffer.Length - written));
                if (result >= 0)
                {
                    written += (int)result;
                    continue;
                }

                int error = Marshal.GetLastPInvokeError();
                if (error == Interrupted) continue;
                if (error == BrokenPipe)
                {
                    _broken = true;
                    return;
                }

                if (IsWouldBlock(error))
                {
                    // A descriptor left non-blocking by whoever started us: wait until it can take more, as the console does.
                    Native.WaitWritable(_descriptor);
                    continue;
                }

                throw new IOException($"cannot write to {(_descriptor == 1 ? "standard output" : "standard error")}: {Marshal.GetPInvokeErrorMessage(error)}", error);
            }
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    // A write to standard output or error completes when the system has it, as the console's stream does: no thread is
    // taken for it (the base class would queue each write to the pool behind a semaphore).
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled(cancellationToken);
        try
        {
            Write(buffer.Span);
            return default;
        }
        catch (IOException exception)
        {
            return ValueTask.FromException(exception);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;

    private static bool IsWouldBlock(int error) => error == WouldBlock || (OperatingSystem.IsMacOS() && error == 35);

    private static class Native
    {
        [DllImport("libc", EntryPoint = "write", SetLastError = true)]
        public static extern unsafe nint Write(int descriptor, byte* buffer, nuint count);

        [DllImport("libc", EntryPoint = "read", SetLastError = true)]
        public static extern unsafe nint Read(int descriptor, byte* buffer, nuint count);

        [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
        private static extern unsafe int Poll(PollDescriptor* descriptors, nuint count, int timeout);

        public static void WaitWritable(int descriptor) => Wait(descriptor, 4 /* POLLOUT */);

        public static void WaitReadable(int descriptor) => Wait(descriptor, 1 /* POLLIN */);

        private static unsafe void Wait(int descriptor, short events)
        {
            var entry = new PollDescriptor { Descriptor = descriptor, Events = events };
            Poll(&entry, 1, -1);
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct PollDescriptor
        {
            public int Descriptor;
            public short Events;
            public short ReturnedEvents;
        }
    }
}
