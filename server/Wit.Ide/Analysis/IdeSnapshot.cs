using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Wit.Core.Syntax;
using Wit.Core.Witx.Semantics;
using Wit.Ide.Workspace;

namespace Wit.Ide.Analysis;

/// <summary>
/// An immutable view of the workspace at one moment: the open documents, the package roots and their analyses. Every
/// IDE feature is a pure function of a snapshot and a position. Analyses are computed on first use (once, whichever
/// thread asks first) and carried over to later snapshots when nothing they read has changed.
/// </summary>
public sealed class IdeSnapshot
{
    private readonly SnapshotFileSystem _fileSystem;
    private readonly TreeCache _trees;
    private readonly ImmutableDictionary<string, Lazy<RootAnalysis>> _roots;
    private readonly ImmutableDictionary<string, Lazy<WitxAnalysis>> _witx;

    internal IdeSnapshot(
        int revision,
        IdeOptions options,
        ImmutableDictionary<string, IdeDocument> open,
        ImmutableDictionary<string, Lazy<RootAnalysis>> roots,
        ImmutableDictionary<string, Lazy<WitxAnalysis>> witx,
        SnapshotFileSystem fileSystem,
        TreeCache trees)
    {
        Revision = revision;
        Options = options;
        Open = open;
        _roots = roots;
        _witx = witx;
        _fileSystem = fileSystem;
        _trees = trees;
    }

    /// <summary>Increases with every change to the workspace.</summary>
    public int Revision { get; }

    public IdeOptions Options { get; }

    /// <summary>The open editor buffers by path.</summary>
    public ImmutableDictionary<string, IdeDocument> Open { get; }

    /// <summary>The package root directories, sorted.</summary>
    public IEnumerable<string> RootPaths => _roots.Keys.OrderBy(k => k, StringComparer.Ordinal);

    /// <summary>The <c>.witx</c> files known to the workspace, sorted.</summary>
    public IEnumerable<string> WitxPaths => _witx.Keys.OrderBy(k => k, StringComparer.Ordinal);

    internal ImmutableDictionary<string, Lazy<RootAnalysis>> RootEntries => _roots;

    internal ImmutableDictionary<string, Lazy<WitxAnalysis>> WitxEntries => _witx;

    /// <summary>The document at <paramref name="path"/>: the open buffer, or the file on disk parsed (null if absent).</summary>
    public IdeDocument? GetDocument(string path)
    {
        // A lint configuration file is JSON: it has problems (see ConfigurationProblems), never a WIT tree.
        if (Configuration.LintConfiguration.IsConfigurationFile(path)) return null;
        if (Open.TryGetValue(path, out var open)) return open;
        foreach (var analysis in AnalysesOf(path))
        {
            if (analysis.File(path) is { } file) return new IdeDocument(path, file.Tree, version: null, isOpen: false);
        }

        if (!_fileSystem.FileExists(path)) return null;
        string text;
        try
        {
            text = _fileSystem.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }

        return new IdeDocument(path, _trees.Get(path, text), version: null, isOpen: false);
    }

    /// <summary>
    /// The problems of the lint configuration files the roots use (<c>WIT2100</c>, each once, placed in the file's
    /// text): a root with an unusable <c>.witlint.json</c> is linted with the editor's settings instead.
    /// </summary>
    public IReadOnlyList<Core.Diagnostics.Diagnostic> ConfigurationProblems()
    {
        var problems = new List<Core.Diagnostics.Diagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var analysis in AllAnalyses())
        {
            if (analysis.LintConfiguration is { Problem: { } problem, Path: { } path } && seen.Add(path)) problems.Add(problem);
        }

