using System.Collections.Generic;

namespace Wit.Core.Workspace;

/// <summary>
/// The files that form one package (and the nested packages they define): a directory's <c>*.wit</c> files or a
/// single file. <see cref="IsRoot"/> tells the package being checked from its <c>deps/</c>.
/// </summary>
public sealed class PackageSource
{
    public PackageSource(string path, bool isDirectory, bool isRoot, IReadOnlyList<SourceFile> files)
    {
        Path = path;
        IsDirectory = isDirectory;
        IsRoot = isRoot;
        Files = files;
    }

    public string Path { get; }

    public bool IsDirectory { get; }

    public bool IsRoot { get; }

    public IReadOnlyList<SourceFile> Files { get; }
}
