using System;
using System.IO;
using System.IO.Pipes;
using System.Net;
using System.Net.Sockets;

namespace Wit.Protocol;

/// <summary>
/// Opens the duplex streams a language or debug server talks over when it is not using standard input and output:
/// the <c>--pipe=</c> and <c>--socket=</c> transports of VS Code's language client.
/// </summary>
public static class JsonRpcStreams
{
    private const string WindowsPipePrefix = @"\\.\pipe\";

    /// <summary>
    /// Connects to a pipe the client listens on: a Unix domain socket path on Linux and macOS, a named pipe
    /// (<c>\\.\pipe\name</c> or just <c>name</c>) on Windows. The returned stream both reads and writes.
    /// </summary>
    public static Stream ConnectPipe(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (OperatingSystem.IsWindows())
        {
            string pipeName = name.StartsWith(WindowsPipePrefix, StringComparison.OrdinalIgnoreCase) ? name[WindowsPipePrefix.Length..] : name;
            var pipe = new NamedPipeClientStream(".", pipeName, PipeDirection.InOut, PipeOptions.Asynchronous);
            pipe.Connect();
            return pipe;
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(name));
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Connects to a TCP port on the loopback interface, where the client listens.</summary>
    public static Stream ConnectSocket(int port)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, IPEndPoint.MinPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
