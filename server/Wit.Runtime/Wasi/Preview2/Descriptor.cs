using System;
using System.Collections.Generic;
using System.IO;

namespace Wit.Runtime.Wasi.Preview2;

/// <summary>
/// A <c>wasi:filesystem/types.descriptor</c>: a directory (a path under its preopen) or an open file. A directory
/// carries its preopen's permission to change things; a file the <c>descriptor-flags</c> it was opened with.
/// </summary>
internal sealed class Descriptor : IDisposable
{
    public const uint FlagRead = 1, FlagWrite = 2, FlagMutateDirectory = 32;

    public Descriptor(WasiSandbox sandbox, string relative, uint flags, bool mayMutate, OpenFile? file)
    {
        Sandbox = sandbox;
        Relative = relative;
        Flags = flags;
        MayMutate = mayMutate;
        File = file;
    }

    public WasiSandbox Sandbox { get; }

    /// <summary>The path under the preopen's root (empty for the root).</summary>
    public string Relative { get; }

    public string HostPath => Sandbox.HostPath(Relative);

    /// <summary>The <c>descriptor-flags</c> as opened.</summary>
    public uint Flags { get; }

    /// <summary>Whether the preopen allows changes (creating, writing, removing) under it.</summary>
    public bool MayMutate { get; }

    /// <summary>The open file; null for a directory.</summary>
    public OpenFile? File { get; }

    public bool CanRead => File != null && (Flags & FlagRead) != 0;

    public bool CanWrite => File != null && (Flags & FlagWrite) != 0;

    public void Dispose() => File?.Release();
}

/// <summary>A <c>directory-entry-stream</c>: the directory's entries (without <c>.</c> and <c>..</c>), read when it was made.</summary>
internal sealed class DirectoryEntries
{
    private readonly List<(DescriptorType Type, string Name)> _entries = new();
    private int _next;

    public DirectoryEntries(string hostPath)
    {
        foreach (var info in new DirectoryInfo(hostPath).EnumerateFileSystemInfos())
        {
            _entries.Add((FileTypes.Of(info), info.Name));
        }
    }

    public bool TryNext(out (DescriptorType Type, string Name) entry)
    {
        if (_next < _entries.Count)
        {
            entry = _entries[_next++];
            return true;
        }

        entry = default;
        return false;
    }
}

/// <summary><c>descriptor-type</c>, in the WIT's case order.</summary>
internal enum DescriptorType : uint
{
    Unknown,
    BlockDevice,
    CharacterDevice,
    Directory,
    Fifo,
    SymbolicLink,
    RegularFile,
    Socket,
}

internal static class FileTypes
{
    /// <summary>The type of what <paramref name="info"/> names, the symlink itself when it is one.</summary>
    public static DescriptorType Of(FileSystemInfo info)
    {
        if (info.LinkTarget != null) return DescriptorType.SymbolicLink;
        if ((info.Attributes & FileAttributes.Directory) != 0) return DescriptorType.Directory;
        // .NET shows devices, fifos and sockets as files and says no more about them.
        return DescriptorType.RegularFile;
    }

    /// <summary>What is at <paramref name="host"/> (not following a final symlink), or null when nothing is.</summary>
    public static FileSystemInfo? Find(string host)
    {
        var file = new FileInfo(host);
        if (file.LinkTarget != null) return file;
        if (file.Exists) return file;
        var directory = new DirectoryInfo(host);
        return directory.Exists ? directory : null;
    }
}
