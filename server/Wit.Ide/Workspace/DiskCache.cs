using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Core.Workspace;

namespace Wit.Ide.Workspace;

/// <summary>
/// The disk as last read: file texts and directory listings are read once through the underlying file system and kept
/// until a file-watcher event invalidates them, so a keystroke never re-reads the dependencies from disk. Safe to read
/// from several threads; invalidation happens on the workspace's single writer.
/// </summary>
internal sealed class DiskCache : IFileSystem, ISymbolicLinks, IBinaryFileSystem
{
    private readonly IFileSystem _disk;
    private readonly ConcurrentDictionary<string, string?> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _directories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _directoryExists = new(StringComparer.Ordinal);

    /// <summary>Files refused for their size: they exist, and reading them says why they are not read.</summary>
    private readonly ConcurrentDictionary<string, InputTooLargeException> _tooLarge = new(StringComparer.Ordinal);

    public DiskCache(IFileSystem disk)
    {
        _disk = disk;
    }

    public bool FileExists(string path) => Text(path) is not null || _tooLarge.ContainsKey(path);

    public bool DirectoryExists(string path) => _directoryExists.GetOrAdd(path, p => Guard(() => _disk.DirectoryExists(p), false));

    public IEnumerable<string> GetFiles(string directory) =>
        _files.GetOrAdd(directory, d => Guard(() => _disk.DirectoryExists(d) ? _disk.GetFiles(d).ToArray() : Array.Empty<string>(), Array.Empty<string>()));

    public IEnumerable<string> GetDirectories(string directory) =>
        _directories.GetOrAdd(directory, d => Guard(() => _disk.DirectoryExists(d) ? _disk.GetDirectories(d).ToArray() : Array.Empty<string>(), Array.Empty<string>()));

    public bool IsDanglingLink(string path) => _disk is ISymbolicLinks links && Guard(() => links.IsDanglingLink(path), false);

    /// <summary>A binary file's bytes, not cached: encoded packages are read once per analysis of their root.</summary>
    public byte[] ReadAllBytes(string path) =>
        _disk is IBinaryFileSystem binary ? binary.ReadAllBytes(path) : throw new IOException("this file system reads text only");

    public string ReadAllText(string path) =>
        Text(path) ?? (_tooLarge.TryGetValue(path, out var tooLarge) ? throw tooLarge : throw new FileNotFoundException("no such file", path));

    /// <summary>Forgets what was read about <paramref name="path"/> and the listings of the directories around it.</summary>
    public void Invalidate(string path)
    {
        _texts.TryRemove(path, out _);
        _tooLarge.TryRemove(path, out _);
        _directoryExists.TryRemove(path, out _);
        _files.TryRemove(path, out _);
        _directories.TryRemove(path, out _);

        // A created or deleted file or directory changes its parent's listings (and, for a new directory tree, the
        // existence of every ancestor that was missing).
        string? parent = Path.GetDirectoryName(path);
        while (!string.IsNullOrEmpty(parent))
        {
            _files.TryRemove(parent!, out _);
            _directories.TryRemove(parent!, out _);
            bool existed = _directoryExists.TryRemove(parent!, out bool exists) && exists;
            if (existed) break;
            parent = Path.GetDirectoryName(parent);
        }

        // Anything below a deleted (or replaced) directory goes too.
        string prefix = path.TrimEnd('/') + "/";
        foreach (var key in _texts.Keys) if (key.StartsWith(prefix, StringComparison.Ordinal)) _texts.TryRemove(key, out _);
        foreach (var key in _tooLarge.Keys) if (key.StartsWith(prefix, StringComparison.Ordinal)) _tooLarge.TryRemove(key, out _);
        foreach (var key in _files.Keys) if (key.StartsWith(prefix, StringComparison.Ordinal)) _files.TryRemove(key, out _);
        foreach (var key in _directories.Keys) if (key.StartsWith(prefix, StringComparison.Ordinal)) _directories.TryRemove(key, out _);
        foreach (var key in _directoryExists.Keys) if (key.StartsWith(prefix, StringComparison.Ordinal)) _directoryExists.TryRemove(key, out _);
    }

    /// <summary>Forgets everything (a folder was added or removed, or the watcher overflowed).</summary>
    public void Clear()
    {
        _texts.Clear();
        _tooLarge.Clear();
        _files.Clear();
        _directories.Clear();
        _directoryExists.Clear();
    }

    private string? Text(string path) => _texts.GetOrAdd(path, p => Guard<string?>(() =>
    {
        try
        {
            return _disk.FileExists(p) ? _disk.ReadAllText(p) : null;
        }
        catch (InputTooLargeException e)
        {
            _tooLarge[p] = e;
            return null;
        }
    }, null));

    /// <summary>
    /// A file that vanishes or cannot be read is treated as absent: the loader then reports what is missing, and the
    /// server keeps running.
    /// </summary>
    private static T Guard<T>(Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException or ArgumentException)
        {
            return fallback;
        }
    }
}
