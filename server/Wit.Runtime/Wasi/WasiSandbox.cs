using System;
using System.Collections.Generic;
using System.IO;

namespace Wit.Runtime.Wasi;

/// <summary>
/// One preopened host directory: resolves guest paths relative to a directory under it, component by component, so that
/// nothing outside is reached. <c>..</c> may not climb above the root, absolute paths are refused, and every symlink met
/// on the way (and the last component's when asked to follow it) is expanded in place; a symlink whose target is
/// absolute or climbs out is refused like a <c>..</c>. Symlinks are bounded (<see cref="MaxSymlinks"/>, then
/// <see cref="SandboxRefusal.Loop"/>) and so is the path's length, so the walk is finite for any input. The check and
/// the host's use of the path are separate calls, so a host process racing to swap a directory for a symlink between
/// them is not defended against (the guest alone cannot do that between two of its own calls).
/// </summary>
public sealed class WasiSandbox
{
    public const int MaxSymlinks = 40;
    public const int MaxPathLength = 4096;
    public const int MaxComponentLength = 255;

    public WasiSandbox(string hostRoot)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(hostRoot));
        if (Root.Length == 0) Root = Path.GetFullPath(hostRoot);
    }

    /// <summary>The full host path of the preopened directory.</summary>
    public string Root { get; }

    /// <summary>The host path of a relative path already resolved under the root.</summary>
    public string HostPath(string relative) => relative.Length == 0 ? Root : Path.Join(Root, relative);

    /// <summary>
    /// Resolves <paramref name="path"/> (a guest path) relative to the directory <paramref name="baseRelative"/> (a
    /// result of an earlier resolution). Symlinks before the last component are always followed; the last one only when
    /// <paramref name="followLast"/> or when the path ends in <c>/</c>. The result need not exist, but its parent does.
    /// </summary>
    public SandboxRefusal Resolve(string baseRelative, string path, bool followLast, out SandboxPath resolved)
    {
        resolved = default;
        if (path.Length == 0 || path.Contains('\0')) return SandboxRefusal.Invalid;
        if (path.Length > MaxPathLength) return SandboxRefusal.NameTooLong;
        if (path[0] == '/') return SandboxRefusal.Escape;
        if (OperatingSystem.IsWindows() && (path.Contains('\\') || path.Contains(':'))) return SandboxRefusal.Invalid;

        var done = new List<string>();
        if (baseRelative.Length > 0) done.AddRange(baseRelative.Split('/'));
        var pending = new Stack<string>();
        Push(pending, path);
        bool trailingSlash = path[^1] == '/';
        int links = 0;
        while (pending.Count > 0)
        {
            string c = pending.Pop();
            if (c.Length == 0 || c == ".") continue;
            if (c.Length > MaxComponentLength) return SandboxRefusal.NameTooLong;
            if (c == "..")
            {
                if (done.Count == 0) return SandboxRefusal.Escape;
                done.RemoveAt(done.Count - 1);
                continue;
            }

            done.Add(c);
            bool last = OnlyDots(pending);
            if (last && !followLast && !trailingSlash) break;
            string host = Path.Join(Root, string.Join('/', done));
            var info = new FileInfo(host);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxSymlinks) return SandboxRefusal.Loop;
                if (target.Length == 0 || target[0] == '/' || Path.IsPathRooted(target)) return SandboxRefusal.Escape;
                done.RemoveAt(done.Count - 1);
                Push(pending, target);
                if (pending.Count + done.Count > MaxPathLength) return SandboxRefusal.NameTooLong;
                continue;
            }

            if (!last)
            {
                if (Directory.Exists(host)) continue;
                return File.Exists(host) ? SandboxRefusal.NotDirectory : SandboxRefusal.NoEntry;
            }
        }

        string relative = string.Join('/', done);
        resolved = new SandboxPath(HostPath(relative), relative);
        return SandboxRefusal.None;
    }

    private static void Push(Stack<string> pending, string path)
    {
        var parts = path.Split('/');
        for (int i = parts.Length - 1; i >= 0; i--) pending.Push(parts[i]);
    }

    private static bool OnlyDots(Stack<string> pending)
    {
        foreach (var c in pending)
        {
            if (c.Length != 0 && c != ".") return false;
        }

        return true;
    }
}
