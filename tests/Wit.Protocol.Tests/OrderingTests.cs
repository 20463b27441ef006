using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Wit.Protocol.Tests;

public sealed class OrderingTests
{
    [Fact]
    public async Task Exclusive_notification_waits_for_parallel_requests_received_before_it()
    {
        var parallelGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var parallelStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var exclusiveRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var events = new ConcurrentQueue<string>();
        await using TestClient client = TestClient.Start(c =>
        {
            c.OnRequest("test/hover", TestJsonContext.Default.TestParams, TestJsonContext.Default.String,
                async (TestParams p, CancellationToken ct) =>
                {
                    parallelStarted.TrySetResult();
                    await parallelGate.Task;
                    events.Enqueue("hover done");
                    return "hover";
                },
                RequestOrdering.Parallel);
            c.OnNotification("test/didChange", TestJsonContext.Default.TestParams,
                (TestParams p, CancellationToken ct) =>
                {
                    events.Enqueue("change");
                    exclusiveRan.TrySetResult();
                    return ValueTask.CompletedTask;
                },
                RequestOrdering.Exclusive);
        });

        await client.RequestAsync(1, "test/hover", "{\"text\":\"x\"}");
        await parallelStarted.Task.WaitAsync(TestClient.Timeout);
        await client.NotifyAsync("test/didChange", "{\"text\":\"y\"}");

        // The reader answers an unknown method at once, so the change notification has certainly been queued.
        await client.RequestAsync(2, "test/unknown");
        await client.ReadResponseAsync("2");
        Assert.False(exclusiveRan.Task.IsCompleted);

        parallelGate.SetResult();
        await client.ReadResponseAsync("1");
        await exclusiveRan.Task.WaitAsync(TestClient.Timeout);
        Assert.Equal(new[] { "hover done", "change" }, events);
    }

    [Fact]
    public async Task Parallel_request_after_an_exclusive_one_observes_its_effect()
    {
        var exclusiveGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var exclusiveStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string documentText = "old";
        int hoverStarted = 0;
        await using TestClient client = TestClient.Start(c =>
        {
            c.OnNotification("test/didChange", TestJsonContext.Default.TestParams,
                async (TestParams p, CancellationToken ct) =>
                {
                    exclusiveStarted.TrySetResult();
                    await exclusiveGate.Task;
                    Volatile.Write(ref documentText, p.Text);
                },
                RequestOrdering.Exclusive);
            c.OnRequest("test/hover", TestJsonContext.Default.TestParams, TestJsonContext.Default.String,
                (TestParams p, CancellationToken ct) =>
                {
                    Interlocked.Increment(ref hoverStarted);
                    return ValueTask.FromResult<string?>(Volatile.Read(ref documentText));
                },
                RequestOrdering.Parallel);
        });

        await client.NotifyAsync("test/didChange", "{\"text\":\"new\"}");
        await exclusiveStarted.Task.WaitAsync(TestClient.Timeout);
        await client.RequestAsync(1, "test/hover", "{\"text\":\"q\"}");
        await client.RequestAsync(2, "test/unknown");
        await client.ReadResponseAsync("2");
        Assert.Equal(0, Volatile.Read(ref hoverStarted));

        exclusiveGate.SetResult();
        JsonElement response = await client.ReadResponseAsync("1");
        Assert.Equal("new", response.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Parallel_requests_run_concurrently()
    {
        // Two handlers that each wait for the other to start can only finish if they run at the same time.
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using TestClient client = TestClient.Start(c => c.OnRequest("test/meet", TestJsonContext.Default.TestParams, TestJsonContext.Default.String,
            async (TestParams p, CancellationToken ct) =>
            {
                (p.Number == 1 ? first : second).TrySetResult();
                await (p.Number == 1 ? second : first).Task.WaitAsync(TestClient.Timeout, ct);
                return p.Text;
            },
            RequestOrdering.Parallel));

        await client.RequestAsync(1, "test/meet", "{\"text\":\"a\",\"number\":1}");
        await client.RequestAsync(2, "test/meet", "{\"text\":\"b\",\"number\":2}");

        JsonElement one = await client.ReadAsync();
        JsonElement two = await client.ReadAsync();
        Assert.True(one.TryGetProperty("result", out _), one.GetRawText());
        Assert.True(two.TryGetProperty("result", out _), two.GetRawText());
    }
}
