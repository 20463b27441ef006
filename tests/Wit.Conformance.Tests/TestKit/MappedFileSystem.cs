using System;
using System.Collections.Generic;
using System.IO;
using Wit.Core.Workspace;

namespace Wit.Conformance.Tests.TestKit;

/// <summary>
/// The disk with one folder shown under another name: <c>tests/ui/parse-fail/x.wit</c> reads
/// <c>../shared/corpus/wit-parser-ui/parse-fail/x.wit</c>. Documents then carry the paths wit-parser printed when
/// the corpus was made, so locations and messages compare verbatim.
/// </summary>
public sealed class MappedFileSystem : IFileSystem, ISymbolicLinks
{
    private readonly string _virtualPrefix;
    private readonly string _realDirectory;

    /// <param name="virtualPrefix">The name paths use, with '/' separators and a trailing '/'.</param>
    /// <param name="realDirectory">The folder it stands for.</param>
    public MappedFileSystem(string virtualPrefix, string realDirectory)
    {
        _virtualPrefix = virtualPrefix;
        _realDirectory = realDirectory;
    }

    public bool FileExists(string path) => File.Exists(Map(path));

    public bool DirectoryExists(string path) => Directory.Exists(Map(path));

    public IEnumerable<string> GetFiles(string directory)
    {
        foreach (string file in Directory.GetFiles(Map(directory))) yield return directory.TrimEnd('/') + "/" + Path.GetFileName(file);
    }

    public bool IsDanglingLink(string path) => PhysicalFileSystem.Instance.IsDanglingLink(Map(path));

    public IEnumerable<string> GetDirectories(string directory)
    {
        foreach (string child in Directory.GetDirectories(Map(directory))) yield return directory.TrimEnd('/') + "/" + Path.GetFileName(child);
    }

    public string ReadAllText(string path) => PhysicalFileSystem.Instance.ReadAllText(Map(path));

    private string Map(string path)
    {
        string normalized = path.Replace('\\', '/');
        if (normalized + "/" == _virtualPrefix) return _realDirectory;
        if (!normalized.StartsWith(_virtualPrefix, StringComparison.Ordinal)) return path;
        return Path.Combine(_realDirectory, normalized.Substring(_virtualPrefix.Length));
    }
}
