using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Wit.Protocol.Tests;

public sealed class CancellationTests
{
    [Fact]
    public async Task Cancel_during_a_handler_gives_exactly_one_RequestCancelled()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using TestClient client = TestClient.Start(c =>
        {
            DispatchTests.RegisterEcho(c);
            c.OnRequest("test/wait", TestJsonContext.Default.TestParams, TestJsonContext.Default.String,
                async (TestParams p, CancellationToken ct) =>
                {
                    started.TrySetResult();
                    await Task.Delay(Timeout.Infinite, ct);
                    return "never";
                },
                RequestOrdering.Parallel);
        });

        await client.RequestAsync("w", "test/wait", "{\"text\":\"x\"}");
        await started.Task.WaitAsync(TestClient.Timeout);
        await client.CancelAsync("w");

        JsonElement response = await client.ReadResponseAsync("\"w\"");
        Assert.Equal(JsonRpcErrorCodes.RequestCancelled, response.GetProperty("error").GetProperty("code").GetInt32());

        // A second cancel and a later request: the next message is that request's answer, not a second one for "w".
        await client.CancelAsync("w");
        await client.RequestAsync(2, "test/echo", "{\"text\":\"after\"}");
        Assert.Equal("after", (await client.ReadResponseAsync("2")).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Cancel_for_unknown_or_finished_requests_is_ignored()
    {
        await using TestClient client = TestClient.Start(c => DispatchTests.RegisterEcho(c));
        await client.RequestAsync(1, "test/echo", "{\"text\":\"a\"}");
        Assert.Equal("a", (await client.ReadResponseAsync("1")).GetProperty("result").GetString());

        await client.CancelAsync(1);
        await client.CancelAsync(12345);
        await client.CancelAsync("nobody");
        await client.NotifyAsync("$/cancelRequest", "{\"id\":{\"bad\":true}}");
        await client.NotifyAsync("$/cancelRequest");
        await client.RequestAsync(2, "test/echo", "{\"text\":\"b\"}");

        Assert.Equal("b", (await client.ReadResponseAsync("2")).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Cancel_before_the_handler_starts_answers_RequestCancelled_without_running_it()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int echoCalls = 0;
        await using TestClient client = TestClient.Start(c =>
        {
            c.OnRequest("test/block", TestJsonContext.Default.TestParams, TestJsonContext.Default.String,
                async (TestParams p, CancellationToken ct) =>
                {
                    blocking.TrySetResult();
                    await gate.Task;
                    return "unblocked";
                },
                RequestOrdering.Exclusive);
            c.OnRequest("test/echo", TestJsonContext.Default.TestParams, TestJsonContext.Default.String,
                (TestParams p, CancellationToken ct) =>
                {
                    Interlocked.Increment(ref echoCalls);
                    return ValueTask.FromResult<string?>(p.Text);
                },
                RequestOrdering.Parallel);
        });

        await client.RequestAsync(1, "test/block", "{\"text\":\"x\"}");
        await blocking.Task.WaitAsync(TestClient.Timeout);
        await client.RequestAsync(2, "test/echo", "{\"text\":\"queued\"}");
        await client.CancelAsync(2);

        // An unknown method is answered by the reader at once; the cancelled request, still queued behind the
        // blocking one, is answered at once too (issue 20: a client never waits for the work it cancelled).
        await client.RequestAsync(3, "test/unknown");
        var early = new Dictionary<string, JsonElement>();
        for (int i = 0; i < 2; i++)
        {
            JsonElement message = await client.ReadAsync();
            early[message.GetProperty("id").GetRawText()] = message;
        }

        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, early["3"].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonRpcErrorCodes.RequestCancelled, early["2"].GetProperty("error").GetProperty("code").GetInt32());
        gate.SetResult();

        Assert.Equal("unblocked", (await client.ReadResponseAsync("1")).GetProperty("result").GetString());
        Assert.Equal(0, echoCalls);
    }

    [Fact]
    public async Task Burst_of_mixed_requests_with_random_cancellations_is_answered_exactly_once_each()
    {
        const int count = 1000;
        int activeParallel = 0;
        int activeExclusive = 0;
        int violations = 0;
        await using TestClient client = TestClient.Start(c =>
        {
            c.OnRequest("test/parallel", TestJsonContext.Default.TestParams, TestJsonContext.Default.String,
                async (TestParams p, CancellationToken ct) =>
                {
                    Interlocked.Increment(ref activeParallel);
                    try
                    {
                        if (Volatile.Read(ref activeExclusive) != 0)
                        {
                            Interlocked.Increment(ref violations);
                        }

                        if (p.Number % 3 == 0)
                        {
                            await Task.Delay(p.Number % 7, ct);
                        }
                        else
                        {
                            await Task.Yield();
                        }

                        return p.Text;
                    }
                    finally
                    {
                        Interlocked.Decrement(ref activeParallel);
                    }
                },
                RequestOrdering.Parallel);
            c.OnRequest("test/exclusive", TestJsonContext.Default.TestParams, TestJsonContext.Default.String,
                async (TestParams p, CancellationToken ct) =>
                {
                    if (Interlocked.Increment(ref activeExclusive) != 1 || Volatile.Read(ref activeParallel) != 0)
                    {
                        Interlocked.Increment(ref violations);
                    }

                    await Task.Yield();
                    Interlocked.Decrement(ref activeExclusive);
                    ct.ThrowIfCancellationRequested();
                    return p.Text;
                },
                RequestOrdering.Exclusive);
            c.OnRequest("test/throw", TestJsonContext.Default.TestParams, TestJsonContext.Default.String,
                (TestParams p, CancellationToken ct) => throw new InvalidOperationException("boom"),
                RequestOrdering.Parallel);
        });

        var responses = new ConcurrentDictionary<string, int>();
        Task reader = Task.Run(async () =>
        {
            for (int i = 0; i < count; i++)
            {
                JsonElement message = await client.ReadAsync();
                responses.AddOrUpdate(message.GetProperty("id").GetRawText(), 1, (_, n) => n + 1);
            }
        });

        var random = new Random(1234);
        var sent = new List<string>();
        for (int i = 0; i < count; i++)
        {
            string method = (i % 10) switch
            {
                0 or 1 => "test/exclusive",
                2 => "test/throw",
                _ => "test/parallel",
            };
            object id = i % 2 == 0 ? i : "r" + i.ToString(CultureInfo.InvariantCulture);
            await client.RequestAsync(id, method, "{\"text\":\"t" + i + "\",\"number\":" + i + "}");
            sent.Add(id is string s ? "\"" + s + "\"" : i.ToString(CultureInfo.InvariantCulture));
            if (random.Next(4) == 0)
            {
                int target = random.Next(i + 1);
                await client.CancelAsync(target % 2 == 0 ? target : "r" + target.ToString(CultureInfo.InvariantCulture));
            }
        }

        await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(count, responses.Count);
        Assert.All(sent, id => Assert.Equal(1, responses[id]));
        Assert.Equal(0, violations);

        // Nothing more is pending: the next message is the answer to a fresh request.
        await client.RequestAsync("last", "test/parallel", "{\"text\":\"end\",\"number\":1}");
        Assert.Equal("end", (await client.ReadResponseAsync("\"last\"")).GetProperty("result").GetString());
    }
}
