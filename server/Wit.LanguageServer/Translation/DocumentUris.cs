using System;
using System.Collections.Concurrent;
using System.IO;

namespace Wit.LanguageServer.Translation;

/// <summary>
/// Converts between the client's document URIs and the file-system paths the IDE layer keys documents by. A URI the
/// client sent is remembered, so the server answers with exactly the client's spelling (clients compare URIs as
/// strings). Non-file URIs (an unsaved <c>untitled:</c> buffer) get a stable synthetic path.
/// </summary>
internal sealed class DocumentUris
{
    private const string SyntheticRoot = "/.wit-virtual/";

    private readonly ConcurrentDictionary<string, string> _uriByPath = new(StringComparer.Ordinal);

    /// <summary>The path for <paramref name="uri"/>, or null when it is not a URI at all or names no possible file (a NUL in its path).</summary>
    public string? ToPath(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed)) return null;
        string path;
        if (parsed.IsFile)
        {
            // Path.GetFullPath throws on a NUL (file:///a%00b.wit); no file has that name, so it is no document.
            if (parsed.LocalPath.Contains('\0')) return null;
            path = Path.GetFullPath(parsed.LocalPath);
        }
        else
        {
            // Keep the extension so the language (WIT or WITX) is still known from the path.
            string name = Uri.EscapeDataString(parsed.Scheme + ":" + parsed.AbsolutePath).Replace('%', '_');
            path = SyntheticRoot + name;
        }

        _uriByPath.TryAdd(path, uri);
        return path;
    }

    /// <summary>The URI for <paramref name="path"/>: the client's own spelling when it sent one.</summary>
    public string ToUri(string path) => _uriByPath.TryGetValue(path, out var uri) ? uri : new Uri(path).AbsoluteUri;
}
