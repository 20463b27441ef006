using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Wit.Nodes;
using Wit.Ide.Analysis;
using Wit.Ide.Edits;

namespace Wit.Ide.Completion;

/// <summary>
/// Completion for WIT and WITX documents: what may be typed at a cursor, decided from the syntax tree around it (which
/// the parser builds even for half-typed code) and the names the snapshot's analyses know.
/// </summary>
public static class CompletionProvider
{
    /// <summary>The proposals at <paramref name="offset"/> of <paramref name="path"/>, or null when nothing applies (in a comment, a string, an unknown place).</summary>
    public static CompletionResult? Complete(IdeSnapshot snapshot, string path, int offset)
    {
        if (snapshot.GetDocument(path) is not { } document) return null;
        string text = document.Text.Text;
        if (offset < 0 || offset > text.Length) return null;
        if (document.Language == SyntaxLanguage.Witx) return WitxCompletion.Complete(snapshot, document, offset);

        var root = document.Tree.Root;
        if (InCommentOrString(root, offset)) return null;
        var fragment = Fragment(text, offset);
        var previous = PreviousToken(root, fragment.Start);
        var context = WitCompletionClassifier.Classify(previous);
        if (context.Place == WitCompletionPlace.None) return null;

        var scope = new WitCompletionScope(snapshot, path, root);
        var anchor = previous?.Parent ?? root;
        var items = new List<CompletionItemResult>();
        bool incomplete = false;
        switch (context.Place)
        {
            case WitCompletionPlace.TopLevel:
                items.AddRange(WitCompletionCatalog.TopLevel());
                break;
            case WitCompletionPlace.InterfaceMember:
                items.AddRange(WitCompletionCatalog.InterfaceMembers());
                break;
            case WitCompletionPlace.WorldMember:
                items.AddRange(WitCompletionCatalog.WorldMembers());
                break;
            case WitCompletionPlace.ResourceMember:
                items.AddRange(WitCompletionCatalog.ResourceMembers());
                break;
            case WitCompletionPlace.FunctionKeyword:
                items.AddRange(WitCompletionCatalog.FunctionKeywords(resource: false));
                break;
            case WitCompletionPlace.ResourceFunctionKeyword:
                items.AddRange(WitCompletionCatalog.FunctionKeywords(resource: true));
                break;
            case WitCompletionPlace.Type:
                items.AddRange(WitCompletionCatalog.BuiltinTypes());
                items.AddRange(TypeItems(scope, anchor, resourcesOnly: false));
                items.AddRange(UsableTypeItems(scope, anchor, text, fragment, resourcesOnly: false));
                incomplete = true;
                break;
            case WitCompletionPlace.HandleType:
                items.AddRange(TypeItems(scope, anchor, resourcesOnly: true));
                items.AddRange(UsableTypeItems(scope, anchor, text, fragment, resourcesOnly: true));
                incomplete = true;
                break;
            case WitCompletionPlace.UsePath:
            case WitCompletionPlace.ImportPath:
            case WitCompletionPlace.IncludePath:
                items.AddRange(PathItems(scope, context, text, fragment.Start));
                break;
            case WitCompletionPlace.UseNames:
                items.AddRange(UseNameItems(scope, context.Node, fragment));
                break;
            case WitCompletionPlace.AttributeName:
                items.AddRange(WitCompletionCatalog.AttributeNames());
                break;
            case WitCompletionPlace.AttributeKey:
                items.AddRange(AttributeKeyItems(context.Node));
                break;
        }

        return new CompletionResult(fragment, items, IsIncomplete: incomplete);
    }

    /// <summary>The identifier being typed around the cursor: kebab-case characters and a leading <c>%</c>.</summary>
    internal static TextSpan Fragment(string text, int offset)
    {
        int start = offset;
        while (start > 0 && IsNameChar(text[start - 1])) start--;
        int end = offset;
        while (end < text.Length && IsNameChar(text[end])) end++;
        return TextSpan.FromBounds(start, end);
    }

