using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Wit.Core.Workspace;

/// <summary>The disk.</summary>
public sealed class PhysicalFileSystem : IFileSystem
{
    public static readonly PhysicalFileSystem Instance = new();

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public IEnumerable<string> GetFiles(string directory) => Directory.GetFiles(directory);

    public IEnumerable<string> GetDirectories(string directory) => Directory.GetDirectories(directory);

    public string ReadAllText(string path) => File.ReadAllText(path, new UTF8Encoding(false, true));
}
