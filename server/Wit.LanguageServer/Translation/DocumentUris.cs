using System;
using System.Collections.Concurrent;
using System.IO;

namespace Wit.LanguageServer.Translation;

/// <summary>
/// Converts between the client's document URIs and the file-system paths the IDE layer keys documents by. A URI the
/// client sent is remembered, so the server answers with exactly the client's spelling (clients compare URIs as
/// strings). Non-file URIs (an unsaved <c>untitled:</c> buffer, the extension's read-only <c>wit-wasm:</c> view of a
/// <c>.wasm</c> file) get a stable synthetic path, each in a folder of its own: the folder of a WIT file is its package,
/// and two such documents are not one package.
/// </summary>
internal sealed class DocumentUris
{
    private const string SyntheticRoot = "/.wit-virtual/";

    private readonly ConcurrentDictionary<string, string> _uriByPath = new(StringComparer.Ordinal);

    /// <summary>The longest URI that can name a path the system accepts: each byte of a path spelled as <c>%XX</c>, with room for the scheme and a host.</summary>
    private const int MaxUriLength = 3 * ServerFileSystem.MaxPathLength + 256;

    /// <summary>
    /// The path for <paramref name="uri"/>, or null when it is not a URI at all or names no possible file (a NUL in its
    /// path, a path beyond the system's limit: neither is looked at, nor remembered, nor copied through pooled buffers).
    /// </summary>
    public string? ToPath(string uri)
    {
        if (uri.Length > MaxUriLength || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed)) return null;
        string path;
        if (parsed.IsFile)
        {
            // Path.GetFullPath throws on a NUL (file:///a%00b.wit); no file has that name, so it is no document.
            if (parsed.LocalPath.Contains('\0') || parsed.LocalPath.Length >= ServerFileSystem.MaxPathLength) return null;
            path = Path.GetFullPath(parsed.LocalPath);
        }
        else
        {
            // The whole URI names the folder; the file keeps the URI's last segment, so that the language (WIT or
            // WITX) is still known from the extension and messages name the file as the user sees it.
            string name = Uri.EscapeDataString(parsed.Scheme + ":" + parsed.AbsolutePath).Replace('%', '_');
            string leaf = Uri.EscapeDataString(parsed.AbsolutePath[(parsed.AbsolutePath.LastIndexOf('/') + 1)..]).Replace('%', '_');
            path = SyntheticRoot + name + "/" + (leaf.Length > 0 ? leaf : name);
        }

        _uriByPath.TryAdd(path, uri);
        return path;
    }

    /// <summary>The URI for <paramref name="path"/>: the client's own spelling when it sent one.</summary>
    public string ToUri(string path) => _uriByPath.TryGetValue(path, out var uri) ? uri : new Uri(path).AbsoluteUri;
}
