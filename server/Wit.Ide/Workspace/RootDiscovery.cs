using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Core.Workspace;

namespace Wit.Ide.Workspace;

/// <summary>
/// Finds the package roots under the workspace folders: every directory holding <c>.wit</c> files that is not itself
/// inside a <c>deps/</c> directory (those are loaded as dependencies of the root above them), and every
/// <c>.witx</c> file. Walks with an explicit stack and a depth limit; skips hidden and build directories.
/// </summary>
internal static class RootDiscovery
{
    private const int MaxDepth = 16;

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "deps", "node_modules", "bin", "obj", "target" };

    public static (List<string> WitRoots, List<string> WitxFiles) Find(IFileSystem fileSystem, IEnumerable<string> folders)
    {
        var witRoots = new List<string>();
        var witxFiles = new List<string>();
        var stack = new Stack<(string Path, int Depth)>();
        foreach (var folder in folders) stack.Push((folder, 0));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (stack.Count > 0)
        {
            var (directory, depth) = stack.Pop();
            if (!seen.Add(directory) || !fileSystem.DirectoryExists(directory)) continue;
            var files = fileSystem.GetFiles(directory).ToList();
            if (files.Any(f => Path.GetExtension(f) == ".wit")) witRoots.Add(directory);
            witxFiles.AddRange(files.Where(f => Path.GetExtension(f) == ".witx"));
            if (depth >= MaxDepth) continue;
            foreach (var child in fileSystem.GetDirectories(directory))
            {
                string name = Path.GetFileName(child);
                if (name.StartsWith(".", StringComparison.Ordinal) || Skipped.Contains(name)) continue;
                stack.Push((child, depth + 1));
            }
        }

        witRoots.Sort(StringComparer.Ordinal);
        witxFiles.Sort(StringComparer.Ordinal);
        return (witRoots, witxFiles);
    }

    /// <summary>Whether a root directory loads <paramref name="path"/>: a file in it or anywhere under its <c>deps/</c>.</summary>
    public static bool Covers(string root, string path) =>
        string.Equals(Path.GetDirectoryName(path), root, StringComparison.Ordinal)
        || path.StartsWith(root.TrimEnd('/') + "/deps/", StringComparison.Ordinal);
}
