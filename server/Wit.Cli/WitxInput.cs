using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Wit.Core.Diagnostics;
using Wit.Core.Witx.Semantics;

namespace Wit.Cli;

/// <summary>
/// WITX documents named on the command line, for the commands that read them (<c>check</c>, <c>lint</c>): one
/// <c>.witx</c> file, or a directory holding <c>.witx</c> files and no WIT. Each document is validated on its own with
/// the files it uses; a diagnostic met twice (in a file used by two documents) is kept once.
/// </summary>
public sealed class WitxInput
{
    private WitxInput(string path, IReadOnlyList<WitxModel> models, IReadOnlyList<Diagnostic> diagnostics, int fileCount)
    {
        Path = path;
        Models = models;
        Diagnostics = diagnostics;
        FileCount = fileCount;
    }

    /// <summary>The resolved documents, one per document named.</summary>
    public IReadOnlyList<WitxModel> Models { get; }

    /// <summary>The path as given.</summary>
    public string Path { get; }

    /// <summary>Every WITX0xxx and WITX1xxx diagnostic, document by document.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The files read, used ones included, each once.</summary>
    public int FileCount { get; }

    /// <summary>
    /// The WITX documents <paramref name="path"/> names, or an empty list when it names WIT (or nothing).
    /// </summary>
    public static IReadOnlyList<string> Documents(string path, string workingDirectory)
    {
        var fileSystem = new RelativeFileSystem(workingDirectory);
        if (InputProblems.IsWitx(path) && fileSystem.FileExists(path)) return new[] { path };
        return InputProblems.WitxOnlyDirectory(fileSystem, path);
    }

    /// <summary>
    /// Validates <paramref name="documents"/>. Returns null, after writing why on <paramref name="error"/>, when one of
    /// them cannot be read or is not UTF-8 (the caller exits with <see cref="ExitCodes.UsageOrIoError"/>).
    /// </summary>
    public static WitxInput? Load(string path, IReadOnlyList<string> documents, string workingDirectory, TextWriter error)
    {
        var fileSystem = new RelativeFileSystem(workingDirectory);
        foreach (string document in documents)
        {
            try
            {
                _ = fileSystem.ReadAllText(document);
            }
            catch (DecoderFallbackException)
            {
                error.Write($"error: {InputProblems.NotUtf8(document)}\n");
                return null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.Write($"error: cannot read '{document.Replace('\\', '/')}': {e.Message}\n");
                return null;
            }
        }

        var models = new List<WitxModel>();
        var diagnostics = new List<Diagnostic>();
        var seen = new HashSet<(string?, int, int, string)>();
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (string document in documents)
        {
            var model = WitxResolver.Resolve(fileSystem, document);
            models.Add(model);
            foreach (var tree in model.Files) files.Add(tree.Text.Path ?? document);
            foreach (var diagnostic in model.Diagnostics)
            {
                if (seen.Add((diagnostic.Document?.Path, diagnostic.Span.Start, diagnostic.Span.Length, diagnostic.Message))) diagnostics.Add(diagnostic);
            }
        }

        return new WitxInput(path, models, diagnostics, files.Count);
    }
}
