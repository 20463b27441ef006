using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Pipelines;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Wit.Protocol;

/// <summary>
/// A JSON-RPC 2.0 connection over a pair of streams with LSP's <c>Content-Length</c> framing: it dispatches incoming
/// requests and notifications to registered handlers, and sends requests and notifications of its own.
/// </summary>
/// <remarks>
/// <para>
/// One reader loop parses messages in arrival order. Responses to our own requests and <c>$/cancelRequest</c> are
/// handled by the reader at once, so a handler awaiting a client response never deadlocks behind the queue. Other
/// messages are queued for a dispatch loop that applies <see cref="RequestOrdering"/>: an exclusive message waits for
/// everything before it and runs alone; parallel messages run on the thread pool together, after every earlier
/// exclusive message.
/// </para>
/// <para>
/// Every request is answered exactly once: with its result, with an error, or with
/// <see cref="JsonRpcErrorCodes.RequestCancelled"/>. All outgoing messages go through one write lock, so concurrent
/// sends never interleave. Serialisation uses only the <see cref="JsonTypeInfo{T}"/> passed in (no reflection).
/// </para>
/// </remarks>
public sealed partial class JsonRpcConnection
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Relaxed escaping keeps non-ASCII documentation readable and small; the output is JSON, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 1024,
    };

    // Absent or null params deserialise from an empty object, so EmptyParams works and required members still fail.
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private readonly Stream input;
    private readonly Stream output;
    private readonly Action<string>? log;
    private readonly int maxMessageLength;
    private readonly ConcurrentDictionary<string, HandlerRegistration> handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> inflightRequests = new(StringComparer.Ordinal);

    /// <summary>Whether a request from the other side is being handled (not yet answered).</summary>
    public bool HasRequestsInFlight => !inflightRequests.IsEmpty;
    private readonly ConcurrentDictionary<long, PendingRequest> pendingRequests = new();
    private readonly ConcurrentDictionary<Task, byte> detachedRunning = new();
    private readonly Channel<WorkItem> queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly CancellationTokenSource stopSource = new();
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long nextRequestId;
    private int started;
    private volatile bool readerFinished;

    /// <summary>Creates a connection that reads messages from <paramref name="input"/> and writes to <paramref name="output"/>.</summary>
    /// <param name="input">The stream of incoming messages; left open.</param>
    /// <param name="output">The stream for outgoing messages; left open.</param>
    /// <param name="options">Optional settings.</param>
    public JsonRpcConnection(Stream input, Stream output, JsonRpcOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        this.input = input;
        this.output = output;
        log = options?.Log;
        maxMessageLength = options?.MaxMessageLength ?? new JsonRpcOptions().MaxMessageLength;
    }

    /// <summary>
    /// Registers the handler of a request. Params that do not deserialise into <typeparamref name="TParams"/> are
    /// answered with <see cref="JsonRpcErrorCodes.InvalidParams"/>; absent params deserialise from <c>{}</c> (see
    /// <see cref="EmptyParams"/>). A null result is sent as JSON <c>null</c>.
    /// </summary>
    public void OnRequest<TParams, TResult>(
        string method,
        JsonTypeInfo<TParams> paramsTypeInfo,
        JsonTypeInfo<TResult> resultTypeInfo,
        Func<TParams, CancellationToken, ValueTask<TResult?>> handler,
        RequestOrdering ordering = RequestOrdering.Exclusive)
    {
        ArgumentNullException.ThrowIfNull(paramsTypeInfo);
        ArgumentNullException.ThrowIfNull(resultTypeInfo);
        OnRequest(method, () => paramsTypeInfo, () => resultTypeInfo, handler, ordering);
    }

    /// <summary>
    /// Registers the handler of a request whose type metadata is created on first use: a server with many handlers
    /// then pays for the metadata of the messages it actually receives, not of all of them at start-up.
    /// </summary>
    public void OnRequest<TParams, TResult>(
        string method,
        Func<JsonTypeInfo<TParams>> paramsTypeInfo,
        Func<JsonTypeInfo<TResult>> resultTypeInfo,
        Func<TParams, CancellationToken, ValueTask<TResult?>> handler,
        RequestOrdering ordering = RequestOrdering.Exclusive)
    {
        ArgumentNullException.ThrowIfNull(resultTypeInfo);
        ArgumentNullException.ThrowIfNull(handler);
        Register(method, isRequest: true, ordering, paramsTypeInfo, async (parameters, cancellationToken) =>
        {
            TResult? result = await handler(parameters, cancellationToken).ConfigureAwait(false);
            return writer => JsonSerializer.Serialize(writer, result!, resultTypeInfo());
        });
    }

    /// <summary>
    /// Registers a query that does not hold back the messages after it. <paramref name="prepare"/> runs on the dispatch
    /// loop in message order, after every earlier exclusive message (take the state the query reads there, an immutable
    /// snapshot); the work it returns then runs on the thread pool, and later exclusive messages (an edit) run without
    /// waiting for it. The work gets the request's cancellation token.
    /// </summary>
    public void OnQuery<TParams, TResult>(
        string method,
        Func<JsonTypeInfo<TParams>> paramsTypeInfo,
        Func<JsonTypeInfo<TResult>> resultTypeInfo,
        Func<TParams, Func<CancellationToken, TResult?>> prepare)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(paramsTypeInfo);
        ArgumentNullException.ThrowIfNull(resultTypeInfo);
        ArgumentNullException.ThrowIfNull(prepare);
        handlers[method] = new HandlerRegistration(isRequest: true, RequestOrdering.Parallel, element =>
        {
            TParams parameters = element.Deserialize(paramsTypeInfo());
            Func<CancellationToken, TResult?>? work = null;
            return cancellationToken =>
            {
                // The first call (on the dispatch loop) prepares; the second (on the thread pool) does the work.
                if (work is null)
                {
                    work = prepare(parameters);
                    return new ValueTask<Action<Utf8JsonWriter>?>((Action<Utf8JsonWriter>?)null);
                }

                TResult? result = work(cancellationToken);
                return new ValueTask<Action<Utf8JsonWriter>?>(writer => JsonSerializer.Serialize(writer, result!, resultTypeInfo()));
            };
        }, detached: true);
    }

    /// <summary>
    /// Registers a request read and answered without serialisation metadata: <paramref name="read"/> takes the params
    /// as JSON (an empty object when absent; it throws <see cref="JsonException"/> for params it refuses, answered with
    /// <see cref="JsonRpcErrorCodes.InvalidParams"/>, and clones what it keeps), and the handler returns the writer of
    /// the result. For <c>initialize</c>, the first message of a session, answered before any type's metadata is built.
    /// </summary>
    public void OnRawRequest<TParams>(
        string method,
        Func<JsonElement, TParams> read,
        Func<TParams, CancellationToken, ValueTask<Action<Utf8JsonWriter>>> handler,
        RequestOrdering ordering = RequestOrdering.Exclusive)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(handler);
        Register(method, isRequest: true, ordering, parameters => parameters.Read(read), async (parameters, cancellationToken) =>
            await handler(parameters, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Registers the handler of a request whose result is always <c>null</c>, such as <c>shutdown</c>.</summary>
    public void OnRequest<TParams>(
        string method,
        JsonTypeInfo<TParams> paramsTypeInfo,
        Func<TParams, CancellationToken, ValueTask> handler,
        RequestOrdering ordering = RequestOrdering.Exclusive)
    {
        ArgumentNullException.ThrowIfNull(paramsTypeInfo);
        OnRequest(method, () => paramsTypeInfo, handler, ordering);
    }

    /// <summary>Registers the handler of a request whose result is always <c>null</c>, with metadata made on first use.</summary>
    public void OnRequest<TParams>(
        string method,
        Func<JsonTypeInfo<TParams>> paramsTypeInfo,
        Func<TParams, CancellationToken, ValueTask> handler,
        RequestOrdering ordering = RequestOrdering.Exclusive)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register(method, isRequest: true, ordering, paramsTypeInfo, async (parameters, cancellationToken) =>
        {
            await handler(parameters, cancellationToken).ConfigureAwait(false);
            return static writer => writer.WriteNullValue();
        });
    }

    /// <summary>
    /// Registers the handler of a notification. Params that do not deserialise and exceptions thrown by the handler
    /// are logged (a notification has no response to carry them).
    /// </summary>
    public void OnNotification<TParams>(
        string method,
        JsonTypeInfo<TParams> paramsTypeInfo,
        Func<TParams, CancellationToken, ValueTask> handler,
        RequestOrdering ordering = RequestOrdering.Exclusive)
    {
        ArgumentNullException.ThrowIfNull(paramsTypeInfo);
        OnNotification(method, () => paramsTypeInfo, handler, ordering);
    }

    /// <summary>Registers the handler of a notification whose type metadata is created on first use.</summary>
    public void OnNotification<TParams>(
        string method,
        Func<JsonTypeInfo<TParams>> paramsTypeInfo,
        Func<TParams, CancellationToken, ValueTask> handler,
        RequestOrdering ordering = RequestOrdering.Exclusive)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register(method, isRequest: false, ordering, paramsTypeInfo, async (parameters, cancellationToken) =>
        {
            await handler(parameters, cancellationToken).ConfigureAwait(false);
            return null;
        });
    }

    /// <summary>
    /// The one registration all the <c>On*</c> methods share: params are deserialised when the message is bound (a
    /// failure there is answered with InvalidParams), then <paramref name="run"/> produces the result writer (null for
    /// notifications).
    /// </summary>
    private void Register<TParams>(string method, bool isRequest, RequestOrdering ordering, Func<JsonTypeInfo<TParams>> paramsTypeInfo,
        Func<TParams, CancellationToken, ValueTask<Action<Utf8JsonWriter>?>> run)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(paramsTypeInfo);
        Register(method, isRequest, ordering, parameters => parameters.Deserialize(paramsTypeInfo()), run);
    }

    /// <summary>The same with the params read by <paramref name="bind"/>.</summary>
    private void Register<TParams>(string method, bool isRequest, RequestOrdering ordering, Func<MessageParams, TParams> bind,
        Func<TParams, CancellationToken, ValueTask<Action<Utf8JsonWriter>?>> run)
    {
        handlers[method] = new HandlerRegistration(isRequest, ordering, message =>
        {
            TParams parameters = bind(message);
            return cancellationToken => run(parameters, cancellationToken);
        });
    }

    /// <summary>
    /// Sends a request to the peer and returns its result. An error response fails the task with a
    /// <see cref="JsonRpcException"/>; cancelling <paramref name="cancellationToken"/> sends <c>$/cancelRequest</c> and
    /// cancels the task; the end of the connection cancels it too.
    /// </summary>
    public async Task<TResult?> SendRequestAsync<TParams, TResult>(
        string method,
        TParams parameters,
        JsonTypeInfo<TParams> paramsTypeInfo,
        JsonTypeInfo<TResult> resultTypeInfo,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(paramsTypeInfo);
        ArgumentNullException.ThrowIfNull(resultTypeInfo);
        cancellationToken.ThrowIfCancellationRequested();
        long id = Interlocked.Increment(ref nextRequestId);
        var pending = new PendingRequest<TResult>(resultTypeInfo);
        byte[] message = BuildMessage(writer =>
        {
            writer.WriteNumber("id", id);
            writer.WriteString("method", method);
            if (parameters is not null)
            {
                writer.WritePropertyName("params");
                JsonSerializer.Serialize(writer, parameters, paramsTypeInfo);
            }
        });

        pendingRequests[id] = pending;

        // Checked after registering, so a reader finishing concurrently either sees the entry or is seen here.
        if (readerFinished)
        {
            pendingRequests.TryRemove(id, out _);
            throw new OperationCanceledException("The connection is closed.");
        }

        using CancellationTokenRegistration registration = cancellationToken.Register(() =>
        {
            if (pendingRequests.TryRemove(id, out _))
            {
                pending.Cancel(cancellationToken);
                _ = SendCancelAsync(id);
            }
        });

        try
        {
            await WriteMessageAsync(message).ConfigureAwait(false);
        }
        catch
        {
            pendingRequests.TryRemove(id, out _);
            throw;
        }

        return await pending.Task.ConfigureAwait(false);
    }

    /// <summary>Sends a request without params.</summary>
    public Task<TResult?> SendRequestAsync<TResult>(string method, JsonTypeInfo<TResult> resultTypeInfo, CancellationToken cancellationToken = default)
        => SendRequestAsync<EmptyParams, TResult>(method, null!, ProtocolJsonContext.Default.EmptyParams, resultTypeInfo, cancellationToken);

    /// <summary>Sends a notification; the task completes when the message has been written.</summary>
    public Task SendNotificationAsync<TParams>(string method, TParams parameters, JsonTypeInfo<TParams> paramsTypeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(paramsTypeInfo);
        cancellationToken.ThrowIfCancellationRequested();
        byte[] message = BuildMessage(writer =>
        {
            writer.WriteString("method", method);
            if (parameters is not null)
            {
                writer.WritePropertyName("params");
                JsonSerializer.Serialize(writer, parameters, paramsTypeInfo);
            }
        });
        return WriteMessageAsync(message);
    }

    /// <summary>Sends a notification without params.</summary>
    public Task SendNotificationAsync(string method, CancellationToken cancellationToken = default)
        => SendNotificationAsync<EmptyParams>(method, null!, ProtocolJsonContext.Default.EmptyParams, cancellationToken);

    /// <summary>
    /// Sends <c>$/progress</c> with a token and a value, for example an LSP <c>WorkDoneProgressBegin</c>.
    /// </summary>
    public Task SendProgressAsync<T>(StringOrNumber token, T value, JsonTypeInfo<T> valueTypeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(valueTypeInfo);
        cancellationToken.ThrowIfCancellationRequested();
        byte[] message = BuildMessage(writer =>
        {
            writer.WriteString("method", "$/progress");
            writer.WriteStartObject("params");
            writer.WritePropertyName("token");
            WriteStringOrNumber(writer, token);
            writer.WritePropertyName("value");
            JsonSerializer.Serialize(writer, value, valueTypeInfo);
            writer.WriteEndObject();
        });
        return WriteMessageAsync(message);
    }

    /// <summary>
    /// Reads and dispatches messages until the input ends, <see cref="Stop"/> is called or
    /// <paramref name="cancellationToken"/> is cancelled. At the end of the input, messages already received are still
    /// handled before the task completes; after a stop they are dropped and running handlers are cancelled.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref started, 1) != 0)
        {
            throw new InvalidOperationException("The connection is already running.");
        }

        using CancellationTokenRegistration stopOnCancel = cancellationToken.Register(Stop);
        CancellationToken stopToken = stopSource.Token;
        Task dispatch = Task.Run(() => DispatchLoopAsync(stopToken), CancellationToken.None);
        // The reader gets a thread of its own at once rather than a place in the pool's queue: a process that has just
        // started has few pool threads, busy with other start-up work, and the first message waited for one of them.
        // Over an input whose reads wait in the calling thread (standard input) the loop stays on that thread.
        Task read = Task.Factory.StartNew(() => ReadLoopAsync(stopToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

        // Some streams (console input) ignore cancellation, so a stop does not wait for the pending read to return.
        await Task.WhenAny(read, stopped.Task).ConfigureAwait(false);
        if (read.IsFaulted)
        {
            Log($"Reading messages failed: {read.Exception?.InnerException}");
        }

        readerFinished = true;
        queue.Writer.TryComplete();
        foreach (KeyValuePair<long, PendingRequest> entry in pendingRequests)
        {
            if (pendingRequests.TryRemove(entry.Key, out PendingRequest? pending))
            {
                pending.Cancel(CancellationToken.None);
            }
        }

        if (stopToken.IsCancellationRequested)
        {
            foreach (CancellationTokenSource source in inflightRequests.Values)
            {
                TryCancel(source);
            }
        }

        await dispatch.ConfigureAwait(false);
    }

    /// <summary>Ends <see cref="RunAsync"/>, for example after the <c>exit</c> notification. Safe to call from a handler.</summary>
    /// <summary>
    /// Stops once every message read before this call has been handled (a client may send a whole session, `exit`
    /// included, without waiting for answers), or after <paramref name="deadline"/> at the latest, so that a handler
    /// that never finishes cannot keep the process alive.
    /// </summary>
    public void StopAfterPending(TimeSpan deadline)
    {
        Enqueue(new WorkItem(RequestOrdering.Exclusive, () =>
        {
            Stop();
            return Task.CompletedTask;
        }));
        _ = Task.Delay(deadline).ContinueWith(_ => Stop(), TaskScheduler.Default);
    }

    public void Stop()
    {
        stopped.TrySetResult();
        try
        {
            stopSource.Cancel();
        }
        catch (AggregateException exception)
        {
            Log($"A cancellation callback failed while stopping: {exception.Message}");
        }
    }

    private async Task ReadLoopAsync(CancellationToken stopToken)
    {
        // The input is read through a pinned buffer (PinnedReadStream) into the pipe's segments of the default 4 KB,
        // which come from the shared array pool: it keeps dozens after a large message (16 KB segments kept a megabyte).
        PipeReader pipe = PipeReader.Create(new PinnedReadStream(input), new StreamPipeReaderOptions(leaveOpen: true));
        // An oversized message is answered with an error without an id (its id is in the body, which is never read).
        var framer = new MessageFramer(pipe, log, maxMessageLength, length => SendErrorInBackground(null, JsonRpcErrorCodes.InvalidRequest,
            $"A message of {length} bytes is above the limit of {maxMessageLength} bytes; it was skipped."));
        try
        {
            while (!stopToken.IsCancellationRequested)
            {
                byte[]? body = await framer.ReadMessageAsync(stopToken).ConfigureAwait(false);
                if (body is null || stopToken.IsCancellationRequested)
                {
                    return;
                }

                try
                {
                    HandleMessage(body);
                }
                catch (Exception exception)
                {
                    // A bug in handling one message must not end the connection.
                    Log($"Handling a message failed: {exception}");
                }
            }
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            Log($"Reading the input failed: {exception.Message}");
        }
        finally
        {
            await pipe.CompleteAsync().ConfigureAwait(false);
        }
    }

    private void HandleMessage(byte[] body)
    {
        if (body.Length >= UnpooledParseFrom)
        {
            HandleLargeMessage(body);
            return;
        }

        if (!TryParse(body, out var document)) return;
        using (document)
        {
            HandleMessage(document.RootElement);
        }
    }

    /// <summary>Parses a message (or its envelope); invalid JSON is reported to the peer as a parse error.</summary>
    private bool TryParse(byte[] json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
            return true;
        }
        catch (JsonException exception)
        {
            ReportInvalidJson(exception);
            document = null;
            return false;
        }
    }

    /// <summary>
    /// Messages from this size (a large document's <c>didOpen</c> or <c>didChange</c>) are not parsed into one
    /// <see cref="JsonDocument"/>: every way of building one rents its token table (about the message's size) from
    /// <c>ArrayPool&lt;byte&gt;.Shared</c>, which keeps the array for reuse: after a 10 MB and a 20 MB document the server
    /// held 16 and 32 MB pooled arrays long after the documents were closed. Their <c>params</c> are deserialised
    /// straight from the message's bytes instead, and only the rest of the message (a few dozen bytes) becomes a document.
    /// </summary>
    internal const int UnpooledParseFrom = 256 * 1024;

    private void HandleLargeMessage(byte[] body)
    {
        int start, end;
        try
        {
            (start, end) = FindParams(body);
        }
        catch (JsonException exception)
        {
            ReportInvalidJson(exception);
            return;
        }

        // The rest of the message with a placeholder where its params were (the whole message when they were not found).
        int envelopeLength = end > start ? body.Length - (end - start) + 1 : body.Length;
        if (envelopeLength >= UnpooledParseFrom)
        {
            Log($"Skipped a message of {body.Length} bytes whose members other than params take {envelopeLength} bytes.");
            SendErrorInBackground(null, JsonRpcErrorCodes.InvalidRequest, $"Invalid request: a message of {body.Length} bytes may be that large only through its params.");
            return;
        }

        var envelope = new byte[envelopeLength];
        body.AsSpan(0, start).CopyTo(envelope);
        envelope[start] = (byte)'0';
        body.AsSpan(end).CopyTo(envelope.AsSpan(start + 1));
        if (!TryParse(envelope, out var document)) return;
        using (document)
        {
            HandleMessage(document.RootElement, new MessageParams(body.AsMemory(start, end - start)));
        }
    }

    /// <summary>
    /// Where the value of the top-level <c>params</c> of a message is, reading the whole message as JSON with the
    /// limits of <see cref="DocumentOptions"/> (a message that is not valid JSON throws, as parsing it would). A message
    /// that is no object, or has no params, null params or two of them, gives an empty range: the message stays whole.
    /// </summary>
    internal static (int Start, int End) FindParams(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = DocumentOptions.MaxDepth });
        (int Start, int End) found = (0, 0);
        int seen = 0;
        if (!reader.Read()) throw new JsonException("The message is empty.");
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
        }
        else
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isParams = reader.ValueTextEquals("params"u8);
                reader.Read();
                int valueStart = (int)reader.TokenStartIndex;
                bool isNull = reader.TokenType == JsonTokenType.Null;
                reader.Skip();
                if (isParams && seen++ == 0 && !isNull) found = (valueStart, (int)reader.BytesConsumed);
            }
        }

        // Reading on checks that nothing but whitespace follows the value, as Parse does.
        if (reader.Read()) throw new JsonException("The message continues after its JSON value.");
        return seen == 1 ? found : (0, 0);
    }

    private void ReportInvalidJson(JsonException exception)
    {
        Log($"Received a message that is not valid JSON: {exception.Message}");
        SendErrorInBackground(null, JsonRpcErrorCodes.ParseError, "Parse error: the message is not valid JSON.");
    }

    private void HandleMessage(JsonElement root, MessageParams? rawParams = null)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            SendErrorInBackground(null, JsonRpcErrorCodes.InvalidRequest, "Batch messages are not supported.");
            return;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            SendErrorInBackground(null, JsonRpcErrorCodes.InvalidRequest, "A message must be a JSON object.");
            return;
        }

        bool hasId = root.TryGetProperty("id", out JsonElement idElement);
        bool idValid = hasId && idElement.ValueKind is JsonValueKind.String or JsonValueKind.Number;
        string? rawId = idValid ? idElement.GetRawText() : null;
        bool hasMethod = root.TryGetProperty("method", out JsonElement methodElement);
        if (!hasMethod && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _)))
        {
            HandleResponse(root, hasId ? idElement : default);
            return;
        }

        if (!root.TryGetProperty("jsonrpc", out JsonElement version) || version.ValueKind != JsonValueKind.String || !version.ValueEquals("2.0"))
        {
            SendErrorInBackground(rawId, JsonRpcErrorCodes.InvalidRequest, "Invalid request: \"jsonrpc\" must be \"2.0\".");
            return;
        }

        if (hasId && !idValid)
        {
            SendErrorInBackground(null, JsonRpcErrorCodes.InvalidRequest, "Invalid request: \"id\" must be a string or a number.");
            return;
        }

        if (!hasMethod || methodElement.ValueKind != JsonValueKind.String)
        {
            SendErrorInBackground(rawId, JsonRpcErrorCodes.InvalidRequest, "Invalid request: \"method\" must be a string.");
            return;
        }

        string method = methodElement.GetString()!;
        MessageParams parameters = rawParams ?? new MessageParams(root.TryGetProperty("params", out JsonElement p) && p.ValueKind != JsonValueKind.Null ? p : EmptyObject);
        if (rawId is null)
        {
            HandleNotification(method, parameters);
        }
        else
        {
            HandleRequest(rawId, IdKey(idElement), method, parameters);
        }
    }

    private void HandleNotification(string method, MessageParams parameters)
    {
        if (method == "$/cancelRequest")
        {
            // A cancel is a few bytes: one large enough to come as raw params is ignored with the rest.
            if (parameters.Element is { ValueKind: JsonValueKind.Object } cancel
                && cancel.TryGetProperty("id", out JsonElement id)
                && id.ValueKind is JsonValueKind.String or JsonValueKind.Number
                && inflightRequests.TryGetValue(IdKey(id), out CancellationTokenSource? source))
            {
                TryCancel(source);
            }

            // A cancel for a request already answered (or never received) is expected and ignored.
            return;
        }

        if (!handlers.TryGetValue(method, out HandlerRegistration? registration) || registration.IsRequest)
        {
            // LSP: notifications starting with "$/" may be ignored silently; others are worth a log line.
            if (!method.StartsWith("$/", StringComparison.Ordinal))
            {
                Log($"Ignored the notification '{method}', which has no handler.");
            }

            return;
        }

        BoundInvocation invocation;
        try
        {
            invocation = registration.Bind(parameters);
        }
        catch (Exception exception)
        {
            // Binding runs the params' source-generated deserialiser, which may fail in more ways than JsonException;
            // a notification has no answer, so whatever failed is logged and the message dropped.
            Log($"Ignored the notification '{method}': invalid params: {exception.Message}");
            return;
        }

        if (registration.Ordering == RequestOrdering.Immediate)
        {
            _ = RunNotificationAsync(method, invocation);
            return;
        }

        Enqueue(new WorkItem(registration.Ordering, () => RunNotificationAsync(method, invocation)));
    }

    private void HandleRequest(string rawId, string key, string method, MessageParams parameters)
    {
        if (!handlers.TryGetValue(method, out HandlerRegistration? registration) || !registration.IsRequest)
        {
            SendErrorInBackground(rawId, JsonRpcErrorCodes.MethodNotFound, $"Method not found: '{method}'.");
            return;
        }

        BoundInvocation invocation;
        try
        {
            invocation = registration.Bind(parameters);
        }
        catch (JsonException exception)
        {
            SendErrorInBackground(rawId, JsonRpcErrorCodes.InvalidParams, $"Invalid params for '{method}': {exception.Message}");
            return;
        }
        catch (Exception exception)
        {
            // Every request must be answered: a failure other than malformed JSON is still an error response.
            SendErrorInBackground(rawId, JsonRpcErrorCodes.InternalError, $"Reading the params of '{method}' failed: {exception.Message}");
            return;
        }

        var source = new CancellationTokenSource();
        if (!inflightRequests.TryAdd(key, source))
        {
            SendErrorInBackground(rawId, JsonRpcErrorCodes.InvalidRequest, $"A request with id {rawId} is already in progress.");
            return;
        }

        // A cancelled request is answered at once, whether it is still queued behind other messages or running in a
        // handler that does not notice: the client never waits for the work. Whichever answer comes first is sent.
        var answer = new AnswerOnce();
        source.Token.Register(() =>
        {
            if (answer.TryClaim())
            {
                SendErrorInBackground(rawId, JsonRpcErrorCodes.RequestCancelled, "The request was cancelled.");
            }
        });

        if (registration.Detached)
        {
            Enqueue(new WorkItem(registration.Ordering, () => PrepareAndRunAsync(rawId, key, method, invocation, source, answer), detached: true));
            return;
        }

        Enqueue(new WorkItem(registration.Ordering, () => RunRequestAsync(rawId, key, method, invocation, source, answer)));
    }

    private void Enqueue(WorkItem item)
    {
        if (!queue.Writer.TryWrite(item))
        {
            Log("Dropped a message received after the connection stopped.");
        }
    }

    private void HandleResponse(JsonElement root, JsonElement id)
    {
        if (id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out long key) || !pendingRequests.TryRemove(key, out PendingRequest? pending))
        {
            Log($"Ignored a response to an unknown request id {(id.ValueKind == JsonValueKind.Undefined ? "(none)" : id.GetRawText())}.");
            return;
        }

        if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
        {
            int code = error.TryGetProperty("code", out JsonElement c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out int value)
                ? value
                : JsonRpcErrorCodes.UnknownErrorCode;
            string message = error.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "Unknown error.";
            JsonElement? data = error.TryGetProperty("data", out JsonElement d) ? d.Clone() : null;
            pending.Fail(new JsonRpcException(code, message, data));
            return;
        }

        pending.Complete(root.TryGetProperty("result", out JsonElement result) ? result : default);
    }

    private async Task DispatchLoopAsync(CancellationToken stopToken)
    {
        // Tasks of parallel messages that may still be running; an exclusive message waits for all of them.
        var running = new List<Task>();
        try
        {
            while (await queue.Reader.WaitToReadAsync(stopToken).ConfigureAwait(false))
            {
                while (!stopToken.IsCancellationRequested && queue.Reader.TryRead(out WorkItem? item))
                {
                    if (item.Detached)
                    {
                        // Runs its preparation here, in order; the work goes on without holding back later messages.
                        await item.Run().ConfigureAwait(false);
                    }
                    else if (item.Ordering == RequestOrdering.Parallel)
                    {
                        if (running.Count >= 64)
                        {
                            running.RemoveAll(static task => task.IsCompleted);
                        }

                        running.Add(Task.Run(item.Run, CancellationToken.None));
                    }
                    else
                    {
                        if (running.Count > 0)
                        {
                            await Task.WhenAll(running).ConfigureAwait(false);
                            running.Clear();
                        }

                        await item.Run().ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        await Task.WhenAll(detachedRunning.Keys).ConfigureAwait(false);
    }

    /// <summary>
    /// A detached query: the preparation runs now (on the dispatch loop); a failure there is the request's answer.
    /// Otherwise the work is started on the thread pool and this returns at once.
    /// </summary>
    private Task PrepareAndRunAsync(string rawId, string key, string method, BoundInvocation invocation, CancellationTokenSource source, AnswerOnce answer)
    {
        if (!source.IsCancellationRequested)
        {
            try
            {
                ValueTask<Action<Utf8JsonWriter>?> prepared = invocation(source.Token);
                if (!prepared.IsCompletedSuccessfully)
                {
                    throw new InvalidOperationException("A query's preparation must complete synchronously.");
                }
            }
            catch (Exception)
            {
                // Answered (once) by RunRequestAsync, which runs the invocation again: a failed preparation fails again.
                return RunRequestAsync(rawId, key, method, invocation, source, answer);
            }
        }

        Task work = Task.Run(() => RunRequestAsync(rawId, key, method, invocation, source, answer), CancellationToken.None);
        detachedRunning[work] = 0;
        _ = work.ContinueWith(task => detachedRunning.TryRemove(task, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    // Never throws: every path ends in exactly one response.
    private async Task RunRequestAsync(string rawId, string key, string method, BoundInvocation invocation, CancellationTokenSource source, AnswerOnce answer)
    {
        CancellationToken token = source.Token;
        byte[] response;
        try
        {
            if (token.IsCancellationRequested)
            {
                response = BuildError(rawId, JsonRpcErrorCodes.RequestCancelled, "The request was cancelled.");
            }
            else
            {
                Action<Utf8JsonWriter>? writeResult = await invocation(token).ConfigureAwait(false);
                response = BuildMessage(writer =>
                {
                    writer.WritePropertyName("id");
                    writer.WriteRawValue(rawId, skipInputValidation: true);
                    writer.WritePropertyName("result");
                    if (writeResult is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        writeResult(writer);
                    }
                });
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            response = BuildError(rawId, JsonRpcErrorCodes.RequestCancelled, "The request was cancelled.");
        }
        catch (JsonRpcException exception)
        {
            response = BuildError(rawId, exception.Code, exception.Message, exception.ErrorData);
        }
        catch (Exception exception)
        {
            // The top-level request guard: every request is answered exactly once, so a handler's bug becomes a logged
            // InternalError response instead of a request the client waits on forever.
            Log($"The handler of '{method}' failed: {exception}");
            response = BuildError(rawId, JsonRpcErrorCodes.InternalError, $"The handler of '{method}' failed: {exception.Message}");
        }
        finally
        {
            // The source is not disposed: a $/cancelRequest racing with this removal may still cancel it, and a
            // source without timers or links holds nothing that needs disposing.
            inflightRequests.TryRemove(key, out _);
        }

        if (answer.TryClaim())
        {
            await TryWriteMessageAsync(response).ConfigureAwait(false);
        }
    }

    private async Task RunNotificationAsync(string method, BoundInvocation invocation)
    {
        try
        {
            await invocation(stopSource.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The top-level notification guard: a handler's bug is logged and must not end the dispatch loop.
            Log($"The handler of the notification '{method}' failed: {exception}");
        }
    }

    private Task SendCancelAsync(long id)
    {
        byte[] message = BuildMessage(writer =>
        {
            writer.WriteString("method", "$/cancelRequest");
            writer.WriteStartObject("params");
            writer.WriteNumber("id", id);
            writer.WriteEndObject();
        });
        return TryWriteMessageAsync(message);
    }

    private void SendErrorInBackground(string? rawId, int code, string message)
    {
        _ = TryWriteMessageAsync(BuildError(rawId, code, message));
    }

    private static byte[] BuildError(string? rawId, int code, string message, JsonElement? data = null)
    {
        return BuildMessage(writer =>
        {
            writer.WritePropertyName("id");
            if (rawId is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteRawValue(rawId, skipInputValidation: true);
            }

            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            if (data is { } value)
            {
                writer.WritePropertyName("data");
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        });
    }

    private static byte[] BuildMessage(Action<Utf8JsonWriter> writeMembers)
    {
        // One buffer is reused: a large message (a file's diagnostics is often 100 KB) would otherwise grow a fresh
        // buffer through several large-object-heap arrays on every publication. Messages built at the same time (rare:
        // writes are serialised) make their own. A buffer per thread kept up to a megabyte on each of the server's
        // twenty pool threads. A buffer that grew past ReusedBufferLimit is dropped after use instead of being kept: one
        // large answer (a large document's symbols) would otherwise keep a megabyte for the rest of the session.
        var buffer = Interlocked.Exchange(ref s_messageBuffer, null) ?? new ArrayBufferWriter<byte>(4096);
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("jsonrpc", "2.0");
                writeMembers(writer);
                writer.WriteEndObject();
            }

            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity <= ReusedBufferLimit)
            {
                buffer.ResetWrittenCount();
                Volatile.Write(ref s_messageBuffer, buffer);
            }
        }
    }

    private const int ReusedBufferLimit = 256 * 1024;

    private static ArrayBufferWriter<byte>? s_messageBuffer;

    private static void WriteStringOrNumber(Utf8JsonWriter writer, StringOrNumber value)
    {
        if (value.String is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteNumberValue(value.Number);
        }
    }

    // Equal ids give equal keys whatever their spelling in JSON ("a" and "\u0061"); strings and numbers never collide.
    private static string IdKey(JsonElement id)
    {
        if (id.ValueKind == JsonValueKind.String)
        {
            return "s:" + id.GetString();
        }

        return id.TryGetInt64(out long number) ? "n:" + number.ToString(CultureInfo.InvariantCulture) : "n:" + id.GetRawText();
    }

    private static void TryCancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (AggregateException)
        {
            // A handler's cancellation callback threw; the handler itself reports the outcome.
        }
    }

    private async Task TryWriteMessageAsync(byte[] body)
    {
        try
        {
            await WriteMessageAsync(body).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or NotSupportedException or InvalidOperationException)
        {
            Log($"Writing a message failed: {exception.Message}");
        }
    }

    private async Task WriteMessageAsync(byte[] body)
    {
        byte[] header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");

        // Writes are never cancelled: a frame cut in half would corrupt every message after it.
        await writeLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await output.WriteAsync(header, CancellationToken.None).ConfigureAwait(false);
            await output.WriteAsync(body, CancellationToken.None).ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            writeLock.Release();
        }
    }

    private void Log(string message) => log?.Invoke(message);
}
