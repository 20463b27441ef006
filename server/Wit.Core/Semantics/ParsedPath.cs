using System.Collections.Generic;
using Wit.Core.Syntax;
using Wit.Core.Wit.Nodes;
using Wit.Core.Text;
using Wit.Core.Workspace;

namespace Wit.Core.Semantics;

/// <summary>A use path taken apart: a local name, or a package, an item name and locations for messages.</summary>
internal sealed class ParsedPath
{
    private ParsedPath(string itemName, SourceLocation itemLocation, PackageName? package, SourceLocation pathLocation)
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
        var before = new List<SyntaxToken>();
        var after = new List<SyntaxToken>();
        bool slash = false;
        foreach (var token in path.Syntax.ChildTokens())
        {
            if (token.IsMissing) return null;
            if (token.Kind == SyntaxKind.SlashToken) slash = true;
            else if (token.Kind == SyntaxKind.IdentifierToken) (slash ? after : before).Add(token);
        }

        if (before.Count == 0) return null;
        var start = new SourceLocation(file.Tree.Text, before[0].Span);
        if (!path.IsForeign)
        {
            return new ParsedPath(Names.Unescape(before[0].Text), start, null, start);
        }

        if (before.Count < 2 || after.Count == 0) return null;
        string ns = string.Join(":", before.GetRange(0, before.Count - 1).ConvertAll(t => Names.Unescape(t.Text)));
        var package = new PackageName(ns, Names.Unescape(before[before.Count - 1].Text), path.Version?.Text);
        var item = after[after.Count - 1];
        var pathStart = new SourceLocation(file.Tree.Text, TextSpan.FromBounds(before[0].Span.Start, path.Syntax.Span.End));
        return new ParsedPath(Names.Unescape(item.Text), new SourceLocation(file.Tree.Text, item.Span), package, pathStart);
    }
}
