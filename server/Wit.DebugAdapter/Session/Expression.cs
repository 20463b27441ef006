using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;

namespace Wit.DebugAdapter.Session;

/// <summary>What an expression can read at a stop: named values of the frame and memory.</summary>
internal interface IValueScope
{
    /// <summary>
    /// The value a name or path denotes: in a core frame a C path, a local (<c>$name</c>, <c>name</c>, <c>localN</c>) or
    /// a global (<c>globalN</c>); at a WIT boundary a path over the lifted values (<see cref="WitPath"/>). Null when
    /// nothing of that name is here; a <see cref="FormatException"/> when the name is here but the path is wrong.
    /// </summary>
    ExprValue? Lookup(string name);

    /// <summary>Memory 0's bytes, or null when the instance has no memory.</summary>
    byte[]? Memory { get; }
}

/// <summary>
/// The small expression language of breakpoint conditions and <c>evaluate</c>. Operands are numbers (decimal, or hex
/// with <c>0x</c>), <c>true</c> and <c>false</c>, string literals (<c>"a\n"</c>) and char literals (<c>'a'</c>), names
/// that the frame's <see cref="IValueScope"/> answers (C paths such as <c>p.x</c>, <c>n-&gt;next</c>, <c>a[2]</c>,
/// <c>*p</c> and wasm locals and globals in a core frame; WIT paths such as <c>contents.len</c>, <c>r.name</c>,
/// <c>xs[0]</c> at a WIT boundary), and memory reads (<c>i32[addr]</c>, <c>u8[addr]</c>, <c>f64[addr]</c>, the address
/// an operand without brackets). Conditions are comparisons (<c>== != &lt; &lt;= &gt; &gt;=</c>) of two operands, case
/// tests (<c>v is some</c>, <c>r is err</c>, <c>color is red</c>), or a lone operand (true when not zero);
/// <c>!</c>, <c>&amp;&amp;</c> (before <c>||</c>), <c>||</c> and parentheses combine them. Parentheses and
/// <c>!</c> nest at most <see cref="MaxDepth"/> deep, so parsing and evaluating are bounded.
/// </summary>
internal sealed class Expression
{
    /// <summary>How deep parentheses and <c>!</c> may nest.</summary>
    public const int MaxDepth = 32;

    private readonly Node _root;

    private Expression(Node root) => _root = root;

    private abstract record Node;

    /// <summary>Conditions joined by <c>||</c>.</summary>
    private sealed record AnyOf(List<Node> Items) : Node;

    /// <summary>Conditions joined by <c>&amp;&amp;</c>.</summary>
    private sealed record AllOf(List<Node> Items) : Node;

    private sealed record Not(Node Inner) : Node;

    /// <summary>A comparison, or with no <c>Op</c> a lone operand.</summary>
    private sealed record Comparison(Operand Left, string? Op, Operand Right) : Node;

    private sealed record CaseTest(Operand Left, string Case) : Node;

    private enum OperandKind
    {
        Literal,
        Name,
        MemoryRead,
    }

    /// <summary>An operand; <c>Shown</c> is its text for messages.</summary>
    private readonly record struct Operand(OperandKind Kind, string Shown, ExprValue Literal = default, string? MemoryType = null, string? Address = null);

    private enum TokenKind
    {
        Word,
        Symbol,
        String,
        Char,
    }

    private readonly record struct Token(TokenKind Kind, string Text);

    /// <summary>Parses <paramref name="text"/>; the error says what is wrong (for the breakpoint's message).</summary>
    public static Expression Parse(string text)
    {
        var tokens = Tokenize(text);
        if (tokens.Count == 0)
        {
            throw new FormatException("the expression is empty");
        }
        int i = 0;
        var root = ParseLogic(tokens, ref i, 0);
        if (i < tokens.Count)
        {
            throw new FormatException(tokens[i].Text == ")" ? "a ')' without its '('" : $"unexpected '{tokens[i].Text}'");
        }
        return new Expression(root);
    }

    /// <summary>Whether the expression holds (a lone operand holds when it is not zero, or true).</summary>
    public bool IsTrue(IValueScope scope) => Holds(_root, scope);