    private static bool IsNameChar(char c) => c is '-' or '%' or '_' || c < 0x80 && char.IsLetterOrDigit(c);

    /// <summary>The last real (not missing, not empty) token that ends at or before <paramref name="position"/>.</summary>
    internal static SyntaxToken? PreviousToken(SyntaxNode root, int position)
    {
        SyntaxToken? candidate = root.FindToken(position);
        while (candidate is { } token)
        {
            if (!token.IsMissing && token.Span.Length > 0 && token.Span.End <= position && token.Kind != SyntaxKind.EndOfFileToken) return token;
            candidate = SyntaxNode.PreviousToken(token);
        }

        return null;
    }

    /// <summary>True inside a comment or a string literal, where nothing should be proposed.</summary>
    internal static bool InCommentOrString(SyntaxNode root, int offset)
    {
        if (root.FindToken(offset) is not { } token) return false;
        if (token.Kind is SyntaxKind.StringToken or SyntaxKind.WitxStringToken && token.Span.Start < offset && offset < token.Span.End) return true;
        foreach (var candidate in new[] { token, SyntaxNode.PreviousToken(token) })
        {
            if (candidate is not { } t) continue;
            foreach (var trivia in t.LeadingTrivia.Concat(t.TrailingTrivia))
            {
                if (!trivia.IsComment) continue;
                bool lineComment = trivia.Kind is SyntaxKind.LineCommentTrivia or SyntaxKind.DocLineCommentTrivia;
                if (trivia.Span.Start < offset && (offset < trivia.Span.End || lineComment && offset == trivia.Span.End)) return true;
            }
        }

        return false;
    }

    private static IEnumerable<CompletionItemResult> TypeItems(WitCompletionScope scope, SyntaxNode anchor, bool resourcesOnly)
    {
        foreach (var type in scope.VisibleTypes(anchor))
        {
            if (resourcesOnly && !type.IsResource) continue;
            yield return new CompletionItemResult(
                type.Name,
                type.IsResource ? CompletionItemKind.Resource : CompletionItemKind.Type,
                type.Detail,
                Documentation: type.Definition?.Docs,
                SortText: WitCompletionCatalog.LocalGroup + type.Name);
        }
    }

    /// <summary>The editor's own filter, roughly: the same first character, then the rest in order.</summary>
    private static bool FuzzyMatches(string typed, string name)
    {
        if (name.Length == 0 || char.ToLowerInvariant(name[0]) != char.ToLowerInvariant(typed[0])) return false;
        int at = 1;
        for (int i = 1; i < typed.Length; i++)
        {
            while (at < name.Length && char.ToLowerInvariant(name[at]) != char.ToLowerInvariant(typed[i])) at++;
            if (at++ >= name.Length) return false;
        }

        return true;
    }

    /// <summary>
    /// Types of other interfaces (see <see cref="WitCompletionScope.UsableInterfaces"/>) that match the typed fragment and
    /// are not in scope under that name: choosing one also adds it to a <c>use</c> of its interface (an existing one, or
    /// a new line), as the "add missing use" quick fix does. Only once a character is typed: the WASI workspaces alone
    /// hold hundreds of types, too many to send with their edits and docs on every request (the result is marked
    /// incomplete, so the editor asks again as the fragment changes).
    /// </summary>
    private static IEnumerable<CompletionItemResult> UsableTypeItems(WitCompletionScope scope, SyntaxNode anchor, string text, TextSpan fragment, bool resourcesOnly)
    {
        string typed = text.Substring(fragment.Start, fragment.Length).TrimStart('%');
        var body = anchor.AncestorsAndSelf().FirstOrDefault(n => n.Kind is SyntaxKind.InterfaceBody or SyntaxKind.WorldBody);
        if (typed.Length == 0 || body is null) yield break;
        var visible = new HashSet<string>(scope.VisibleTypes(anchor).Select(t => t.Name), StringComparer.Ordinal);
        var insertion = new UseInsertion(text, body);
        foreach (var usable in scope.UsableInterfaces(body))
        {
            foreach (var (name, type) in usable.Interface.Types)
            {
                if (type is null || visible.Contains(name) || !FuzzyMatches(typed, name)) continue;
                bool resource = WitCompletionScope.IsResource(type);
                if (resourcesOnly && !resource) continue;
                if (insertion.Edit(usable.Path, name) is not { } edit) continue;
                yield return new CompletionItemResult(
                    name,
                    resource ? CompletionItemKind.Resource : CompletionItemKind.Type,
                    $"use {usable.Path}.{{{name}}}",
                    Documentation: type.Docs,
                    SortText: (usable.SamePackage ? WitCompletionCatalog.LocalGroup + "~" : WitCompletionCatalog.ForeignGroup) + name + " " + usable.Path,
                    AdditionalEdits: new[] { edit });
            }
        }
    }

