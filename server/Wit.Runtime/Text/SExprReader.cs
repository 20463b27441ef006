using System;
using System.Collections.Generic;
using System.Text;

namespace Wit.Runtime.Text;

/// <summary>
/// Reads UTF-8 text-format source into <see cref="SExpr"/> trees: tokens (parentheses, strings with their escapes,
/// atoms), line and block comments (nested), and errors with their line and column. Nesting is read with an explicit
/// stack and bounded by <see cref="MaxNesting"/>, so the input cannot drive the parser's recursion deeper.
/// </summary>
internal sealed class SExprReader
{
    /// <summary>The deepest list nesting accepted; deeper input is malformed ("nesting too deep").</summary>
    public const int MaxNesting = 1000;

    private readonly byte[] _src;
    private int _pos;

    private SExprReader(byte[] source) => _src = source;

    /// <summary>Reads every top-level node of <paramref name="source"/>.</summary>
    public static List<SExpr> Read(byte[] source)
    {
        if (!System.Text.Unicode.Utf8.IsValid(source))
        {
            int bad = FirstInvalidUtf8(source);
            throw Error(source, bad, "malformed UTF-8 encoding");
        }
        return new SExprReader(source).ReadAll();
    }

    /// <summary>The exception for <paramref name="offset"/> in <paramref name="source"/>, with its line and column.</summary>
    public static WatSyntaxException Error(byte[] source, int offset, string reason)
    {
        int line = 1, column = 1;
        for (int i = 0; i < offset && i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                column = 1;
            }
            else if ((source[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }
        return new WatSyntaxException(line, column, reason);
    }

    private static int FirstInvalidUtf8(byte[] source)
    {
        int i = 0;
        while (i < source.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(source.AsSpan(i), out _, out int used) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }
            i += used;
        }
        return i;
    }

    private List<SExpr> ReadAll()
    {
        var top = new List<SExpr>();
        var stack = new Stack<(int Offset, List<SExpr> Items)>();
        var current = top;
        while (true)
        {
            SkipTrivia();
            if (_pos >= _src.Length)
            {
                if (stack.Count > 0)
                {
                    throw Error(_src, stack.Peek().Offset, "unclosed parenthesis");
                }
                return top;
            }
            byte c = _src[_pos];
            int start = _pos;
            if (c == '(')
            {
                if (stack.Count >= MaxNesting)
                {
                    throw Error(_src, _pos, "nesting too deep");
                }
                _pos++;
                stack.Push((start, current));
                current = new List<SExpr>();
                continue;
            }
            if (c == ')')
            {
                if (stack.Count == 0)
                {
                    throw Error(_src, _pos, "unexpected token");
                }
                _pos++;
                var (offset, parent) = stack.Pop();
                parent.Add(SExpr.List(offset, current));
                current = parent;
                continue;
            }
            if (c == '"')
            {
                current.Add(SExpr.String(start, ReadString()));
            }
            else if (IsIdChar(c))
            {
                while (_pos < _src.Length && IsIdChar(_src[_pos]))
                {
                    _pos++;
                }
                current.Add(SExpr.Atom(start, Encoding.ASCII.GetString(_src, start, _pos - start)));
            }
            else
            {
                throw Error(_src, _pos, "unexpected character");
            }
            // Tokens must be separated by white space or parentheses.
            if (_pos < _src.Length && _src[_pos] != '(' && _src[_pos] != ')' && !IsSpace(_src[_pos]) && _src[_pos] != ';')
            {
                throw Error(_src, _pos, "unknown operator");
            }
        }
    }

    private void SkipTrivia()
    {
        while (_pos < _src.Length)
        {
            byte c = _src[_pos];
            if (IsSpace(c))
            {
                _pos++;
            }
            else if (c == ';' && Peek(1) == ';')
            {
                while (_pos < _src.Length && _src[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else if (c == '(' && Peek(1) == ';')
            {
                int start = _pos, depth = 0;
                do
                {
                    if (_pos >= _src.Length)
                    {
                        throw Error(_src, start, "unclosed block comment");
                    }
                    if (_src[_pos] == '(' && Peek(1) == ';')
                    {
                        depth++;
                        _pos += 2;
                    }
                    else if (_src[_pos] == ';' && Peek(1) == ')')
                    {
                        depth--;
                        _pos += 2;
                    }
                    else
                    {
                        _pos++;
                    }
                }
                while (depth > 0);
            }
            else if (c == ';')
            {
                throw Error(_src, _pos, "unexpected character");
            }
            else
            {
                return;
            }
        }
    }

    private byte[] ReadString()
    {
        int start = _pos++;
        var bytes = new List<byte>();
        while (true)
        {
            if (_pos >= _src.Length || _src[_pos] == '\n')
            {
                throw Error(_src, start, "unclosed string");
            }
            byte c = _src[_pos];
            if (c == '"')
            {
                _pos++;
                return bytes.ToArray();
            }
            if (c < 0x20 || c == 0x7F)
            {
                throw Error(_src, _pos, "illegal character in string");
            }
            if (c != '\\')
            {
                bytes.Add(c);
                _pos++;
                continue;
            }
            int esc = _pos;
            _pos++;
            byte e = _pos < _src.Length ? _src[_pos] : (byte)0;
            _pos++;
            switch (e)
            {
                case (byte)'t': bytes.Add(9); break;
                case (byte)'n': bytes.Add(10); break;
                case (byte)'r': bytes.Add(13); break;
                case (byte)'"': bytes.Add((byte)'"'); break;
                case (byte)'\'': bytes.Add((byte)'\''); break;
                case (byte)'\\': bytes.Add((byte)'\\'); break;
                case (byte)'u':
                    {
                        if (Peek(0) != '{')
                        {
                            throw Error(_src, esc, "illegal escape");
                        }
                        _pos++;
                        long cp = 0;
                        int digits = 0;
                        while (_pos < _src.Length && HexValue(_src[_pos]) >= 0)
                        {
                            cp = Math.Min(cp * 16 + HexValue(_src[_pos]), 0x110000);
                            digits++;
                            _pos++;
                            if (Peek(0) == '_' && HexValue(Peek(1)) >= 0)
                            {
                                _pos++;
                            }
                        }
                        if (digits == 0 || Peek(0) != '}' || cp >= 0x110000 || (cp >= 0xD800 && cp < 0xE000))
                        {
                            throw Error(_src, esc, "malformed UTF-8 encoding");
                        }
                        _pos++;
                        Span<byte> buf = stackalloc byte[4];
                        int n = new Rune((int)cp).EncodeToUtf8(buf);
                        for (int i = 0; i < n; i++)
                        {
                            bytes.Add(buf[i]);
                        }
                        break;
                    }
                default:
                    {
                        int hi = HexValue(e), lo = HexValue(Peek(0));
                        if (hi < 0 || lo < 0)
                        {
                            throw Error(_src, esc, "illegal escape");
                        }
                        _pos++;
                        bytes.Add((byte)(hi * 16 + lo));
                        break;
                    }
            }
        }
    }

    private byte Peek(int ahead) => _pos + ahead < _src.Length ? _src[_pos + ahead] : (byte)0;

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    internal static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static bool IsIdChar(byte c) =>
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || "!#$%&'*+-./:<=>?@\\^_`|~".IndexOf((char)c) >= 0;
}
