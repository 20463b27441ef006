using System.Collections.Generic;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Wit.Core.Text;

namespace Wit.Core.Semantics;

/// <summary>
/// What resolving (and linting) one interface or world of the root package produced, kept so that the next check of
/// an edited package can take it over when neither the item's text nor anything it depends on changed. Everything is
/// in the coordinates of <see cref="Document"/>, the version of the file the item was resolved in; the item then
/// started at <see cref="Start"/>. Taking it over into a later version shifts every span by how far the item moved.
/// </summary>
internal sealed class ItemRecord
{
    public ItemRecord(string name, string path, GreenNode green, SourceText document, TextSpan fullSpan)
    {
        Name = name;
        Path = path;
        Green = green;
        Document = document;
        FullSpan = fullSpan;
        int from = BoundaryStart(document.Text, fullSpan.Start);
        Boundary = document.Text.Substring(from, fullSpan.Start - from);
        int lineEnd = Boundary.IndexOf('\n');
        BoundaryIsTrivia = lineEnd >= 0 && LooksLikeTrivia(Boundary.Substring(0, lineEnd).Trim());
    }

    public string Name { get; }

    public string Path { get; }

    /// <summary>The item's syntax: an unchanged item is the very same green node.</summary>
    public GreenNode Green { get; }

    /// <summary>
    /// The text before the item on its first line and the whole line above. Lint suppressions are read from the
    /// lines above a diagnostic, up to the first that is not a comment or attribute: for an item after a `}` or `;`
    /// line that is this boundary, so the item is unchanged only with the same boundary; when the line above looks
    /// like a comment (<see cref="BoundaryIsTrivia"/>), lines further up count too, and the item is never taken over.
    /// </summary>
    public string Boundary { get; }

    public bool BoundaryIsTrivia { get; }

    public SourceText Document { get; }

    /// <summary>The item's full span (with its leading comments) in <see cref="Document"/>.</summary>
    public TextSpan FullSpan { get; }

    public Interface? Interface { get; set; }

    public World? World { get; set; }

    /// <summary>The resolver's diagnostics met while resolving the item (and elaborating it, for a world).</summary>
    public List<Diagnostic> Diagnostics { get; } = new();

    /// <summary>The types the item's names refer to (the lint's "is this `use` referred to" question needs them).</summary>
    public List<TypeDefinition> ReferencedTypes { get; } = new();

    /// <summary>
    /// Whether a gate left something of the item out: the package is then checked again with every feature on for
    /// what wit-parser finds in gated-off items (see <see cref="PackageResolver.ExcludedAny"/>), whether or not the
    /// item is taken over.
    /// </summary>
    public bool ExcludesSome { get; set; }

    /// <summary>The item's lint results, but for the unused-`use` rule, which depends on other items and is redone.</summary>
    public IReadOnlyList<Diagnostic> Lint { get; set; } = System.Array.Empty<Diagnostic>();

    /// <summary>
    /// The item's unused-<c>use</c> results for one set of unused names (in <see cref="Document"/>'s coordinates):
    /// whether a name is used depends on other items, so each check asks again, and reuses these when the answer is
    /// the same names. Replaced as a whole, so a check on another snapshot never sees half of it.
    /// </summary>
    public (List<TypeDefinition> Types, List<Diagnostic> Diagnostics)? Unused { get; set; }

    /// <summary>
    /// False when a diagnostic of the item lies outside the item (or in another document): it cannot be carried
    /// along with the item, so the item is resolved again on every check.
    /// </summary>
    public bool Cacheable { get; set; } = true;

    /// <summary>Whether an item now at <paramref name="start"/> of <paramref name="text"/> has this record's boundary.</summary>
    public bool SameBoundary(string text, int start)
    {
        int from = BoundaryStart(text, start);
        return start - from == Boundary.Length && string.CompareOrdinal(text, from, Boundary, 0, Boundary.Length) == 0;
    }

