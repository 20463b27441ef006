using System;
using System.Collections.Concurrent;

namespace Wit.LanguageServer.Handlers;

/// <summary>
/// The last full semantic-tokens result of each open document (result id and data), from which a
/// <c>/full/delta</c> request is answered with edits. A document's entry goes when it is closed: the token data of a
/// large document is as large as its text, and a closed document is never asked for a delta again.
/// </summary>
internal sealed class SemanticTokensResults
{
    /// <summary>More documents than any editor keeps open: beyond it the store starts afresh (a client that never closes).</summary>
    private const int MaxDocuments = 256;

    private readonly ConcurrentDictionary<string, (string ResultId, int[] Data)> _last = new(StringComparer.Ordinal);
    private readonly Func<string, bool> _isOpen;

    /// <param name="isOpen">Whether a document is open now (in the server's current snapshot).</param>
    public SemanticTokensResults(Func<string, bool> isOpen) => _isOpen = isOpen;

    public int Count => _last.Count;

    /// <summary>The data of the result <paramref name="resultId"/> if it is the last one of <paramref name="path"/>.</summary>
    public bool TryGet(string path, string? resultId, out int[] data)
    {
        if (resultId is not null && _last.TryGetValue(path, out var last) && last.ResultId == resultId)
        {
            data = last.Data;
            return true;
        }

        data = Array.Empty<int>();
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="data"/> as the last result of an open document. A query that finishes after its document
    /// was closed finds it no longer open (the close changes the snapshot before it calls <see cref="Forget"/>), so
    /// nothing of a closed document stays whichever of the two runs first.
    /// </summary>
    public void Remember(string path, string resultId, int[] data)
    {
        if (_last.Count >= MaxDocuments && !_last.ContainsKey(path)) _last.Clear();
        _last[path] = (resultId, data);
        if (!_isOpen(path)) _last.TryRemove(path, out _);
    }

    public void Forget(string path) => _last.TryRemove(path, out _);
}
