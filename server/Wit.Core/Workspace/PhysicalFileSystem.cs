using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Wit.Core.Workspace;

/// <summary>The disk.</summary>
public sealed class PhysicalFileSystem : IFileSystem, ISymbolicLinks, IBinaryFileSystem
{
    public static readonly PhysicalFileSystem Instance = new();

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public IEnumerable<string> GetFiles(string directory) => Directory.GetFiles(directory);

    public bool IsDanglingLink(string path)
    {
#if !NET
        // The analyzers' build reads no directories.
        return false;
#else
        try
        {
            // The final target, as a file: a link to a directory is listed as a directory and never asked about.
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { Exists: false } target && !Directory.Exists(target.FullName);
        }
        catch (IOException)
        {
            // A loop of links cannot be followed either.
            return true;
        }
#endif
    }

    public IEnumerable<string> GetDirectories(string directory) => Directory.GetDirectories(directory);

    public string ReadAllText(string path) => File.ReadAllText(path, new UTF8Encoding(false, true));

    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);
}
