using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Wit;

/// <summary>
/// Standard output or error as a write-only stream over the file descriptor itself, on Linux and macOS: what
/// <see cref="Console.OpenStandardOutput()"/> gives, without setting up the console.
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
    private bool _broken;

    /// <summary>A stream over <paramref name="descriptor"/>, which it does not close.</summary>
    internal StandardStream(int descriptor) => _descriptor = descriptor;

    /// <summary>Standard output: the descriptor's own stream on Unix, the console's elsewhere.</summary>
    public static Stream Output() => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? new StandardStream(1) : Console.OpenStandardOutput();

    /// <summary>Standard error: the descriptor's own stream on Unix, the console's elsewhere.</summary>
    public static Stream Error() => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? new StandardStream(2) : Console.OpenStandardError();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
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

        [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
        private static extern unsafe int Poll(PollDescriptor* descriptors, nuint count, int timeout);

        public static unsafe void WaitWritable(int descriptor)
        {
            var entry = new PollDescriptor { Descriptor = descriptor, Events = 4 /* POLLOUT */ };
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
