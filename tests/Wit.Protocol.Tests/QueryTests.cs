using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Wit.Protocol.Tests;

/// <summary>
/// <see cref="JsonRpcConnection.OnQuery"/>: a query prepares in message order, and the exclusive messages after it do
/// not wait for its work (issue 20: an edit is not held back by a slow query).
/// </summary>
public sealed class QueryTests
{
    [Fact]
    public async Task An_exclusive_message_after_a_running_query_does_not_wait_for_it()
    {
        var gate = new ManualResetEventSlim();
        var working = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int state = 0;
        await using TestClient client = TestClient.Start(c =>
        {
            c.OnQuery("test/slow", () => TestJsonContext.Default.TestParams, () => TestJsonContext.Default.String, p =>
            {
                int seen = Volatile.Read(ref state);
                return cancellationToken =>
                {
                    working.TrySetResult();
                    gate.Wait(TestClient.Timeout);
                    return "saw " + seen;
                };
            });
            c.OnRequest("test/change", TestJsonContext.Default.TestParams, TestJsonContext.Default.String,
                (TestParams p, CancellationToken ct) => ValueTask.FromResult<string?>("changed to " + Interlocked.Increment(ref state)),
                RequestOrdering.Exclusive);
        });

        await client.RequestAsync(1, "test/slow", "{\"text\":\"x\"}");
        await working.Task.WaitAsync(TestClient.Timeout);
        await client.RequestAsync(2, "test/change", "{\"text\":\"x\"}");

        // Before OnQuery, an exclusive message waited for every running parallel one: this read would time out.
        Assert.Equal("changed to 1", (await client.ReadResponseAsync("2")).GetProperty("result").GetString());
        gate.Set();
        Assert.Equal("saw 0", (await client.ReadResponseAsync("1")).GetProperty("result").GetString());
    }

    [Fact]
    public async Task A_cancelled_query_stuck_in_its_work_is_answered_at_once()
    {
        var gate = new ManualResetEventSlim();
        var working = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using TestClient client = TestClient.Start(c =>
            c.OnQuery("test/slow", () => TestJsonContext.Default.TestParams, () => TestJsonContext.Default.String, p => cancellationToken =>
            {
                working.TrySetResult();
                gate.Wait(TestClient.Timeout);
                return "late";
            }));

        await client.RequestAsync(1, "test/slow", "{\"text\":\"x\"}");
        await working.Task.WaitAsync(TestClient.Timeout);
        await client.CancelAsync(1);

        Assert.Equal(JsonRpcErrorCodes.RequestCancelled, (await client.ReadResponseAsync("1")).GetProperty("error").GetProperty("code").GetInt32());
        gate.Set();

        // The late result is dropped: the next message is the answer to the next request.
        await client.RequestAsync(2, "test/unknown");
        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, (await client.ReadResponseAsync("2")).GetProperty("error").GetProperty("code").GetInt32());
    }
}
