using Wit.Core.Syntax;

namespace Wit.Ide.Rename;

/// <summary>
/// What a WIT name may be: kebab-case words separated by single hyphens, each word starting with a letter and
/// either all lowercase or all uppercase (digits allowed after the first letter), as the component model's
/// <c>label</c> grammar says. A keyword is a valid name only when written with a leading <c>%</c>.
/// </summary>
public static class WitIdentifier
{
    /// <summary>Null when <paramref name="name"/> (without a leading <c>%</c>) is a valid WIT identifier; else why not.</summary>
    public static string? Validate(string name)
    {
        if (name.Length == 0) return "a name cannot be empty";
        int wordStart = 0;
        for (int i = 0; i <= name.Length; i++)
        {
            if (i < name.Length && name[i] != '-') continue;
            if (i == wordStart) return $"`{name}` is not a valid WIT identifier: words are separated by single hyphens, without a leading or trailing hyphen";
            if (ValidateWord(name, wordStart, i) is { } problem) return $"`{name}` is not a valid WIT identifier: {problem}";
            wordStart = i + 1;
        }

        return null;
    }

    /// <summary>Whether <paramref name="name"/> is a WIT keyword (and so must be written <c>%name</c> as an identifier).</summary>
    public static bool IsKeyword(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.IdentifierToken;

    private static string? ValidateWord(string name, int start, int end)
    {
        char first = name[start];
        if (!IsAsciiLetter(first)) return $"the word `{name.Substring(start, end - start)}` does not start with a letter";
        bool upper = first is >= 'A' and <= 'Z';
        for (int i = start + 1; i < end; i++)
        {
            char c = name[i];
            if (c is >= '0' and <= '9') continue;
            if (!IsAsciiLetter(c)) return $"`{c}` is not allowed (only letters, digits and single hyphens are)";
            if ((c is >= 'A' and <= 'Z') != upper) return $"the word `{name.Substring(start, end - start)}` mixes lowercase and uppercase letters";
        }

        return null;
    }

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
}
