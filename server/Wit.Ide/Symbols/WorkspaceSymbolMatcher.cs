namespace Wit.Ide.Symbols;

/// <summary>Fuzzy matching for workspace symbols, aware of kebab-case words.</summary>
internal static class WorkspaceSymbolMatcher
{
    public const int Exact = 0;
    public const int Prefix = 1;
    public const int WordStart = 2;
    public const int Subsequence = 3;

    /// <summary>
    /// How well <paramref name="name"/> matches <paramref name="query"/> (lower is better), or -1 when it does not.
    /// Case is ignored, and so are <c>-</c>, <c>$</c> and <c>%</c> in the query where the name lacks them. An empty
    /// query matches everything as a subsequence.
    /// </summary>
    public static int Rank(string name, string query)
    {
        if (query.Length == 0) return Subsequence;
        if (string.Equals(name, query, System.StringComparison.OrdinalIgnoreCase)) return Exact;
        if (name.StartsWith(query, System.StringComparison.OrdinalIgnoreCase)) return Prefix;
        if (MatchesWordStarts(name, query)) return WordStart;
        return IsSubsequence(name, query) ? Subsequence : -1;
    }

    private static bool IsWordStart(string name, int index) =>
        index == 0 || name[index - 1] is '-' or '$' or '%' or '_' or ':' or '/' || (char.IsUpper(name[index]) && char.IsLower(name[index - 1]));

    /// <summary>
    /// Whether the query is a sequence of word prefixes: each query character continues the current word of the name
    /// or starts a later word (<c>get-fd</c>, <c>gfd</c> and <c>desc</c> all match <c>get-file-descriptor</c>).
    /// Backtracking is bounded because each query character either extends or jumps to the next word start.
    /// </summary>
    private static bool MatchesWordStarts(string name, string query)
    {
        // A greedy pass from each word start as the first match; names are short, so this is cheap.
        for (int first = 0; first < name.Length; first++)
        {
            if (!IsWordStart(name, first) || !SameLetter(name[first], query[0])) continue;
            int n = first + 1, q = 1;
            while (q < query.Length)
            {
                if (IsSeparator(query[q]))
                {
                    q++;
                    continue;
                }

                if (n < name.Length && SameLetter(name[n], query[q]))
                {
                    n++;
                    q++;
                    continue;
                }

                // Jump to the next word whose first letter matches.
                int next = n;
                while (next < name.Length && !(IsWordStart(name, next) && SameLetter(name[next], query[q]))) next++;
                if (next >= name.Length) break;
                n = next + 1;
                q++;
            }

            if (q == query.Length) return true;
        }

        return false;
    }

    private static bool IsSubsequence(string name, string query)
    {
        int n = 0;
        foreach (char c in query)
        {
            if (IsSeparator(c) && name.IndexOf(c) < 0) continue;
            while (n < name.Length && !SameLetter(name[n], c)) n++;
            if (n == name.Length) return false;
            n++;
        }

        return true;
    }

    private static bool IsSeparator(char c) => c is '-' or '$' or '%' or '_';

    private static bool SameLetter(char a, char b) => char.ToLowerInvariant(a) == char.ToLowerInvariant(b);
}
