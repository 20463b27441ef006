using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Wit.Ide.Analysis;
using Wit.Ide.Diagnostics;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer;

/// <summary>
/// Pushes <c>textDocument/publishDiagnostics</c> for every file of the workspace, on a background loop that always
/// works on the newest snapshot: a burst of keystrokes is answered once, for the last one. The edited document goes
/// first; then every file of each root whose analysis changed (a dependency's edit can break its users). A file is
/// published only when its diagnostics (or an open buffer's version) changed; files that left the workspace get an
/// empty list.
/// </summary>
internal sealed class DiagnosticsPublisher
{
    private readonly WitLanguageServer _server;
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly List<string> _urgent = new();
    private readonly Dictionary<string, Publication> _published = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RootAnalysis> _seenRoots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WitxAnalysis> _seenWitx = new(StringComparer.Ordinal);
    private Task _loop = Task.CompletedTask;
    private int _pending;
    private int _passing;

    /// <summary>Whether a pass is running or asked for.</summary>
    public bool Busy => Volatile.Read(ref _pending) == 1 || Volatile.Read(ref _passing) == 1;

    public DiagnosticsPublisher(WitLanguageServer server)
    {
        _server = server;
    }

    /// <summary>
    /// Starts the publishing loop. With nothing asked for yet (the server starts it before reading a message) the loop
    /// only begins waiting for its first signal, so it runs here, without handing the thread pool an item: as the
    /// process starts, that made the pool create a thread and wait for it to run, on the way to answering
    /// <c>initialize</c>.
    /// </summary>
    public void Start() => _loop = _signal.CurrentCount == 0 ? RunAsync() : Task.Run(RunAsync);

    public async Task StopAsync()
    {
        _stop.Cancel();
        try
        {
            // A pass in the middle of a long computation checks the stop only between files; exit must not wait for it.
            await _loop.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _server.Log("stopped without waiting for the diagnostics pass in progress");
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Asks for a pass; <paramref name="path"/> (the edited document) is published first.</summary>
    public void Notify(string? path)
    {
        lock (_gate)
        {
            if (path is not null && !_urgent.Contains(path)) _urgent.Add(path);
        }

        if (Interlocked.Exchange(ref _pending, 1) == 0) _signal.Release();
    }

    /// <summary>A stable id of a diagnostics list (for pull results and to skip unchanged publications).</summary>
    public static string Fingerprint(IEnumerable<Diagnostic> diagnostics)
    {
        // Hashed a diagnostic at a time (the same bytes as hashing the joined lines at once): a file's list is often
        // 100 KB of text, which as one string and one byte array would land on the large object heap twice per file.
        var hash = ListHash.Start;
        var builder = new StringBuilder();
        byte[] bytes = Array.Empty<byte>();
        foreach (var d in diagnostics)
        {
            builder.Clear();
            builder.Append(d.Code).Append('|').Append((int?)d.Severity).Append('|')
                .Append(d.Range.Start.Line).Append(':').Append(d.Range.Start.Character).Append('-')
                .Append(d.Range.End.Line).Append(':').Append(d.Range.End.Character).Append('|').Append(d.Message).Append('|')
                .Append(d.RelatedInformation?.Length ?? 0).Append('\n');
            int length = Encoding.UTF8.GetMaxByteCount(builder.Length);
            if (bytes.Length < length) bytes = new byte[Math.Max(length, 2 * bytes.Length)];
            int written = 0;
            foreach (var chunk in builder.GetChunks()) written += Encoding.UTF8.GetBytes(chunk.Span, bytes.AsSpan(written));
            hash = hash.Append(bytes.AsSpan(0, written));
        }

        return hash.ToString();
    }

    /// <summary>
    /// The fingerprint's hash: FNV-1a over the bytes in two 64-bit lanes (different offset bases), printed as 24 hex
    /// digits. It tells lists apart, nothing more; SHA-256 did the same but made the server load OpenSSL (libcrypto and
    /// libssl, 4 MB of resident memory) for it.
    /// </summary>
    internal readonly struct ListHash
    {
        private const ulong Prime = 1099511628211;

        private readonly ulong _a;
        private readonly ulong _b;

        private ListHash(ulong a, ulong b)
        {
            _a = a;
            _b = b;
        }

        public static ListHash Start => new(14695981039346656037, 0x6c62272e07bb0142);

        public ListHash Append(ReadOnlySpan<byte> bytes)
        {
            ulong a = _a, b = _b;
            foreach (byte value in bytes)
            {
                a = (a ^ value) * Prime;
                b = (b ^ value) * Prime;
                b ^= b >> 29;
            }

            return new ListHash(a, b);
        }

        public override string ToString() => _a.ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + (_b >> 32).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await _signal.WaitAsync(_stop.Token).ConfigureAwait(false);
            Interlocked.Exchange(ref _pending, 0);
            if (_server.State != ServerState.Initialized || !_server.PushDiagnostics) continue;
            Volatile.Write(ref _passing, 1);
            try
            {
                await PassAsync(_server.Snapshot).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug in one pass must not end publishing for the session.
                _server.Log($"publishing diagnostics failed: {e}");
            }
            finally
            {
                Volatile.Write(ref _passing, 0);
            }
        }
    }

    private async Task PassAsync(IdeSnapshot snapshot)
    {
        List<string> urgent;
        lock (_gate)
        {
            urgent = new List<string>(_urgent);
            _urgent.Clear();
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in urgent)
        {
            if (done.Add(path)) await PublishAsync(snapshot, path).ConfigureAwait(false);
        }

        // Every root whose analysis is new since the last pass: all of its files may have new diagnostics.
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in snapshot.RootPaths)
        {
            if (_stop.IsCancellationRequested || Volatile.Read(ref _pending) == 1) return;
            var analysis = snapshot.AnalysisOfRoot(root);
            var paths = analysis.Files.Select(f => f.Path).Concat(TooLarge(analysis)).ToList();
            known.UnionWith(paths);
            if (_seenRoots.TryGetValue(root, out var seen) && ReferenceEquals(seen, analysis)) continue;
            _seenRoots[root] = analysis;
            foreach (var path in paths)
            {
                // A newer change is waiting: leave this root for the next pass (it is not marked as seen), so the
                // edited document of the next keystroke is published without waiting for the rest of this one.
                if (Volatile.Read(ref _pending) == 1)
                {
                    _seenRoots.Remove(root);
                    return;
                }

                if (done.Add(path)) await PublishAsync(snapshot, path).ConfigureAwait(false);
            }
        }

        foreach (var path in snapshot.WitxPaths)
        {
            known.Add(path);
            if (snapshot.WitxAnalysisOf(path) is not { } witx) continue;
            if (_seenWitx.TryGetValue(path, out var seen) && ReferenceEquals(seen, witx)) continue;
            _seenWitx[path] = witx;
            if (done.Add(path)) await PublishAsync(snapshot, path).ConfigureAwait(false);
        }

        // Lint configuration files that roots read and cannot use: each gets its problem (a fixed one, being in no
        // list any more, is cleared below).
        foreach (var problem in snapshot.ConfigurationProblems())
        {
            if (problem.Document?.Path is not { } path) continue;
            known.Add(path);
            if (done.Add(path)) await PublishAsync(snapshot, path).ConfigureAwait(false);
        }

        foreach (var path in snapshot.Open.Keys)
        {
            known.Add(path);
            if (done.Add(path)) await PublishAsync(snapshot, path).ConfigureAwait(false);
        }

        // Files that are in no root any more (deleted, closed outside the workspace): clear what was shown.
        foreach (var path in _published.Keys.Where(p => !known.Contains(p)).ToList())
        {
            _published.Remove(path);
            await SendAsync(path, version: null, Array.Empty<Diagnostic>()).ConfigureAwait(false);
        }

        foreach (var root in _seenRoots.Keys.Where(r => !snapshot.RootPaths.Contains(r)).ToList()) _seenRoots.Remove(root);
    }