    /// <summary>The value of a one-operand expression, or of a condition (a <see cref="ExprKind.Bool"/>).</summary>
    public ExprValue Evaluate(IValueScope scope) =>
        _root is Comparison { Op: null } lone ? Value(lone.Left, scope) : ExprValue.Bool(Holds(_root, scope));

    // Recursion here follows the tree, whose nesting the parser bounds at MaxDepth.
    private static bool Holds(Node node, IValueScope scope)
    {
        switch (node)
        {
            case AnyOf any:
                foreach (var item in any.Items)
                {
                    if (Holds(item, scope))
                    {
                        return true;
                    }
                }
                return false;
            case AllOf all:
                foreach (var item in all.Items)
                {
                    if (!Holds(item, scope))
                    {
                        return false;
                    }
                }
                return true;
            case Not not:
                return !Holds(not.Inner, scope);
            case CaseTest test:
                return Value(test.Left, scope).IsCase(test.Case, test.Left.Shown);
            default:
                var c = (Comparison)node;
                var l = Value(c.Left, scope);
                return c.Op == null ? l.IsTrue(c.Left.Shown) : ExprValue.Compare(l, c.Left.Shown, c.Op, Value(c.Right, scope), c.Right.Shown);
        }
    }

    private static ExprValue Value(Operand o, IValueScope scope)
    {
        switch (o.Kind)
        {
            case OperandKind.Literal:
                return o.Literal;
            case OperandKind.Name:
                return Name(o.Shown, scope);
        }
        long address = Name(o.Address!, scope).ToInteger(o.Address!);
        var memory = scope.Memory ?? throw new FormatException("the instance has no memory");
        int size = o.MemoryType switch { "u8" or "i8" => 1, "u16" or "i16" => 2, "i32" or "u32" or "f32" => 4, _ => 8 };
        if (address < 0 || address > memory.Length - size)
        {
            throw new FormatException($"address {address} is outside memory ({memory.Length} bytes)");
        }
        var span = memory.AsSpan((int)address, size);
        return ExprValue.Of(o.MemoryType switch
        {
            "u8" => WasmValue.I32(span[0]),
            "i8" => WasmValue.I32((sbyte)span[0]),
            "u16" => WasmValue.I32(BitConverter.ToUInt16(span)),
            "i16" => WasmValue.I32(BitConverter.ToInt16(span)),
            "i32" or "u32" => WasmValue.I32(BitConverter.ToInt32(span)),
            "f32" => new WasmValue(ValType.F32, BitConverter.ToUInt32(span)),
            "f64" => new WasmValue(ValType.F64, BitConverter.ToUInt64(span)),
            _ => WasmValue.I64(BitConverter.ToInt64(span)),
        });
    }

    private static ExprValue Name(string token, IValueScope scope)
    {
        if (TryNumber(token, out var number))
        {
            return number;
        }
        return scope.Lookup(token) ?? throw new FormatException($"no local or global named '{token}' here");
    }

    private static readonly HashSet<string> MemoryTypes = new(StringComparer.Ordinal) { "u8", "i8", "u16", "i16", "i32", "u32", "i64", "u64", "f32", "f64" };

    private static readonly HashSet<string> ComparisonOps = new(StringComparer.Ordinal) { "==", "!=", "<", "<=", ">", ">=" };

    private static bool Is(List<Token> tokens, int i, string symbol) => i < tokens.Count && tokens[i].Kind == TokenKind.Symbol && tokens[i].Text == symbol;

    /// <summary>Conditions joined by <c>||</c> (<paramref name="or"/>) or by <c>&amp;&amp;</c>, which binds tighter.</summary>
    private static Node ParseLogic(List<Token> tokens, ref int i, int depth, bool or = true)
    {
        var items = new List<Node>();
        while (true)
        {
            items.Add(or ? ParseLogic(tokens, ref i, depth, or: false) : ParseUnary(tokens, ref i, depth));
            if (!Is(tokens, i, or ? "||" : "&&"))
            {
                break;
            }
            i++;
        }
        return items.Count == 1 ? items[0] : or ? new AnyOf(items) : new AllOf(items);
    }

