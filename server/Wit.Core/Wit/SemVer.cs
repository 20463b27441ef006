namespace Wit.Core.Wit;

/// <summary>
/// Checks version text against Semantic Versioning 2.0.0 the way the semver crate (which wit-parser uses) reads it,
/// with its messages: numbers without leading zeros that fit a u64, dot-separated non-empty identifiers of ASCII
/// letters, digits and hyphens, no leading zero in a numeric pre-release identifier.
/// </summary>
internal static class SemVer
{
    private static readonly string[] NumberNames = { "major version number", "minor version number", "patch version number" };

    /// <summary>The semver crate's message for what is wrong with <paramref name="text"/>, or null when it is a valid version.</summary>
    public static string? Problem(string text)
    {
        int position = 0;
        for (int n = 0; n < 3; n++)
        {
            string where = NumberNames[n];
            int start = position;
            ulong value = 0;
            while (position < text.Length && text[position] >= '0' && text[position] <= '9')
            {
                if (position > start && value == 0) return $"invalid leading zero in {where}";
                ulong digit = (ulong)(text[position] - '0');
                if (value > (ulong.MaxValue - digit) / 10) return $"value of {where} exceeds u64::MAX";
                value = value * 10 + digit;
                position++;
            }

            if (position == start)
            {
                return position < text.Length ? $"unexpected character {Quote(text, position)} while parsing {where}" : $"unexpected end of input while parsing {where}";
            }

            if (n == 2) break;
            if (position >= text.Length) return $"unexpected end of input while parsing {where}";
            if (text[position] != '.') return $"unexpected character {Quote(text, position)} after {where}";
            position++;
        }

        string last = NumberNames[2];
        foreach (var (prefix, where) in new[] { ('-', "pre-release identifier"), ('+', "build metadata") })
        {
            if (position >= text.Length || text[position] != prefix) continue;
            position++;
            string? problem = Identifiers(text, ref position, where, prefix == '-');
            if (problem is not null) return problem;
            last = where;
        }

        return position < text.Length ? $"unexpected character {Quote(text, position)} after {last}" : null;
    }

    /// <summary>Dot-separated identifiers from <paramref name="position"/>; stops at the first other character.</summary>
    private static string? Identifiers(string text, ref int position, string where, bool preRelease)
    {
        while (true)
        {
            int start = position;
            bool nonDigit = false;
            while (position < text.Length && IsIdentifierChar(text[position]))
            {
                if (!(text[position] >= '0' && text[position] <= '9')) nonDigit = true;
                position++;
            }

            if (position == start) return $"empty identifier segment in {where}";
            if (preRelease && position - start > 1 && !nonDigit && text[start] == '0') return $"invalid leading zero in {where}";
            if (position >= text.Length || text[position] != '.') return null;
            position++;
        }
    }

    private static bool IsIdentifierChar(char c) => c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-';

    private static string Quote(string text, int index) => text[index] == '\0' ? "'\\0'" : WitLexer.QuoteCharacter(text, index);
}
