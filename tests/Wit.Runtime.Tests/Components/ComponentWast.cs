using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace Wit.Runtime.Tests.Components;

/// <summary>What a script directive expects of its component.</summary>
public enum WastExpectation
{
    Valid,
    Invalid,
    Malformed,
}

/// <summary>
/// One component of a component-model <c>.wast</c> script: its text (for jco's parser) or its bytes (a
/// <c>(component binary ...)</c>), what the script expects, and whether it uses async features.
/// </summary>
public sealed record WastComponent(string File, int Line, WastExpectation Expect, string? Text, byte[]? Binary, string? Message, bool IsAsync)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>
/// Reads the component forms out of the component model's <c>.wast</c> scripts: top-level <c>(component ...)</c>
/// (with <c>definition</c> dropped; <c>(component instance ...)</c> instantiates a definition and has no text of its
/// own), and the components inside <c>assert_invalid</c> and <c>assert_malformed</c>. A small S-expression scanner
/// (strings, line and nested block comments).
/// </summary>
public static partial class ComponentWast
{
    [GeneratedRegex(@"\b(async|stream|future|waitable|waitable-set|subtask|task\.return|task\.cancel|context\.get|context\.set|thread\.[a-z-]+|error-context|backpressure|callback)\b")]
    private static partial Regex AsyncPattern();

    public static string Root => RepoPaths.Corpus("component-model-tests", "test");

