using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;

namespace Wit.Runtime.Wasi;

/// <summary>
/// Files under preopened directories: <c>fd_prestat_get</c>/<c>fd_prestat_dir_name</c> (how wasi-libc finds them),
/// <c>path_open</c> (files and directories; create, truncate, exclusive, append), <c>fd_read</c>/<c>fd_write</c> on files,
/// <c>fd_seek</c>, <c>fd_tell</c>, <c>fd_close</c>, <c>fd_filestat_get</c> and <c>path_filestat_get</c>. A path is
/// relative to its directory descriptor and must stay under that descriptor's preopen (absolute paths and <c>..</c>
/// out of it are ENOTCAPABLE, and so is a symbolic link leading out: paths resolve through <see cref="WasiSandbox"/>).
/// Not yet: <c>fd_readdir</c>, renames, unlinks, directory creation (ENOSYS).
/// </summary>
public sealed partial class WasiPreview1
{
    private const int Acces = 2, Exist = 20, Io = 29, Isdir = 31, Loop = 32, Nametoolong = 37, Nfile = 41, Noent = 44, Notdir = 54, Notcapable = 76;
    private const byte FiletypeDirectory = 3, FiletypeRegular = 4;
    private const int OflagCreat = 1, OflagDirectory = 2, OflagExcl = 4, OflagTrunc = 8, FdflagAppend = 1;
    private const ulong RightFdRead = 1UL << 1, RightFdWrite = 1UL << 6;

    /// <summary>At most this many descriptors are open at once (preopens included).</summary>
    public const int MaxOpenFiles = 1024;

    private sealed class OpenFile
    {
        public required string HostPath { get; init; }
        /// <summary>The preopened directory this descriptor was opened under (its own for a preopen), which resolves paths under it.</summary>
        public required WasiSandbox Sandbox { get; init; }
        /// <summary>The descriptor's path relative to its preopen (<c>/</c>-separated, empty for the preopen itself).</summary>
        public required string Relative { get; init; }
        public byte[]? PreopenName { get; init; }
        public bool IsDirectory { get; init; }
        public bool Append { get; init; }
        public FileStream? Stream { get; init; }
    }

    private readonly Dictionary<int, OpenFile> _files = new();
    private int _nextFd = 3;

