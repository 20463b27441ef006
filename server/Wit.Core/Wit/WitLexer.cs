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

    /// <summary>Where lexing stops: the end of the text, or of the part of it a segment parser reads.</summary>
    private readonly int _end;

    public WitLexer(string text, int position)
        : this(text, position, text.Length)
    {
    }

    /// <summary>A lexer over <c>text[position..end)</c>: the end of the file is at <paramref name="end"/>.</summary>
    public WitLexer(string text, int position, int end)
    {
        _text = text;
        _position = position;
        _end = end;
    }

    public int Position => _position;

    /// <summary>Goes on lexing at <paramref name="position"/>, a token boundary (the lexer has no modes to restore).</summary>
    public void Seek(int position) => _position = position;

    public GreenToken Next()
    {
        if (_diagnostics.Count != 0) _diagnostics.Clear();
        _tokenFullStart = _position;
        var leading = ScanTrivia(trailing: false);
        int start = _position;
        var kind = ScanToken();
        string text;
        uint hash;
        int length = _position - start;
        if (kind == SyntaxKind.IdentifierToken && SyntaxFacts.GetKeywordKind(_text, start, length) is var keyword && keyword != SyntaxKind.IdentifierToken) kind = keyword;
        if (GreenCache.FixedText(kind) is { } fixedText)
        {
            // Punctuation and keywords have one spelling: no substring, no hashing, no table lookup.
            text = fixedText;
            hash = GreenCache.FixedTextHash(kind);
        }
        else
        {
            text = _cache.Intern(_text, start, length, out hash);
        }

        var trailing = kind == SyntaxKind.EndOfFileToken ? null : ScanTrivia(trailing: true);
        if (_diagnostics.Count == 0) return _cache.Token(kind, text, hash, leading, trailing);
        return new GreenToken(kind, text, leading, trailing, _diagnostics.ToArray());
    }

    private void Report(DiagnosticMessage message, int start, int length) =>
        _diagnostics.Add(new GreenDiagnostic(message, start - _tokenFullStart, length));

    private char Peek(int ahead = 0) => _position + ahead < _end ? _text[_position + ahead] : '\0';

    private bool AtEnd
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get => _position >= _end;
    }

    /// <summary>
    /// The trivia at the position: leading trivia runs up to the next token, trailing trivia up to and including the
    /// line break. Most tokens have none or one piece (a space, a line break), which take no list.
    /// </summary>
    private GreenTrivia[]? ScanTrivia(bool trailing)
    {
        // Most tokens are followed by nothing, one space or (trailing) a line break, before a token: no scan, no lookup.
        string text = _text;
        int position = _position;
        if (position >= _end) return null;
        char c = text[position];
        if (!MayStartTrivia(c)) return null;
        if (position + 1 < _end && !MayStartTrivia(text[position + 1]))
        {
            if (c == ' ')
            {
                _position = position + 1;
                return SingleSpace;
            }

            if (c == '\n')
            {
                _position = position + 1;
                return SingleLineFeed;
            }
        }
        else if (trailing && c == '\n')
        {
            _position = position + 1;
            return SingleLineFeed;
        }

        var first = ScanOneTrivia(SyntaxKind.None);
        if (first is null) return null;
        if (trailing && first.Kind == SyntaxKind.EndOfLineTrivia || AtEnd || !MayStartTrivia(_text[_position])) return _cache.TriviaArray(first);
        var trivia = _triviaBuffer;
        trivia.Clear();
        trivia.Add(first);
        while (!(trailing && trivia[trivia.Count - 1].Kind == SyntaxKind.EndOfLineTrivia) && ScanOneTrivia(trivia[trivia.Count - 1].Kind) is { } next) trivia.Add(next);
        return _cache.TriviaArray(trivia);
    }

    private static readonly GreenTrivia[] SingleSpace = GreenCache.Spaces(1)!.Singleton!;

    private static readonly GreenTrivia[] SingleLineFeed = GreenCache.LineFeed.Singleton!;

    /// <summary>Whether <paramref name="c"/> may start trivia (a cheap test that lets most tokens skip the trivia scan).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool MayStartTrivia(char c) => c <= ' ' || c == '/' || c == '\uFEFF';

    /// <summary>One piece of trivia at the position, or null; <paramref name="previous"/> is the kind of the piece before it in the same list.</summary>
    private GreenTrivia? ScanOneTrivia(SyntaxKind previous)
    {
        if (AtEnd) return null;
        int start = _position;
        char c = _text[_position];
        SyntaxKind kind;
        if (c == '\n')
        {
            _position++;
            return GreenCache.LineFeed;
        }

        if (c == '\r' && Peek(1) == '\n')
        {
            // wit-parser folds CRLF into one line break, but a lone CR is an unexpected character.
            _position += 2;
            return GreenCache.CarriageReturnLineFeed;
        }

        if (c == ' ' || c == '\t' || c == '\uFEFF' && start == 0)
        {
            bool spaces = c == ' ';
            _position++;
            while (!AtEnd && (_text[_position] == ' ' || _text[_position] == '\t'))
            {
                spaces &= _text[_position] == ' ';
                _position++;
            }

            // Indentation and the space between tokens: runs of spaces are shared by every parse.
            if (spaces && GreenCache.Spaces(_position - start) is { } shared) return shared;
            kind = SyntaxKind.WhitespaceTrivia;
        }
        else if (c == '\r' && previous is SyntaxKind.LineCommentTrivia or SyntaxKind.DocLineCommentTrivia)
        {
            while (!AtEnd && _text[_position] == '\r' && Peek(1) != '\n') _position++;
            kind = SyntaxKind.WhitespaceTrivia;
        }
        else if (c == '/' && Peek(1) == '/')
        {
            while (!AtEnd && _text[_position] != '\n' && !(_text[_position] == '\r' && Peek(1) == '\n')) _position++;

            // Carriage returns just before the line break are inside the comment for wit-parser; they are kept
            // out of its text (as whitespace, below), so the comment reads the same once a line break is rewritten.
            while (_position > start + 2 && _text[_position - 1] == '\r') _position--;
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
            return null;
        }

        string text = _cache.Intern(_text, start, _position - start, out uint hash);
        return _cache.Trivia(kind, text, hash);
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
                Report(SyntaxDiagnostics.UnterminatedComment(), start, 2);
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
                if (IsIdentifierStartAt(_position) && ScanIdentifierRest()) CheckForbidden(start, _position);
                return SyntaxKind.IdentifierToken;
        }

        if (c >= '0' && c <= '9')
        {
            while (!AtEnd && _text[_position] >= '0' && _text[_position] <= '9') _position++;
            return SyntaxKind.IntegerToken;
        }

        if (IsIdentifierStartAt(_position))
        {
            // Some discouraged codepoints are letters or marks, so a name can hold them (never an ASCII one).
            if (ScanIdentifierRest() || c >= 0x80) CheckForbidden(start, _position);
            return SyntaxKind.IdentifierToken;
        }

        // One unexpected character (a whole surrogate pair) becomes a bad token. A run of unexpected characters that
        // are not forbidden becomes one bad token with one diagnostic, which names the first: a long stretch of them
        // would otherwise give a diagnostic per character. Spaces end a run (see WitxLexer).
        _position += char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)) ? 2 : 1;
        string bad = _text.Substring(start, _position - start);
        if (IsForbidden(bad, 0))
        {
            Report(DescribeForbidden(bad, 0), start, _position - start);
            return SyntaxKind.BadToken;
        }

        while (!AtEnd && StartsNothingAt(_position)) _position += char.IsHighSurrogate(_text[_position]) && char.IsLowSurrogate(Peek(1)) ? 2 : 1;

        Report(SyntaxDiagnostics.UnexpectedCharacter(QuoteCharacter(bad, 0)), start, _position - start);
        return SyntaxKind.BadToken;
    }

    /// <summary>
    /// Scans a string literal, checking it as wit-parser does: escapes (<c>\"</c>, <c>\'</c>, <c>\t</c>, <c>\n</c>,
    /// <c>\r</c>, <c>\\</c>, <c>\u{hex}</c>, two hex digits for one byte), no control characters, and valid UTF-8
    /// once the byte escapes are in. Only the first problem is reported. A line break ends the literal (wit-parser
    /// reads on, but stopping there keeps the rest of the file out of the string).
    /// </summary>
    private void ScanString(int start)
    {
        _position++;
        _stringReported = false;
        var bytes = new List<byte>();
        while (true)
        {
            if (AtEnd)
            {
                ReportInString(SyntaxDiagnostics.UnexpectedEndOfFile(), _end, 0);
                return;
            }

            char c = _text[_position];
            if (IsLineBreakAt(_position))
            {
                ReportInString(SyntaxDiagnostics.NewlineInString(), _position, 1);
                return;
            }

            if (c == '"')
            {
                _position++;
                if (Utf8Problem(bytes) is { } problem) ReportInString(SyntaxDiagnostics.InvalidUtf8(problem), start, 1);
                return;
            }

            if (c == '\\')
            {
                _position++;
                ScanEscape(bytes);
                continue;
            }

            if (IsForbidden(_text, _position)) ReportInString(DescribeForbidden(_text, _position), _position, 1);
            else if (c < 0x20 || c == 0x7f) ReportInString(SyntaxDiagnostics.InvalidStringCharacter(QuoteCharacter(_text, _position)), _position, 1);
            AppendUtf8(bytes, _position);
            _position += char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)) ? 2 : 1;
        }
    }

    private bool _stringReported;

    private void ReportInString(DiagnosticMessage message, int start, int length)
    {
        if (_stringReported) return;
        _stringReported = true;
        Report(message, start, length);
    }

    private bool IsLineBreakAt(int position) =>
        position < _end && (_text[position] == '\n' || _text[position] == '\r' && position + 1 < _end && _text[position + 1] == '\n');

    /// <summary>The escape after a backslash. A line break or the end of the file is left for the string loop.</summary>
    private void ScanEscape(List<byte> bytes)
    {
        if (AtEnd || IsLineBreakAt(_position)) return;
        int at = _position;
        char e = _text[_position];
        if (e is '"' or '\'' or 't' or 'n' or 'r' or '\\')
        {
            _position++;
            bytes.Add((byte)'?');
            return;
        }

        if (e == 'u')
        {
            _position++;
            if (!ExpectInEscape('{')) return;
            if (!ScanHexNumber(out long value)) return;
            if (value > 0x10FFFF || value >= 0xD800 && value <= 0xDFFF)
            {
                ReportInString(SyntaxDiagnostics.InvalidUnicodeValue(value), at, 1);
            }
            else
            {
                foreach (byte b in Encoding.UTF8.GetBytes(char.ConvertFromUtf32((int)value))) bytes.Add(b);
            }

            ExpectInEscape('}');
            return;
        }

        if (IsHexDigit(e))
        {
            _position++;
            if (!ScanHexDigit(out int low)) return;
            bytes.Add((byte)(HexValue(e) * 16 + low));
            return;
        }

        ReportInString(SyntaxDiagnostics.InvalidStringEscape(QuoteCharacter(_text, _position)), _position, 1);
        _position += char.IsHighSurrogate(e) && char.IsLowSurrogate(Peek(1)) ? 2 : 1;
    }

    /// <summary>Consumes <paramref name="expected"/>; otherwise reports and consumes the character unless it ends the string.</summary>
    private bool ExpectInEscape(char expected)
    {
        if (AtEnd || IsLineBreakAt(_position))
        {
            if (AtEnd) ReportInString(SyntaxDiagnostics.UnexpectedEndOfFile(), _end, 0);
            return false;
        }

        if (_text[_position] == expected)
        {
            _position++;
            return true;
        }

        ReportInString(SyntaxDiagnostics.ExpectedCharacter(expected.ToString()), _position, 1);
        if (_text[_position] != '"') _position++;
        return false;
    }

    private bool ScanHexDigit(out int value)
    {
        value = 0;
        if (AtEnd || IsLineBreakAt(_position))
        {
            if (AtEnd) ReportInString(SyntaxDiagnostics.UnexpectedEndOfFile(), _end, 0);
            return false;
        }

        char c = _text[_position];
        if (!IsHexDigit(c))
        {
            ReportInString(SyntaxDiagnostics.InvalidHexDigit(QuoteCharacter(_text, _position)), _position, 1);
            if (c != '"') _position += char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)) ? 2 : 1;
            return false;
        }

        _position++;
        value = HexValue(c);
        return true;
    }

    /// <summary>The digits of <c>\u{...}</c>: hex digits and underscores (not last), at most a u32.</summary>
    private bool ScanHexNumber(out long value)
    {
        int first = _position;
        if (!ScanHexDigit(out int digit))
        {
            value = 0;
            return false;
        }

        value = digit;
        bool lastUnderscore = false;
        while (true)
        {
            if (!AtEnd && _text[_position] == '_')
            {
                lastUnderscore = true;
                _position++;
                continue;
            }

            if (AtEnd)
            {
                ReportInString(SyntaxDiagnostics.UnexpectedEndOfFile(), _end, 0);
                return false;
            }

            char c = _text[_position];
            if (!IsHexDigit(c)) break;
            lastUnderscore = false;
            value = value * 16 + HexValue(c);
            if (value > uint.MaxValue)
            {
                ReportInString(SyntaxDiagnostics.EscapeNumberTooLarge(), _position, 1);
                while (!AtEnd && (IsHexDigit(_text[_position]) || _text[_position] == '_')) _position++;
                return false;
            }

            _position++;
        }

        if (lastUnderscore)
        {
            ReportInString(SyntaxDiagnostics.TrailingUnderscore(), first, 1);
            return false;
        }

        return true;
    }

    private static bool IsHexDigit(char c) => c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private void AppendUtf8(List<byte> bytes, int position)
    {
        int length = char.IsHighSurrogate(_text[position]) && position + 1 < _end && char.IsLowSurrogate(_text[position + 1]) ? 2 : 1;
        bytes.AddRange(Encoding.UTF8.GetBytes(_text.Substring(position, length)));
    }

    /// <summary>What Rust's <c>Utf8Error</c> says about <paramref name="bytes"/>, or null when they are valid UTF-8.</summary>
    private static string? Utf8Problem(List<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Count)
        {
            int first = bytes[i];
            if (first < 0x80)
            {
                i++;
                continue;
            }

            int width = first >= 0xC2 && first <= 0xDF ? 2 : first >= 0xE0 && first <= 0xEF ? 3 : first >= 0xF0 && first <= 0xF4 ? 4 : 0;
            if (width == 0) return $"invalid utf-8 sequence of 1 bytes from index {i}";
            for (int k = 1; k < width; k++)
            {
                if (i + k >= bytes.Count) return $"incomplete utf-8 byte sequence from index {i}";
                int next = bytes[i + k];
                int low = 0x80, high = 0xBF;
                if (k == 1 && first == 0xE0) low = 0xA0;
                else if (k == 1 && first == 0xED) high = 0x9F;
                else if (k == 1 && first == 0xF0) low = 0x90;
                else if (k == 1 && first == 0xF4) high = 0x8F;
                if (next < low || next > high) return $"invalid utf-8 sequence of {k} bytes from index {i}";
            }

            i += width;
        }

        return null;
    }

    /// <summary>
    /// Scans the rest of a name. Returns whether it holds a character beyond ASCII (only those can be forbidden, see
    /// <see cref="CheckForbidden"/>).
    /// </summary>
    private bool ScanIdentifierRest()
    {
        string text = _text;
        int position = _position;
        int end = _end;
        while (position < end && text[position] < 0x80 && IsAsciiNameCharacter(text[position])) position++;
        _position = position;
        if (position >= end || text[position] < 0x80) return false;
        ScanIdentifierRestBeyondAscii();
        return true;
    }

    /// <summary>Whether an ASCII character continues a name: a letter, a digit, <c>-</c> or <c>_</c> (one table read).</summary>
    private static bool IsAsciiNameCharacter(char c) => AsciiNameCharacters[c] != 0;

    /// <summary>1 for the ASCII characters that continue a name (<see cref="IsAsciiNameCharacter"/>), by code.</summary>
