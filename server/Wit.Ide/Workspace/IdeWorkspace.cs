using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Workspace;
using Wit.Ide.Analysis;
using Wit.Ide.Configuration;

namespace Wit.Ide.Workspace;

/// <summary>
/// The editor's workspace: folders, open buffers, the disk as last read, and the current <see cref="IdeSnapshot"/>.
/// It has a single writer (the server's document-changing notifications, which the protocol layer runs one at a
/// time); readers take <see cref="Snapshot"/> and never see it change under them. Each change reparses only the edited
/// document (incrementally) and invalidates only the analyses of the roots that read it.
/// </summary>
public sealed class IdeWorkspace
{
    private readonly DiskCache _disk;
    private readonly TreeCache _trees = new();
    private ImmutableDictionary<string, IdeDocument> _open = ImmutableDictionary.Create<string, IdeDocument>(StringComparer.Ordinal);

    /// <summary>Open editor buffers of lint configuration files (<c>.witlint.json</c>): texts, not WIT documents.</summary>
    private ImmutableDictionary<string, string> _configurations = ImmutableDictionary.Create<string, string>(StringComparer.Ordinal);
    private ImmutableArray<string> _folders = ImmutableArray<string>.Empty;
    private List<string> _discoveredRoots = new();
    private List<string> _discoveredWitx = new();
    private IdeOptions _options;
    private readonly LintConfigurationCache _configurationCache = new();

    /// <summary>
    /// The longest text (in UTF-16 code units) a file may have to be resolved, linted and indexed: a longer document
    /// gets syntax features only (parse diagnostics, folding, symbols, semantic tokens of its syntax), and its root
    /// reports it as unreadable for analysis. Below it, a document's memory stays within about 20 times its text.
    /// </summary>
    public const int MaxAnalyzedLength = 2 * 1024 * 1024;
    private IdeSnapshot _snapshot;

    /// <summary>Per root, the check computed last (by any snapshot): the starting point of the next check.</summary>
    private readonly Dictionary<string, StrongBox<Wit.Core.Lint.WorkspaceCheck?>> _latestChecks = new(StringComparer.Ordinal);

    public IdeWorkspace(IFileSystem disk, IdeOptions? options = null)
    {
        _disk = new DiskCache(disk);
        _options = options ?? IdeOptions.Default;
        _snapshot = Publish(Array.Empty<string>(), everything: true, revision: 0);
    }

    /// <summary>The current snapshot (immutable; take it once per request).</summary>
    public IdeSnapshot Snapshot => Volatile.Read(ref _snapshot);

    public ImmutableArray<string> Folders => _folders;

    public IdeOptions Options => _options;

    /// <summary>The text of an open <c>.witlint.json</c> buffer, or null when <paramref name="path"/> is not one.</summary>
    public string? OpenConfiguration(string path) => _configurations.TryGetValue(path, out var text) ? text : null;

    /// <summary>Replaces the workspace folders and looks for package roots under them.</summary>
    public IdeSnapshot SetFolders(IEnumerable<string> folders)
    {
        _folders = folders.Distinct(StringComparer.Ordinal).ToImmutableArray();
        _disk.Clear();
        Discover();
        return Update(Array.Empty<string>(), everything: true);
    }

    /// <summary>New settings: every analysis is recomputed on next use.</summary>
    public IdeSnapshot SetOptions(IdeOptions options)
    {
        _options = options;
        return Update(Array.Empty<string>(), everything: true);
    }

    /// <summary>An editor opened <paramref name="path"/> with <paramref name="text"/>.</summary>
    public IdeSnapshot Open(string path, string text, int version)
    {
        if (LintConfiguration.IsConfigurationFile(path))
        {
            _configurations = _configurations.SetItem(path, text);
            return Update(new[] { path }, everything: false);
        }

        // When the buffer equals the file already parsed from disk, the same tree serves both, and the analyses that
        // read it stay valid.
        var tree = _trees.Find(path, text);
        bool same = _open.TryGetValue(path, out var previous) ? ReferenceEquals(previous.Tree, tree) : IsCurrentDiskText(path, text);
        _open = _open.SetItem(path, new IdeDocument(path, tree, version, isOpen: true));
        return Update(same ? Array.Empty<string>() : new[] { path }, everything: false);
    }

    /// <summary>
    /// Applies edits to an open buffer, each relative to the text left by the previous one. Returns null (and changes
    /// nothing) when the document is not open or an edit does not fit the text; the caller decides how to recover.
    /// </summary>
    public IdeSnapshot? Change(string path, IReadOnlyList<TextChange> changes, int version)
    {
        if (_configurations.TryGetValue(path, out var configuration))
        {
            foreach (var change in changes)
            {
                if (change.Span.Start < 0 || change.Span.End > configuration.Length) return null;
                configuration = configuration.Remove(change.Span.Start, change.Span.Length).Insert(change.Span.Start, change.NewText);
            }

            _configurations = _configurations.SetItem(path, configuration);
            return Update(new[] { path }, everything: false);
        }

        if (!_open.TryGetValue(path, out var document)) return null;
        var tree = document.Tree;
        foreach (var change in changes)
        {
            if (change.Span.Start < 0 || change.Span.End > tree.Text.Length) return null;
            tree = tree.WithChange(change);
        }

        _open = _open.SetItem(path, new IdeDocument(path, tree, version, isOpen: true));
        return Update(new[] { path }, everything: false);
    }

