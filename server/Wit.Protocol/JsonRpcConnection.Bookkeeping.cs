using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Wit.Protocol;

// The connection's private bookkeeping types: handler registrations, queued work and pending outgoing requests.
public sealed partial class JsonRpcConnection
{
    private delegate ValueTask<Action<Utf8JsonWriter>?> BoundInvocation(CancellationToken cancellationToken);

    private sealed class HandlerRegistration(bool isRequest, RequestOrdering ordering, Func<MessageParams, BoundInvocation> bind, bool detached = false)
    {
        public bool Detached { get; } = detached;

        public bool IsRequest { get; } = isRequest;

        public RequestOrdering Ordering { get; } = ordering;

        public Func<MessageParams, BoundInvocation> Bind { get; } = bind;
    }

    /// <summary>
    /// A message's params: an element of the message's document, or (for a large message, see
    /// <see cref="UnpooledParseFrom"/>) the UTF-8 bytes of the value, deserialised without a document.
    /// </summary>
    private readonly struct MessageParams
    {
        private readonly JsonElement element;
        private readonly ReadOnlyMemory<byte> utf8;
        private readonly bool raw;

        public MessageParams(JsonElement element) => this.element = element;

        public MessageParams(ReadOnlyMemory<byte> utf8)
        {
            this.utf8 = utf8;
            raw = true;
        }

        /// <summary>The params as an element (null for raw params).</summary>
        public JsonElement? Element => raw ? null : element;

        public T Deserialize<T>(JsonTypeInfo<T> typeInfo) => raw ? JsonSerializer.Deserialize(utf8.Span, typeInfo)! : JsonSerializer.Deserialize(element, typeInfo)!;

        /// <summary>
        /// <paramref name="read"/> of the params as an element (of a document parsed for it, for raw params). The
        /// document is gone once binding ends: what the reader keeps of it must be a clone.
        /// </summary>
        public T Read<T>(Func<JsonElement, T> read)
        {
            if (!raw) return read(element);
            using var document = JsonDocument.Parse(utf8, DocumentOptions);
            return read(document.RootElement);
        }
    }

    private sealed class WorkItem(RequestOrdering ordering, Func<Task> run, bool detached = false)
    {
        public RequestOrdering Ordering { get; } = ordering;

        public Func<Task> Run { get; } = run;

        /// <summary>
        /// A query registered with <see cref="OnQuery"/>: its synchronous part runs on the dispatch loop, in message
        /// order (it takes its snapshot there), and later exclusive messages do not wait for the rest.
        /// </summary>
        public bool Detached { get; } = detached;
    }

    /// <summary>The one answer a request gets: the first to claim it sends it, any later one is dropped.</summary>
    private sealed class AnswerOnce
    {
        private int claimed;

        public bool TryClaim() => Interlocked.Exchange(ref claimed, 1) == 0;
    }

    private abstract class PendingRequest
    {
        public abstract void Complete(JsonElement result);

        public abstract void Fail(Exception exception);

        public abstract void Cancel(CancellationToken cancellationToken);
    }

    private sealed class PendingRequest<TResult>(JsonTypeInfo<TResult> resultTypeInfo) : PendingRequest
    {
        // Continuations run asynchronously so the reader loop never runs a handler's code inline.
        private readonly TaskCompletionSource<TResult?> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<TResult?> Task => completion.Task;

        public override void Complete(JsonElement result)
        {
            try
            {
                completion.TrySetResult(result.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? default : JsonSerializer.Deserialize(result, resultTypeInfo));
            }
            catch (JsonException exception)
            {
                completion.TrySetException(new JsonRpcException(JsonRpcErrorCodes.ParseError, $"The response could not be read: {exception.Message}"));
            }
        }

        public override void Fail(Exception exception) => completion.TrySetException(exception);

        public override void Cancel(CancellationToken cancellationToken) => completion.TrySetCanceled(cancellationToken);
    }
}
