using System;
using System.Collections.Generic;

namespace Wit.Ide.SemanticTokens;

/// <summary>
/// LSP's relative encoding of semantic tokens (five integers per token: line delta, start delta, length, type,
/// modifiers) and the delta between two encodings. The only place that knows the encoding; the line and column of an
/// offset come from the caller, in whatever position encoding the client negotiated.
/// </summary>
public static class SemanticTokensEncoder
{
    /// <summary>
    /// Encodes <paramref name="tokens"/> (single-line, in document order) given <paramref name="position"/>, which
    /// maps an offset to its zero-based line and column. A token's length is measured in columns, so a UTF-8 client
    /// gets UTF-8 lengths.
    /// </summary>
    public static int[] Encode(IReadOnlyList<SemanticToken> tokens, Func<int, (int Line, int Character)> position)
    {
        var data = new int[tokens.Count * 5];
        int previousLine = 0, previousCharacter = 0, count = 0;
        foreach (var token in tokens)
        {
            var (line, character) = position(token.Start);
            var end = position(token.Start + token.Length);
            int length = end.Line == line ? end.Character - character : token.Length;
            if (line < previousLine || (line == previousLine && character < previousCharacter && count > 0)) continue;
            int at = count * 5;
            data[at] = line - previousLine;
            data[at + 1] = line == previousLine ? character - previousCharacter : character;
            data[at + 2] = length;
            data[at + 3] = token.TokenType;
            data[at + 4] = token.Modifiers;
            previousLine = line;
            previousCharacter = character;
            count++;
        }

        return count * 5 == data.Length ? data : data.AsSpan(0, count * 5).ToArray();
    }

    /// <summary>
    /// The edits that turn <paramref name="previous"/> into <paramref name="current"/>: none when they are equal,
    /// otherwise one edit replacing what lies between their longest common prefix and suffix (both measured in whole
    /// five-integer tokens, so an edit never splits a token).
    /// </summary>
    public static IReadOnlyList<SemanticTokensEdit> Delta(int[] previous, int[] current)
    {
        int previousTokens = previous.Length / 5, currentTokens = current.Length / 5;
        int prefix = 0;
        while (prefix < previousTokens && prefix < currentTokens && SameToken(previous, prefix, current, prefix)) prefix++;
        if (prefix == previousTokens && prefix == currentTokens && previous.Length == current.Length) return Array.Empty<SemanticTokensEdit>();
        int suffix = 0;
        while (suffix < previousTokens - prefix && suffix < currentTokens - prefix
               && SameToken(previous, previousTokens - 1 - suffix, current, currentTokens - 1 - suffix))
        {
            suffix++;
        }

        int start = prefix * 5;
        int deleteCount = previous.Length - start - suffix * 5;
        var data = current.AsSpan(start, current.Length - start - suffix * 5).ToArray();
        return new[] { new SemanticTokensEdit(start, deleteCount, data) };
    }

    private static bool SameToken(int[] a, int tokenA, int[] b, int tokenB) =>
        a.AsSpan(tokenA * 5, 5).SequenceEqual(b.AsSpan(tokenB * 5, 5));
}
