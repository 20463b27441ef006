using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Wit.Protocol.Tests;

public sealed class JsonRpcStreamsTests
{
    [Fact]
    public async Task Connection_over_a_tcp_socket_answers_requests()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Task<TcpClient> accept = listener.AcceptTcpClientAsync();

        using Stream serverStream = JsonRpcStreams.ConnectSocket(port);
        using TcpClient client = await accept.WaitAsync(TestClient.Timeout);
        await AssertEchoAsync(serverStream, client.GetStream());
    }

    [Fact]
    public async Task Connection_over_a_unix_socket_answers_requests()
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows uses named pipes for --pipe; this test covers the Unix path only and passes trivially there.
            return;
        }

        string path = Path.Combine(Path.GetTempPath(), "wit-protocol-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        try
        {
            Task<Socket> accept = listener.AcceptAsync();
            using Stream serverStream = JsonRpcStreams.ConnectPipe(path);
            using Socket accepted = await accept.WaitAsync(TestClient.Timeout);
            using var clientStream = new NetworkStream(accepted);
            await AssertEchoAsync(serverStream, clientStream);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task AssertEchoAsync(Stream serverStream, Stream clientStream)
    {
        var connection = new JsonRpcConnection(serverStream, serverStream);
        DispatchTests.RegisterEcho(connection);
        Task run = connection.RunAsync();

        await clientStream.WriteAsync(TestClient.Frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test/echo\",\"params\":{\"text\":\"sock\"}}"));
        var received = new StringBuilder();
        byte[] buffer = new byte[1024];
        using var timeout = new CancellationTokenSource(TestClient.Timeout);
        while (!received.ToString().Contains("\"result\":\"sock\"", StringComparison.Ordinal))
        {
            int n = await clientStream.ReadAsync(buffer, timeout.Token);
            Assert.NotEqual(0, n);
            received.Append(Encoding.UTF8.GetString(buffer, 0, n));
        }

        Assert.StartsWith("Content-Length: ", received.ToString(), StringComparison.Ordinal);
        connection.Stop();
        await run.WaitAsync(TestClient.Timeout);
    }
}
