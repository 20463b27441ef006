using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Lint;
using Wit.Core.Semantics;
using Wit.Core.Workspace;

namespace Wit.Ide.Analysis;

/// <summary>
/// One package root (a directory of <c>.wit</c> files with its <c>deps/</c>, as <c>wit check</c> reads it), resolved:
/// the loaded files, the <see cref="WitModel"/> and the lint results. Immutable once built.
/// </summary>
public sealed class RootAnalysis
{
    private readonly Dictionary<string, SourceFile> _files;
    private Dictionary<string, List<SymbolReference>>? _referencesByPath;
    private Symbols.SymbolIndex? _symbols;

    internal RootAnalysis(string rootPath, LoadedWorkspace workspace, WitModel model, IReadOnlyList<Diagnostic> lintDiagnostics)
    {
        RootPath = rootPath;
        Workspace = workspace;
        Model = model;
        LintDiagnostics = lintDiagnostics;
        _files = workspace.AllSources.SelectMany(s => s.Files).GroupBy(f => f.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public string RootPath { get; }

    public LoadedWorkspace Workspace { get; }

    public WitModel Model { get; }

    public IReadOnlyList<Diagnostic> LintDiagnostics { get; }

    /// <summary>Every declaration of the model, by file and by key (built on first use).</summary>
    public Symbols.SymbolIndex Symbols => _symbols ??= Ide.Symbols.SymbolIndex.Build(this);

    /// <summary>Every file this root loaded, its own and those under <c>deps/</c>.</summary>
    public IEnumerable<SourceFile> Files => _files.Values;

    public bool Contains(string path) => _files.ContainsKey(path);

    public SourceFile? File(string path) => _files.TryGetValue(path, out var file) ? file : null;

    /// <summary>Whether <paramref name="path"/> belongs to the root package (not to a dependency).</summary>
    public bool IsRootFile(string path) => Workspace.Root is { } root && root.Files.Any(f => f.Path == path);

    /// <summary>The resolved name references that start in <paramref name="path"/>, in source order.</summary>
    public IReadOnlyList<SymbolReference> ReferencesIn(string path)
    {
        var index = _referencesByPath;
        if (index is null)
        {
            index = new Dictionary<string, List<SymbolReference>>(StringComparer.Ordinal);
            foreach (var reference in Model.References)
            {
                if (reference.Location.Path is not { } file) continue;
                if (!index.TryGetValue(file, out var list)) index[file] = list = new List<SymbolReference>();
                list.Add(reference);
            }

            foreach (var list in index.Values) list.Sort((a, b) => a.Location.Span.Start.CompareTo(b.Location.Span.Start));
            _referencesByPath = index;
        }

        return index.TryGetValue(path, out var found) ? found : (IReadOnlyList<SymbolReference>)Array.Empty<SymbolReference>();
    }

    /// <summary>
    /// Loads and resolves a root. With the root's <paramref name="previous"/> model, the packages whose files did not
    /// change (the dependencies, when the root package is edited) are taken over instead of resolved again.
    /// </summary>
    internal static RootAnalysis Build(string rootPath, IFileSystem fileSystem, Func<string, string, Wit.Core.Syntax.SyntaxTree> parse, IdeOptions options, WitModel? previous)
    {
        var workspace = WorkspaceLoader.Load(fileSystem, rootPath, parse);
        var model = WitResolver.Resolve(workspace, options.Resolve, previous);
        IReadOnlyList<Diagnostic> lint = options.LintEnabled && workspace.Root is not null
            ? WitLinter.Lint(model, options.Lint)
            : Array.Empty<Diagnostic>();
        return new RootAnalysis(rootPath, workspace, model, lint);
    }
}
