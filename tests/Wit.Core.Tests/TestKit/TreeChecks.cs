using System.Collections.Generic;
using System.Text;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Wit.Core.Text;

namespace Wit.Core.Tests.TestKit;

/// <summary>
/// Invariants every parsed tree must keep, each returning a description of the first violation or null, so one test
/// can gather the problems of many inputs into one message.
/// </summary>
public static class TreeChecks
{
    private static readonly HashSet<SyntaxKind> WitTopLevelKinds = new()
    {
        SyntaxKind.PackageDeclaration, SyntaxKind.NestedPackage, SyntaxKind.TopLevelUse, SyntaxKind.Interface,
        SyntaxKind.World, SyntaxKind.SkippedTokens,
    };

    /// <summary>Null when the tree prints back exactly <paramref name="text"/>; otherwise where the first difference is.</summary>
    public static string? RoundTripProblem(SyntaxTree tree, string text)
    {
        string printed = tree.ToFullString();
        if (printed == text) return null;
        int i = 0;
        while (i < printed.Length && i < text.Length && printed[i] == text[i]) i++;
        return $"round trip differs at offset {i} (input length {text.Length}, printed {printed.Length}): "
            + $"expected {Snippet(text, i)}, printed {Snippet(printed, i)}";
    }

    /// <summary>Null when every diagnostic span lies inside the text.</summary>
    public static string? DiagnosticSpanProblem(SyntaxTree tree)
    {
        foreach (var diagnostic in tree.Diagnostics)
        {
            if (diagnostic.Span.Start < 0 || diagnostic.Span.End > tree.Text.Length)
            {
                return $"diagnostic {diagnostic} lies outside the text (length {tree.Text.Length})";
            }
        }

        return null;
    }

    /// <summary>Null when a WIT root holds only top-level item kinds followed by exactly one end-of-file token.</summary>
    public static string? WitRootShapeProblem(SyntaxTree tree)
    {
        var root = tree.GreenRoot;
        if (root.Kind != SyntaxKind.WitDocument) return $"root kind is {root.Kind}, expected WitDocument";
        if (root.SlotCount == 0) return "root has no slots";
        var last = root.GetSlot(root.SlotCount - 1);
        if (last.Kind != SyntaxKind.EndOfFileToken) return $"last root slot is {last.Kind}, expected EndOfFileToken";
        for (int i = 0; i < root.SlotCount - 1; i++)
        {
            var kind = root.GetSlot(i).Kind;
            if (!WitTopLevelKinds.Contains(kind)) return $"root slot {i} has kind {kind}, which is not a top-level item kind";
        }

        return null;
    }

    /// <summary>Every invariant above, for fuzzing: the first problem found, or null.</summary>
    public static string? WitTreeProblem(SyntaxTree tree, string text) =>
        RoundTripProblem(tree, text) ?? DiagnosticSpanProblem(tree) ?? WitRootShapeProblem(tree);

    /// <summary>A diagnostic as the command line shows it: <c>line:column CODE message</c>, one-based, columns in scalars.</summary>
    public static string Describe(Diagnostic diagnostic, SourceText text)
    {
        var (line, column) = text.GetDisplayLocation(diagnostic.Span.Start);
        return $"{line}:{column} {diagnostic.Code} {diagnostic.Message}";
    }

    /// <summary>Up to 40 characters around <paramref name="offset"/>, escaped.</summary>
    public static string Snippet(string text, int offset)
    {
        int start = offset < 20 ? 0 : offset - 20;
        int end = offset + 20 > text.Length ? text.Length : offset + 20;
        return start >= end ? "\"\"" : Literal(text.Substring(start, end - start));
    }

    /// <summary>A C# string literal for <paramref name="text"/>, so a failing input can be pasted into a test.</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f || c >= 0x80) builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
