using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Wit.Runtime.Canonical;

namespace Wit.Runtime.Wasi.Preview2;

public sealed partial class WasiPreview2
{
    private const uint PathFollow = 1;
    private const uint OpenCreate = 1, OpenDirectory = 2, OpenExclusive = 4, OpenTruncate = 8;
    private const string Types = "filesystem/types";
    private const string Method = "[method]descriptor.";

    private static ComponentValue Fail(ErrorCode code) => ComponentValue.Err(ComponentValue.Case((uint)code));

    private static ComponentValue Ok(ComponentValue? value = null) => ComponentValue.Ok(value);

    private void DefineFilesystem()
    {
        DefineResource(Types, "descriptor", _descriptors);
        DefineResource(Types, "directory-entry-stream", _directoryStreams);
        Define("filesystem/preopens", "get-directories", _ =>
        {
            var list = new ComponentValue[_sandboxes.Length];
            for (int i = 0; i < list.Length; i++)
            {
                var preopen = _options.Preopens[i];
                var root = new Descriptor(_sandboxes[i], "", Descriptor.FlagRead | (preopen.ReadOnly ? 0 : Descriptor.FlagMutateDirectory), !preopen.ReadOnly, null);
                list[i] = ComponentValue.Record(_descriptors.Own(root), ComponentValue.String(preopen.GuestPath));
            }

            return ComponentValue.List(list);
        });
        Define(Types, "filesystem-error-code", a =>
            _errors.Get(a[0]).Code is { } code ? ComponentValue.Some(ComponentValue.Case((uint)code)) : ComponentValue.None);

        Define(Types, Method + "get-type", a => Ok(ComponentValue.Case((uint)TypeOf(_descriptors.Get(a[0])))));
        Define(Types, Method + "get-flags", a => Ok(ComponentValue.Flags(_descriptors.Get(a[0]).Flags)));
        Define(Types, Method + "stat", a => Guard(() => Stat(_descriptors.Get(a[0]).HostPath)));
        Define(Types, Method + "stat-at", a => At(a[0], a[2], (a[1].Bits & PathFollow) != 0, false, (_, p) => Stat(p.Host)));
        Define(Types, Method + "open-at", a => At(a[0], a[2], (a[1].Bits & PathFollow) != 0, false,
            (d, p) => OpenAt(d, p, (uint)a[3].Bits, (uint)a[4].Bits)));
        Define(Types, Method + "read-via-stream", a => File(a[0], read: true, d => Ok(_inputs.Own(new FileInputStream(d.File!, (long)Math.Min(a[1].Bits, long.MaxValue))))));
        Define(Types, Method + "write-via-stream", a => File(a[0], read: false, d => Ok(_outputs.Own(new FileOutputStream(d.File!, (long)Math.Min(a[1].Bits, long.MaxValue), append: false)))));
        Define(Types, Method + "append-via-stream", a => File(a[0], read: false, d => Ok(_outputs.Own(new FileOutputStream(d.File!, 0, append: true)))));
        Define(Types, Method + "read", a => File(a[0], read: true, d => ReadAt(d, a[1].Bits, a[2].Bits)));
        Define(Types, Method + "write", a => File(a[0], read: false, d =>
        {
            var bytes = BytesOf(a[1]);
            RandomAccess.Write(d.File!.Handle, bytes, (long)Math.Min(a[2].Bits, long.MaxValue));
            return Ok(ComponentValue.U64((ulong)bytes.Length));
        }));
        Define(Types, Method + "set-size", a => File(a[0], read: false, d =>
        {
            RandomAccess.SetLength(d.File!.Handle, (long)Math.Min(a[1].Bits, long.MaxValue));
            return Ok();
        }));
        // Writes go straight to the host file (RandomAccess buffers nothing), so there is nothing of ours to flush;
        // durability on the host's disk is the host's affair.
        Define(Types, Method + "sync", a => Checked(_descriptors.Get(a[0])));
        Define(Types, Method + "sync-data", a => Checked(_descriptors.Get(a[0])));
        Define(Types, Method + "advise", a => Checked(_descriptors.Get(a[0])));
        Define(Types, Method + "set-times", a => Guard(() => SetTimes(_descriptors.Get(a[0]).HostPath, a[1], a[2])));
        Define(Types, Method + "set-times-at", a => Mutate(a[0], a[2], (a[1].Bits & PathFollow) != 0, (_, p) => SetTimes(p.Host, a[3], a[4])));
        Define(Types, Method + "read-directory", a =>
        {
            var d = _descriptors.Get(a[0]);
            if (d.File != null) return Fail(ErrorCode.NotDirectory);
            return Guard(() => Ok(_directoryStreams.Own(new DirectoryEntries(d.HostPath))));
        });
        Define(Types, "[method]directory-entry-stream.read-directory-entry", a =>
            _directoryStreams.Get(a[0]).TryNext(out var entry)
                ? Ok(ComponentValue.Some(ComponentValue.Record(ComponentValue.Case((uint)entry.Type), ComponentValue.String(entry.Name))))
                : Ok(ComponentValue.None));
        Define(Types, Method + "create-directory-at", a => Mutate(a[0], a[1], false, (_, p) =>
        {
            if (FileTypes.Find(p.Host) != null) return Fail(ErrorCode.Exist);
            Directory.CreateDirectory(p.Host);
            return Ok();
        }));
        Define(Types, Method + "remove-directory-at", a => Mutate(a[0], a[1], false, (_, p) =>
        {
            var found = FileTypes.Find(p.Host);
            if (found == null) return Fail(ErrorCode.NoEntry);
            if (FileTypes.Of(found) != DescriptorType.Directory) return Fail(ErrorCode.NotDirectory);
            if (Directory.EnumerateFileSystemEntries(p.Host).GetEnumerator().MoveNext()) return Fail(ErrorCode.NotEmpty);
            Directory.Delete(p.Host);
            return Ok();
        }));
        Define(Types, Method + "unlink-file-at", a => Mutate(a[0], a[1], false, (_, p) =>
        {
            var found = FileTypes.Find(p.Host);
            if (found == null) return Fail(ErrorCode.NoEntry);
            if (FileTypes.Of(found) == DescriptorType.Directory) return Fail(ErrorCode.IsDirectory);
            System.IO.File.Delete(p.Host);
            return Ok();
        }));
        Define(Types, Method + "rename-at", a => Mutate(a[0], a[1], false, (_, from) =>
            Mutate(a[2], a[3], false, (_, to) => Rename(from.Host, to.Host))));
        Define(Types, Method + "symlink-at", a => Mutate(a[0], a[2], false, (_, p) =>
        {
            string target = a[1].Text!;
            if (target.Length == 0) return Fail(ErrorCode.NoEntry);
            if (target[0] == '/' || Path.IsPathRooted(target)) return Fail(ErrorCode.NotPermitted);
            if (FileTypes.Find(p.Host) != null) return Fail(ErrorCode.Exist);
            System.IO.File.CreateSymbolicLink(p.Host, target);
            return Ok();
        }));
        Define(Types, Method + "readlink-at", a => At(a[0], a[1], false, false, (_, p) =>
        {
            var found = FileTypes.Find(p.Host);
            if (found == null) return Fail(ErrorCode.NoEntry);
            return found.LinkTarget is { } target ? Ok(ComponentValue.String(target)) : Fail(ErrorCode.Invalid);
        }));
        // .NET has no hard links: the call fails as on a file system without them.
        Define(Types, Method + "link-at", a => Mutate(a[0], a[2], false, (_, _) => Fail(ErrorCode.Unsupported)));
        Define(Types, Method + "is-same-object", a =>
            ComponentValue.Bool(SameObject(_descriptors.Get(a[0]).HostPath, _descriptors.Get(a[1]).HostPath)));
        Define(Types, Method + "metadata-hash", a => Guard(() => Hash(_descriptors.Get(a[0]).HostPath)));
        Define(Types, Method + "metadata-hash-at", a => At(a[0], a[2], (a[1].Bits & PathFollow) != 0, false, (_, p) => Hash(p.Host)));
    }

