using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Wit.Core.Diagnostics;
using Wit.Core.Lint;
using Wit.Core.Semantics;
using Wit.Core.Workspace;
using Wit.Ide.Configuration;

namespace Wit.Ide.Analysis;

/// <summary>
/// One package root (a directory of <c>.wit</c> files with its <c>deps/</c>, as <c>wit check</c> reads it), checked:
/// the loaded files, the diagnostics of resolution and lint, and the <see cref="WitModel"/>. Immutable once built; the
/// diagnostics come from an incremental <see cref="WorkspaceCheck"/>, and the model, when the check did not resolve
/// every item, is resolved on first use (diagnostics are what a keystroke waits for).
/// </summary>
public sealed class RootAnalysis
{
    private readonly Dictionary<string, SourceFile> _files;
    private Dictionary<string, List<SymbolReference>>? _referencesByPath;
    private Dictionary<string, List<Diagnostic>>? _diagnosticsByPath;
    private Symbols.SymbolIndex? _symbols;

    internal RootAnalysis(string rootPath, WorkspaceCheck check, LintConfigurationFile? lintConfiguration)
    {
        RootPath = rootPath;
        Check = check;
        LintConfiguration = lintConfiguration;
        _files = check.Workspace.AllSources.SelectMany(s => s.Files).GroupBy(f => f.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public string RootPath { get; }

    /// <summary>The <c>.witlint.json</c> the root is linted with (its nearest; see <see cref="Build"/>), or null.</summary>
    public LintConfigurationFile? LintConfiguration { get; }

    public LoadedWorkspace Workspace => Check.Workspace;

    /// <summary>The resolved model (resolved on first use when the check took items over).</summary>
    public WitModel Model => Check.GetModel();

    /// <summary>What the loader and resolver report, for every file of the root.</summary>
    public IReadOnlyList<Diagnostic> ResolveDiagnostics => Check.ResolveDiagnostics;

    public IReadOnlyList<Diagnostic> LintDiagnostics => Check.LintDiagnostics;

    internal WorkspaceCheck Check { get; }

    /// <summary>Every declaration of the model, by file and by key (built on first use).</summary>
    public Symbols.SymbolIndex Symbols => _symbols ??= Ide.Symbols.SymbolIndex.Build(this);

    /// <summary>Every file this root loaded, its own and those under <c>deps/</c>.</summary>
    public IEnumerable<SourceFile> Files => _files.Values;

    public bool Contains(string path) => _files.ContainsKey(path);

    public SourceFile? File(string path) => _files.TryGetValue(path, out var file) ? file : null;

    /// <summary>Whether <paramref name="path"/> belongs to the root package (not to a dependency).</summary>
    public bool IsRootFile(string path) => Workspace.Root is { } root && root.Files.Any(f => f.Path == path);

    /// <summary>The resolver's and the lint's diagnostics in <paramref name="path"/> (all files indexed in one pass, on first use).</summary>
    public IReadOnlyList<Diagnostic> DiagnosticsIn(string path)
    {
        var index = Volatile.Read(ref _diagnosticsByPath);
        if (index is null)
        {
            index = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
            foreach (var diagnostic in ResolveDiagnostics.Concat(LintDiagnostics))
            {
                if (diagnostic.Document?.Path is not { } file) continue;
                if (!index.TryGetValue(file, out var list)) index[file] = list = new List<Diagnostic>();
                list.Add(diagnostic);
            }

            Volatile.Write(ref _diagnosticsByPath, index);
        }

        return index.TryGetValue(path, out var found) ? found : (IReadOnlyList<Diagnostic>)Array.Empty<Diagnostic>();
    }

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
    /// Loads and checks a root. With the root's <paramref name="previous"/> check, what did not change (the
    /// dependencies, and the items of the root package that neither changed nor depend on a change) is taken over
    /// instead of resolved and linted again.
    /// </summary>
    /// <remarks>
    /// The lint options are the editor's (<paramref name="options"/>) with the root's nearest <c>.witlint.json</c>
    /// laid over them (<see cref="LintConfigurationFile.Apply"/>): looked for in the root's directory and its parents
    /// up to <paramref name="configurationStop"/>, as <c>wit lint</c> looks for it. An unusable file is reported
    /// (<see cref="IdeSnapshot.ConfigurationProblems"/>) and the editor's options apply alone.
    /// </remarks>
    internal static RootAnalysis Build(string rootPath, string configurationStop, LintConfigurationCache configurations, IFileSystem fileSystem, Func<string, string, Wit.Core.Syntax.SyntaxTree> parse,
        IdeOptions options, WorkspaceCheck? previous)
    {
        var workspace = WorkspaceLoader.Load(fileSystem, rootPath, parse, options.PackageDecoder);
        var configuration = Configuration.LintConfiguration.Find(fileSystem, rootPath, configurationStop) is { } path
            ? configurations.Read(fileSystem, path)
            : null;
        var lint = configuration?.Apply(options.Lint) ?? options.Lint;
        return new RootAnalysis(rootPath, WorkspaceCheck.Run(workspace, options.Resolve, options.LintEnabled ? lint : null, previous), configuration);
    }
}
