using System.Collections.Generic;
using System.IO;
using Wit.Core.Workspace;

namespace Wit.Cli;

/// <summary>
/// The disk seen from a working directory: relative paths are resolved against it, and listed entries keep the form
/// of the directory they were listed from. Paths in documents and messages therefore read as the user wrote them
/// (<c>pkg/deps/a/a.wit</c>), as wit-parser prints them, whatever the process's own current directory is.
/// </summary>
public sealed class RelativeFileSystem : IFileSystem, ISymbolicLinks, IBinaryFileSystem
{
    private readonly string _workingDirectory;

    /// <summary>Creates a view of the disk rooted at <paramref name="workingDirectory"/>.</summary>
    public RelativeFileSystem(string workingDirectory)
    {
        _workingDirectory = workingDirectory;
    }

    /// <inheritdoc />
    public bool FileExists(string path) => PhysicalFileSystem.Instance.FileExists(Full(path));

    /// <inheritdoc />
    public bool DirectoryExists(string path) => PhysicalFileSystem.Instance.DirectoryExists(Full(path));

    /// <inheritdoc />
    public IEnumerable<string> GetFiles(string directory)
    {
        foreach (string file in PhysicalFileSystem.Instance.GetFiles(Full(directory))) yield return Path.Combine(directory, Path.GetFileName(file));
    }

    /// <inheritdoc />
    public IEnumerable<string> GetDirectories(string directory)
    {
        foreach (string child in PhysicalFileSystem.Instance.GetDirectories(Full(directory))) yield return Path.Combine(directory, Path.GetFileName(child));
    }

    /// <inheritdoc />
    public string ReadAllText(string path) => PhysicalFileSystem.Instance.ReadAllText(Full(path));

    /// <inheritdoc />
    public byte[] ReadAllBytes(string path) => PhysicalFileSystem.Instance.ReadAllBytes(Full(path));

    /// <inheritdoc />
    public bool IsDanglingLink(string path) => PhysicalFileSystem.Instance.IsDanglingLink(Full(path));

    private string Full(string path) => Path.Combine(_workingDirectory, path);
}