        return problems;
    }

    /// <summary>The analyses of every root that loads <paramref name="path"/> (usually one).</summary>
    public IReadOnlyList<RootAnalysis> AnalysesOf(string path)
    {
        List<RootAnalysis>? result = null;
        foreach (var entry in _roots)
        {
            if (!RootDiscovery.Covers(entry.Key, path)) continue;
            var analysis = entry.Value.Value;
            if (analysis.Contains(path)) (result ??= new List<RootAnalysis>()).Add(analysis);
        }

        return (IReadOnlyList<RootAnalysis>?)result ?? Array.Empty<RootAnalysis>();
    }

    /// <summary>
    /// The analyses of every root whose directory holds <paramref name="path"/>, whether or not they could load it
    /// (a file over a size limit is in no root's files, but its root says why).
    /// </summary>
    public IReadOnlyList<RootAnalysis> AnalysesCovering(string path)
    {
        List<RootAnalysis>? result = null;
        foreach (var entry in _roots)
        {
            if (RootDiscovery.Covers(entry.Key, path)) (result ??= new List<RootAnalysis>()).Add(entry.Value.Value);
        }

        return (IReadOnlyList<RootAnalysis>?)result ?? Array.Empty<RootAnalysis>();
    }

    /// <summary>The analysis that owns <paramref name="path"/> (the root whose own file it is, else the first), or null.</summary>
    public RootAnalysis? AnalysisOf(string path)
    {
        var analyses = AnalysesOf(path);
        return analyses.FirstOrDefault(a => a.IsRootFile(path)) ?? analyses.FirstOrDefault();
    }

    /// <summary>The analysis of the root directory <paramref name="root"/> (one of <see cref="RootPaths"/>).</summary>
    public RootAnalysis AnalysisOfRoot(string root) => _roots[root].Value;

    /// <summary>Every root's analysis (computing those not yet computed).</summary>
    public IEnumerable<RootAnalysis> AllAnalyses() => RootPaths.Select(p => _roots[p].Value);

    /// <summary>The analysis of a <c>.witx</c> document, or null when <paramref name="path"/> is not one.</summary>
    public WitxAnalysis? WitxAnalysisOf(string path) => _witx.TryGetValue(path, out var lazy) ? lazy.Value : null;

    /// <summary>
    /// A root's analysis, computed on first use. <paramref name="latest"/> holds the root's most recent check (from
    /// whichever snapshot computed one last); the check takes over what did not change from it, and then records
    /// itself there.
    /// </summary>
    internal static Lazy<RootAnalysis> LazyRoot(string root, string configurationStop, Configuration.LintConfigurationCache configurations, SnapshotFileSystem fileSystem, TreeCache trees, ImmutableDictionary<string, IdeDocument> open, IdeOptions options,
        System.Runtime.CompilerServices.StrongBox<Core.Lint.WorkspaceCheck?> latest) =>
        new(() =>
        {
            var analysis = RootAnalysis.Build(root, configurationStop, configurations, fileSystem, (path, text) => TreeFor(path, text, open, trees), options, Volatile.Read(ref latest.Value));
            Volatile.Write(ref latest.Value, analysis.Check);
            return analysis;
        }, LazyThreadSafetyMode.ExecutionAndPublication);

    internal static Lazy<WitxAnalysis> LazyWitx(string path, SnapshotFileSystem fileSystem, TreeCache trees, ImmutableDictionary<string, IdeDocument> open) =>
        new(() =>
        {
            string text = fileSystem.FileExists(path) ? SafeRead(fileSystem, path) : string.Empty;
            var tree = TreeFor(path, text, open, trees);
            return new WitxAnalysis(path, tree, WitxResolver.Resolve(tree, fileSystem));
        }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string SafeRead(SnapshotFileSystem fileSystem, string path)
    {
        try
        {
            return fileSystem.ReadAllText(path);
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>An open buffer's own (incrementally maintained) tree when the text is the buffer's; else the cache.</summary>
    private static SyntaxTree TreeFor(string path, string text, ImmutableDictionary<string, IdeDocument> open, TreeCache trees) =>
        open.TryGetValue(path, out var document) && ReferenceEquals(document.Text.Text, text) ? document.Tree : trees.Get(path, text);
}
