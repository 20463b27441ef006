using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Wit.Core.Workspace;
using Wit.Ide.Analysis;
using Wit.Ide.Workspace;
using Wit.LanguageServer.Custom;
using Wit.LanguageServer.Handlers;
using Wit.LanguageServer.Translation;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer;

/// <summary>
/// The WIT language server: a JSON-RPC connection, the IDE workspace it feeds, and one handler per LSP feature
/// (<c>Handlers/</c>). Document-changing notifications run one at a time, after the requests before them (the
/// protocol layer's exclusive ordering); queries run in parallel on the snapshot current when they arrive.
/// </summary>
public sealed class WitLanguageServer
{
    private readonly JsonRpcConnection _connection;
    private readonly object _writeLock = new();
    private readonly Action<string>? _log;
    private volatile ServerState _state = ServerState.Created;
    private CancellationTokenSource _edits = new();

    /// <summary>
    /// The largest message the server reads (64 MiB): a document of tens of megabytes still fits, and a peer that
    /// declares a huge <c>Content-Length</c> gets an error instead of the server reserving memory for it.
    /// </summary>
    internal const int MaxMessageLength = 64 * 1024 * 1024;

    public WitLanguageServer(Stream input, Stream output, IFileSystem? fileSystem = null, Action<string>? log = null)
    {
        _log = log;
        _connection = new JsonRpcConnection(input, output, new JsonRpcOptions { Log = message => Log(message), MaxMessageLength = MaxMessageLength });
        FileSystem = fileSystem ?? ServerFileSystem.Instance;
        Workspace = new IdeWorkspace(FileSystem, new Ide.IdeOptions(packageDecoder: Runtime.Component.WitPackageDecoder.Instance));
        Translator = new LspTranslator(new DocumentUris());
        Diagnostics = new DiagnosticsPublisher(this);
        SemanticTokens = new SemanticTokensResults(path => Snapshot.Open.ContainsKey(path));
        Memory.Busy = () => _connection.HasRequestsInFlight || Diagnostics.Busy;
        Memory.Log = Log;
        HandlerRegistry.RegisterAll(this);
    }

    internal JsonRpcConnection Connection => _connection;

    internal IdeWorkspace Workspace { get; }

    /// <summary>What the workspace reads from: the disk with unsaved buffers over it (or the tests' memory).</summary>
    internal IFileSystem FileSystem { get; }

    internal LspTranslator Translator { get; }

    internal DiagnosticsPublisher Diagnostics { get; }

    /// <summary>The last semantic-tokens result of each open document, for delta requests.</summary>
    internal SemanticTokensResults SemanticTokens { get; }

    /// <summary>Returns memory to the system after a large document is closed or replaced.</summary>
    internal MemoryTrimmer Memory { get; } = new();

    internal ServerState State => _state;

    /// <summary>The client capabilities the server acts on (<see cref="ClientFeatures"/>); none before <c>initialize</c>.</summary>
    internal ClientFeatures Client { get; private set; }

    /// <summary>Reads what the server acts on from the capabilities <c>initialize</c> sent (what does not read as LSP is logged).</summary>
    internal void SetClientCapabilities(JsonElement? capabilities) => Client = ClientFeatures.Read(capabilities, Log);

    internal ServerSettings Settings { get; set; } = ServerSettings.Default;

    /// <summary>Whether diagnostics are pushed (the default) or only pulled (initialization option <c>diagnosticMode: "pull"</c>).</summary>
    internal bool PushDiagnostics { get; set; } = true;

    /// <summary>Whether the client received <c>shutdown</c> before <c>exit</c> (decides the exit code).</summary>
    internal bool ShutdownRequested { get; private set; }

    /// <summary>The current snapshot; requests take it once.</summary>
    internal IdeSnapshot Snapshot => Workspace.Snapshot;

    /// <summary>Serves until the client sends <c>exit</c> or closes the stream; returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        Diagnostics.Start();
        try
        {
            await _connection.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Task? idleWatch;
            lock (_idleWatchLock)
            {
                _stopWatching.Cancel();
                idleWatch = _idleWatch;
            }

            if (idleWatch is not null) await idleWatch.ConfigureAwait(false);
            await Diagnostics.StopAsync().ConfigureAwait(false);
        }