    private delegate ComponentValue PathAction(Descriptor directory, SandboxPath path);

    /// <summary>Resolves a path argument under a directory descriptor and runs <paramref name="action"/> on it, which returns the result.</summary>
    private ComponentValue At(ComponentValue self, ComponentValue path, bool followLast, bool mutates, PathAction action)
    {
        var d = _descriptors.Get(self);
        if (d.File != null) return Fail(ErrorCode.NotDirectory);
        if (mutates && !d.MayMutate) return Fail(ErrorCode.NotPermitted);
        var refusal = d.Sandbox.Resolve(d.Relative, path.Text!, followLast, out var resolved);
        if (refusal != SandboxRefusal.None) return Fail(ErrorCodes.FromRefusal(refusal));
        return Guard(() => action(d, resolved));
    }

    /// <summary>
    /// <see cref="At"/> for a change to the entry a path names, which may not be the directory itself (a last
    /// component of <c>.</c> or <c>..</c>) and needs a preopen that allows changes.
    /// </summary>
    private ComponentValue Mutate(ComponentValue self, ComponentValue path, bool followLast, PathAction action)
    {
        string last = path.Text!.TrimEnd('/');
        int slash = last.LastIndexOf('/');
        last = last[(slash + 1)..];
        if (last is "." or ".." || (last.Length == 0 && path.Text.Length > 0))
        {
            var d = _descriptors.Get(self);
            return Fail(d.File != null ? ErrorCode.NotDirectory : ErrorCode.Invalid);
        }

        return At(self, path, followLast, mutates: true, action);
    }

