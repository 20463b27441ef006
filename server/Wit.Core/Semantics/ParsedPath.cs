using System.Collections.Generic;
using Wit.Core.Syntax;
using Wit.Core.Wit.Nodes;
using Wit.Core.Text;
using Wit.Core.Workspace;

namespace Wit.Core.Semantics;

/// <summary>A use path taken apart: a local name, or a package, an item name and locations for messages.</summary>
internal sealed class ParsedPath
{
    internal ParsedPath(string itemName, SourceLocation itemLocation, PackageName? package, SourceLocation pathLocation)
    {
        ItemName = itemName;
        ItemLocation = itemLocation;
        Package = package;
        PathLocation = pathLocation;
    }

    public string ItemName { get; }

    public SourceLocation ItemLocation { get; }

    /// <summary>The referenced package for <c>ns:pkg/name</c>; null for a local name.</summary>
    public PackageName? Package { get; }

    /// <summary>The whole path's start, where wit-parser points package-level errors.</summary>
    public SourceLocation PathLocation { get; }

    public bool IsForeign => Package is not null;

    /// <summary>Returns null when the path is incomplete (missing names after a syntax error).</summary>
    public static ParsedPath? From(UsePathSyntax path, SourceFile file)
    {
        // Identifiers before the slash name the package (`ns:pkg`, or a local name), the last one after it the item.
        // The tokens are tracked, not listed: every use path is parsed on every keystroke, and a namespace is nearly
        // always one identifier (only a nested `a:b:c` namespace needs the list).
        SyntaxToken firstBefore = default, lastBefore = default, lastAfter = default;
        int before = 0, after = 0;
        bool slash = false;
        foreach (var token in path.Syntax.ChildTokens())
        {
            if (token.IsMissing) return null;
            if (token.Kind == SyntaxKind.SlashToken) slash = true;
            else if (token.Kind != SyntaxKind.IdentifierToken) continue;
            else if (slash)
            {
                lastAfter = token;
                after++;
            }
            else
            {
                if (before++ == 0) firstBefore = token;
                lastBefore = token;
            }
        }

        if (before == 0) return null;
        var start = new SourceLocation(file.Tree.Text, firstBefore.Span);
        if (!path.IsForeign)
        {
            return new ParsedPath(Names.Unescape(firstBefore.Text), start, null, start);
        }

        if (before < 2 || after == 0) return null;
        string ns = before == 2 ? Names.Unescape(firstBefore.Text) : string.Join(":", NamespaceParts(path, before - 1));
        var package = new PackageName(ns, Names.Unescape(lastBefore.Text), path.Version?.Text);
        var pathStart = new SourceLocation(file.Tree.Text, TextSpan.FromBounds(firstBefore.Span.Start, path.Syntax.Span.End));
        return new ParsedPath(Names.Unescape(lastAfter.Text), new SourceLocation(file.Tree.Text, lastAfter.Span), package, pathStart);
    }

    /// <summary>The first <paramref name="count"/> identifiers before the slash, unescaped.</summary>
    private static List<string> NamespaceParts(UsePathSyntax path, int count)
    {
        var parts = new List<string>(count);
        foreach (var token in path.Syntax.ChildTokens())
        {
            if (token.Kind == SyntaxKind.SlashToken || parts.Count == count) break;
            if (token.Kind == SyntaxKind.IdentifierToken) parts.Add(Names.Unescape(token.Text));
        }

        return parts;
    }
}
