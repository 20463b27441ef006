using System;
using System.Collections.Generic;
using System.IO;

namespace Wit.Core.Workspace;

/// <summary>Files held in memory, keyed by normalised path ('/' separators); directories are implied by file paths.</summary>
public sealed class InMemoryFileSystem : IFileSystem, IBinaryFileSystem
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _bytes = new(StringComparer.Ordinal);

    /// <summary>Adds a binary file (an encoded package); its text is its bytes as Latin-1, which no WIT reader wants.</summary>
    public InMemoryFileSystem AddBytes(string path, byte[] bytes)
    {
        _bytes[Normalize(path)] = bytes;
        _files[Normalize(path)] = new string(System.Array.ConvertAll(bytes, b => (char)b));
        return this;
    }

    public byte[] ReadAllBytes(string path) =>
        _bytes.TryGetValue(Normalize(path), out var bytes) ? bytes
        : _files.TryGetValue(Normalize(path), out var text) ? System.Text.Encoding.UTF8.GetBytes(text)
        : throw new FileNotFoundException("no such file", path);

    public InMemoryFileSystem Add(string path, string text)
    {
        _files[Normalize(path)] = text;
        return this;
    }

    /// <summary>Deletes a file; returns whether it existed.</summary>
    public bool Remove(string path) => _files.Remove(Normalize(path)) | _bytes.Remove(Normalize(path));

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
