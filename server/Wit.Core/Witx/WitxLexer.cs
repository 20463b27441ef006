using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;

namespace Wit.Core.Witx;

/// <summary>
/// Turns WITX text (the s-expression syntax of the witx crate, itself borrowed from the WebAssembly text format) into
/// green tokens with trivia. Leading trivia is everything before a token; trailing trivia runs to the end of the
/// token's line (the line break included), as in the WIT lexer. Lexing never fails: a character that cannot start a
/// token becomes a <see cref="SyntaxKind.BadToken"/>, an unterminated string ends at the end of its line, an
/// unterminated block comment at the end of the file, and each problem is a diagnostic on the token it belongs to. The
/// lexer has no modes and looks at most two characters past a token's trivia, so incremental reparsing can restart it
/// at any token boundary.
/// </summary>
internal sealed class WitxLexer
{
    private readonly string _text;
    private int _position;
    private readonly List<GreenDiagnostic> _diagnostics = new();
    private int _tokenFullStart;

    public WitxLexer(string text, int position)
    {
        _text = text;
        _position = position;
    }

    /// <summary>Where the next token's leading trivia starts.</summary>
    public int Position => _position;

    public GreenToken Next()
    {
        _diagnostics.Clear();
        _tokenFullStart = _position;
        var leading = ScanTrivia(trailing: false);
        int start = _position;
        var kind = ScanToken();
        string text = _text.Substring(start, _position - start);
        var trailing = kind == SyntaxKind.EndOfFileToken ? null : ScanTrivia(trailing: true);
        return new GreenToken(kind, text, leading, trailing, _diagnostics.Count == 0 ? null : _diagnostics.ToArray());
    }

    /// <summary>
    /// The characters the WebAssembly text format allows in keywords, identifiers and numbers; a maximal run of them
    /// is one atom.
    /// </summary>
    public static bool IsIdChar(char c) =>
        c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c switch
        {
            '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '/' or ':' or '<' or '=' or '>' or '?'
                or '@' or '\\' or '^' or '_' or '`' or '|' or '~' => true,
            _ => false,
        };

    private void Report(DiagnosticMessage message, int start, int length) =>
        _diagnostics.Add(new GreenDiagnostic(message, start - _tokenFullStart, length));

    private char Peek(int ahead = 0) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private bool AtEnd => _position >= _text.Length;

    private GreenTrivia[]? ScanTrivia(bool trailing)
    {
        List<GreenTrivia>? trivia = null;
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
            else if (IsWhitespace(c, _position))
            {
                while (!AtEnd && IsWhitespace(_text[_position], _position)) _position++;
                kind = SyntaxKind.WhitespaceTrivia;
            }
            else if (c == ';' && Peek(1) == ';')
            {
                while (!AtEnd && _text[_position] != '\n' && _text[_position] != '\r') _position++;
                // Three semicolons start a doc comment; four or more are a plain comment, as in WIT.
                bool doc = _position - start >= 3 && _text[start + 2] == ';' && (_position - start == 3 || _text[start + 3] != ';');
                kind = doc ? SyntaxKind.DocLineCommentTrivia : SyntaxKind.LineCommentTrivia;
            }
            else if (c == '(' && Peek(1) == ';')
            {
                ScanBlockComment(start);
                kind = SyntaxKind.BlockCommentTrivia;
            }
            else
            {
                break;
            }

            (trivia ??= new List<GreenTrivia>()).Add(new GreenTrivia(kind, _text.Substring(start, _position - start)));
            if (trailing && kind == SyntaxKind.EndOfLineTrivia) break;
        }