    /// <summary>Every component of every script, in file order (paths relative to the test folder, with '/').</summary>
    public static List<WastComponent> All()
    {
        var nyi = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(Root, "nyi.txt")))
        {
            if (line.StartsWith("./", StringComparison.Ordinal))
            {
                nyi.Add(line[2..]);
            }
        }
        var all = new List<WastComponent>();
        foreach (var path in Directory.GetFiles(Root, "*.wast", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(Root, path).Replace('\\', '/');
            if (nyi.Contains(rel))
            {
                continue;
            }
            all.AddRange(Read(rel, File.ReadAllText(path)));
        }
        all.Sort((a, b) => string.CompareOrdinal(a.File, b.File) != 0 ? string.CompareOrdinal(a.File, b.File) : a.Line.CompareTo(b.Line));
        return all;
    }

    public static IEnumerable<WastComponent> Read(string file, string text)
    {
        bool asyncFile = file.StartsWith("async/", StringComparison.Ordinal);
        foreach (var (start, end) in TopLevel(text, 0, text.Length))
        {
            string head = Head(text, start);
            if (head == "component")
            {
                var c = Component(file, text, start, end, WastExpectation.Valid, null, asyncFile);
                if (c != null)
                {
                    yield return c;
                }
            }
            else if (head is "assert_invalid" or "assert_malformed")
            {
                var parts = TopLevel(text, start + 1, end - 1);
                // parts[0] is the directive's keyword.
                if (parts.Count < 3 || text[parts[1].Start] != '(' || Head(text, parts[1].Start) != "component")
                {
                    continue;
                }
                string message = ReadString(text, parts[2].Start, parts[2].End) ?? "";
                var expect = head == "assert_invalid" ? WastExpectation.Invalid : WastExpectation.Malformed;
                var c = Component(file, text, parts[1].Start, parts[1].End, expect, message, asyncFile);
                if (c != null)
                {
                    yield return c;
                }
            }
        }
    }

    internal static WastComponent? Component(string file, string text, int start, int end, WastExpectation expect, string? message, bool asyncFile)
    {
        int line = 1;
        for (int i = 0; i < start; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }
        var parts = TopLevel(text, start + 1, end - 1);
        // parts[0] is the keyword `component`; then optional `definition`, `instance`, `$id`, `binary`, `quote`.
        int k = 1;
        bool sawInstance = false;
        string? kind = null;
        while (k < parts.Count && text[parts[k].Start] != '(' && text[parts[k].Start] != '"')
        {
            string word = text[parts[k].Start..parts[k].End];
            if (word == "instance")
            {
                sawInstance = true;
            }
            else if (word is "binary" or "quote")
            {
                kind = word;
                k++;
                break;
            }
            k++;
        }
        if (sawInstance)
        {
            return null;
        }
        bool isAsync = asyncFile || AsyncPattern().IsMatch(text[start..end]);
        if (kind == "binary")
        {
            var bytes = new List<byte>();
            for (; k < parts.Count; k++)
            {
                bytes.AddRange(StringBytes(text, parts[k].Start, parts[k].End));
            }
            return new WastComponent(file, line, expect, null, bytes.ToArray(), message, isAsync);
        }
        var body = new StringBuilder("(component ");
        if (kind == "quote")
        {
            for (; k < parts.Count; k++)
            {
                body.Append(Encoding.UTF8.GetString(StringBytes(text, parts[k].Start, parts[k].End))).Append(' ');
            }
        }
        else
        {
            // Keep an `$id`, drop `definition`.
            for (int j = 1; j < parts.Count; j++)
            {
                string piece = text[parts[j].Start..parts[j].End];
                if (piece == "definition")
                {
                    continue;
                }
                body.Append(piece).Append('\n');
            }
        }
        body.Append(')');
        return new WastComponent(file, line, expect, body.ToString(), null, message, isAsync);
    }

    internal static string Head(string text, int open)
    {
        int i = open + 1;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        int s = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '(' && text[i] != ')')
        {
            i++;
        }
        return text[s..i];
    }

    /// <summary>The extents of the top-level tokens and lists between <paramref name="from"/> and <paramref name="to"/>.</summary>
    internal static List<(int Start, int End)> TopLevel(string text, int from, int to)
    {
        var result = new List<(int, int)>();
        int i = from;
        while (i < to)
        {
            i = SkipSpace(text, i, to);
            if (i >= to)
            {
                break;
            }
            int start = i;
            if (text[i] == '(')
            {
                int depth = 0;
                while (i < to)
                {
                    int next = SkipComment(text, i, to);
                    if (next != i)
                    {
                        i = next;
                        continue;
                    }
                    char c = text[i];
                    if (c == '"')
                    {
                        i = SkipString(text, i, to);
                        continue;
                    }
                    i++;
                    if (c == '(')
                    {
                        depth++;
                    }
                    else if (c == ')' && --depth == 0)
                    {
                        break;
                    }
                }
            }
            else if (text[i] == '"')
            {
                i = SkipString(text, i, to);
            }
            else
            {
                while (i < to && !char.IsWhiteSpace(text[i]) && text[i] != '(' && text[i] != ')' && text[i] != '"')
                {
                    i++;
                }
                if (i == start)
                {
                    i++;
                    continue;
                }
            }
            result.Add((start, i));
        }
        return result;
    }

    private static int SkipSpace(string text, int i, int to)
    {
        while (i < to)
        {
            int next = SkipComment(text, i, to);
            if (next != i)
            {
                i = next;
            }
            else if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static int SkipComment(string text, int i, int to)
    {
        if (i + 1 < to && text[i] == ';' && text[i + 1] == ';')
        {
            while (i < to && text[i] != '\n')
            {
                i++;
            }
            return i;
        }
        if (i + 1 < to && text[i] == '(' && text[i + 1] == ';')
        {
            int depth = 0;
            while (i + 1 < to)
            {
                if (text[i] == '(' && text[i + 1] == ';')
                {
                    depth++;
                    i += 2;
                }
                else if (text[i] == ';' && text[i + 1] == ')')
                {
                    i += 2;
                    if (--depth == 0)
                    {
                        return i;
                    }
                }
                else
                {
                    i++;
                }
            }
            return to;
        }
        return i;
    }

    private static int SkipString(string text, int i, int to)
    {
        i++;
        while (i < to && text[i] != '"')
        {
            i += text[i] == '\\' ? 2 : 1;
        }
        return Math.Min(i + 1, to);
    }

    internal static string? ReadString(string text, int start, int end) =>
        text[start] == '"' ? Encoding.UTF8.GetString(StringBytes(text, start, end)) : null;

    /// <summary>The bytes of a text-format string literal (escapes <c>\hh</c>, <c>\n</c>, <c>\t</c>, <c>\u{...}</c>, ...).</summary>
    private static byte[] StringBytes(string text, int start, int end)
    {
        var bytes = new List<byte>();
        for (int i = start + 1; i < end - 1; i++)
        {
            char c = text[i];
            if (c != '\\')
            {
                int n = char.IsHighSurrogate(c) && i + 1 < end - 1 ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(i, n)));
                i += n - 1;
                continue;
            }
            char e = text[++i];
            switch (e)
            {
                case 'n': bytes.Add(10); break;
                case 't': bytes.Add(9); break;
                case 'r': bytes.Add(13); break;
                case '"': bytes.Add(34); break;
                case '\'': bytes.Add(39); break;
                case '\\': bytes.Add(92); break;
                case 'u':
                    {
                        int close = text.IndexOf('}', i);
                        int cp = Convert.ToInt32(text[(i + 2)..close].Replace("_", ""), 16);
                        bytes.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(cp)));
                        i = close;
                        break;
                    }
                default:
                    bytes.Add(Convert.ToByte(text.Substring(i, 2), 16));
                    i++;
                    break;
            }
        }
        return bytes.ToArray();
    }
}