    /// <summary>
    /// What was last published for a file: the diagnostics it came from, as sent, and their fingerprint (computed when
    /// first compared: an open document's new version is published whatever its diagnostics, so a keystroke skips it).
    /// </summary>
    private sealed class Publication(int? version, IReadOnlyList<Core.Diagnostics.Diagnostic> source, Diagnostic[] sent)
    {
        private string? _fingerprint;

        public int? Version { get; } = version;

        public IReadOnlyList<Core.Diagnostics.Diagnostic> Source { get; } = source;

        public Diagnostic[] Sent { get; } = sent;

        public string Fingerprint => _fingerprint ??= DiagnosticsPublisher.Fingerprint(Sent);
    }

    /// <summary>The files of a root its loader refused for their size (WIT1017): they are in no root's files, but say why.</summary>
    private static IEnumerable<string> TooLarge(Ide.Analysis.RootAnalysis analysis) =>
        analysis.Workspace.Errors.Where(e => e.Diagnostic.Descriptor == Core.Diagnostics.ResolveDiagnostics.Wit1017).Select(e => e.Path);

    private async Task PublishAsync(IdeSnapshot snapshot, string path)
    {
        var source = DocumentDiagnostics.For(snapshot, path);
        // A file without a WIT document: a .witlint.json, whose diagnostics carry its text, or a file too large to
        // read, whose diagnostics sit at its start, placed on an empty text.
        if (snapshot.GetDocument(path) is not { } document)
        {
            if (source.Count == 0) return;
            var text = source[0].Document is { } own && own.Path == path ? own : Core.Text.SourceText.From(string.Empty, path);
            await PublishOnAsync(path, text, version: null, source).ConfigureAwait(false);
            return;
        }

        await PublishOnAsync(path, document.Text, document.Version, source).ConfigureAwait(false);
    }

    private async Task PublishOnAsync(string path, Core.Text.SourceText text, int? version, IReadOnlyList<Core.Diagnostics.Diagnostic> source)
    {
        _published.TryGetValue(path, out var previous);

        // The very same diagnostic objects (a file whose items were all taken over) translate to the same LSP
        // diagnostics: a diagnostic holds its immutable text, so its line and column cannot have moved.
        bool same = previous is not null && previous.Source.SequenceEqual(source, ReferenceEqualityComparer.Instance);
        if (same && previous!.Version == version) return;
        var publication = new Publication(version, source, same ? previous!.Sent : source.Select(d => _server.Translator.ToDiagnostic(text, d)).ToArray());
        _published[path] = publication;
        if (previous is not null && previous.Version == version && previous.Fingerprint == publication.Fingerprint) return;
        await SendAsync(path, version, publication.Sent).ConfigureAwait(false);
    }

    private Task SendAsync(string path, int? version, Diagnostic[] diagnostics) =>
        _server.Connection.SendNotificationAsync("textDocument/publishDiagnostics",
            new PublishDiagnosticsParams { Uri = _server.Translator.Uris.ToUri(path), Version = version, Diagnostics = diagnostics },
            LspJsonContext.Default.PublishDiagnosticsParams);
}