    /// <summary>Runs a host file system action that returns the result, its exceptions becoming error codes.</summary>
    private static ComponentValue Guard(Func<ComponentValue> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Fail(ErrorCodes.FromException(e));
        }
    }

    /// <summary>An operation on an open file, refused with <c>bad-descriptor</c> when it was not opened for it.</summary>
    private ComponentValue File(ComponentValue self, bool read, Func<Descriptor, ComponentValue> action)
    {
        var d = _descriptors.Get(self);
        if (d.File == null) return Fail(ErrorCode.IsDirectory);
        if (read ? !d.CanRead : !d.CanWrite) return Fail(ErrorCode.BadDescriptor);
        return Guard(() => action(d));
    }

    private static ComponentValue Checked(Descriptor _) => Ok();

    private static DescriptorType TypeOf(Descriptor d) => d.File == null ? DescriptorType.Directory : DescriptorType.RegularFile;

    private ComponentValue OpenAt(Descriptor directory, SandboxPath path, uint openFlags, uint flags)
    {
        bool write = (flags & Descriptor.FlagWrite) != 0;
        bool changes = write || (openFlags & (OpenCreate | OpenTruncate)) != 0 || (flags & Descriptor.FlagMutateDirectory) != 0;
        if (changes && !directory.MayMutate) return Fail(ErrorCode.NotPermitted);
        var found = FileTypes.Find(path.Host);
        if (found != null && (openFlags & OpenCreate) != 0 && (openFlags & OpenExclusive) != 0) return Fail(ErrorCode.Exist);
        if (found != null && found.LinkTarget != null) return Fail(ErrorCode.Loop); // a last symlink not followed (O_NOFOLLOW)
        if (found is DirectoryInfo)
        {
            if (write || (openFlags & OpenTruncate) != 0) return Fail(ErrorCode.IsDirectory);
            return Ok(_descriptors.Own(new Descriptor(directory.Sandbox, path.Relative, flags, directory.MayMutate, null)));
        }

        if ((openFlags & OpenDirectory) != 0) return Fail(found != null ? ErrorCode.NotDirectory : ErrorCode.NoEntry);
        if (found == null && (openFlags & OpenCreate) == 0) return Fail(ErrorCode.NoEntry);
        var mode = (openFlags & OpenCreate) == 0
            ? ((openFlags & OpenTruncate) != 0 ? FileMode.Truncate : FileMode.Open)
            : (openFlags & OpenExclusive) != 0 ? FileMode.CreateNew
            : (openFlags & OpenTruncate) != 0 ? FileMode.Create : FileMode.OpenOrCreate;
        bool read = (flags & Descriptor.FlagRead) != 0 || !write;
        // .NET refuses a mode that creates or truncates without write access; the descriptor's flags still refuse the
        // writes the guest did not ask for.
        var access = write || mode is FileMode.CreateNew or FileMode.Create or FileMode.Truncate
            ? (read ? FileAccess.ReadWrite : FileAccess.Write)
            : FileAccess.Read;
        SafeFileHandle handle = System.IO.File.OpenHandle(path.Host, mode, access, FileShare.ReadWrite | FileShare.Delete);
        return Ok(_descriptors.Own(new Descriptor(directory.Sandbox, path.Relative, flags, directory.MayMutate, new OpenFile(handle))));
    }

    private static ComponentValue ReadAt(Descriptor d, ulong length, ulong offset)
    {
        var buffer = new byte[CheckedLength(length, "read")];
        int n = RandomAccess.Read(d.File!.Handle, buffer, (long)Math.Min(offset, long.MaxValue));
        return Ok(ComponentValue.Record(Bytes(buffer.AsSpan(0, n)), ComponentValue.Bool(n < buffer.Length || n == 0)));
    }

    /// <summary>A <c>descriptor-stat</c>. .NET knows no link count (1) and no status-change time (the modification time).</summary>
    private static ComponentValue Stat(string host)
    {
        var found = FileTypes.Find(host);
        if (found == null) return Fail(ErrorCode.NoEntry);
        var type = FileTypes.Of(found);
        ulong size = found is FileInfo file && type != DescriptorType.SymbolicLink ? (ulong)file.Length
            : type == DescriptorType.SymbolicLink ? (ulong)Encoding.UTF8.GetByteCount(found.LinkTarget!) : 4096;
        var modified = ComponentValue.Some(Datetime(found.LastWriteTimeUtc.Ticks - DateTime.UnixEpoch.Ticks));
        return Ok(ComponentValue.Record(
            ComponentValue.Case((uint)type),
            ComponentValue.U64(1),
            ComponentValue.U64(size),
            ComponentValue.Some(Datetime(found.LastAccessTimeUtc.Ticks - DateTime.UnixEpoch.Ticks)),
            modified,
            modified));
    }

    /// <summary>Sets the access and modification times from two <c>new-timestamp</c>s (no-change, now, a datetime).</summary>
    private static ComponentValue SetTimes(string host, ComponentValue access, ComponentValue modification)
    {
        var found = FileTypes.Find(host);
        if (found == null) return Fail(ErrorCode.NoEntry);
        if (TimeOf(access) is { } a) found.LastAccessTimeUtc = a;
        if (TimeOf(modification) is { } m) found.LastWriteTimeUtc = m;
        return Ok();
    }

    private static DateTime? TimeOf(ComponentValue newTimestamp)
    {
        if (newTimestamp.Bits == 0) return null;
        if (newTimestamp.Bits == 1) return DateTime.UtcNow;
        var datetime = newTimestamp.Payload!.Items;
        ulong maxSeconds = (ulong)((DateTime.MaxValue - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond) - 1;
        long ticks = (long)Math.Min(datetime[0].Bits, maxSeconds) * TimeSpan.TicksPerSecond + (long)(Math.Min(datetime[1].Bits, 999_999_999UL) / 100);
        return DateTime.UnixEpoch.AddTicks(ticks);
    }

    /// <summary>POSIX <c>rename</c>: replaces a file, or an empty directory with a directory.</summary>
    private static ComponentValue Rename(string from, string to)
    {
        var source = FileTypes.Find(from);
        if (source == null) return Fail(ErrorCode.NoEntry);
        var target = FileTypes.Find(to);
        bool sourceIsDirectory = FileTypes.Of(source) == DescriptorType.Directory;
        if (target != null)
        {
            bool targetIsDirectory = FileTypes.Of(target) == DescriptorType.Directory;
            if (sourceIsDirectory && !targetIsDirectory) return Fail(ErrorCode.NotDirectory);
            if (!sourceIsDirectory && targetIsDirectory) return Fail(ErrorCode.IsDirectory);
            if (targetIsDirectory)
            {
                if (SameObject(from, to)) return Ok();
                if (Directory.EnumerateFileSystemEntries(to).GetEnumerator().MoveNext()) return Fail(ErrorCode.NotEmpty);
                Directory.Delete(to);
            }
        }

        if (sourceIsDirectory)
        {
            string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(from)) + Path.DirectorySeparatorChar;
            if (Path.GetFullPath(to).StartsWith(full, StringComparison.Ordinal)) return Fail(ErrorCode.Invalid);
            Directory.Move(from, to);
        }
        else
        {
            System.IO.File.Move(from, to, overwrite: true);
        }

        return Ok();
    }

    private static bool SameObject(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A <c>metadata-hash-value</c>: the hash of the object's full host path (.NET gives no device and inode numbers,
    /// so two hard links to one file hash differently).
    /// </summary>
    private static ComponentValue Hash(string host)
    {
        if (FileTypes.Find(host) == null) return Fail(ErrorCode.NoEntry);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(host)), digest);
        return Ok(ComponentValue.Record(ComponentValue.U64(BitConverter.ToUInt64(digest)), ComponentValue.U64(BitConverter.ToUInt64(digest[8..]))));
    }
}
