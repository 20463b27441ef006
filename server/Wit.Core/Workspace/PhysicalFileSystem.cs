using System;
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

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>The file as strict UTF-8 (a <see cref="DecoderFallbackException"/> for invalid bytes); a UTF-8 byte order mark is dropped.</summary>
    public string ReadAllText(string path)
    {
#if NET
        return ReadUtf8(path);
#else
        return File.ReadAllText(path, StrictUtf8);
#endif
    }

#if NET
    /// <summary>
    /// Reads a file that fits one 64 KB buffer with one read and one more that finds its end, and decodes it from the
    /// buffer. A larger file is read twice through the buffer, counting characters, then decoding straight into the
    /// string: it costs its string alone (<see cref="File.ReadAllText(string, Encoding)"/> first builds the text in
    /// chunks as large as the string, then copies them; a byte array of the whole file would be as long-lived as the
    /// string, both being large objects that only a full collection frees). Another encoding's byte order mark is
    /// left to <see cref="File.ReadAllText(string, Encoding)"/>, which decodes by it.
    /// </summary>
    private static string ReadUtf8(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int head = 0;
            while (head < buffer.Length)
            {
                int read = RandomAccess.Read(handle, buffer.AsSpan(head), head);
                if (read == 0) break;
                head += read;
            }

            if (head >= 2 && ((buffer[0] == 0xFE && buffer[1] == 0xFF) || (buffer[0] == 0xFF && buffer[1] == 0xFE))
                || (head >= 4 && buffer[0] == 0 && buffer[1] == 0 && buffer[2] == 0xFE && buffer[3] == 0xFF))
            {
                return File.ReadAllText(path, StrictUtf8);
            }

            int bom = head >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;

            // The end of the file came before the buffer was full: the whole file is in it.
            if (head < buffer.Length) return StrictUtf8.GetString(buffer, bom, head - bom);

            var decoder = StrictUtf8.GetDecoder();
            long characters = 0;
            // Counting decodes into a scratch buffer: GetCharCount leaves the decoder's state as it was, so a character
            // split between two reads would be miscounted.
            char[] scratch = System.Buffers.ArrayPool<char>.Shared.Rent(StrictUtf8.GetMaxCharCount(buffer.Length));
            try
            {
                for (long offset = bom; ;)
                {
                    int read = RandomAccess.Read(handle, buffer, offset);
                    characters += decoder.GetChars(buffer.AsSpan(0, read), scratch, flush: read == 0);
                    if (read == 0) break;
                    offset += read;
                }
            }
            finally
            {
                System.Buffers.ArrayPool<char>.Shared.Return(scratch);
            }

            if (characters > Array.MaxLength) throw new IOException($"'{path}' is too large to read as one text");
            return string.Create((int)characters, (handle, buffer, start: (long)bom, decoder), static (text, state) =>
            {
                state.decoder.Reset();
                int written = 0;
                for (long offset = state.start; ;)
                {
                    int read = RandomAccess.Read(state.handle, state.buffer, offset);
                    if (written + state.decoder.GetCharCount(state.buffer.AsSpan(0, read), flush: false) > text.Length)
                    {
                        throw new IOException("the file changed while it was read");
                    }

                    written += state.decoder.GetChars(state.buffer.AsSpan(0, read), text[written..], flush: read == 0);
                    if (read == 0) break;
                    offset += read;
                }

                if (written != text.Length) throw new IOException("the file changed while it was read");
            });
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
#endif

    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);
}
