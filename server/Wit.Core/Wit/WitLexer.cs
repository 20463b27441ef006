using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;

namespace Wit.Core.Wit;

/// <summary>
/// Turns WIT text into green tokens with trivia. Leading trivia is everything before a token; trailing trivia runs to
/// the end of the token's line (the line break included). Lexing never fails: an unexpected character becomes a
/// <see cref="SyntaxKind.BadToken"/>, an unterminated comment or string is closed by the end of the file, and each
/// problem is a diagnostic stored on the token it belongs to. The lexer has no modes, so it can restart at any token
/// boundary, which incremental reparsing relies on.
/// </summary>
internal sealed class WitLexer
{
    private readonly string _text;
    private int _position;
    private readonly List<GreenDiagnostic> _diagnostics = new();
    private int _tokenFullStart;
    private readonly GreenCache _cache = GreenCache.Instance;
    private readonly List<GreenTrivia> _triviaBuffer = new();

    public WitLexer(string text, int position)
    {
        _text = text;
        _position = position;
    }

    public int Position => _position;

    public GreenToken Next()
    {
        _diagnostics.Clear();
        _tokenFullStart = _position;
        var leading = ScanTrivia(trailing: false);
        int start = _position;
        var kind = ScanToken();
        string text = _cache.Intern(_text, start, _position - start);
        var trailing = kind == SyntaxKind.EndOfFileToken ? null : ScanTrivia(trailing: true);
        if (kind == SyntaxKind.IdentifierToken)
        {
            var keyword = SyntaxFacts.GetKeywordKind(text);
            if (keyword != SyntaxKind.IdentifierToken) kind = keyword;
        }

        if (_diagnostics.Count == 0) return _cache.Token(kind, text, leading, trailing);
        return new GreenToken(kind, text, leading, trailing, _diagnostics.ToArray());
    }

    private void Report(DiagnosticDescriptor descriptor, string message, int start, int length) =>
        _diagnostics.Add(new GreenDiagnostic(descriptor, message, start - _tokenFullStart, length));

    private char Peek(int ahead = 0) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private bool AtEnd => _position >= _text.Length;

    private GreenTrivia[]? ScanTrivia(bool trailing)
    {
        var trivia = _triviaBuffer;
        trivia.Clear();
        while (!AtEnd)
        {
            int start = _position;
            char c = _text[_position];
            SyntaxKind kind;
            if (c == '\n' || c == '\r')
            {
                _position += c == '\r' && Peek(1) == '\n' ? 2 : 1;
                kind = SyntaxKind.EndOfLineTrivia;
            }
            else if (c == ' ' || c == '\t' || c == '\uFEFF' && start == 0)
            {
                while (!AtEnd && (_text[_position] == ' ' || _text[_position] == '\t' || _text[_position] == '\uFEFF' && _position == 0)) _position++;
                kind = SyntaxKind.WhitespaceTrivia;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (!AtEnd && _text[_position] != '\n' && _text[_position] != '\r') _position++;
                bool doc = _position - start >= 3 && _text[start + 2] == '/' && (_position - start == 3 || _text[start + 3] != '/');
                kind = doc ? SyntaxKind.DocLineCommentTrivia : SyntaxKind.LineCommentTrivia;
                CheckForbidden(start, _position);
            }
            else if (c == '/' && Peek(1) == '*')
            {
                ScanBlockComment(start);
                int length = _position - start;
                bool doc = length >= 5 && _text[start + 2] == '*' && _text[start + 3] != '*' && _text[start + 3] != '/';
                kind = doc ? SyntaxKind.DocBlockCommentTrivia : SyntaxKind.BlockCommentTrivia;
                CheckForbidden(start, _position);
            }
            else
            {
                break;
            }

            trivia.Add(_cache.Trivia(kind, _cache.Intern(_text, start, _position - start)));
            if (trailing && kind == SyntaxKind.EndOfLineTrivia) break;
        }

        return _cache.TriviaArray(trivia);
    }