        return ShutdownRequested ? 0 : 1;
    }

    internal void MarkInitialized() => _state = ServerState.Initialized;

    private readonly object _idleWatchLock = new();
    private readonly CancellationTokenSource _stopWatching = new();

    /// <summary>The idle watch, once <see cref="StartIdleWatch"/> has started it.</summary>
    private Task? _idleWatch;

    /// <summary>Whether <see cref="StartIdleWatch"/> has started the watch.</summary>
    internal bool IdleWatchStarted
    {
        get
        {
            lock (_idleWatchLock) return _idleWatch is not null;
        }
    }

    /// <summary>
    /// Starts watching for the server to go idle after a burst of work (<see cref="MemoryTrimmer.WatchForIdleAsync"/>),
    /// once: on <c>initialized</c>, or on the first change to a document should a client skip that. Not as the process
    /// starts: the watch's first timer made the runtime start its timer thread and wait for it, on the way to answering
    /// <c>initialize</c>, where nothing can have been allocated to give back yet.
    /// </summary>
    internal void StartIdleWatch()
    {
        lock (_idleWatchLock)
        {
            if (_idleWatch is not null || _stopWatching.IsCancellationRequested) return;
            _idleWatch = Memory.WatchForIdleAsync(_stopWatching.Token);
        }
    }

    internal void MarkShutDown()
    {
        ShutdownRequested = true;
        _state = ServerState.ShutDown;
    }

    /// <summary>
    /// `exit`: read at once (it must work even when a handler hangs), it stops the connection after the messages sent
    /// before it are answered, or after two seconds.
    /// </summary>
    internal void Exit() => _connection.StopAfterPending(TimeSpan.FromSeconds(2));

    /// <summary>Applies a change to the workspace (one writer at a time) and tells the diagnostics publisher.</summary>
    internal IdeSnapshot? Mutate(Func<IdeWorkspace, IdeSnapshot?> change, string? changedPath = null)
    {
        IdeSnapshot? snapshot;
        lock (_writeLock) snapshot = change(Workspace);
        if (snapshot is not null) Diagnostics.Notify(changedPath);
        if (changedPath is not null) StartIdleWatch();
        return snapshot;
    }

    internal void Log(string message) => _log?.Invoke(message);

    /// <summary>
    /// Registers a query (its JSON metadata is made on first use, which keeps start-up short): refused before <c>initialize</c> (<c>-32002</c>) and after <c>shutdown</c> (<c>-32600</c>),
    /// run in parallel with other queries on the snapshot current when it is dispatched. Later edits do not wait for it:
    /// an edit cancels the queries already running, which answer <c>ContentModified</c> (their result would be stale).
    /// </summary>
    internal void Query<TParams, TResult>(string method, Func<JsonTypeInfo<TParams>> paramsInfo, Func<JsonTypeInfo<TResult>> resultInfo,
        Func<IdeSnapshot, TParams, CancellationToken, TResult?> handler)
    {
        _connection.OnQuery(method, paramsInfo, resultInfo, parameters =>
        {
            EnsureServing();
            var snapshot = Snapshot;
            var edits = _edits.Token;
            return cancellationToken =>
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, edits);
                try
                {
                    linked.Token.ThrowIfCancellationRequested();
                    return handler(snapshot, parameters, linked.Token);
                }
                catch (OperationCanceledException) when (edits.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new JsonRpcException(JsonRpcErrorCodes.ContentModified, "the document changed while the request was running");
                }
            };
        });
    }

    /// <summary>Cancels the queries running on snapshots before an edit (they answer <c>ContentModified</c>).</summary>
    internal void CancelRunningQueries()
    {
        var previous = Interlocked.Exchange(ref _edits, new CancellationTokenSource());
        previous.Cancel();
    }

    /// <summary>Registers a notification that changes the workspace: ignored before <c>initialize</c> and after <c>shutdown</c>.</summary>
    internal void Change<TParams>(string method, Func<JsonTypeInfo<TParams>> paramsInfo, Action<TParams> handler)
    {
        _connection.OnNotification(method, paramsInfo, (parameters, _) =>
        {
            if (_state == ServerState.Initialized) handler(parameters);
            return ValueTask.CompletedTask;
        }, RequestOrdering.Exclusive);
    }

    internal void EnsureServing()
    {
        switch (_state)
        {
            case ServerState.Created:
                throw new JsonRpcException(JsonRpcErrorCodes.ServerNotInitialized, "the server has not been initialized");
            case ServerState.ShutDown:
                throw new JsonRpcException(JsonRpcErrorCodes.InvalidRequest, "the server is shut down");
        }
    }
}
