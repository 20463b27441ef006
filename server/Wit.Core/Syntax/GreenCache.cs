using System;
using System.Collections.Generic;

namespace Wit.Core.Syntax;

/// <summary>
/// Shares the small immutable pieces that repeat all over a tree: short strings (names, keywords, indentation),
/// trivia, one-element trivia arrays, tokens without diagnostics, and small nodes made of shared children (a field
/// <c>id: u64,</c> or a type <c>list&lt;string&gt;</c> is one node however often it is written, as Roslyn shares them). Sharing is safe because green elements are
/// immutable and carry no position; it keeps a large file's tree (and the garbage collector's work) small. One cache
/// per thread, bounded in size.
/// </summary>
internal sealed class GreenCache
{
    private const int StringSlots = 4096;
    private const int MaxInternedLength = 40;
    private const int MaxEntries = 20000;

    [ThreadStatic]
    private static GreenCache? s_instance;

    private readonly string?[] _strings = new string?[StringSlots];
    private readonly Dictionary<(SyntaxKind, string), GreenTrivia> _trivia = new();
    private readonly Dictionary<GreenTrivia, GreenTrivia[]> _singletons = new();
    private readonly Dictionary<(SyntaxKind, string, GreenTrivia[]?, GreenTrivia[]?), GreenToken> _tokens = new();
    private readonly Dictionary<(SyntaxKind, GreenElement, GreenElement?, GreenElement?, GreenElement?), GreenNode> _nodes = new();

    /// <summary>The most children a shared node has.</summary>
    private const int MaxSharedSlots = 4;

    public static GreenCache Instance => s_instance ??= new GreenCache();

    /// <summary>
    /// Entries a thread's cache may keep between parses. A large document's parse fills the cache to its bound (a few
    /// megabytes, with the elements it holds alive after their tree is gone), on every thread that parsed one; after
    /// such a parse the thread starts a new cache, so what stays is what small, frequent parses (keystrokes) reuse.
    /// </summary>
    private const int KeptEntries = 4096;

    /// <summary>Drops this thread's cache when the last parse left it large (see <see cref="KeptEntries"/>).</summary>
    public static void Trim()
    {
        var cache = s_instance;
        if (cache is not null && cache._trivia.Count + cache._singletons.Count + cache._tokens.Count + cache._nodes.Count > KeptEntries) s_instance = null;
    }

    /// <summary>The substring <c>text[start..start+length)</c>, shared with earlier equal ones when short.</summary>
    public string Intern(string text, int start, int length)
    {
        if (length == 0) return string.Empty;
        if (length > MaxInternedLength) return text.Substring(start, length);
        uint hash = 2166136261;
        for (int i = 0; i < length; i++) hash = (hash ^ text[start + i]) * 16777619;
        int slot = (int)(hash & (StringSlots - 1));
        var existing = _strings[slot];
        if (existing is not null && existing.Length == length && string.CompareOrdinal(existing, 0, text, start, length) == 0) return existing;
        var created = text.Substring(start, length);
        _strings[slot] = created;
        return created;
    }

    public GreenTrivia Trivia(SyntaxKind kind, string text)
    {
        if (text.Length > MaxInternedLength) return new GreenTrivia(kind, text);
        if (_trivia.TryGetValue((kind, text), out var trivia)) return trivia;
        if (_trivia.Count > MaxEntries) _trivia.Clear();
        trivia = new GreenTrivia(kind, text);
        _trivia[(kind, text)] = trivia;
        return trivia;
    }

    /// <summary>The trivia array for a list of trivia; one-element arrays of shared trivia are shared too.</summary>
    public GreenTrivia[]? TriviaArray(List<GreenTrivia>? list)
    {
        if (list is null || list.Count == 0) return null;
        if (list.Count > 1) return list.ToArray();
        var single = list[0];
        if (_singletons.TryGetValue(single, out var array)) return array;
        array = new[] { single };
        if (single.Width <= MaxInternedLength)
        {
            if (_singletons.Count > MaxEntries) _singletons.Clear();
            _singletons[single] = array;
        }

        return array;
    }

    /// <summary>A token; tokens without diagnostics whose parts are all shared are shared themselves.</summary>
    public GreenToken Token(SyntaxKind kind, string text, GreenTrivia[]? leading, GreenTrivia[]? trailing)
    {
        bool shareable = text.Length <= MaxInternedLength && (leading is null || leading.Length == 1) && (trailing is null || trailing.Length == 1);
        if (!shareable) return new GreenToken(kind, text, leading, trailing);
        var key = (kind, text, leading, trailing);
        if (_tokens.TryGetValue(key, out var token)) return token;
        if (_tokens.Count > MaxEntries) _tokens.Clear();
        token = new GreenToken(kind, text, leading, trailing);
        _tokens[key] = token;
        return token;
    }

    /// <summary>
    /// A node of <paramref name="kind"/> with <paramref name="slots"/>; a small one (at most four children, no wider
    /// than a short string, no diagnostics) is shared with an earlier node of the same kind and the very same
    /// children. Only the parser's inner kinds come here: top-level items are told apart by identity.
    /// </summary>
    public GreenNode Node(SyntaxKind kind, List<GreenElement> slots)
    {
        int count = slots.Count;
        if (count == 0 || count > MaxSharedSlots) return new GreenNode(kind, slots);
        int width = 0;
        foreach (var slot in slots)
        {
            if (slot.ContainsDiagnostics) return new GreenNode(kind, slots);
            width += slot.FullWidth;
        }

        if (width > MaxInternedLength) return new GreenNode(kind, slots);
        var key = (kind, slots[0], count > 1 ? slots[1] : null, count > 2 ? slots[2] : null, count > 3 ? slots[3] : null);
        if (_nodes.TryGetValue(key, out var node)) return node;
        if (_nodes.Count > MaxEntries) _nodes.Clear();
        node = new GreenNode(kind, slots);
        _nodes[key] = node;
        return node;
    }
}