    private static Node ParseUnary(List<Token> tokens, ref int i, int depth)
    {
        if (Is(tokens, i, "!") || Is(tokens, i, "("))
        {
            if (depth >= MaxDepth)
            {
                throw new FormatException($"parentheses and '!' nest more than {MaxDepth} deep");
            }
            if (tokens[i++].Text == "!")
            {
                return new Not(ParseUnary(tokens, ref i, depth + 1));
            }
            var inner = ParseLogic(tokens, ref i, depth + 1);
            if (!Is(tokens, i, ")"))
            {
                throw new FormatException(i < tokens.Count ? $"expected ')', found '{tokens[i].Text}'" : "a '(' without its ')'");
            }
            i++;
            return inner;
        }
        var left = ParseOperand(tokens, ref i);
        if (i < tokens.Count && tokens[i].Kind == TokenKind.Symbol && ComparisonOps.Contains(tokens[i].Text))
        {
            string op = tokens[i++].Text;
            return new Comparison(left, op, ParseOperand(tokens, ref i));
        }
        if (i < tokens.Count && tokens[i] is { Kind: TokenKind.Word, Text: "is" })
        {
            i++;
            if (i >= tokens.Count || tokens[i].Kind != TokenKind.Word || !IsCaseName(tokens[i].Text))
            {
                throw new FormatException("'is' is followed by a case name: v is some, r is err, color is red");
            }
            return new CaseTest(left, tokens[i++].Text);
        }
        return new Comparison(left, null, default);
    }

    private static bool IsCaseName(string t) => t.Length > 0 && char.IsAsciiLetter(t[0]) && t.AsSpan().IndexOfAnyExcept(LetterDigitDash) < 0;

    private static readonly System.Buffers.SearchValues<char> LetterDigitDash =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    private static Operand ParseOperand(List<Token> tokens, ref int i)
    {
        if (i >= tokens.Count)
        {
            throw new FormatException("an operand is missing at the end");
        }
        var token = tokens[i++];
        switch (token.Kind)
        {
            case TokenKind.String:
                return new Operand(OperandKind.Literal, "\"" + token.Text + "\"", new ExprValue(ExprKind.String, Text: token.Text));
            case TokenKind.Char:
                return new Operand(OperandKind.Literal, "'" + token.Text + "'", new ExprValue(ExprKind.Char, Integer: Rune.GetRuneAt(token.Text, 0).Value));
            case TokenKind.Symbol:
                throw new FormatException($"expected a number or a name, found '{token.Text}'");
        }
        string t = token.Text;
        if (MemoryTypes.Contains(t) && Is(tokens, i, "["))
        {
            if (i + 2 >= tokens.Count || !Is(tokens, i + 2, "]") || tokens[i + 1].Kind != TokenKind.Word)
            {
                throw new FormatException($"a memory read is written {t}[address], the address a number or a name");
            }
            string address = tokens[i + 1].Text;
            i += 3;
            return new Operand(OperandKind.MemoryRead, $"{t}[{address}]", MemoryType: t, Address: address);
        }
        if (TryNumber(t, out var number))
        {
            return new Operand(OperandKind.Literal, t, number);
        }
        if (t is "true" or "false")
        {
            return new Operand(OperandKind.Literal, t, ExprValue.Bool(t == "true"));
        }
        if (Is(tokens, i, "("))
        {
            throw new FormatException(t == "len" && i + 2 < tokens.Count && Is(tokens, i + 2, ")")
                ? $"there are no calls: a length is written '{tokens[i + 1].Text}.len'"
                : $"'{t}(': there are no calls");
        }
        // A path's elements and the members after them: a[3], a[i].x, a[1]->next (the scope reads the whole path).
        while (Is(tokens, i, "[") && i + 2 < tokens.Count && Is(tokens, i + 2, "]") && tokens[i + 1].Kind == TokenKind.Word)
        {
            t += "[" + tokens[i + 1].Text + "]";
            i += 3;
            while (i < tokens.Count && tokens[i].Kind == TokenKind.Word && (tokens[i].Text.StartsWith('.') || tokens[i].Text.StartsWith("->", StringComparison.Ordinal)))
            {
                t += tokens[i++].Text;
            }
        }
        return new Operand(OperandKind.Name, t);
    }

