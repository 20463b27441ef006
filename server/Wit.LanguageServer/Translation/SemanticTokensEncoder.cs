using System;
using System.Collections.Generic;
using Wit.Core.Text;
using Wit.Ide.SemanticTokens;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Translation;

/// <summary>
/// LSP's relative encoding of semantic tokens (five integers per token: line delta, start delta, length, type,
/// modifiers) and the delta between two encodings. The only place that knows the encoding; the IDE layer gives plain
/// tokens with absolute offsets (<see cref="SemanticToken"/>).
/// </summary>
internal static class SemanticTokensEncoder
{
    /// <summary>Encodes <paramref name="tokens"/> of <paramref name="text"/> with LSP positions (UTF-16, zero-based).</summary>
    public static int[] Encode(IReadOnlyList<SemanticToken> tokens, SourceText text) =>
        Encode(tokens, offset =>
        {
            var position = LspTranslator.ToPosition(text, offset);
            return (position.Line, position.Character);
        });

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
    public static SemanticTokensEdit[] Delta(int[] previous, int[] current)
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
        return new[] { new SemanticTokensEdit { Start = start, DeleteCount = deleteCount, Data = data } };
    }

    private static bool SameToken(int[] a, int tokenA, int[] b, int tokenB) =>
        a.AsSpan(tokenA * 5, 5).SequenceEqual(b.AsSpan(tokenB * 5, 5));
}
