using System;
using System.Linq;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Ide.Analysis;
using Wit.Ide.Symbols;

namespace Wit.Ide.Abi;

/// <summary>
/// Finds the declared items around a cursor (the innermost type, function, interface or world whose syntax contains
/// it) and items by qualified name. The model only records where names are, so the containing item is found by
/// walking up the syntax tree and matching each enclosing item's name token with the symbol index.
/// </summary>
internal static class ItemLocator
{
    /// <summary>The token the cursor touches: the one containing the offset, else the one ending right at it.</summary>
    public static SyntaxToken? TokenAt(SyntaxTree tree, int offset)
    {
        int length = tree.Text.Text.Length;
        if (offset < 0 || offset > length) return null;
        var token = tree.Root.FindToken(Math.Min(offset, Math.Max(0, length - 1)));
        if (token is { } t && t.Span.Start <= offset && offset < t.Span.End) return t;
        if (offset > 0 && tree.Root.FindToken(offset - 1) is { } before && before.Span.Start < offset && offset <= before.Span.End) return before;
        return token;
    }

    /// <summary>
    /// The innermost item containing <paramref name="offset"/> whose symbol satisfies <paramref name="accept"/>
    /// (types, functions, interfaces and worlds are the candidates), or null.
    /// </summary>
    public static SymbolTarget? Containing(IdeSnapshot snapshot, string path, int offset, Func<object, bool> accept)
    {
        if (snapshot.GetDocument(path) is not { } document || snapshot.AnalysisOf(path) is not { } analysis) return null;
        if (TokenAt(document.Tree, offset) is not { } token) return null;
        var declarations = analysis.Symbols.DeclarationsIn(path);
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            if (!IsItem(node.Kind)) continue;
            if (NameToken(node) is not { } name) continue;
            var target = declarations.FirstOrDefault(d => d.Declaration!.Span.Start == name.Span.Start && d.Symbol is TypeDefinition or Function or Interface or World);
            if (target is not null && accept(target.Symbol)) return target;
        }

        return null;
    }

    /// <summary>
    /// The interface, world, type or function called <paramref name="name"/> in the first analysis that has one, as
    /// Core's <see cref="PackageLookup"/> names them: a qualified name (<c>ns:pkg/iface</c>, with a version when several
    /// are loaded; <c>iface.type</c>), or a plain name in the root package.
    /// </summary>
    public static object? ByName(IdeSnapshot snapshot, string name)
    {
        foreach (var analysis in snapshot.AllAnalyses())
        {
            if (PackageLookup.For(analysis.Workspace, analysis.Model).Find(name) is { } item) return item;
        }

        return null;
    }

    /// <summary>The end of the parameter list of the function whose name (or <c>constructor</c>) starts at <paramref name="nameStart"/>.</summary>
    public static int? ParameterListEnd(SyntaxTree tree, int nameStart)
    {
        if (tree.Root.FindToken(nameStart) is not { } token) return null;
        var item = token.Parent.AncestorsAndSelf().FirstOrDefault(n => IsItem(n.Kind));
        if (item is null) return null;
        foreach (var node in item.DescendantNodes())
        {
            if (node.Kind == SyntaxKind.ParameterList) return node.LastToken() is { IsMissing: true } ? null : node.Span.End;
        }

        return null;
    }

    private static bool IsItem(SyntaxKind kind) => kind is SyntaxKind.Record or SyntaxKind.Variant or SyntaxKind.Enum or SyntaxKind.Flags
        or SyntaxKind.Resource or SyntaxKind.TypeAlias or SyntaxKind.FunctionItem or SyntaxKind.ResourceMethod
        or SyntaxKind.ResourceStaticFunction or SyntaxKind.ResourceConstructor or SyntaxKind.Interface or SyntaxKind.World;

    /// <summary>The token the resolver records as the item's location: its name, or <c>constructor</c>.</summary>
    private static SyntaxToken? NameToken(SyntaxNode node)
    {
        foreach (var token in node.ChildTokens())
        {
            if (token.IsMissing) continue;
            if (token.Kind == SyntaxKind.IdentifierToken || node.Kind == SyntaxKind.ResourceConstructor && token.Kind == SyntaxKind.ConstructorKeyword) return token;
        }

        return null;
    }
}
