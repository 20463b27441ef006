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
    private const int TriviaSlots = 1024;
    private const int TokenSlots = 8192;

    /// <summary>
    /// Each table starts at a sixteenth of its full size (at least 64 slots) and grows fourfold each time it has taken
    /// as many new entries as it has slots, up to the sizes above, its entries placed again by their hashes. At full
    /// size the tables hold 320 KB, which a process that parses one small file would allocate and clear for a few
    /// dozen entries: on the machine the budgets are measured on, 42 page faults, a tenth of a cold `wit check` of a
    /// three-line file (2026-12-07).
    /// </summary>
    private const int InitialShare = 16;

    private const int MinimumSlots = 64;

    /// <summary>The string table's slots now (tests follow its growth).</summary>
    internal int StringTableSlots => _strings.Length;

    /// <summary>The string table's slots at its full size.</summary>
    internal const int FullStringTableSlots = StringSlots;

    /// <summary>New entries each table has taken since it last grew (see <see cref="InitialShare"/>).</summary>
    private int _stringWrites, _triviaWrites, _tokenWrites, _nodeWrites;

    [ThreadStatic]
    private static GreenCache? s_instance;

    /// <summary>
    /// Every table below is direct-mapped by a hash the lexer computes once per piece of text (a newer entry replaces
    /// an older one in its slot): no dictionary, no string hashing beyond that one pass, no chains, no clearing (a table only grows while small, see <see cref="InitialShare"/>).
    /// Sharing is an optimisation only, so a replaced entry costs a new element, never a wrong one.
    /// </summary>
    private (string? Text, uint Hash)[] _strings = new (string?, uint)[Math.Max(MinimumSlots, StringSlots / InitialShare)];
    /// <remarks>
    /// The trivia and token tables keep each entry's full hash beside it: an entry is compared by hash before it is
    /// read, so a slot held by another element (most new names and comments meet one) costs no read of that element,
    /// which is a cache miss in a large file (a third of the lexer's time went there).
    /// </remarks>
    private (uint Hash, GreenTrivia? Trivia)[] _trivia = new (uint, GreenTrivia?)[Math.Max(MinimumSlots, TriviaSlots / InitialShare)];
    private (uint Hash, GreenToken? Token)[] _tokens = new (uint, GreenToken?)[Math.Max(MinimumSlots, TokenSlots / InitialShare)];
    private const int NodeSlots = 4096;

    /// <summary>How many elements this cache created and shared (see <see cref="KeptEntries"/>).</summary>
    private int _created;

    /// <summary>
    /// Shared nodes in sets of two by hash, the newest first (an older one is dropped): no chains, no clearing, growth
    /// as for the other tables. A dictionary here cost more than the parse itself (its chains grew long on this key).
    /// An entry keeps its node's full hash, not its children: the node has them.
    /// </summary>
    private (uint Hash, GreenNode? Node)[] _nodes = new (uint, GreenNode?)[Math.Max(MinimumSlots, NodeSlots / InitialShare)];

    /// <summary>The most children a shared node has (as many as a node holds in fields).</summary>
    private const int MaxSharedSlots = 8;

    /// <summary>
    /// The widest node shared: a record's field list or a function's parameters written alike (`{ id: u64, name: string }`,
    /// `(self, key: string)`) repeat, longer stretches of text rarely do.
    /// </summary>
    private const int MaxSharedNodeWidth = 64;

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
            if (_cache._created > KeptEntries) return;
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

    /// <summary>The most spaces in a run of spaces that <see cref="Spaces"/> shares.</summary>
    private const int MaxSharedSpaces = 64;

    /// <summary>
    /// Runs of one to <see cref="MaxSharedSpaces"/> spaces, a line feed and CR LF: nearly all the whitespace of a file
    /// (indentation, the space between tokens, line ends). They are made once for every cache and thread, with their
    /// one-element arrays, so the lexer takes them without hashing their text or looking them up.
    /// </summary>
    private static readonly GreenTrivia?[] s_spaces = MakeSpaces();

    /// <summary>The shared line feed trivia.</summary>
    public static readonly GreenTrivia LineFeed = MakeStatic(SyntaxKind.EndOfLineTrivia, "\n", MaxSharedSpaces + 1);

    /// <summary>The shared CR LF trivia.</summary>
    public static readonly GreenTrivia CarriageReturnLineFeed = MakeStatic(SyntaxKind.EndOfLineTrivia, "\r\n", MaxSharedSpaces + 2);

    /// <summary>The texts of the kinds that have one spelling (punctuation and keywords), by kind, with their hashes.</summary>
    private static readonly (string? Text, uint Hash)[] s_fixedTexts = MakeFixedTexts();

    /// <summary>
    /// Tokens of one spelling (punctuation, keywords) without diagnostics whose leading trivia is none or up to
    /// <see cref="MaxFixedLeadingSpaces"/> spaces and whose trailing trivia is none, a space or a line break: most
    /// tokens of a file. They are shared by every parse on every thread, found by index, never hashed; made on first use.
    /// </summary>
    private static readonly GreenToken?[] s_fixedTokens = new GreenToken?[s_fixedTexts.Length * (MaxFixedLeadingSpaces + 1) * FixedTrailingShapes];

    /// <summary>The most spaces of leading trivia a token of <see cref="s_fixedTokens"/> has.</summary>
    private const int MaxFixedLeadingSpaces = 16;

    /// <summary>The trailing trivia of a token of <see cref="s_fixedTokens"/>: none, one space, a line feed, CR LF.</summary>
    private const int FixedTrailingShapes = 4;

    /// <summary>The shared whitespace trivia of <paramref name="count"/> spaces, or null when the run is longer than is shared.</summary>
    public static GreenTrivia? Spaces(int count) => count <= MaxSharedSpaces ? s_spaces[count] : null;

    /// <summary>The one spelling of a punctuation or keyword kind, or null (names, literals).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static string? FixedText(SyntaxKind kind) => (int)kind < s_fixedTexts.Length ? s_fixedTexts[(int)kind].Text : null;

    /// <summary>The hash of <see cref="FixedText"/> (FNV-1a, as <see cref="Intern(string, int, int, out uint)"/> computes it).</summary>
    public static uint FixedTextHash(SyntaxKind kind) => s_fixedTexts[(int)kind].Hash;

    private static GreenTrivia?[] MakeSpaces()
    {
        var spaces = new GreenTrivia?[MaxSharedSpaces + 1];
        for (int i = 1; i <= MaxSharedSpaces; i++) spaces[i] = MakeStatic(SyntaxKind.WhitespaceTrivia, new string(' ', i), i);
        return spaces;
    }

    private static GreenTrivia MakeStatic(SyntaxKind kind, string text, int index)
    {
        var trivia = new GreenTrivia(kind, text) { CacheHash = (Hash(text) * 31) + (uint)kind, Shared = true, StaticIndex = (byte)index };
        trivia.Singleton = new[] { trivia };
        return trivia;
    }

    private static (string?, uint)[] MakeFixedTexts()
    {
        var texts = new (string?, uint)[(int)SyntaxKind.WorldKeyword + 1];
        for (var kind = SyntaxKind.OpenParenToken; kind <= SyntaxKind.WorldKeyword; kind++)
        {
            if (SyntaxFacts.GetText(kind) is { } text) texts[(int)kind] = (string.Intern(text), Hash(text));
        }

        return texts;
    }

    /// <summary>
    /// The index in <see cref="s_fixedTokens"/> of a token of <paramref name="kind"/> with this trivia, or -1 when the
    /// token is not one of those.
    /// </summary>
    private static int FixedTokenIndex(SyntaxKind kind, GreenTrivia[]? leading, GreenTrivia[]? trailing)
    {
        if ((int)kind >= s_fixedTexts.Length || s_fixedTexts[(int)kind].Text is null) return -1;
        int lead = 0;
        if (leading is not null)
        {
            if (leading.Length != 1) return -1;
            var trivia = leading[0];
            lead = trivia.StaticIndex;
            if (lead == 0 || lead > MaxFixedLeadingSpaces || !ReferenceEquals(trivia.Singleton, leading)) return -1;
        }

        int trail = 0;
        if (trailing is not null)
        {
            if (trailing.Length != 1) return -1;
            var trivia = trailing[0];
            trail = trivia.StaticIndex switch
            {
                1 => 1,
                MaxSharedSpaces + 1 => 2,
                MaxSharedSpaces + 2 => 3,
                _ => 0,
            };
            if (trail == 0 || !ReferenceEquals(trivia.Singleton, trailing)) return -1;
        }

        return (((int)kind * (MaxFixedLeadingSpaces + 1)) + lead) * FixedTrailingShapes + trail;
    }

    /// <summary>The shared trivia for whitespace of spaces only or a line break, or null.</summary>
    private static GreenTrivia? StaticTrivia(SyntaxKind kind, string text)
    {
        if (kind == SyntaxKind.EndOfLineTrivia) return text == "\n" ? LineFeed : text == "\r\n" ? CarriageReturnLineFeed : null;
        if (kind != SyntaxKind.WhitespaceTrivia || text.Length == 0 || text.Length > MaxSharedSpaces) return null;
        foreach (char c in text)
        {
            if (c != ' ') return null;
        }

        return s_spaces[text.Length];
    }

    /// <summary>The substring <c>text[start..start+length)</c>, shared with earlier equal ones when short.</summary>
    public string Intern(string text, int start, int length) => Intern(text, start, length, out _);

    /// <summary>
    /// The substring <c>text[start..start+length)</c>, shared with earlier equal ones when short, with its hash (FNV-1a
    /// over its characters, for the trivia and token tables).
    /// </summary>
    public string Intern(string text, int start, int length, out uint hash)
    {
        hash = 2166136261;
        if (length == 0) return string.Empty;

        // Longer text is neither interned nor shared, so it needs no hash.
        if (length > MaxInternedLength) return text.Substring(start, length);
        for (int i = 0; i < length; i++) hash = (hash ^ text[start + i]) * 16777619;
        var strings = _strings;
        int slot = (int)(hash & (uint)(strings.Length - 1));
        var existing = strings[slot];
#if NET
        if (existing.Text is { } found && existing.Hash == hash && found.AsSpan().SequenceEqual(text.AsSpan(start, length))) return found;
#else
        if (existing.Text is { } found && existing.Hash == hash && found.Length == length && string.CompareOrdinal(found, 0, text, start, length) == 0) return found;
#endif
        var created = text.Substring(start, length);
        strings[slot] = (created, hash);
        if (++_stringWrites == strings.Length && strings.Length < StringSlots) _strings = Grown(strings, static entry => entry.Hash, ref _stringWrites);
        return created;
    }

    public GreenTrivia Trivia(SyntaxKind kind, string text) => Trivia(kind, text, Hash(text));

    /// <summary>Trivia of <paramref name="kind"/> and <paramref name="text"/>, shared when short; <paramref name="hash"/> is the text's.</summary>
    public GreenTrivia Trivia(SyntaxKind kind, string text, uint hash)
    {
        if (text.Length > MaxInternedLength) return new GreenTrivia(kind, text);
        if (StaticTrivia(kind, text) is { } shared) return shared;
        hash = (hash * 31) + (uint)kind;
        var table = _trivia;
        int slot = (int)(hash & (uint)(table.Length - 1));
        var entry = table[slot];
        if (entry.Hash == hash && entry.Trivia is { } existing && existing.Kind == kind && (ReferenceEquals(existing.Text, text) || existing.Text == text)) return existing;
        var trivia = new GreenTrivia(kind, text) { CacheHash = hash, Shared = true };
        table[slot] = (hash, trivia);
        _created++;
        if (++_triviaWrites == table.Length && table.Length < TriviaSlots) _trivia = Grown(table, static entry => entry.Hash, ref _triviaWrites);
        return trivia;
    }

    /// <summary>The trivia array of one piece of trivia, shared when the trivia is.</summary>
    public GreenTrivia[] TriviaArray(GreenTrivia single) => single.Shared ? single.Singleton ??= new[] { single } : new[] { single };

    /// <summary>The trivia array for a list of trivia; one-element arrays of shared trivia are shared too.</summary>
    public GreenTrivia[]? TriviaArray(List<GreenTrivia>? list)
    {
        if (list is null || list.Count == 0) return null;
        return list.Count > 1 ? list.ToArray() : TriviaArray(list[0]);
    }

    public GreenToken Token(SyntaxKind kind, string text, GreenTrivia[]? leading, GreenTrivia[]? trailing) => Token(kind, text, Hash(text), leading, trailing);

    /// <summary>
    /// A token; tokens without diagnostics whose parts are all shared are shared themselves. <paramref name="hash"/> is
    /// the text's.
    /// </summary>
    public GreenToken Token(SyntaxKind kind, string text, uint hash, GreenTrivia[]? leading, GreenTrivia[]? trailing)
    {
        int fixedIndex = FixedTokenIndex(kind, leading, trailing);
        if (fixedIndex >= 0 && ReferenceEquals(text, s_fixedTexts[(int)kind].Text))
        {
            // Published once; a thread that loses the race uses the winner's token.
            return s_fixedTokens[fixedIndex] ?? System.Threading.Interlocked.CompareExchange(ref s_fixedTokens[fixedIndex], new GreenToken(kind, text, leading, trailing), null) ?? s_fixedTokens[fixedIndex]!;
        }

        bool shareable = text.Length <= MaxInternedLength && IsSharedArray(leading) && IsSharedArray(trailing);
        if (!shareable) return new GreenToken(kind, text, hash, leading, trailing);
        hash = (hash * 31) + (uint)kind;
        if (leading is not null) hash ^= leading[0].CacheHash * 7;
        if (trailing is not null) hash ^= trailing[0].CacheHash * 13;
        var tokens = _tokens;
        int slot = (int)(hash & (uint)(tokens.Length - 1));
        var entry = tokens[slot];
        if (entry.Hash == hash && entry.Token is { } existing && existing.Kind == kind && (ReferenceEquals(existing.Text, text) || existing.Text == text)
            && ReferenceEquals(existing.LeadingTrivia, leading ?? GreenToken.NoTrivia) && ReferenceEquals(existing.TrailingTrivia, trailing ?? GreenToken.NoTrivia))
        {
            return existing;
        }

        var token = new GreenToken(kind, text, hash, leading, trailing);
        tokens[slot] = (hash, token);
        _created++;
        if (++_tokenWrites == tokens.Length && tokens.Length < TokenSlots) _tokens = Grown(tokens, static entry => entry.Hash, ref _tokenWrites);
        return token;
    }

    /// <summary>Whether a token's trivia can be part of a shared token's key: none, or one shared trivia in its shared array.</summary>
    private static bool IsSharedArray(GreenTrivia[]? trivia) =>
        trivia is null || trivia.Length == 1 && trivia[0].Shared && ReferenceEquals(trivia[0].Singleton, trivia);

    /// <summary>FNV-1a over a text's characters: the hash of the string, trivia and token tables (and of a token made outside them).</summary>
    internal static uint Hash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) hash = (hash ^ c) * 16777619;
        return hash;
    }

    /// <summary>
    /// A node of <paramref name="kind"/> with <paramref name="slots"/>; a small one (at most eight children, no wider
    /// than <see cref="MaxSharedNodeWidth"/>, no diagnostics) is shared with an earlier node of the same kind and the
    /// very same children. Only the parser's inner kinds come here: top-level items are told apart by identity.
    /// </summary>
    public GreenNode Node(SyntaxKind kind, SlotList slots)
    {
        int count = slots.Count;
        if (count == 0 || count > MaxSharedSlots) return GreenNode.Create(kind, slots);
        int width = 0;
        uint hash = (uint)kind;
        for (int i = 0; i < count; i++)
        {
            var slot = slots[i];
            if (slot.ContainsDiagnostics) return GreenNode.Create(kind, slots);
            width += slot.FullWidth;
            hash = (hash * 31) + ChildHash(slot);
        }

        if (width > MaxSharedNodeWidth) return GreenNode.Create(kind, slots);

        // Two ways per set: the newest node goes first and pushes the older one to the second way. An entry's hash is
        // compared before its node is read (most lookups of a new node meet another one's entry).
        var nodes = _nodes;
        int index = NodeSet(hash, nodes.Length);
        var entry = nodes[index];
        if (entry.Hash == hash && entry.Node is { } first && HasChildren(first, kind, slots)) return first;
        var older = nodes[index + 1];
        if (older.Hash == hash && older.Node is { } second && HasChildren(second, kind, slots)) return second;
        var node = GreenNode.Create(kind, slots);
        _created++;
        nodes[index + 1] = entry;
        nodes[index] = (hash, node);
        if (++_nodeWrites == nodes.Length && nodes.Length < NodeSlots) _nodes = GrownNodes(nodes, ref _nodeWrites);
        return node;
    }

    /// <summary>The first of the two ways of the set a node's <paramref name="hash"/> falls in, in a table of <paramref name="length"/> entries.</summary>
    internal static int NodeSet(uint hash, int length) => (int)(hash ^ (hash >> 15)) & (length - 2);

    /// <summary>A direct-mapped table four times larger holding <paramref name="table"/>'s entries, each in the slot of its hash.</summary>
    private static T[] Grown<T>(T[] table, Func<T, uint> hash, ref int writes)
    {
        var grown = new T[table.Length * 4];
        foreach (var entry in table)
        {
            if (!EqualityComparer<T>.Default.Equals(entry, default!)) grown[hash(entry) & (uint)(grown.Length - 1)] = entry;
        }

        writes = 0;
        return grown;
    }

    /// <summary>
    /// The node table four times larger: each set's older node is placed before its newer one, so that where two meet
    /// in a set of the larger table the newer one is first, as in the smaller.
    /// </summary>
    internal static (uint Hash, GreenNode? Node)[] GrownNodes((uint Hash, GreenNode? Node)[] nodes, ref int writes)
    {
        var grown = new (uint Hash, GreenNode? Node)[nodes.Length * 4];
        for (int way = 1; way >= 0; way--)
        {
            for (int set = 0; set < nodes.Length; set += 2)
            {
                var entry = nodes[set + way];
                if (entry.Node is null) continue;
                int index = NodeSet(entry.Hash, grown.Length);
                grown[index + 1] = grown[index];
                grown[index] = entry;
            }
        }

        writes = 0;
        return grown;
    }

    /// <summary>
    /// A child's part of a node's hash: its kind, width and <see cref="GreenElement.ContentHash"/> (nodes of one kind
    /// and width differ in their tokens' texts: `r: rec1`, `r: rec2`). An identity hash is slow the first time an object
    /// is asked for it, and most children are new objects; walking down to a node's tokens cost more than the lookup.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static uint ChildHash(GreenElement element) => ((uint)element.Kind * 397) ^ ((uint)element.FullWidth << 8) ^ (element.ContentHash * 65599u);

    /// <summary>Whether <paramref name="node"/> is of <paramref name="kind"/> with the very same children as <paramref name="slots"/>.</summary>
    private static bool HasChildren(GreenNode node, SyntaxKind kind, SlotList slots)
    {
        if (node.Kind != kind || node.SlotCount != slots.Count) return false;
#if NET
        var children = slots.AsSpan();
        for (int i = 0; i < children.Length; i++)
        {
            if (!ReferenceEquals(node.GetSlot(i), children[i])) return false;
        }
#else
        for (int i = 0; i < slots.Count; i++)
        {
            if (!ReferenceEquals(node.GetSlot(i), slots[i])) return false;
        }
#endif

        return true;
    }
}
