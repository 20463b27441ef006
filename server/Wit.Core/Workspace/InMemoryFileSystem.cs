using System;
using System.Collections.Generic;
using System.IO;

namespace Wit.Core.Workspace;

/// <summary>Files held in memory, keyed by normalised path ('/' separators); directories are implied by file paths.</summary>
public sealed class InMemoryFileSystem : IFileSystem
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public InMemoryFileSystem Add(string path, string text)
    {
        _files[Normalize(path)] = text;
        return this;
    }

    /// <summary>Deletes a file; returns whether it existed.</summary>
    public bool Remove(string path) => _files.Remove(Normalize(path));

    public bool FileExists(string path) => _files.ContainsKey(Normalize(path));

    public bool DirectoryExists(string path)
    {
        string prefix = Normalize(path).TrimEnd('/') + "/";
        foreach (var key in _files.Keys)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    public IEnumerable<string> GetFiles(string directory)
    {
        string prefix = Normalize(directory).TrimEnd('/') + "/";
        foreach (var key in _files.Keys)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && key.IndexOf('/', prefix.Length) < 0) yield return key;
        }
    }

    public IEnumerable<string> GetDirectories(string directory)
    {
        string prefix = Normalize(directory).TrimEnd('/') + "/";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in _files.Keys)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            int slash = key.IndexOf('/', prefix.Length);
            if (slash >= 0 && seen.Add(key.Substring(0, slash))) yield return key.Substring(0, slash);
        }
    }

    public string ReadAllText(string path) =>
        _files.TryGetValue(Normalize(path), out var text) ? text : throw new FileNotFoundException("no such file", path);

    private static string Normalize(string path) => path.Replace('\\', '/');
}
