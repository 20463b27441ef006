using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Wit.OracleDiff;

/// <summary>
/// Makes one small mutant of a WIT file: a name replaced by another name of the file (the source of most semantic
/// errors), a token deleted, replaced by a keyword or swapped with the next, a line duplicated or deleted, or a gate
/// attribute inserted. Deterministic for a given <see cref="Random"/>.
/// </summary>
public static class Mutator
{
    private static readonly Regex Token = new(@"%?[A-Za-z][A-Za-z0-9-]*|\d+(\.\d+)*|//[^\n]*|/\*.*?\*/|\s+|.", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly string[] Keywords =
    {
        "use", "type", "resource", "func", "interface", "world", "import", "export", "include", "with", "own", "borrow",
        "list", "tuple<>", "option", "result", "constructor", "static", "async", "package", "as", "flags", "enum",
        "variant", "record", "future", "stream", "map", "_", "u32", "string",
    };

    private static readonly string[] Attributes =
    {
        "@since(version = 1.0.0)", "@since(version = 0.0.1)", "@unstable(feature = active)", "@unstable(feature = x)",
        "@deprecated(version = 0.1.0)",
    };

    public static string Mutate(string text, Random random)
    {
        var tokens = Token.Matches(text).Select(m => m.Value).ToList();
        var significant = Enumerable.Range(0, tokens.Count).Where(i => !IsTrivia(tokens[i])).ToList();
        var names = significant.Where(i => IsName(tokens[i])).ToList();
        if (significant.Count == 0) return text + "\n" + Attributes[random.Next(Attributes.Length)];
        switch (random.Next(10))
        {
            case 0:
            case 1:
            case 2:
                if (names.Count > 0) tokens[names[random.Next(names.Count)]] = tokens[names[random.Next(names.Count)]];
                return string.Concat(tokens);
            case 3:
                tokens[significant[random.Next(significant.Count)]] = string.Empty;
                return string.Concat(tokens);
            case 4:
                tokens[significant[random.Next(significant.Count)]] = Keywords[random.Next(Keywords.Length)];
                return string.Concat(tokens);
            case 5:
                if (significant.Count > 1)
                {
                    int k = random.Next(significant.Count - 1);
                    (tokens[significant[k]], tokens[significant[k + 1]]) = (tokens[significant[k + 1]], tokens[significant[k]]);
                }

                return string.Concat(tokens);
            default:
                return MutateLines(text, random);
        }
    }

    private static string MutateLines(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        int at = random.Next(lines.Count);
        switch (random.Next(4))
        {
            case 0:
                lines.Insert(at, lines[at]);
                break;
            case 1:
                if (lines.Count > 1) lines.RemoveAt(at);
                break;
            default:
                lines.Insert(at, Attributes[random.Next(Attributes.Length)]);
                break;
        }

        return string.Join("\n", lines);
    }

    private static bool IsTrivia(string token) => token.Length == 0 || char.IsWhiteSpace(token[0]) || token.StartsWith("//", StringComparison.Ordinal) || token.StartsWith("/*", StringComparison.Ordinal);

    private static bool IsName(string token) => char.IsLetter(token[0]) || token[0] == '%';
}