    /// <summary>
    /// Gives the program <paramref name="hostDirectory"/> as <paramref name="guestPath"/> (the next descriptor, from 3 on,
    /// in call order; call before running). The directory must exist.
    /// </summary>
    public void Preopen(string guestPath, string hostDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(guestPath);
        string full = Path.GetFullPath(hostDirectory);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"the directory '{hostDirectory}' does not exist");
        }
        if (_files.Count >= MaxOpenFiles)
        {
            throw new InvalidOperationException($"more than {MaxOpenFiles} preopens");
        }
        _files[_nextFd++] = new OpenFile { HostPath = full, Sandbox = new WasiSandbox(full), Relative = "", PreopenName = Encoding.UTF8.GetBytes(guestPath), IsDirectory = true };
    }

    /// <summary>Closes the files the program left open.</summary>
    public void CloseFiles()
    {
        foreach (var f in _files.Values)
        {
            f.Stream?.Dispose();
        }
        _files.Clear();
    }

    private void AddFileFunctions()
    {
        const ValType i32 = ValType.I32, i64 = ValType.I64;
        Add("fd_prestat_get", new[] { i32, i32 }, PrestatGet);
        Add("fd_prestat_dir_name", new[] { i32, i32, i32 }, PrestatDirName);
        Add("path_open", new[] { i32, i32, i32, i32, i32, i64, i64, i32, i32 }, PathOpen);
        Add("fd_seek", new[] { i32, i64, i32, i32 }, FdSeek);
        Add("fd_tell", new[] { i32, i32 }, (m, a) => _files.TryGetValue(a[0].AsI32, out var f) && f.Stream != null ? Store64(m, a[1].AsI32, (ulong)f.Stream.Position) : Badf);
        Add("fd_close", new[] { i32 }, FdClose);
        Add("fd_filestat_get", new[] { i32, i32 }, (m, a) => _files.TryGetValue(a[0].AsI32, out var f) ? Filestat(m, a[1].AsI32, f.HostPath) : Badf);
        Add("path_filestat_get", new[] { i32, i32, i32, i32, i32 }, (m, a) =>
        {
            int e = ResolvePath(m, a[0].AsI32, a[2].AsI32, a[3].AsI32, out var resolved, out _);
            return e != Success ? e : Filestat(m, a[4].AsI32, resolved.Host);
        });
    }

    private int PrestatGet(MemoryInstance m, ReadOnlySpan<WasmValue> a)
    {
        if (!_files.TryGetValue(a[0].AsI32, out var f) || f.PreopenName is not { } name)
        {
            return Badf;
        }
        var prestat = Guest(m, a[1].AsI32, 8);
        prestat.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(prestat[4..], (uint)name.Length);
        return Success;
    }

    private int PrestatDirName(MemoryInstance m, ReadOnlySpan<WasmValue> a)
    {
        if (!_files.TryGetValue(a[0].AsI32, out var f) || f.PreopenName is not { } name)
        {
            return Badf;
        }
        if (a[2].AsI32 < name.Length)
        {
            return Inval;
        }
        name.CopyTo(Guest(m, a[1].AsI32, name.Length));
        return Success;
    }

    /// <summary>
    /// The host path of <paramref name="ptr"/>/<paramref name="length"/> relative to directory descriptor
    /// <paramref name="dirfd"/>, resolved by its preopen's <see cref="WasiSandbox"/> (symlinks included), so it stays under it.
    /// </summary>
    private int ResolvePath(MemoryInstance m, int dirfd, int ptr, int length, out SandboxPath resolved, out WasiSandbox? sandbox)
    {
        resolved = default;
        sandbox = null;
        if (!_files.TryGetValue(dirfd, out var dir))
        {
            return Badf;
        }
        if (!dir.IsDirectory)
        {
            return Notdir;
        }
        string path = Encoding.UTF8.GetString(Guest(m, ptr, length));
        if (path.Length == 0)
        {
            return Noent;
        }
        var refusal = dir.Sandbox.Resolve(dir.Relative, path, followLast: true, out resolved);
        if (refusal != SandboxRefusal.None)
        {
            return refusal switch
            {
                SandboxRefusal.NoEntry => Noent,
                SandboxRefusal.NotDirectory => Notdir,
                SandboxRefusal.Loop => Loop,
                SandboxRefusal.NameTooLong => Nametoolong,
                _ => Notcapable,
            };
        }
        sandbox = dir.Sandbox;
        return Success;
    }

    private int PathOpen(MemoryInstance m, ReadOnlySpan<WasmValue> a)
    {
        int e = ResolvePath(m, a[0].AsI32, a[2].AsI32, a[3].AsI32, out var resolved, out var sandbox);
        if (e != Success)
        {
            return e;
        }
        string host = resolved.Host;
        if (_files.Count >= MaxOpenFiles)
        {
            return Nfile;
        }
        int oflags = a[4].AsI32, fdflags = a[7].AsI32;
        ulong rights = (ulong)a[5].AsI64;
        OpenFile file;
        if (Directory.Exists(host))
        {
            if ((oflags & (OflagCreat | OflagTrunc)) != 0 || (rights & RightFdWrite) != 0 && (oflags & OflagDirectory) == 0)
            {
                return (oflags & OflagExcl) != 0 ? Exist : Isdir;
            }
            file = new OpenFile { HostPath = host, Sandbox = sandbox!, Relative = resolved.Relative, IsDirectory = true };
        }
        else if ((oflags & OflagDirectory) != 0)
        {
            return File.Exists(host) ? Notdir : Noent;
        }
        else
        {
            bool create = (oflags & OflagCreat) != 0, truncate = (oflags & OflagTrunc) != 0, exclusive = (oflags & OflagExcl) != 0;
            var mode = create && exclusive ? FileMode.CreateNew : create && truncate ? FileMode.Create : create ? FileMode.OpenOrCreate : truncate ? FileMode.Truncate : FileMode.Open;
            bool write = (rights & RightFdWrite) != 0 || truncate || create;
            var access = write ? ((rights & RightFdRead) != 0 ? FileAccess.ReadWrite : FileAccess.Write) : FileAccess.Read;
            try
            {
                file = new OpenFile { HostPath = host, Sandbox = sandbox!, Relative = resolved.Relative, Append = (fdflags & FdflagAppend) != 0, Stream = new FileStream(host, mode, access, FileShare.ReadWrite | FileShare.Delete) };
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                return Noent;
            }
            catch (UnauthorizedAccessException)
            {
                return Acces;
            }
            catch (IOException)
            {
                return File.Exists(host) && exclusive ? Exist : Io;
            }
        }
        int fd = _nextFd;
        while (_files.ContainsKey(fd))
        {
            fd++;
        }
        _nextFd = fd + 1;
        _files[fd] = file;
        return Store32(m, a[8].AsI32, (uint)fd);
    }

    private int FileRead(MemoryInstance m, ReadOnlySpan<WasmValue> a)
    {
        if (!_files.TryGetValue(a[0].AsI32, out var f))
        {
            return Badf;
        }
        if (f.Stream is not { CanRead: true } stream)
        {
            return f.IsDirectory ? Isdir : Badf;
        }
        try
        {
            return Store32(m, a[3].AsI32, Transfer(m, a, buffer => stream.Read(buffer)));
        }
        catch (IOException)
        {
            return Io;
        }
    }

    private int FileWrite(MemoryInstance m, ReadOnlySpan<WasmValue> a)
    {
        if (!_files.TryGetValue(a[0].AsI32, out var f))
        {
            return Badf;
        }
        if (f.Stream is not { CanWrite: true } stream)
        {
            return f.IsDirectory ? Isdir : Badf;
        }
        try
        {
            if (f.Append)
            {
                stream.Seek(0, SeekOrigin.End);
            }
            uint total = Transfer(m, a, buffer =>
            {
                stream.Write(buffer);
                return buffer.Length;
            });
            stream.Flush();
            return Store32(m, a[3].AsI32, total);
        }
        catch (IOException)
        {
            return Io;
        }
    }

    private int FdSeek(MemoryInstance m, ReadOnlySpan<WasmValue> a)
    {
        if (a[0].AsI32 is >= 0 and <= 2)
        {
            return Spipe;
        }
        if (!_files.TryGetValue(a[0].AsI32, out var f) || f.Stream is not { } stream)
        {
            return _files.ContainsKey(a[0].AsI32) ? Isdir : Badf;
        }
        var origin = a[2].AsI32 switch { 0 => SeekOrigin.Begin, 1 => SeekOrigin.Current, 2 => SeekOrigin.End, _ => (SeekOrigin)(-1) };
        if ((int)origin < 0)
        {
            return Inval;
        }
        long target = origin switch { SeekOrigin.Begin => 0, SeekOrigin.Current => stream.Position, _ => stream.Length } + a[1].AsI64;
        if (target < 0)
        {
            return Inval;
        }
        stream.Position = target;
        return Store64(m, a[3].AsI32, (ulong)target);
    }

    private int FdClose(MemoryInstance m, ReadOnlySpan<WasmValue> a)
    {
        if (a[0].AsI32 is >= 0 and <= 2)
        {
            return Success;
        }
        if (!_files.Remove(a[0].AsI32, out var f))
        {
            return Badf;
        }
        f.Stream?.Dispose();
        _nextFd = Math.Min(_nextFd, a[0].AsI32);
        return Success;
    }

    private static int Filestat(MemoryInstance m, int ptr, string host)
    {
        var stat = Guest(m, ptr, 64);
        FileSystemInfo info = Directory.Exists(host) ? new DirectoryInfo(host) : new FileInfo(host);
        if (!info.Exists)
        {
            return Noent;
        }
        stat.Clear();
        stat[16] = info is DirectoryInfo ? FiletypeDirectory : FiletypeRegular;
        BinaryPrimitives.WriteUInt64LittleEndian(stat[24..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(stat[32..], info is FileInfo fi ? (ulong)fi.Length : 0);
        ulong Nanos(DateTime t) => (ulong)Math.Max(0, (t.ToUniversalTime() - DateTime.UnixEpoch).Ticks) * 100;
        BinaryPrimitives.WriteUInt64LittleEndian(stat[40..], Nanos(info.LastAccessTimeUtc));
        BinaryPrimitives.WriteUInt64LittleEndian(stat[48..], Nanos(info.LastWriteTimeUtc));
        BinaryPrimitives.WriteUInt64LittleEndian(stat[56..], Nanos(info.LastWriteTimeUtc));
        return Success;
    }
}
