using System.IO;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Workspace;

namespace Wit.Cli;

/// <summary>
/// A package root named on the command line (a <c>.wit</c> file, or a directory with its <c>deps/</c>), loaded and
/// resolved. Documents keep the path as the user wrote it, so diagnostics print relative paths.
/// </summary>
public sealed class WorkspaceInput
{
    private WorkspaceInput(string path, LoadedWorkspace workspace, WitModel model)
    {
        Path = path;
        Workspace = workspace;
        Model = model;
    }

    /// <summary>The path as given.</summary>
    public string Path { get; }

    /// <summary>What was read.</summary>
    public LoadedWorkspace Workspace { get; }

    /// <summary>The resolved model with every diagnostic, syntax ones first.</summary>
    public WitModel Model { get; }

    /// <summary>Every WIT file that was read, dependencies included.</summary>
    public int FileCount => Workspace.AllSources.Sum(source => source.Files.Count);

    /// <summary>True when a file could not be read (not for inputs that are merely unsupported).</summary>
    public bool HasReadErrors => Workspace.Errors.Any(error => !error.IsUnsupported);

    /// <summary>The number of error diagnostics.</summary>
    public int ErrorCount => Model.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The number of warning diagnostics.</summary>
    public int WarningCount => Model.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>
    /// Loads and resolves <paramref name="path"/> relative to <paramref name="workingDirectory"/> for the command
    /// <paramref name="command"/> (named in messages). Returns null, after writing why on <paramref name="error"/>, when
    /// the path does not exist, holds no WIT (a WITX file, or a directory without <c>*.wit</c> files) or a file is not
    /// UTF-8: the caller exits with <see cref="ExitCodes.UsageOrIoError"/>.
    /// </summary>
    /// <param name="batch">
    /// Load and resolve in a no-GC region when the workspace holds 64 KB of WIT or more (<see cref="BatchCollection"/>):
    /// for <c>check</c>, whose run allocates little past its trees and model. A command that goes on to allocate much
    /// more does better without: <c>lint</c> of the generated 1,000,000-line file renders 250,000 notes, and once the
    /// region was used up the first collection copied everything made in it (+5% time, +75 MB, measured 2026-12).
    /// </param>
    /// <param name="timings">Where reading, parsing and resolving are timed (<c>--timings</c>); null times nothing.</param>
    public static WorkspaceInput? Load(string path, string workingDirectory, ResolveOptions options, TextWriter error, string command, bool batch = false, PhaseTimings? timings = null)
    {
        var fileSystem = new RelativeFileSystem(workingDirectory);
        if (!fileSystem.FileExists(path) && !fileSystem.DirectoryExists(path))
        {
            error.Write($"error: no such file or directory: '{path}'\n");
            return null;
        }

        if (InputProblems.NoWit(fileSystem, path, command) is { } problem)
        {
            error.Write($"error: {problem}\n");
            return null;
        }

        // A large input: the heap on huge pages (HugePages). A batch run (check): its trees and model live to the end,
        // so collecting them as they grow is wasted work.
        var size = BatchCollection.Measure(System.IO.Path.GetFullPath(path, workingDirectory));
        HugePages.AdviseFor(size.Total);
        if (batch) BatchCollection.TryReserve(size.Total, size.Largest);

        // The trees read their text back from their green nodes when a command needs it (a diagnostic's line, lint), so
        // a file's UTF-16 string is garbage once parsed: a large file's check holds its tree and model, not a copy.
        timings?.Start();
        var workspace = WorkspaceLoader.Load(
            fileSystem,
            path,
            parse: timings is null ? Parse : (file, text) => timings.Parse(text, t => Parse(file, t)),
            Wit.Runtime.Component.WitPackageDecoder.Instance);
        timings?.EndLoad();
        bool invalidUtf8 = false;
        foreach (var loadError in workspace.Errors.Where(e => e.IsInvalidUtf8))
        {
            error.Write($"error: {InputProblems.NotUtf8(loadError.Path)}\n");
            invalidUtf8 = true;
        }

        if (invalidUtf8) return null;
        timings?.Start();
        var model = WitResolver.Resolve(workspace, options);
        timings?.EndResolve();
        return new WorkspaceInput(path, workspace, model);
    }

    private static SyntaxTree Parse(string file, string text) => SyntaxTree.ParseWit(SourceText.From(text, file)).WithTextFromTree();
}
