using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Wit.Nodes;
using Wit.Ide.Analysis;

namespace Wit.Ide.Navigation;

/// <summary>
/// Syntax questions the resolver's references do not answer: which token the cursor touches, whether it is the
/// package part of a <c>use</c> path, whether a type is the local alias a <c>use</c> list creates.
/// </summary>
internal static class NameSyntax
{
    /// <summary>The identifier the cursor touches (inside it, or just after its last character), or null.</summary>
    public static SyntaxToken? IdentifierAt(SyntaxTree tree, int offset)
    {
        if (offset < 0 || offset > tree.Text.Length) return null;
        if (tree.Root.FindToken(offset) is { } token && IsName(token) && token.Span.Start <= offset && offset <= token.Span.End) return token;
        if (offset > 0 && tree.Root.FindToken(offset - 1) is { } before && IsName(before) && before.Span.End == offset) return before;
        return null;
    }

    /// <summary>Any token the cursor touches, identifiers preferred (for messages about keywords).</summary>
    public static SyntaxToken? TokenAt(SyntaxTree tree, int offset)
    {
        if (IdentifierAt(tree, offset) is { } name) return name;
        if (offset < 0 || offset > tree.Text.Length) return null;
        if (tree.Root.FindToken(offset) is { } token && !token.IsMissing && token.Span.Start <= offset && offset < token.Span.End) return token;
        if (offset > 0 && tree.Root.FindToken(offset - 1) is { } before && !before.IsMissing && before.Span.End == offset && before.Span.Length > 0) return before;
        return null;
    }

    private static bool IsName(SyntaxToken token) =>
        token.Kind is SyntaxKind.IdentifierToken or SyntaxKind.WitxIdentifierToken && !token.IsMissing;

    /// <summary>The plain name of an identifier (a leading <c>%</c> removed).</summary>
    public static string Unescape(string identifier) => Wit.Core.Semantics.Names.Unescape(identifier);

    /// <summary>
    /// When <paramref name="token"/> is in the package part of a foreign path (<c>wasi:io</c> of
    /// <c>wasi:io/streams@0.2.0</c>) or in a package declaration, the package it names in <paramref name="model"/>.
    /// </summary>
    public static Package? PackageNamedBy(SyntaxToken token, WitModel model)
    {
        var parent = token.Parent;
        if (parent.Kind == SyntaxKind.PackageName)
        {
            return model.Packages.FirstOrDefault(p => p.Location is { } l && l.Span == parent.Span && l.Path == parent.Tree?.Text.Path);
        }

        if (parent.Kind != SyntaxKind.UsePath || WitNode.From(parent) is not UsePathSyntax path || !path.IsForeign) return null;
        foreach (var child in parent.ChildTokens())
        {
            // Past the slash the cursor is on the interface or world name: the resolver's reference answers that.
            if (child.Kind == SyntaxKind.SlashToken) return null;
            if (child.Position == token.Position) break;
        }

        // Collect the whole package part, whichever of its segments the cursor is on.
        var before = new List<string>();
        foreach (var child in parent.ChildTokens())
        {
            if (child.Kind == SyntaxKind.SlashToken) break;
            if (child.Kind == SyntaxKind.IdentifierToken && !child.IsMissing) before.Add(Unescape(child.Text));
        }

        if (before.Count < 2) return null;
        string ns = string.Join(":", before.Take(before.Count - 1));
        string name = before[before.Count - 1];
        string? version = path.Version?.Text.TrimStart('@');
        var candidates = model.Packages.Where(p => p.Name.Namespace == ns && p.Name.Name == name).ToList();
        return candidates.FirstOrDefault(p => version is null || p.Name.Version == version) ?? candidates.FirstOrDefault();
    }

    /// <summary>
    /// Whether <paramref name="type"/> is the local name a <c>use x.{a}</c> or <c>use x.{a as b}</c> creates, and
    /// whether it is renamed (<c>as b</c>).
    /// </summary>
    public static (bool FromUse, bool Renamed) UseAliasShape(TypeDefinition type, RootAnalysis analysis)
    {
        if (type.Kind is not (TypeDefinitionKind.Alias or TypeDefinitionKind.Error) || type.Location is not { Path: { } path } location) return (false, false);
        if (analysis.File(path)?.Tree is not { } tree) return (false, false);
        if (tree.Root.FindToken(location.Span.Start) is not { } token || token.Span != location.Span) return (false, false);
        if (token.Parent.Kind != SyntaxKind.UseName || WitNode.From(token.Parent) is not UseNameSyntax useName) return (false, false);
        bool renamed = useName.Alias is { } alias && alias.Span == token.Span;
        return (true, renamed);
    }

    /// <summary>The enclosing node of <paramref name="kind"/>, starting at the token's parent.</summary>
    public static SyntaxNode? Ancestor(SyntaxToken token, SyntaxKind kind) =>
        token.Parent.AncestorsAndSelf().FirstOrDefault(n => n.Kind == kind);

    /// <summary>The top-level <c>use ... as alias;</c> items of a document that bind <paramref name="name"/>.</summary>
    public static IEnumerable<TopLevelUseSyntax> TopLevelUsesNamed(SyntaxTree tree, string name)
    {
        foreach (var node in tree.Root.DescendantNodes())
        {
            if (node.Kind != SyntaxKind.TopLevelUse || WitNode.From(node) is not TopLevelUseSyntax use) continue;
            var bound = use.Alias ?? use.Path?.ItemName;
            if (bound is { } token && Unescape(token.Text) == name) yield return use;
        }
    }

    public static bool SameName(string a, string b) => string.Equals(Unescape(a), Unescape(b), StringComparison.Ordinal);
}