    private void ScanBlockComment(int start)
    {
        // Block comments nest; the depth is a counter, so any depth lexes in constant stack space.
        _position += 2;
        int depth = 1;
        while (depth > 0)
        {
            if (AtEnd)
            {
                Report(SyntaxDiagnostics.UnterminatedComment, "unterminated block comment", start, 2);
                return;
            }

            char c = _text[_position];
            if (c == '/' && Peek(1) == '*') { depth++; _position += 2; }
            else if (c == '*' && Peek(1) == '/') { depth--; _position += 2; }
            else _position++;
        }
    }

    private SyntaxKind ScanToken()
    {
        if (AtEnd) return SyntaxKind.EndOfFileToken;
        char c = _text[_position];
        int start = _position;
        switch (c)
        {
            case '(': _position++; return SyntaxKind.OpenParenToken;
            case ')': _position++; return SyntaxKind.CloseParenToken;
            case '=': _position++; return SyntaxKind.EqualsToken;
            case ',': _position++; return SyntaxKind.CommaToken;
            case ':': _position++; return SyntaxKind.ColonToken;
            case ';': _position++; return SyntaxKind.SemicolonToken;
            case '{': _position++; return SyntaxKind.OpenBraceToken;
            case '}': _position++; return SyntaxKind.CloseBraceToken;
            case '<': _position++; return SyntaxKind.LessThanToken;
            case '>': _position++; return SyntaxKind.GreaterThanToken;
            case '*': _position++; return SyntaxKind.StarToken;
            case '/': _position++; return SyntaxKind.SlashToken;
            case '.': _position++; return SyntaxKind.DotToken;
            case '@': _position++; return SyntaxKind.AtToken;
            case '+': _position++; return SyntaxKind.PlusToken;
            case '-':
                _position++;
                if (Peek() == '>') { _position++; return SyntaxKind.ArrowToken; }
                return SyntaxKind.MinusToken;
            case '"':
                ScanString(start);
                return SyntaxKind.StringToken;
            case '%':
                _position++;
                if (IsIdentifierStartAt(_position)) ScanIdentifierRest();
                return SyntaxKind.IdentifierToken;
        }

        if (c >= '0' && c <= '9')
        {
            while (!AtEnd && _text[_position] >= '0' && _text[_position] <= '9') _position++;
            return SyntaxKind.IntegerToken;
        }

        if (IsIdentifierStartAt(_position))
        {
            ScanIdentifierRest();
            return SyntaxKind.IdentifierToken;
        }

        // One unexpected character (a whole surrogate pair) becomes a bad token.
        _position += char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)) ? 2 : 1;
        string bad = _text.Substring(start, _position - start);
        if (IsForbidden(bad, 0)) Report(SyntaxDiagnostics.InvalidInputCharacter, $"{DescribeForbidden(bad, 0)} is not allowed in WIT text", start, _position - start);
        else Report(SyntaxDiagnostics.UnexpectedCharacter, $"unexpected character '{bad}'", start, _position - start);
        return SyntaxKind.BadToken;
    }

    private void ScanString(int start)
    {
        _position++;
        while (true)
        {
            if (AtEnd || _text[_position] == '\n' || _text[_position] == '\r')
            {
                Report(SyntaxDiagnostics.UnterminatedString, "unterminated string literal", start, 1);
                return;
            }

            char c = _text[_position];
            if (c == '"') { _position++; return; }
            if (c == '\\' && _position + 1 < _text.Length && _text[_position + 1] != '\n' && _text[_position + 1] != '\r') _position += 2;
            else _position++;
        }
    }

    private void ScanIdentifierRest()
    {
        while (!AtEnd)
        {
            char c = _text[_position];
            if (c == '-' || c == '_' || c < 0x80 && char.IsLetterOrDigit(c)) { _position++; continue; }
            if (c < 0x80) break;
            if (char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)))
            {
                if (!IsIdentifierContinue(CharUnicodeInfo.GetUnicodeCategory(_text, _position))) break;
                _position += 2;
                continue;
            }

            if (!IsIdentifierContinue(CharUnicodeInfo.GetUnicodeCategory(c))) break;
            _position++;
        }
    }

    private bool IsIdentifierStartAt(int position)
    {
        if (position >= _text.Length) return false;
        char c = _text[position];
        if (c < 0x80) return c == '_' || char.IsLetter(c);
        var category = char.IsHighSurrogate(c) && position + 1 < _text.Length
            ? CharUnicodeInfo.GetUnicodeCategory(_text, position)
            : CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
    }

    private static bool IsIdentifierContinue(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber or UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;

    /// <summary>
    /// The message for an invalid name, or null when it is valid. WIT names are kebab-case: words separated by single
    /// hyphens, each word starting with a letter and either all lowercase or all uppercase ASCII letters and digits.
    /// The parser checks names where they are used as names (not inside versions).
    /// </summary>
    public static string? IdentifierProblem(string name)
    {
        if (name.Length == 0) return "identifiers must have characters between '-'s";
        foreach (var part in name.Split('-'))
        {
            if (part.Length == 0) return "identifiers must have characters between '-'s";
            char first = part[0];
            if (first >= '0' && first <= '9') return $"identifier `{name}` must start each word with a letter, not a digit";
            bool lower = false, upper = false;
            foreach (char c in part)
            {
                if (c >= 'a' && c <= 'z') lower = true;
                else if (c >= 'A' && c <= 'Z') upper = true;
                else if (c >= '0' && c <= '9') { }
                else return $"invalid character in identifier '{c}'";
            }

            if (lower && upper) return $"identifier `{name}` mixes uppercase and lowercase letters in one word; use kebab-case";
            if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')) return $"invalid character in identifier '{first}'";
        }

        return null;
    }

    private void CheckForbidden(int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (IsForbidden(_text, i))
            {
                Report(SyntaxDiagnostics.InvalidInputCharacter, $"{DescribeForbidden(_text, i)} is not allowed in WIT text", i, 1);
                return;
            }
        }
    }

    /// <summary>Control codes other than tab, CR and LF, bidirectional overrides and deprecated code points, as wit-parser forbids them.</summary>
    private static bool IsForbidden(string text, int index)
    {
        char c = text[index];
        if (c == '\t' || c == '\n' || c == '\r') return false;
        if (char.IsControl(c)) return true;
        return c is '\u202a' or '\u202b' or '\u202c' or '\u202d' or '\u202e' or '\u2066' or '\u2067' or '\u2068' or '\u2069'
            or '\u0149' or '\u0673' or '\u0f77' or '\u0f79' or '\u17a3' or '\u17a4' or '\u17b4' or '\u17b5';
    }

    private static string DescribeForbidden(string text, int index)
    {
        char c = text[index];
        string code = $"'\\u{{{((int)c).ToString("x", CultureInfo.InvariantCulture)}}}'";
        if (char.IsControl(c)) return $"control code {code}";
        if (c >= '\u2066' || c >= '\u202a' && c <= '\u202e') return $"bidirectional override codepoint {code}";
        return $"codepoint {code}, which Unicode discourages,";
    }

    internal static string Unescape(string literal, StringBuilder? builder = null)
    {
        builder ??= new StringBuilder();
        builder.Clear();
        int end = literal.Length > 1 && literal[literal.Length - 1] == '"' ? literal.Length - 1 : literal.Length;
        for (int i = 1; i < end; i++)
        {
            char c = literal[i];
            if (c != '\\' || i + 1 >= end) { builder.Append(c); continue; }
            char e = literal[++i];
            switch (e)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case '\\': builder.Append('\\'); break;
                case '"': builder.Append('"'); break;
                case '\'': builder.Append('\''); break;
                default: builder.Append('\\').Append(e); break;
            }
        }

        return builder.ToString();
    }
}
