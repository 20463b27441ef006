using System.Collections.Generic;

namespace Wit.Core.Workspace;

/// <summary>
/// The only way the core reads files. The command line passes the disk; the language server passes a view that
/// prefers unsaved editor buffers; tests pass memory.
/// </summary>
public interface IFileSystem
{
    bool FileExists(string path);

    bool DirectoryExists(string path);

    /// <summary>The files directly inside a directory (full paths).</summary>
    IEnumerable<string> GetFiles(string directory);

    /// <summary>The directories directly inside a directory (full paths).</summary>
    IEnumerable<string> GetDirectories(string directory);

    /// <summary>Reads a file as UTF-8 text; throws <see cref="System.IO.IOException"/> when it cannot.</summary>
    string ReadAllText(string path);
}
