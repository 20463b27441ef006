using Wit.Core.Diagnostics;

namespace Wit.Core.Wit;

/// <summary>
/// Checks version text against Semantic Versioning 2.0.0 the way the semver crate (which wit-parser uses) reads it,
/// with its messages: numbers without leading zeros that fit a u64, dot-separated non-empty identifiers of ASCII
/// letters, digits and hyphens, no leading zero in a numeric pre-release identifier.
/// </summary>
internal static class SemVer
{
    private static readonly string[] NumberNames = { "major version number", "minor version number", "patch version number" };

    /// <summary>The semver crate's message (WIT0006) for what is wrong with <paramref name="text"/>, or null when it is a valid version.</summary>
    public static DiagnosticMessage? Problem(string text)
    {
        int position = 0;
        for (int n = 0; n < 3; n++)
        {
            string where = NumberNames[n];
            int start = position;
            ulong value = 0;
            while (position < text.Length && text[position] >= '0' && text[position] <= '9')
            {
                if (position > start && value == 0) return SyntaxDiagnostics.VersionLeadingZero(where);
                ulong digit = (ulong)(text[position] - '0');
                if (value > (ulong.MaxValue - digit) / 10) return SyntaxDiagnostics.VersionNumberTooLarge(where);
                value = value * 10 + digit;
                position++;
            }

            if (position == start)
            {
                return position < text.Length ? SyntaxDiagnostics.VersionCharacterWhileParsing(Quote(text, position), where) : SyntaxDiagnostics.VersionEndsEarly(where);
            }

            if (n == 2) break;
            if (position >= text.Length) return SyntaxDiagnostics.VersionEndsEarly(where);
            if (text[position] != '.') return SyntaxDiagnostics.VersionCharacterAfter(Quote(text, position), where);
            position++;
        }

        string last = NumberNames[2];
        foreach (var (prefix, where) in new[] { ('-', "pre-release identifier"), ('+', "build metadata") })
        {
            if (position >= text.Length || text[position] != prefix) continue;
            position++;
            DiagnosticMessage? problem = Identifiers(text, ref position, where, prefix == '-');
            if (problem is not null) return problem;
            last = where;
        }

        return position < text.Length ? SyntaxDiagnostics.VersionCharacterAfter(Quote(text, position), last) : null;
    }

    /// <summary>Dot-separated identifiers from <paramref name="position"/>; stops at the first other character.</summary>
    private static DiagnosticMessage? Identifiers(string text, ref int position, string where, bool preRelease)
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

            if (position == start) return SyntaxDiagnostics.VersionEmptySegment(where);
            if (preRelease && position - start > 1 && !nonDigit && text[start] == '0') return SyntaxDiagnostics.VersionLeadingZero(where);
            if (position >= text.Length || text[position] != '.') return null;
            position++;
        }
    }

    private static bool IsIdentifierChar(char c) => c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-';

    private static string Quote(string text, int index) => text[index] == '\0' ? "'\\0'" : WitLexer.QuoteCharacter(text, index);
}
