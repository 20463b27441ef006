using System;
using System.IO;
using System.Linq;
using Wit.Core.Workspace;

namespace Wit.Cli;

/// <summary>
/// The messages every command gives for an input it cannot use, worded once: a path that holds no WIT (with where WIT
/// files were looked for), a WITX input given to a command that reads WIT only, a file that is not UTF-8.
/// </summary>
public static class InputProblems
{
    /// <summary>The one message for a file whose bytes are not UTF-8, whichever command read it.</summary>
    public static string NotUtf8(string displayPath) => $"'{displayPath.Replace('\\', '/')}' is not valid UTF-8";

    /// <summary>True when <paramref name="path"/> names a WITX document.</summary>
    public static bool IsWitx(string path) => path.EndsWith(".witx", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The <c>.witx</c> files directly in <paramref name="directory"/> when it holds no <c>*.wit</c> file (a folder of
    /// WITX documents), in ordinal order; empty otherwise.
    /// </summary>
    public static string[] WitxOnlyDirectory(IFileSystem fileSystem, string directory)
    {
        if (!fileSystem.DirectoryExists(directory)) return Array.Empty<string>();
        var files = fileSystem.GetFiles(directory).ToList();
        if (files.Any(IsWit)) return Array.Empty<string>();
        return files.Where(IsWitx).OrderBy(f => f, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Why <paramref name="path"/> gives <c>wit <paramref name="command"/></c> no WIT to read, or null when it does: a
    /// WITX file or a folder of them (which only <c>parse</c>, <c>check</c> and <c>lint</c> read), or a directory
    /// without <c>*.wit</c> files (naming where they were looked for, and its <c>wit/</c> folder when that holds them).
    /// </summary>
    public static string? NoWit(IFileSystem fileSystem, string path, string command)
    {
        string shown = path.Replace('\\', '/');
        if (fileSystem.FileExists(path))
        {
            return IsWitx(path) ? $"'{shown}' is a WITX file; wit {command} reads WIT only (wit parse, wit check and wit lint read WITX, wit abi one .witx file)" : null;
        }

        if (!fileSystem.DirectoryExists(path)) return null;
        var files = fileSystem.GetFiles(path).ToList();
        if (files.Any(IsWit)) return null;
        if (files.Any(IsWitx))
        {
            return $"'{shown}' holds WITX files only; wit {command} reads WIT only (wit parse, wit check and wit lint read WITX, wit abi one .witx file)";
        }

        string looked = $"no WIT files in '{shown}' (looked for {shown.TrimEnd('/')}/*.wit)";
        string nested = Path.Combine(path, "wit");
        if (fileSystem.DirectoryExists(nested) && fileSystem.GetFiles(nested).Any(IsWit))
        {
            string suggestion = shown.TrimEnd('/') + "/wit";
            return $"{looked}; the package seems to be in '{suggestion}': try 'wit {command} {suggestion}'";
        }

        return looked;
    }

    // As the loader picks files: the extension `.wit` exactly.
    private static bool IsWit(string path) => Path.GetExtension(path) == ".wit";
}