    private static bool TryNumber(string t, out ExprValue value)
    {
        value = default;
        bool negative = t.StartsWith('-');
        string body = negative ? t[1..] : t;
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && ulong.TryParse(body.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong hex))
        {
            value = new ExprValue(ExprKind.Number, Integer: negative ? -(Int128)hex : hex);
            return true;
        }
        if (Int128.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out Int128 n))
        {
            value = new ExprValue(ExprKind.Number, Integer: n);
            return true;
        }
        if (body.Length > 0 && char.IsAsciiDigit(body[0]) && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
        {
            value = new ExprValue(ExprKind.Number, Float: d, IsFloat: true);
            return true;
        }
        return false;
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (i + 1 < text.Length && text.Substring(i, 2) is "==" or "!=" or "<=" or ">=" or "&&" or "||")
            {
                tokens.Add(new Token(TokenKind.Symbol, text.Substring(i, 2)));
                i += 2;
                continue;
            }
            if (c is '<' or '>' or '[' or ']' or '(' or ')' or '!')
            {
                tokens.Add(new Token(TokenKind.Symbol, c.ToString()));
                i++;
                continue;
            }
            if (c is '"' or '\'')
            {
                string literal = Literal(text, ref i);
                if (c == '\'' && (Rune.DecodeFromUtf16(literal, out _, out int used) != System.Buffers.OperationStatus.Done || used != literal.Length))
                {
                    throw new FormatException("a char literal holds one character: 'a'");
                }
                tokens.Add(new Token(c == '"' ? TokenKind.String : TokenKind.Char, literal));
                continue;
            }
            int start = i;
            // C paths are names too: prefixes * and & (a lone &), members after '.' and '->'.
            while (i < text.Length && text[i] is '*' or '&')
            {
                i++;
            }
            if (i == start && c == '-')
            {
                i++;
            }
            // WIT names are kebab-case (blocking-write-and-flush): a '-' between a letter or digit and a letter is in the name.
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '$' or '_' or '.'
                || (text[i] == '-' && i + 1 < text.Length && text[i + 1] == '>') || (text[i] == '>' && i > 0 && text[i - 1] == '-')
                || (text[i] == '-' && i > start && char.IsAsciiLetterOrDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]))))
            {
                i++;
            }
            if (i == start || (i == start + 1 && c == '-'))
            {
                throw new FormatException($"unexpected '{c}' at column {start + 1}");
            }
            tokens.Add(new Token(TokenKind.Word, text[start..i]));
        }
        return tokens;
    }

    /// <summary>A string or char literal from its opening quote: escapes <c>\n \r \t \0 \\ \" \'</c> and <c>\u{1F600}</c>.</summary>
    private static string Literal(string text, ref int i)
    {
        char quote = text[i];
        int start = i++;
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw new FormatException($"a literal at column {start + 1} has no closing {quote}");
            }
            char c = text[i++];
            if (c == quote)
            {
                return sb.ToString();
            }
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            char e = i < text.Length ? text[i++] : ' ';
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case '0': sb.Append('\0'); break;
                case '\\' or '"' or '\'': sb.Append(e); break;
                case 'u' when i < text.Length && text[i] == '{':
                    int close = text.IndexOf('}', i);
                    if (close < 0 || !int.TryParse(text.AsSpan(i + 1, close - i - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int cp)
                        || !Rune.IsValid(cp))
                    {
                        throw new FormatException("an escape \\u{...} holds the hex code of a Unicode scalar value");
                    }
                    sb.Append(char.ConvertFromUtf32(cp));
                    i = close + 1;
                    break;
                default:
                    throw new FormatException($"unknown escape '\\{e}' (escapes: \\n \\r \\t \\0 \\\\ \\\" \\' \\u{{hex}})");
            }
        }
    }
}