    /// <summary>The start of the line above the line holding <paramref name="start"/> (0 when there is none).</summary>
    private static int BoundaryStart(string text, int start)
    {
        int lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        return lineStart <= 1 ? 0 : text.LastIndexOf('\n', lineStart - 2) + 1;
    }

    /// <summary>The lines the lint's suppression search reads past (see <c>WitLinter.IsSuppressed</c>).</summary>
    private static bool LooksLikeTrivia(string line) =>
        line.StartsWith("//", System.StringComparison.Ordinal) || line.StartsWith("/*", System.StringComparison.Ordinal)
        || line.StartsWith("*", System.StringComparison.Ordinal) || line.StartsWith("@", System.StringComparison.Ordinal);

    public bool Contains(SourceText? document, TextSpan span) =>
        ReferenceEquals(document, Document) && FullSpan.Start <= span.Start && span.End <= FullSpan.End;
}

/// <summary>
/// The item records of a root package from its latest check, with what they were checked under: a later check may
/// take records over only for the same package, options and list of items (names, kinds and files, in order).
/// </summary>
internal sealed class ItemState
{
    public ItemState(PackageName package, ResolveOptions options, IReadOnlyList<ItemKey> signature, Dictionary<string, ItemRecord> records)
    {
        Package = package;
        Options = options;
        Signature = signature;
        Records = records;
    }

    public PackageName Package { get; }

    public ResolveOptions Options { get; }

    /// <summary>Every top-level item of the package, in order.</summary>
    public IReadOnlyList<ItemKey> Signature { get; }

    public Dictionary<string, ItemRecord> Records { get; }

    /// <summary>
    /// The lint's Canonical ABI layouts, kept from check to check: the types of taken-over items and of dependencies
    /// are the same objects, and a large variant (an HTTP error code) takes longer to lay out than an item to resolve.
    /// Only the layouts of types made before the check are kept (the check forgets those of the types it made), so
    /// an open document's own items cost nothing here until an edit elsewhere takes them over. Kept layouts hold on
    /// to their check's text (through their types' locations), so a check starts a new one after
    /// <see cref="MaxAbiChecks"/> checks: a 5,000-line file kept 250 texts (100 MB) at 256.
    /// </summary>
    public Abi.CanonicalAbi? Abi { get; set; }

    public int AbiChecks { get; set; }

    public const int MaxAbiChecks = 8;

    /// <summary>
    /// The text (in UTF-16 code units) of the items resolved afresh since <see cref="Abi"/> was started, whose earlier
    /// layouts it keeps for nothing: a check starts a new one when this would pass half the package's text, so that
    /// editing the one interface of a 2 MB file does not keep eight generations of its layouts.
    /// </summary>
    public long AbiStaleWidth { get; set; }

    /// <summary>Whether the lint's @since rule was on for the package (any item gated with @since).</summary>
    public bool GatedPackage { get; set; }

    /// <summary>
    /// The earlier versions of documents the records hold on to (texts no file of <paramref name="current"/> has
    /// now), how many and their length together: taken-over records keep the text they were resolved in, so a bound
    /// keeps old texts from piling up.
    /// </summary>
    public (int Count, long Length) StaleDocuments(IReadOnlyDictionary<string, SourceText> current)
    {
        var stale = new HashSet<SourceText>();
        long length = 0;
        foreach (var record in Records.Values)
        {
            if ((!current.TryGetValue(record.Path, out var text) || !ReferenceEquals(text, record.Document)) && stale.Add(record.Document)) length += record.Document.Length;
        }

        return (stale.Count, length);
    }
}

/// <summary>
/// A top-level item as the package-wide name lookups see it: its file, kind and name; a top-level <c>use</c> by its
/// syntax (what it names matters, and it belongs to no item).
/// </summary>
internal readonly record struct ItemKey(string Path, SyntaxKind Kind, string? Name, GreenNode? Use);