    /// <summary>
    /// Interface or world paths after <c>use</c>, <c>import</c>, <c>export</c> or <c>include</c>. The text already
    /// typed before the fragment decides the level: nothing (local names and full <c>ns:pkg/name@version</c> paths),
    /// <c>ns:</c> (the packages of that namespace) or <c>ns:pkg/</c> (the items of that package).
    /// </summary>
    private static IEnumerable<CompletionItemResult> PathItems(WitCompletionScope scope, WitCompletionContext context, string text, int fragmentStart)
    {
        var owner = context.Node;
        if (owner is null) yield break;
        bool worlds = context.Place == WitCompletionPlace.IncludePath;
        bool import = context.Place == WitCompletionPlace.ImportPath;
        var keyword = owner.ChildTokens().FirstOrDefault(t => t.Kind is SyntaxKind.UseKeyword or SyntaxKind.ImportKeyword or SyntaxKind.ExportKeyword or SyntaxKind.IncludeKeyword);
        int prefixStart = keyword.Parent is null ? owner.Span.Start : keyword.Span.End;
        if (prefixStart > fragmentStart) yield break;
        string prefix = string.Concat(text.Substring(prefixStart, fragmentStart - prefixStart).Where(c => !char.IsWhiteSpace(c)));
        var current = scope.CurrentPackage(owner);

        if (prefix.Length == 0)
        {
            var local = new HashSet<string>(StringComparer.Ordinal);
            if (current is not null)
            {
                if (worlds)
                {
                    foreach (var world in current.Worlds.Values)
                    {
                        if (local.Add(world.Name)) yield return new(world.Name, CompletionItemKind.World, current.Name.ToString(), world.Docs, SortText: WitCompletionCatalog.LocalGroup + world.Name);
                    }
                }
                else
                {
                    foreach (var @interface in current.Interfaces.Values)
                    {
                        if (@interface.Name is { } name && local.Add(name))
                            yield return new(name, CompletionItemKind.Interface, current.Name.ToString(), @interface.Docs, SortText: WitCompletionCatalog.LocalGroup + name);
                    }
                }
            }

            if (!worlds)
            {
                foreach (var name in scope.SyntacticInterfaces())
                {
                    if (local.Add(name)) yield return new(name, CompletionItemKind.Interface, SortText: WitCompletionCatalog.LocalGroup + name);
                }
            }

            foreach (var package in scope.KnownPackages())
            {
                if (package == current) continue;
                foreach (var (name, docs) in Items(package, worlds))
                {
                    string label = Qualified(package, name, withPackage: true);
                    yield return new(label, worlds ? CompletionItemKind.World : CompletionItemKind.Interface, package.Name.ToString(), docs,
                        SortText: WitCompletionCatalog.ForeignGroup + label);
                }
            }

            if (import)
            {
                yield return WitCompletionCatalog.Snippet("name: func", "${1:name}: func($2) -> $0;", "function", "func");
                yield return WitCompletionCatalog.Snippet("name: interface", "${1:name}: interface {\n\t$0\n}", "inline interface", "interface");
            }

            yield break;
        }

        // `import name:` reads like `import ns:` until more is typed: offer both the function keywords and the packages.
        if (import && owner.ChildTokens().Any(t => t.Kind == SyntaxKind.ColonToken))
        {
            foreach (var item in WitCompletionCatalog.FunctionKeywords(resource: false)) yield return item;
            yield return WitCompletionCatalog.Keyword("interface");
        }

        int colon = prefix.IndexOf(':');
        if (colon <= 0 || prefix.IndexOf('@') >= 0) yield break;
        string ns = prefix.Substring(0, colon);
        string rest = prefix.Substring(colon + 1);
        int slash = rest.IndexOf('/');
        foreach (var package in scope.KnownPackages())
        {
            if (package == current || package.Name.Namespace != ns) continue;
            if (slash < 0)
            {
                if (rest.Length > 0) continue;
                foreach (var (name, docs) in Items(package, worlds))
                {
                    string label = $"{package.Name.Name}/{Qualified(package, name, withPackage: false)}";
                    yield return new(label, worlds ? CompletionItemKind.World : CompletionItemKind.Interface, package.Name.ToString(), docs,
                        SortText: WitCompletionCatalog.ForeignGroup + label);
                }
            }
            else if (rest.Substring(0, slash) == package.Name.Name && slash == rest.Length - 1)
            {
                foreach (var (name, docs) in Items(package, worlds))
                {
                    string label = Qualified(package, name, withPackage: false);
                    yield return new(label, worlds ? CompletionItemKind.World : CompletionItemKind.Interface, package.Name.ToString(), docs,
                        SortText: WitCompletionCatalog.ForeignGroup + label);
                }
            }
        }
    }

