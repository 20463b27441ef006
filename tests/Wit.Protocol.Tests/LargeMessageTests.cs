using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Wit.Protocol.Tests;

[Collection(PoolListenerCollection.Name)]
public sealed class LargeMessageTests
{
    [Fact]
    public async Task A_large_message_rents_nothing_its_size_from_the_shared_array_pool()
    {
        // A JsonDocument of the whole message would rent a table about its size, which the pool then keeps. The
        // answer is the text's length, so the test client's own parse of it rents nothing large either.
        string text = new string('x', 2 * 1024 * 1024);
        using var listener = new Wit.TestKit.ArrayPoolListener();
        await using TestClient client = TestClient.Start(
            c => c.OnRequest("test/length", TestJsonContext.Default.TestParams, TestJsonContext.Default.Int32, (TestParams p, CancellationToken ct) => ValueTask.FromResult(p.Text!.Length)),
            maxMessageLength: 4 * 1024 * 1024);
        await client.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test/length\",\"params\":{\"text\":\"" + text + "\"}}");

        Assert.Equal(text.Length, (await client.ReadResponseAsync("1")).GetProperty("result").GetInt32());
        Assert.DoesNotContain(listener.Rented, size => size >= 1024 * 1024);
    }
}
