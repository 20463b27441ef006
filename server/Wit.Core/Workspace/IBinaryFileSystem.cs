namespace Wit.Core.Workspace;

/// <summary>
/// A file system that can read a file's bytes, which the loader needs for WIT packages encoded as WebAssembly
/// components (<c>.wasm</c>). A file system without it reports such files as unreadable.
/// </summary>
public interface IBinaryFileSystem
{
    /// <summary>Reads a file's bytes; throws <see cref="System.IO.IOException"/> when it cannot.</summary>
    byte[] ReadAllBytes(string path);
}
