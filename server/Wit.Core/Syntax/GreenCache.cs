using System;
using System.Collections.Generic;

namespace Wit.Core.Syntax;

/// <summary>
/// Shares the small immutable pieces that repeat all over a tree: short strings (names, keywords, indentation),
/// trivia, one-element trivia arrays, tokens without diagnostics, and small nodes made of shared children (a field
/// <c>id: u64,</c> or a type <c>list&lt;string&gt;</c> is one node however often it is written, as Roslyn shares them). Sharing is safe because green elements are
/// immutable and carry no position; it keeps a large file's tree (and the garbage collector's work) small. A parse
/// leases a cache (<see cref="Lease"/>) from a pool of at most <see cref="PooledCaches"/>, bounded in size: a cache per
/// thread cost a quarter of a megabyte on every thread-pool thread that ever parsed (a server's twenty).
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
    private const int NodeSlots = 4096;

    /// <summary>
    /// Shared nodes in sets of two by hash, the newest first (an older one is dropped): no chains, no growth, no
    /// clearing. A dictionary here cost more than the parse itself (its chains grew long on this key).
    /// </summary>
    private readonly (NodeKey Key, GreenNode? Node)[] _nodes = new (NodeKey, GreenNode?)[NodeSlots];

    /// <summary>The most children a shared node has.</summary>
    private const int MaxSharedSlots = 4;

    /// <summary>The cache of the parse running on this thread (see <see cref="Lease"/>).</summary>
    public static GreenCache Instance => s_instance ??= new GreenCache();

    /// <summary>How many caches wait between parses (parses at the same time beyond that make their own).</summary>
    private const int PooledCaches = 2;

    private static readonly GreenCache?[] s_pool = new GreenCache?[PooledCaches];

    /// <summary>
    /// Makes a pooled cache this thread's <see cref="Instance"/> until the lease is disposed, then gives it back (or
    /// drops it when the parse left it large, see <see cref="KeptEntries"/>). A lease inside a lease keeps the outer one's.
    /// </summary>
    public static Leased Lease()
    {
        if (s_instance is not null) return default;
        GreenCache? cache = null;
        for (int i = 0; i < s_pool.Length && cache is null; i++) cache = System.Threading.Interlocked.Exchange(ref s_pool[i], null);
        s_instance = cache ?? new GreenCache();
        return new Leased(s_instance);
    }

    /// <summary>A lease of a cache; disposing it gives the cache back.</summary>
    public readonly struct Leased : IDisposable
    {
        private readonly GreenCache? _cache;

        public Leased(GreenCache cache) => _cache = cache;

        public void Dispose()
        {
            if (_cache is null) return;
            s_instance = null;
            if (_cache._trivia.Count + _cache._singletons.Count + _cache._tokens.Count > KeptEntries) return;
            for (int i = 0; i < s_pool.Length; i++)
            {
                if (System.Threading.Interlocked.CompareExchange(ref s_pool[i], _cache, null) is null) return;
            }
        }
    }

    /// <summary>
    /// Entries a cache may keep between parses. A large document's parse fills the cache to its bound (a few
    /// megabytes, with the elements it holds alive after their tree is gone); after such a parse the cache is dropped,
    /// so what stays is what small, frequent parses (keystrokes) reuse.
    /// </summary>
    private const int KeptEntries = 4096;

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
        var key = new NodeKey(kind, slots[0], count > 1 ? slots[1] : null, count > 2 ? slots[2] : null, count > 3 ? slots[3] : null);
        // Two ways per set: the newest node goes first and pushes the older one to the second way.
        int index = key.GetHashCode() & (NodeSlots - 2);
        if (_nodes[index].Node is { } first && _nodes[index].Key.Equals(key)) return first;
        if (_nodes[index + 1].Node is { } second && _nodes[index + 1].Key.Equals(key)) return second;
        var node = new GreenNode(kind, slots);
        _nodes[index + 1] = _nodes[index];
        _nodes[index] = (key, node);
        return node;
    }

    /// <summary>
    /// A node's kind and children, equal when the children are the very same objects. Its hash is structural (kinds,
    /// widths, token texts): an identity hash is slow the first time an object is asked for it, and most children
    /// are new objects.
    /// </summary>
    private readonly struct NodeKey : IEquatable<NodeKey>
    {
        private readonly SyntaxKind _kind;
        private readonly GreenElement _a;
        private readonly GreenElement? _b;
        private readonly GreenElement? _c;
        private readonly GreenElement? _d;

        public NodeKey(SyntaxKind kind, GreenElement a, GreenElement? b, GreenElement? c, GreenElement? d)
        {
            _kind = kind;
            _a = a;
            _b = b;
            _c = c;
            _d = d;
        }

        public bool Equals(NodeKey other) =>
            _kind == other._kind && ReferenceEquals(_a, other._a) && ReferenceEquals(_b, other._b) && ReferenceEquals(_c, other._c) && ReferenceEquals(_d, other._d);

        public override bool Equals(object? obj) => obj is NodeKey other && Equals(other);

        public override int GetHashCode()
        {
            int hash = (int)_kind;
            hash = (hash * 31) + Hash(_a);
            hash = (hash * 31) + Hash(_b);
            hash = (hash * 31) + Hash(_c);
            return (hash * 31) + Hash(_d);
        }

        private static int Hash(GreenElement? element) => element switch
        {
            null => 0,
            GreenToken token => ((int)token.Kind * 397) ^ token.Text.GetHashCode() ^ (token.FullWidth << 16),
            _ => ((int)element.Kind * 397) ^ (element.FullWidth << 8) ^ (Edge(element, first: true) * 7) ^ Edge(element, first: false),
        };

        /// <summary>The text hash of a small node's first or last token (nodes of one kind and width differ there: `r: rec1`, `r: rec2`).</summary>
        private static int Edge(GreenElement element, bool first)
        {
            while (element is GreenNode node)
            {
                if (node.SlotCount == 0) return 0;
                element = node.GetSlot(first ? 0 : node.SlotCount - 1);
            }

            return ((GreenToken)element).Text.GetHashCode();
        }
    }
}