    private static IEnumerable<(string Name, string? Docs)> Items(Package package, bool worlds) => worlds
        ? package.Worlds.Values.Select(w => (w.Name, w.Docs))
        : package.Interfaces.Values.Where(i => i.Name is not null).Select(i => (i.Name!, i.Docs));

    /// <summary><c>ns:pkg/name@version</c> (or <c>name@version</c> without the package).</summary>
    private static string Qualified(Package package, string name, bool withPackage)
    {
        string path = withPackage ? $"{package.Name.WithoutVersion}/{name}" : name;
        return package.Name.Version is { } version ? $"{path}@{version}" : path;
    }

    /// <summary>The types of the interface a <c>use</c> names, but those the list already has.</summary>
    private static IEnumerable<CompletionItemResult> UseNameItems(WitCompletionScope scope, SyntaxNode? useNode, TextSpan fragment)
    {
        if (useNode is null || WitNode.From(useNode) is not UseItemSyntax use || use.Path is not { } path) yield break;
        if (scope.ResolveInterface(path) is not { } target) yield break;
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in use.Names)
        {
            if (name.Name is { } token && !token.Span.IntersectsWith(fragment)) listed.Add(WitCompletionScope.Unescape(token.Text));
        }

        foreach (var type in target.Types)
        {
            if (listed.Contains(type.Key)) continue;
            bool resource = WitCompletionScope.IsResource(type.Value);
            yield return new(type.Key, resource ? CompletionItemKind.Resource : CompletionItemKind.Type, type.Value.Kind.ToString().ToLowerInvariant(),
                type.Value.Docs, SortText: WitCompletionCatalog.LocalGroup + type.Key);
        }
    }

    private static IEnumerable<CompletionItemResult> AttributeKeyItems(SyntaxNode? attribute)
    {
        if (attribute is null || WitNode.From(attribute) is not AttributeSyntax syntax || syntax.Name is not { } name) yield break;
        string? key = name.Text switch
        {
            "since" or "deprecated" => "version",
            "unstable" => "feature",
            _ => null,
        };
        if (key is null) yield break;
        yield return new(key, CompletionItemKind.Property, $"{key} = ...", InsertText: key + " = $0", IsSnippet: true, SortText: WitCompletionCatalog.KeywordGroup + key, FilterText: key);
    }
}