#if NET
    private static System.ReadOnlySpan<byte> AsciiNameCharacters => new byte[]
#else
    private static readonly byte[] AsciiNameCharacters = new byte[]
#endif
    {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    };

    private void ScanIdentifierRestBeyondAscii()
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

    /// <summary>
    /// Whether the character at <paramref name="position"/> starts no token and no trivia and is not forbidden, and so
    /// continues a run of unexpected characters. ASCII control characters (a bare CR among them) end a run.
    /// </summary>
    private bool StartsNothingAt(int position)
    {
        char c = _text[position];
        if (c < 0x80)
        {
            return !char.IsControl(c) && c != ' ' && "()=,:;{}<>*/.@+-\"%".IndexOf(c) < 0 && !(c >= '0' && c <= '9') && !IsIdentifierStartAt(position);
        }

        return !IsIdentifierStartAt(position) && !IsForbidden(_text, position);
    }

    private bool IsIdentifierStartAt(int position)
    {
        if (position >= _end) return false;
        char c = _text[position];
        if (c < 0x80) return c == '_' || char.IsLetter(c);
        var category = char.IsHighSurrogate(c) && position + 1 < _end
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
    /// The message for an invalid name, or null when it is valid, as wit-parser checks names: words separated by
    /// single hyphens, the first word starting with an ASCII letter, each word all lowercase or all uppercase ASCII
    /// letters and digits (the character that breaks a rule is named). The parser checks names where they are used
    /// as names (not inside versions).
    /// </summary>
    public static DiagnosticMessage? IdentifierProblem(string name)
    {
        if (name.Length == 0) return SyntaxDiagnostics.EmptyIdentifierPart();
        int partStart = 0;
        bool? upper = null;
        for (int i = 0; i <= name.Length; i++)
        {
            if (i == name.Length || name[i] == '-')
            {
                if (i == partStart) return SyntaxDiagnostics.EmptyIdentifierPart();
                partStart = i + 1;
                upper = null;
                continue;
            }

            char c = name[i];
            if (i == 0 && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) return SyntaxDiagnostics.InvalidIdentifierCharacter(QuoteCharacter(name, i));
            if (c >= '0' && c <= '9') continue;
            bool isUpper = c >= 'A' && c <= 'Z';
            if (!isUpper && !(c >= 'a' && c <= 'z') || upper is { } wasUpper && wasUpper != isUpper)
            {
                return SyntaxDiagnostics.InvalidIdentifierCharacter(QuoteCharacter(name, i));
            }

            upper = isUpper;
        }

        return null;
    }

    private void CheckForbidden(int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            // Printable ASCII, nearly every character of names and comments, is never forbidden.
            char c = _text[i];
            if (c >= ' ' && c < '\u007f') continue;
            if (IsForbidden(_text, i))
            {
                Report(DescribeForbidden(_text, i), i, 1);
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

    /// <summary>
    /// wit-parser's message for a forbidden character. Its messages for bidirectional overrides and discouraged code
    /// points print the debug form of Rust's <c>EscapeUnicode</c>; we print the same text so the messages agree.
    /// </summary>
    private static DiagnosticMessage DescribeForbidden(string text, int index)
    {
        char c = text[index];
        string code = $"'\\u{{{((int)c).ToString("x", CultureInfo.InvariantCulture)}}}'";
        if (char.IsControl(c)) return SyntaxDiagnostics.ControlCode(code);
        if (c >= '\u2066' || c >= '\u202a' && c <= '\u202e') return SyntaxDiagnostics.BidirectionalOverride(code);
        return SyntaxDiagnostics.DiscouragedCodepoint(code);
    }

    /// <summary>A character quoted as Rust's <c>{:?}</c> prints it: common escapes, <c>\u{..}</c> for invisible ones.</summary>
    internal static string QuoteCharacter(string text, int index)
    {
        int value = char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(text[index], text[index + 1])
            : text[index];
        string shown = value switch
        {
            0 => "\\0",
            '\t' => "\\t",
            '\n' => "\\n",
            '\r' => "\\r",
            '\'' => "\\'",
            '\\' => "\\\\",
            _ when IsPrintable(text, index) => char.ConvertFromUtf32(value),
            _ => $"\\u{{{value.ToString("x", CultureInfo.InvariantCulture)}}}",
        };
        return $"'{shown}'";
    }

    private static bool IsPrintable(string text, int index)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(text, index);
        return category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            && !(category == UnicodeCategory.SpaceSeparator && text[index] != ' ');
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
