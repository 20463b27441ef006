using System;
using System.Text;
using Wit.Core.Lint;
using Wit.Core.Text;
using Xunit;

namespace Wit.Core.Tests.Lint;

/// <summary>
/// <see cref="WitLinter.IsSuppressed"/> reads lines as index ranges; it must answer as the substring-based version it
/// replaced (kept below as the reference) on random texts of comments, attributes, markers and whitespace.
/// </summary>
public sealed class LintSuppressionTests
{
    private static readonly string[] Pieces =
    {
        "// wit-lint: allow(WIT2001)", "//wit-lint:allow(wit2003, WIT2006)", "/* wit-lint: allow( WIT2001 ) */", "wit-lint: allow(WIT2001",
        "wit-lint:", "allow(WIT2001)", "@since(version = 1.0.0)", " * doc", "/// docs", "f: func();", "record r {", "}", "  ", "\t", "",
        "g: func(); // wit-lint: allow(WIT2001) wit-lint: allow(WIT2009)", "x", "@", "*", "//",
    };

    [Fact]
    public void Index_based_lines_answer_as_the_substring_based_reference()
    {
        var random = new Random(20261122);
        string[] codes = { "WIT2001", "WIT2003", "WIT2006", "WIT2009" };
        for (int round = 0; round < 3000; round++)
        {
            var builder = new StringBuilder();
            int lines = random.Next(1, 8);
            for (int i = 0; i < lines; i++)
            {
                builder.Append(random.Next(3) == 0 ? "  " : string.Empty).Append(Pieces[random.Next(Pieces.Length)]);
                if (random.Next(4) == 0) builder.Append(' ').Append(Pieces[random.Next(Pieces.Length)]);
                if (i < lines - 1 || random.Next(2) == 0) builder.Append(random.Next(5) == 0 ? "\r\n" : "\n");
            }

            string text = builder.ToString();
            int start = random.Next(-2, text.Length + 3);
            string code = codes[random.Next(codes.Length)];
            bool expected = Reference(text, start, code);
            Assert.True(expected == WitLinter.IsSuppressed(SourceText.From(text), new TextSpan(Math.Max(0, start), 0), code),
                $"differs for start {start}, code {code}, text:\n{text}");
        }
    }

    // The implementation before lines became index ranges.
    private static bool Reference(string text, int spanStart, string code)
    {
        int start = Math.Min(Math.Max(0, spanStart), text.Length);
        int lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.IndexOf('\n', start);
        if (lineEnd < 0) lineEnd = text.Length;
        if (Allows(text.Substring(lineStart, lineEnd - lineStart), code)) return true;
        int end = lineStart - 1;
        while (end > 0)
        {
            int previousStart = text.LastIndexOf('\n', end - 1) + 1;
            string line = text.Substring(previousStart, end - previousStart).Trim();
            bool trivia = line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("/*", StringComparison.Ordinal)
                || line.StartsWith("*", StringComparison.Ordinal) || line.StartsWith("@", StringComparison.Ordinal);
            if (!trivia) return false;
            if (Allows(line, code)) return true;
            end = previousStart - 1;
        }

        return false;
    }

    private static bool Allows(string line, string code)
    {
        const string marker = "wit-lint:";
        int at = line.IndexOf(marker, StringComparison.Ordinal);
        while (at >= 0)
        {
            string rest = line.Substring(at + marker.Length).TrimStart();
            if (rest.StartsWith("allow(", StringComparison.Ordinal))
            {
                int close = rest.IndexOf(')');
                if (close > 0)
                {
                    foreach (string part in rest.Substring(6, close - 6).Split(','))
                    {
                        if (string.Equals(part.Trim(), code, StringComparison.OrdinalIgnoreCase)) return true;
                    }
                }
            }

            at = line.IndexOf(marker, at + marker.Length, StringComparison.Ordinal);
        }

        return false;
    }
}
