using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using Wit.Core.Formatting;

namespace Wit.Cli;

/// <summary>
/// The indentation <c>.editorconfig</c> files give a file (https://editorconfig.org): the files in its directory and
/// every directory above it, up to the first that says <c>root = true</c>, are read from the farthest to the nearest,
/// each one's sections in order, and the last value set for <c>indent_style</c>, <c>indent_size</c> and
/// <c>tab_width</c> by a section whose glob matches the file wins (<c>unset</c> removes a value). Globs follow the
/// specification: <c>*</c>, <c>**</c>, <c>?</c>, <c>[seq]</c>, <c>[!seq]</c>, <c>{a,b}</c>, <c>{1..3}</c> and
/// <c>\</c> escapes; a glob without <c>/</c> matches the file's name in any directory below the <c>.editorconfig</c>,
/// one with <c>/</c> the path from that directory. Lines starting with <c>#</c> or <c>;</c> are comments.
/// </summary>
public static class EditorConfig
{
    /// <summary>The configuration file's name.</summary>
    public const string FileName = ".editorconfig";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The indentation the <c>.editorconfig</c> files give <paramref name="fullPath"/>, combined with the unit the
    /// file itself uses (<paramref name="detected"/>, or null) where they leave something open; null when they set
    /// no indentation. <paramref name="read"/> returns a directory's <c>.editorconfig</c> text, or null when it has none.
    /// </summary>
    public static FormatOptions? IndentFor(string fullPath, Func<string, string?> read, string? detected)
    {
        if (read is null) throw new ArgumentNullException(nameof(read));
        var properties = PropertiesFor(fullPath, read);
        properties.TryGetValue("indent_style", out string? style);
        properties.TryGetValue("indent_size", out string? size);
        properties.TryGetValue("tab_width", out string? tabWidth);
        if (size == "tab") size = tabWidth;
        int? count = int.TryParse(size, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= FormatOptions.MaxIndentSize ? n : null;
        switch (style)
        {
            case "tab":
                return FormatOptions.Tabs;
            case "space":
                if (count is { } spaces) return FormatOptions.Spaces(spaces);
                // Spaces of no given size: the file's own, when it indents with spaces.
                return detected is { } unit && unit[0] == ' ' ? FormatOptions.Spaces(unit.Length) : FormatOptions.Spaces(2);
            default:
                return count is { } sized ? FormatOptions.Spaces(sized) : null;
        }
    }

    /// <summary>
    /// The properties (keys and values in lower case) the <c>.editorconfig</c> files give <paramref name="fullPath"/>.
    /// </summary>
    public static Dictionary<string, string> PropertiesFor(string fullPath, Func<string, string?> read)
    {
        var files = new List<(string Directory, string Text)>();
        string? directory = Path.GetDirectoryName(Path.GetFullPath(fullPath));
        while (directory is not null)
        {
            if (read(directory) is { } text)
            {
                files.Add((directory, text));
                if (IsRoot(text)) break;
            }

            directory = Path.GetDirectoryName(directory);
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = files.Count - 1; i >= 0; i--)
        {
            string relative = Path.GetRelativePath(files[i].Directory, fullPath).Replace('\\', '/');
            Apply(files[i].Text, relative, properties);
        }

        return properties;
    }

    /// <summary>Whether <paramref name="glob"/>, a section name of a <c>.editorconfig</c>, matches <paramref name="relativePath"/>.</summary>
    public static bool Matches(string glob, string relativePath)
    {
        if (glob is null) throw new ArgumentNullException(nameof(glob));
        if (relativePath is null) throw new ArgumentNullException(nameof(relativePath));
        var (pattern, ranges) = Translate(glob);
        try
        {
            var match = Regex.Match(relativePath, pattern, RegexOptions.CultureInvariant, MatchTimeout);
            if (!match.Success) return false;
            for (int i = 0; i < ranges.Count; i++)
            {
                if (!long.TryParse(match.Groups["r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)].Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long value)
                    || value < ranges[i].Low || value > ranges[i].High)
                {
                    return false;
                }
            }

            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool IsRoot(string text)
    {
        foreach (string raw in Lines(text))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[') return false;
            if (Property(line) is { } property && property.Key == "root") return property.Value == "true";
        }

        return false;
    }

    private static void Apply(string text, string relativePath, Dictionary<string, string> properties)
    {
        bool inMatchingSection = false;
        foreach (string raw in Lines(text))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[')
            {
                int close = line.LastIndexOf(']');
                inMatchingSection = close > 0 && Matches(line.Substring(1, close - 1), relativePath);
                continue;
            }

            if (!inMatchingSection || Property(line) is not { } property) continue;
            if (property.Value == "unset") properties.Remove(property.Key);
            else properties[property.Key] = property.Value;
        }
    }

    private static KeyValuePair<string, string>? Property(string line)
    {
        int equals = line.IndexOf('=');
        if (equals <= 0) return null;
        return new KeyValuePair<string, string>(
            line.Substring(0, equals).Trim().ToLowerInvariant(),
            line.Substring(equals + 1).Trim().ToLowerInvariant());
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

    /// <summary>
    /// The regular expression for a section glob, and the numeric ranges (<c>{1..3}</c>) its groups <c>r0</c>,
    /// <c>r1</c>… must fall in. Braces are paired first with an explicit stack, so nesting costs no recursion.
    /// </summary>
    private static (string Pattern, List<(long Low, long High)> Ranges) Translate(string glob)
    {
        string path = glob;
        bool anywhere = path.IndexOf('/') < 0;
        if (path.StartsWith("/", StringComparison.Ordinal)) path = path.Substring(1);
        var closing = PairBraces(path);
        var ranges = new List<(long Low, long High)>();
        var alternations = new Stack<int>();
        var pattern = new StringBuilder("^");
        if (anywhere) pattern.Append("(?:.*/)?");
        for (int i = 0; i < path.Length; i++)
        {
            char c = path[i];
            switch (c)
            {
                case '\\' when i + 1 < path.Length:
                    pattern.Append(Regex.Escape(path[++i].ToString()));
                    break;
                case '*' when i + 1 < path.Length && path[i + 1] == '*':
                    pattern.Append(".*");
                    i++;
                    break;
                case '*':
                    pattern.Append("[^/]*");
                    break;
                case '?':
                    pattern.Append("[^/]");
                    break;
                case '[':
                    int end = path.IndexOf(']', i + 1);
                    if (end < 0 || path.IndexOf('/', i + 1, end - i - 1) >= 0)
                    {
                        pattern.Append("\\[");
                        break;
                    }

                    pattern.Append('[');
                    int from = i + 1;
                    if (from < end && path[from] == '!')
                    {
                        pattern.Append('^');
                        from++;
                    }

                    for (int k = from; k < end; k++) pattern.Append(path[k] is '\\' or '[' or '^' ? "\\" + path[k] : path[k].ToString());
                    pattern.Append(']');
                    i = end;
                    break;
                case '{' when closing[i] > i:
                    string inner = path.Substring(i + 1, closing[i] - i - 1);
                    if (NumericRange(inner) is { } range)
                    {
                        pattern.Append("(?<r").Append(ranges.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(">[+-]?[0-9]+)");
                        ranges.Add(range);
                        i = closing[i];
                    }
                    else if (HasTopLevelComma(path, i, closing[i]))
                    {
                        pattern.Append("(?:");
                        alternations.Push(closing[i]);
                    }
                    else
                    {
                        // `{word}` with no comma is literal.
                        pattern.Append(Regex.Escape("{"));
                    }

                    break;
                case ',' when alternations.Count > 0:
                    pattern.Append('|');
                    break;
                case '}' when alternations.Count > 0 && alternations.Peek() == i:
                    alternations.Pop();
                    pattern.Append(')');
                    break;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        pattern.Append('$');
        return (pattern.ToString(), ranges);
    }

    /// <summary>For each <c>{</c>, the index of its matching <c>}</c> (or -1); escaped braces do not pair.</summary>
    private static int[] PairBraces(string path)
    {
        var closing = new int[path.Length];
        var open = new Stack<int>();
        for (int i = 0; i < path.Length; i++)
        {
            closing[i] = -1;
            if (path[i] == '\\')
            {
                i++;
                if (i < path.Length) closing[i] = -1;
                continue;
            }

            if (path[i] == '{') open.Push(i);
            else if (path[i] == '}' && open.Count > 0) closing[open.Pop()] = i;
        }

        return closing;
    }

    /// <summary>Whether a comma sits directly inside the braces at <paramref name="open"/> and <paramref name="close"/>.</summary>
    private static bool HasTopLevelComma(string path, int open, int close)
    {
        int depth = 0;
        for (int i = open + 1; i < close; i++)
        {
            switch (path[i])
            {
                case '\\': i++; break;
                case '{': depth++; break;
                case '}': depth--; break;
                case ',' when depth == 0: return true;
            }
        }

        return false;
    }

    private static (long Low, long High)? NumericRange(string inner)
    {
        int dots = inner.IndexOf("..", StringComparison.Ordinal);
        if (dots <= 0) return null;
        var style = System.Globalization.NumberStyles.AllowLeadingSign;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (!long.TryParse(inner.Substring(0, dots), style, culture, out long low) || !long.TryParse(inner.Substring(dots + 2), style, culture, out long high)) return null;
        return low <= high ? (low, high) : (high, low);
    }
}