    /// <summary>The editor closed <paramref name="path"/>: from now on the disk's content counts.</summary>
    public IdeSnapshot Close(string path)
    {
        if (_configurations.ContainsKey(path))
        {
            _configurations = _configurations.Remove(path);
            return Update(new[] { path }, everything: false);
        }

        if (!_open.TryGetValue(path, out var document)) return Snapshot;
        _open = _open.Remove(path);
        bool same = IsCurrentDiskText(path, document.Text.Text);
        if (same) _trees.Set(path, document.Tree);
        return Update(same ? Array.Empty<string>() : new[] { path }, everything: false);
    }

    /// <summary>Files or directories were created, changed or deleted on disk (file-watcher events).</summary>
    public IdeSnapshot FilesChanged(IEnumerable<string> paths)
    {
        var changed = paths.ToList();
        foreach (var path in changed) _disk.Invalidate(path);
        Discover();
        return Update(changed, everything: false);
    }

    private bool IsCurrentDiskText(string path, string text)
    {
        try
        {
            return _disk.FileExists(path) && string.Equals(_disk.ReadAllText(path), text, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private void Discover()
    {
        var (roots, witx) = RootDiscovery.Find(_disk, _folders);
        _discoveredRoots = roots;
        _discoveredWitx = witx;
    }

    /// <summary>
    /// Whether a change of <paramref name="path"/> can change the lint configuration of <paramref name="root"/>: a
    /// <c>.witlint.json</c> in the root's directory or one above it (created, edited or deleted), or a directory
    /// above the root (a watcher may report only the directory).
    /// </summary>
    private static bool ConfiguresRoot(string path, string root)
    {
        string directory = LintConfiguration.IsConfigurationFile(path) ? Path.GetDirectoryName(path) ?? string.Empty : path.TrimEnd('/');
        return directory.Length > 0 && (string.Equals(root.TrimEnd('/'), directory, StringComparison.Ordinal) || root.StartsWith(directory + "/", StringComparison.Ordinal));
    }

    /// <summary>
    /// The last directory a root's <c>.witlint.json</c> is looked for in: the innermost workspace folder that holds the
    /// root (as <c>wit lint</c> stops at its working directory), or the root itself when no folder holds it.
    /// </summary>
    private string ConfigurationStop(string root)
    {
        string? best = null;
        foreach (var folder in _folders)
        {
            string trimmed = folder.TrimEnd('/');
            bool holds = string.Equals(root.TrimEnd('/'), trimmed, StringComparison.Ordinal) || root.StartsWith(trimmed + "/", StringComparison.Ordinal);
            if (holds && (best is null || trimmed.Length > best.Length)) best = trimmed;
        }

        return best ?? root;
    }

    private IdeSnapshot Update(IReadOnlyList<string> changed, bool everything)
    {
        var snapshot = Publish(changed, everything, _snapshot.Revision + 1);
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot;
    }

    private IdeSnapshot Publish(IReadOnlyList<string> changed, bool everything, int revision)
    {
        var fileSystem = new SnapshotFileSystem(_disk, _open, _configurations);
        var previous = revision == 0 ? null : _snapshot;

        // Roots: those found under the folders, plus the directory of any open .wit file that none of them loads.
        var roots = new List<string>(_discoveredRoots);
        foreach (var path in _open.Keys)
        {
            if (SyntaxTree.LanguageOf(path) != SyntaxLanguage.Wit) continue;
            if (roots.Any(r => RootDiscovery.Covers(r, path))) continue;
            if (Path.GetDirectoryName(path) is { Length: > 0 } directory && !roots.Contains(directory)) roots.Add(directory);
        }

        // A root that is gone (its only open document closed) takes its latest check along: a closed 2 MB document
        // would otherwise stay in memory through it.
        foreach (var gone in _latestChecks.Keys.Where(r => !roots.Contains(r)).ToList()) _latestChecks.Remove(gone);

        var rootEntries = ImmutableDictionary.CreateBuilder<string, Lazy<RootAnalysis>>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            if (!everything && previous is not null && previous.RootEntries.TryGetValue(root, out var old) && old.IsValueCreated
                && !changed.Any(p => RootDiscovery.Covers(root, p) || old.Value.Contains(p) || p.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal)
                    || ConfiguresRoot(p, root)))
            {
                rootEntries[root] = old;
                continue;
            }

            if (!_latestChecks.TryGetValue(root, out var latest)) _latestChecks[root] = latest = new StrongBox<Wit.Core.Lint.WorkspaceCheck?>();
            rootEntries[root] = IdeSnapshot.LazyRoot(root, ConfigurationStop(root), _configurationCache, fileSystem, _trees, _open, _options, latest);
        }

        var witxPaths = new HashSet<string>(_discoveredWitx, StringComparer.Ordinal);
        foreach (var path in _open.Keys) if (SyntaxTree.LanguageOf(path) == SyntaxLanguage.Witx) witxPaths.Add(path);
        var witxEntries = ImmutableDictionary.CreateBuilder<string, Lazy<WitxAnalysis>>(StringComparer.Ordinal);
        foreach (var path in witxPaths)
        {
            if (!everything && previous is not null && previous.WitxEntries.TryGetValue(path, out var old) && old.IsValueCreated
                && !changed.Any(p => old.Value.DependsOn(p)))
            {
                witxEntries[path] = old;
                continue;
            }

            witxEntries[path] = IdeSnapshot.LazyWitx(path, fileSystem, _trees, _open);
        }

        return new IdeSnapshot(revision, _options, _open, rootEntries.ToImmutable(), witxEntries.ToImmutable(), fileSystem, _trees);
    }
}
