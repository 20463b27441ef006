using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Wit.Core.Syntax;

namespace Wit.Cli;

/// <summary>
/// Prints a syntax tree one element a line, indented two spaces a level: nodes as <c>Kind@start..end</c> (their full
/// span, trivia included), tokens as <c>Kind@start..end "text"</c> (their own span) with their leading trivia on the
/// lines before and their trailing trivia on the lines after, at the token's indentation. A token the parser inserted
/// is marked <c>(missing)</c>. Offsets are UTF-16 code units. The walk uses an explicit stack, so any depth prints.
/// </summary>
/// <example>
/// <code>
/// WitDocument@0..13
///   PackageDeclaration@0..13
///     PackageKeyword@0..7 "package"
///     WhitespaceTrivia@7..8 " "
/// </code>
/// </example>
public static class TreePrinter
{
    public static void Print(SyntaxTree tree, TextWriter writer) => Print(tree.GreenRoot, writer);

    public static string Print(SyntaxTree tree)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        Print(tree.GreenRoot, writer);
        return writer.ToString();
    }

    public static void Print(GreenNode root, TextWriter writer)
    {
        var line = new StringBuilder();
        var stack = new Stack<(GreenElement Element, int Position, int Depth)>();
        stack.Push((root, 0, 0));
        while (stack.Count > 0)
        {
            var (element, position, depth) = stack.Pop();
            if (element is GreenToken token)
            {
                int offset = position;
                foreach (var trivia in token.LeadingTrivia)
                {
                    WriteLine(writer, line, depth, trivia.Kind, offset, offset + trivia.Width, trivia.Text, missing: false);
                    offset += trivia.Width;
                }

                WriteLine(writer, line, depth, token.Kind, offset, offset + token.Width, token.Text, token.IsMissing);
                offset += token.Width;
                foreach (var trivia in token.TrailingTrivia)
                {
                    WriteLine(writer, line, depth, trivia.Kind, offset, offset + trivia.Width, trivia.Text, missing: false);
                    offset += trivia.Width;
                }

                continue;
            }

            var node = (GreenNode)element;
            WriteLine(writer, line, depth, node.Kind, position, position + node.FullWidth, text: null, missing: false);
            int childPosition = position + node.FullWidth;
            for (int i = node.SlotCount - 1; i >= 0; i--)
            {
                var slot = node.GetSlot(i);
                childPosition -= slot.FullWidth;
                stack.Push((slot, childPosition, depth + 1));
            }
        }
    }

    /// <summary>Quotes a text the way JSON does: backslash escapes for quotes, backslashes and control characters.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        AppendQuoted(builder, text);
        return builder.ToString();
    }

    private static void WriteLine(TextWriter writer, StringBuilder line, int depth, SyntaxKind kind, int start, int end, string? text, bool missing)
    {
        line.Clear();
        line.Append(' ', depth * 2).Append(kind.ToString()).Append('@').Append(start).Append("..").Append(end);
        if (text is not null)
        {
            line.Append(' ');
            AppendQuoted(line, text);
        }

        if (missing) line.Append(" (missing)");
        line.Append('\n');
        writer.Write(line.ToString());
    }

    private static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c))
                    {
                        // Control characters, line separators and lone surrogates are escaped so a line stays one
                        // line of valid UTF-8.
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