        return trivia?.ToArray();
    }

    /// <summary>
    /// Whether the character at <paramref name="position"/> starts no token and no trivia, and so continues a run of
    /// unexpected characters. Line breaks and control characters end a run, so each line's run is its own.
    /// </summary>
    private static bool StartsNothing(char c, int position) =>
        !IsIdChar(c) && c != '(' && c != ')' && c != '"' && c != ';' && c != '\n' && c != '\r' && !IsWhitespace(c, position) && !char.IsControl(c);

    // A byte order mark is whitespace only at the very start of the text, where editors put it.
    private static bool IsWhitespace(char c, int position) => c == ' ' || c == '\t' || c == '\uFEFF' && position == 0;

    private void ScanBlockComment(int start)
    {
        // Block comments nest; the depth is a counter, so any depth lexes in constant stack space.
        _position += 2;
        int depth = 1;
        while (depth > 0)
        {
            if (AtEnd)
            {
                Report(WitxSyntaxDiagnostics.UnterminatedComment(), start, 2);
                return;
            }

            char c = _text[_position];
            if (c == '(' && Peek(1) == ';') { depth++; _position += 2; }
            else if (c == ';' && Peek(1) == ')') { depth--; _position += 2; }
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
            case '"':
                ScanString(start);
                return SyntaxKind.WitxStringToken;
        }

        if (IsIdChar(c))
        {
            while (!AtEnd && IsIdChar(_text[_position])) _position++;
            return ClassifyAtom(start);
        }

        // A run of unexpected characters becomes one bad token with one diagnostic, which names the first character
        // (a whole surrogate pair): a long stretch of them would otherwise give a diagnostic per character. Spaces end
        // a run: a token whose extent depended on the text after the spaces broke the incremental reparse's reuse.
        _position += char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)) ? 2 : 1;
        int first = _position - start;
        while (!AtEnd && StartsNothing(_text[_position], _position)) _position++;

        Report(WitxSyntaxDiagnostics.UnexpectedCharacter(DescribeCharacter(_text.Substring(start, first))), start, _position - start);
        return SyntaxKind.BadToken;
    }

    private SyntaxKind ClassifyAtom(int start)
    {
        int length = _position - start;
        char first = _text[start];
        if (first == '$')
        {
            if (length == 1) Report(WitxSyntaxDiagnostics.EmptyIdentifier(), start, 1);
            return SyntaxKind.WitxIdentifierToken;
        }

        if (first == '@') return SyntaxKind.WitxAnnotationToken;
        bool signed = first == '+' || first == '-';
        char digit = signed ? (length > 1 ? _text[start + 1] : '\0') : first;
        if (digit < '0' || digit > '9') return SyntaxKind.WitxKeywordToken;
        string text = _text.Substring(start, length);
        if (!TryParseMagnitude(start + (signed ? 1 : 0), _position, out ulong magnitude, out bool overflow))
        {
            Report(WitxSyntaxDiagnostics.InvalidInteger(text), start, length);
        }
        else if (overflow || first == '-' && magnitude > 1UL << 63)
        {
            Report(WitxSyntaxDiagnostics.IntegerTooLarge(text), start, length);
        }

        return SyntaxKind.WitxIntegerToken;
    }

    /// <summary>
    /// Reads decimal or <c>0x</c> hexadecimal digits, with single underscores allowed between digits; false when the
    /// text is not such a number, <paramref name="overflow"/> when its value does not fit in 64 bits.
    /// </summary>
    private bool TryParseMagnitude(int start, int end, out ulong magnitude, out bool overflow)
    {
        magnitude = 0;
        overflow = false;
        bool hex = end - start > 2 && _text[start] == '0' && _text[start + 1] == 'x';
        ulong radix = hex ? 16UL : 10UL;
        bool previousWasDigit = false;
        for (int i = hex ? start + 2 : start; i < end; i++)
        {
            char c = _text[i];
            if (c == '_')
            {
                if (!previousWasDigit || i + 1 == end) return false;
                previousWasDigit = false;
                continue;
            }

            bool isDigit = c >= '0' && c <= '9' || hex && IsHexDigit(c);
            if (!isDigit) return false;
            previousWasDigit = true;
            ulong digit = (ulong)HexValue(c);
            if (magnitude > (ulong.MaxValue - digit) / radix) overflow = true;
            else magnitude = magnitude * radix + digit;
        }

        return previousWasDigit;
    }

    private void ScanString(int start)
    {
        _position++;
        while (true)
        {
            if (AtEnd || _text[_position] == '\n' || _text[_position] == '\r')
            {
                Report(WitxSyntaxDiagnostics.UnterminatedString(), start, _position - start);
                return;
            }

            char c = _text[_position];
            if (c == '"') { _position++; return; }
            if (c != '\\') { _position++; continue; }
            int escapeStart = _position;
            int length = EscapeLength(_position);
            if (length == 0)
            {
                // A backslash at the end of the line or file leaves the string unterminated; the loop reports it.
                _position++;
                continue;
            }

            if (length < 0)
            {
                length = -length;
                Report(WitxSyntaxDiagnostics.InvalidEscape(_text.Substring(escapeStart, length)), escapeStart, length);
            }

            _position += length;
        }
    }

    /// <summary>
    /// The length of the escape sequence at <paramref name="index"/> (a backslash): positive when valid, negative when
    /// invalid (its magnitude is how much to skip), zero when the backslash ends the line or the file.
    /// </summary>
    private int EscapeLength(int index)
    {
        if (index + 1 >= _text.Length) return 0;
        char e = _text[index + 1];
        switch (e)
        {
            case '\n':
            case '\r':
                return 0;
            case 't':
            case 'n':
            case 'r':
            case '"':
            case '\'':
            case '\\':
                return 2;
            case 'u':
                int i = index + 2;
                if (i >= _text.Length || _text[i] != '{') return -2;
                i++;
                int digits = 0;
                long value = 0;
                while (i < _text.Length && IsHexDigit(_text[i]))
                {
                    if (value <= 0x10FFFF) value = value * 16 + HexValue(_text[i]);
                    digits++;
                    i++;
                }

                bool closed = i < _text.Length && _text[i] == '}';
                int length = i - index + (closed ? 1 : 0);
                bool valid = closed && digits > 0 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
                return valid ? length : -length;
            default:
                if (IsHexDigit(e) && index + 2 < _text.Length && IsHexDigit(_text[index + 2])) return 3;
                // Keep a surrogate pair together so the reported escape is a whole character.
                return char.IsHighSurrogate(e) && index + 2 < _text.Length && char.IsLowSurrogate(_text[index + 2]) ? -3 : -2;
        }
    }

    private static bool IsHexDigit(char c) => c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static string DescribeCharacter(string text)
    {
        char c = text[0];
        if (text.Length == 1 && (char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c == '\uFEFF'))
        {
            return $"'\\u{{{((int)c).ToString("x", CultureInfo.InvariantCulture)}}}'";
        }

        return $"'{text}'";
    }

    /// <summary>The value of a string literal's text, escapes decoded; an invalid escape is kept as written.</summary>
    internal static string Unescape(string literal)
    {
        var builder = new StringBuilder(literal.Length);
        int end = literal.Length > 1 && literal[literal.Length - 1] == '"' ? literal.Length - 1 : literal.Length;
        for (int i = 1; i < end; i++)
        {
            char c = literal[i];
            if (c != '\\' || i + 1 >= end) { builder.Append(c); continue; }
            char e = literal[i + 1];
            switch (e)
            {
                case 't': builder.Append('\t'); i++; continue;
                case 'n': builder.Append('\n'); i++; continue;
                case 'r': builder.Append('\r'); i++; continue;
                case '"': builder.Append('"'); i++; continue;
                case '\'': builder.Append('\''); i++; continue;
                case '\\': builder.Append('\\'); i++; continue;
            }

            if (e == 'u' && i + 2 < end && literal[i + 2] == '{')
            {
                int close = literal.IndexOf('}', i + 3);
                if (close > i + 3 && close < end && int.TryParse(literal.Substring(i + 3, close - i - 3), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code)
                    && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF))
                {
                    builder.Append(char.ConvertFromUtf32(code));
                    i = close;
                    continue;
                }
            }
            else if (IsHexDigit(e) && i + 2 < end && IsHexDigit(literal[i + 2]))
            {
                // A two-digit escape is one byte; bytes of a multi-byte UTF-8 sequence are decoded together.
                var bytes = new List<byte>();
                int j = i;
                while (j + 2 < end && literal[j] == '\\' && IsHexDigit(literal[j + 1]) && IsHexDigit(literal[j + 2]))
                {
                    bytes.Add((byte)(HexValue(literal[j + 1]) * 16 + HexValue(literal[j + 2])));
                    j += 3;
                }

                builder.Append(Encoding.UTF8.GetString(bytes.ToArray()));
                i = j - 1;
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
