using System.IO;
using System.Net;
using System.Net.Sockets;

namespace Wit.LanguageServer;

/// <summary>
/// The transports besides stdio that LSP clients offer (vscode-languageclient's <c>TransportKind.pipe</c> and
/// <c>socket</c>): the client listens, and the server connects to the Unix socket path or TCP port it was given.
/// </summary>
internal static class ClientStreams
{
    public static Stream ConnectPipe(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(path));
        return new NetworkStream(socket, ownsSocket: true);
    }

    public static Stream ConnectSocket(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
        return new NetworkStream(socket, ownsSocket: true);
    }
}
