using System;
using System.Collections.Generic;
using System.IO;

namespace Wit.Cli;

/// <summary>
/// Turns command-line paths into the list of files to process: a file is taken as given (whatever its extension), a
/// directory is searched recursively for <c>*.wit</c> and <c>*.witx</c> files, hidden folders and <c>deps/</c>
/// included, in ordinal order of their display paths.
/// </summary>
public static class InputFileResolver
{
    /// <summary>
    /// Resolves <paramref name="paths"/> against <paramref name="workingDirectory"/>. Every path that does not exist or
    /// cannot be listed is reported on <paramref name="error"/>; the result is null when any was.
    /// </summary>
    public static IReadOnlyList<InputFile>? Resolve(IReadOnlyList<string> paths, string workingDirectory, TextWriter error)
    {
        var files = new List<InputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool failed = false;
        foreach (string path in paths)
        {
            string fullPath = Path.GetFullPath(Path.Combine(workingDirectory, path));
            if (File.Exists(fullPath))
            {
                if (seen.Add(fullPath)) files.Add(new InputFile(fullPath, ToDisplayPath(workingDirectory, fullPath)));
            }
            else if (Directory.Exists(fullPath))
            {
                try
                {
                    var found = new List<InputFile>();
                    foreach (string file in EnumerateSourceFiles(fullPath))
                    {
                        if (seen.Add(file)) found.Add(new InputFile(file, ToDisplayPath(workingDirectory, file)));
                    }

                    found.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
                    files.AddRange(found);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    error.Write($"error: cannot list directory '{path}': {e.Message}\n");
                    failed = true;
                }
            }
            else
            {
                error.Write($"error: no such file or directory: '{path}'\n");
                failed = true;
            }
        }

        return failed ? null : files;
    }

    /// <summary>True for the extensions a directory search picks up.</summary>
    public static bool IsSourceFile(string path) =>
        path.EndsWith(".wit", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".witx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The path relative to the working directory, with '/' separators.</summary>
    public static string ToDisplayPath(string workingDirectory, string fullPath) =>
        Path.GetRelativePath(workingDirectory, fullPath).Replace('\\', '/');

    // An explicit stack rather than recursion; a directory reached twice through a symbolic link is listed once, so
    // a link cycle cannot make the walk endless.
    private static IEnumerable<string> EnumerateSourceFiles(string root)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string directory = pending.Pop();
            var info = new DirectoryInfo(directory);
            string identity = info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
            if (!visited.Add(identity)) continue;
            foreach (string file in Directory.EnumerateFiles(directory))
            {
                if (IsSourceFile(file)) yield return file;
            }

            foreach (string subdirectory in Directory.EnumerateDirectories(directory)) pending.Push(subdirectory);
        }
    }
}
