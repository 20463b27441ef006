using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Workspace;
using Wit.Ide.Analysis;

namespace Wit.Ide.Workspace;

/// <summary>The file system a snapshot resolves against: open editor buffers first, then the cached disk.</summary>
internal sealed class SnapshotFileSystem : IFileSystem, ISymbolicLinks, IBinaryFileSystem
{
    private readonly DiskCache _disk;
    private readonly ImmutableDictionary<string, IdeDocument> _open;
    private readonly ImmutableDictionary<string, string> _configurations;

    /// <param name="configurations">Open buffers of <c>.witlint.json</c> files, read in place of the disk's text.</param>
    public SnapshotFileSystem(DiskCache disk, ImmutableDictionary<string, IdeDocument> open, ImmutableDictionary<string, string> configurations)
    {
        _disk = disk;
        _open = open;
        _configurations = configurations;
    }

    public bool FileExists(string path) => _open.ContainsKey(path) || _configurations.ContainsKey(path) || _disk.FileExists(path);

    public bool DirectoryExists(string path) =>
        _disk.DirectoryExists(path) || _open.Keys.Any(p => string.Equals(Path.GetDirectoryName(p), path, StringComparison.Ordinal));

    public IEnumerable<string> GetFiles(string directory)
    {
        var files = _disk.GetFiles(directory);
        var unsaved = _open.Keys.Where(p => string.Equals(Path.GetDirectoryName(p), directory, StringComparison.Ordinal));
        return files.Union(unsaved, StringComparer.Ordinal);
    }

    public IEnumerable<string> GetDirectories(string directory) => _disk.GetDirectories(directory);

    /// <summary>A binary file's bytes (an encoded package), from the disk: the editor opens no binary documents.</summary>
    public byte[] ReadAllBytes(string path) => _disk.ReadAllBytes(path);

    public bool IsDanglingLink(string path) => !_open.ContainsKey(path) && _disk is ISymbolicLinks links && links.IsDanglingLink(path);

    /// <summary>
    /// The text of a file for analysis. A text longer than <see cref="IdeWorkspace.MaxAnalyzedLength"/> is refused with
    /// an <see cref="InputTooLargeException"/>: the loader reports it as a WIT1017 warning at the file's start, and the
    /// file gets syntax features only (an open document keeps its own tree).
    /// </summary>
    public string ReadAllText(string path)
    {
        string text = _open.TryGetValue(path, out var document) ? document.Text.Text
            : _configurations.TryGetValue(path, out var configuration) ? configuration : _disk.ReadAllText(path);
        if (text.Length > IdeWorkspace.MaxAnalyzedLength)
        {
            throw new InputTooLargeException(ResolveDiagnostics.TooLargeForAnalysis(text.Length, IdeWorkspace.MaxAnalyzedLength));
        }

        return text;
    }
}
