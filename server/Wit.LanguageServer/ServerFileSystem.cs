using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Wit.Core.Diagnostics;
using Wit.Core.Workspace;

namespace Wit.LanguageServer;

/// <summary>
/// The disk as the language server reads it: only regular files, at most <see cref="MaxFileLength"/> bytes each. A URI
/// may name anything (<c>/dev/zero</c>, <c>/dev/stdin</c>, a FIFO), and a read that never ends or fills memory would
/// wedge the request that asked and every message queued behind it.
/// </summary>
/// <remarks>
/// Devices, FIFOs, sockets and <c>/proc</c> files all report a length of 0, so a file of length 0 is read as empty text
/// without opening it (opening a FIFO blocks until a writer comes). A longer file must be seekable (a regular file) and
/// is read for exactly the length it reported, never until an end that may not come.
/// </remarks>
internal sealed class ServerFileSystem : IFileSystem, ISymbolicLinks, IBinaryFileSystem
{
    /// <summary>The largest file read from disk, in bytes (open documents come from the editor and are not capped here).</summary>
    public const long MaxFileLength = 16 * 1024 * 1024;

    public static readonly ServerFileSystem Instance = new();

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Paths from this length (in UTF-16 units, never more than their UTF-8 bytes) name nothing: Linux refuses paths of
    /// PATH_MAX (4,096) bytes or more. They are answered without asking the system, since .NET converts a path to
    /// UTF-8 in an array rented from the shared pool first, which keeps it: a URI of 300,000 characters left the server
    /// half a megabyte larger for each.
    /// </summary>
    public const int MaxPathLength = 4096;

    private static bool Unreachable(string path) => path.Length >= MaxPathLength;

    public bool FileExists(string path) => !Unreachable(path) && File.Exists(path);

    public bool DirectoryExists(string path) => !Unreachable(path) && Directory.Exists(path);

    public IEnumerable<string> GetFiles(string directory) => Unreachable(directory) ? Array.Empty<string>() : Directory.GetFiles(directory);

    public IEnumerable<string> GetDirectories(string directory) => Unreachable(directory) ? Array.Empty<string>() : Directory.GetDirectories(directory);

    public bool IsDanglingLink(string path) => !Unreachable(path) && PhysicalFileSystem.Instance.IsDanglingLink(path);

    /// <summary>A file's bytes, up to <see cref="MaxFileLength"/>; a file that shrank while being read is read as far as it goes.</summary>
    public byte[] ReadAllBytes(string path)
    {
        if (Unreachable(path)) throw new PathTooLongException($"the path is {path.Length:N0} characters long, above the system's limit");
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException("no such file", path);
        long length = info.Length;
        if (length == 0) return [];
        if (length > MaxFileLength) throw new InputTooLargeException(ResolveDiagnostics.TooLargeToRead(length, MaxFileLength));
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        if (!stream.CanSeek) throw new IOException("not a regular file");
        var bytes = new byte[length];
        int read = 0;
        while (read < bytes.Length)
        {
            int n = stream.Read(bytes, read, bytes.Length - read);
            if (n == 0) break;
            read += n;
        }

        return read == bytes.Length ? bytes : bytes[..read];
    }

    public string ReadAllText(string path)
    {
        var bytes = ReadAllBytes(path);
        // A file that shrank while being read is read as far as it goes; a BOM is dropped as File.ReadAllText does.
        var span = new ReadOnlySpan<byte>(bytes);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        return Utf8.GetString(span);
    }
}
