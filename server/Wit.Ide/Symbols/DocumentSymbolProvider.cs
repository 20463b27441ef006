using System;
using System.Collections.Generic;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Ide.Analysis;
using static Wit.Ide.Symbols.DocumentSyntaxText;

namespace Wit.Ide.Symbols;

/// <summary>
/// The outline of one document, from its syntax tree alone (so it works on broken code and never waits for the
/// resolver): packages (a nested package contains its items), interfaces, worlds with their imports, exports, uses and
/// includes, types with their fields and cases, resources with their methods, functions with their signatures. For
/// WITX: typenames with their fields and cases, modules with their imports and functions, constants.
/// </summary>
public static class DocumentSymbolProvider
{
    /// <summary>The document's top-level symbols, each with its children; empty when the document is unknown.</summary>
    public static IReadOnlyList<DocumentSymbolResult> Symbols(IdeSnapshot snapshot, string path)
    {
        if (snapshot.GetDocument(path) is not { } document) return Array.Empty<DocumentSymbolResult>();
        var tree = document.Tree;
        var top = new List<DocumentSymbolResult>();

        // Every container is visited from this explicit stack, with the list its symbols go into; each symbol's
        // children list is filled when its container is popped, so the depth of nesting never grows the call stack.
        var pending = new Stack<(SyntaxNode Container, List<DocumentSymbolResult> Into)>();
        pending.Push((tree.Root, top));
        bool witx = tree.Language == SyntaxLanguage.Witx;
        while (pending.Count > 0)
        {
            var (container, into) = pending.Pop();
            foreach (var child in container.ChildNodes())
            {
                if (witx) AddWitx(child, into, pending);
                else AddWit(child, into, pending);
            }
        }

        return top;
    }

    private static void AddWit(SyntaxNode node, List<DocumentSymbolResult> into, Stack<(SyntaxNode, List<DocumentSymbolResult>)> pending)
    {
        switch (node.Kind)
        {
            case SyntaxKind.PackageDeclaration:
            case SyntaxKind.NestedPackage:
            {
                if (ChildNode(node, SyntaxKind.PackageName) is not { } name) return;
                var children = new List<DocumentSymbolResult>();
                into.Add(new DocumentSymbolResult(OneLine(name), null, IdeSymbolKind.Package, node.Span, name.Span, children));
                if (node.Kind == SyntaxKind.NestedPackage) pending.Push((node, children));
                return;
            }

            case SyntaxKind.Interface:
                Named(node, IdeSymbolKind.Interface, null, ChildNode(node, SyntaxKind.InterfaceBody), into, pending);
                return;
            case SyntaxKind.World:
                Named(node, IdeSymbolKind.World, null, ChildNode(node, SyntaxKind.WorldBody), into, pending);
                return;
            case SyntaxKind.Record:
                Named(node, IdeSymbolKind.Record, null, ChildNode(node, SyntaxKind.RecordFieldList), into, pending);
                return;
            case SyntaxKind.Variant:
                Named(node, IdeSymbolKind.Variant, null, ChildNode(node, SyntaxKind.VariantCaseList), into, pending);
                return;
            case SyntaxKind.Enum:
                Named(node, IdeSymbolKind.Enum, null, ChildNode(node, SyntaxKind.EnumCaseList), into, pending);
                return;
            case SyntaxKind.Flags:
                Named(node, IdeSymbolKind.Flags, null, ChildNode(node, SyntaxKind.FlagsMemberList), into, pending);
                return;
            case SyntaxKind.Resource:
                Named(node, IdeSymbolKind.Resource, null, ChildNode(node, SyntaxKind.ResourceBody), into, pending);
                return;
            case SyntaxKind.TypeAlias:
                Named(node, IdeSymbolKind.TypeAlias, TextAfter(node, SyntaxKind.EqualsToken), null, into, pending);
                return;
            case SyntaxKind.RecordField:
                Named(node, IdeSymbolKind.Field, TextAfter(node, SyntaxKind.ColonToken), null, into, pending);
                return;
            case SyntaxKind.VariantCase:
                Named(node, IdeSymbolKind.Case, ChildNode(node, SyntaxKind.VariantCasePayload) is { } payload ? OneLine(payload) : null, null, into, pending);
                return;
            case SyntaxKind.EnumCase:
            case SyntaxKind.FlagsMember:
                Named(node, IdeSymbolKind.Case, null, null, into, pending);
                return;
            case SyntaxKind.FunctionItem:
                Named(node, IdeSymbolKind.Function, Signature(node), null, into, pending);
                return;
            case SyntaxKind.ResourceMethod:
                Named(node, IdeSymbolKind.Method, Signature(node), null, into, pending);
                return;
            case SyntaxKind.ResourceStaticFunction:
                Named(node, IdeSymbolKind.StaticMethod, Signature(node), null, into, pending);
                return;
            case SyntaxKind.ResourceConstructor:
            {
                var keyword = ChildToken(node, SyntaxKind.ConstructorKeyword);
                var parameters = ChildNode(node, SyntaxKind.ParameterList);
                into.Add(new DocumentSymbolResult("constructor", parameters is null ? null : OneLine(parameters), IdeSymbolKind.Constructor, node.Span, keyword?.Span ?? node.Span, Array.Empty<DocumentSymbolResult>()));
                return;
            }

            case SyntaxKind.ImportItem:
            case SyntaxKind.ExportItem:
                AddExtern(node, into, pending);
                return;
            case SyntaxKind.UseItem:
            case SyntaxKind.TopLevelUse:
            {
                if (ChildNode(node, SyntaxKind.UsePath) is not { } usePath) return;
                string? detail = ChildNode(node, SyntaxKind.UseNameList) is { } names ? OneLine(names) : ChildToken(node, SyntaxKind.IdentifierToken) is { } alias ? "as " + alias.Text : null;
                into.Add(new DocumentSymbolResult(OneLine(usePath), detail, IdeSymbolKind.Use, node.Span, usePath.Span, Array.Empty<DocumentSymbolResult>()));
                return;
            }

            case SyntaxKind.IncludeItem:
            {
                if (ChildNode(node, SyntaxKind.UsePath) is not { } usePath) return;
                string? detail = ChildNode(node, SyntaxKind.IncludeNameList) is { } names ? "with " + OneLine(names) : null;
                into.Add(new DocumentSymbolResult(OneLine(usePath), detail, IdeSymbolKind.Include, node.Span, usePath.Span, Array.Empty<DocumentSymbolResult>()));
                return;
            }
        }
    }

    /// <summary>
    /// A world's <c>import</c> or <c>export</c>: named by its plain name or its interface path; an inline interface's
    /// members become the extern's children.
    /// </summary>
    private static void AddExtern(SyntaxNode node, List<DocumentSymbolResult> into, Stack<(SyntaxNode, List<DocumentSymbolResult>)> pending)
    {
        var kind = node.Kind == SyntaxKind.ImportItem ? IdeSymbolKind.Import : IdeSymbolKind.Export;
        var name = ChildToken(node, SyntaxKind.ColonToken) is null ? null : ChildToken(node, SyntaxKind.IdentifierToken);
        var usePath = ChildNode(node, SyntaxKind.UsePath);
        var function = ChildNode(node, SyntaxKind.FunctionType);
        var inline = ChildNode(node, SyntaxKind.InlineInterface);
        string? detail = function is not null ? OneLine(function) : inline is not null ? "interface" : null;
        var children = new List<DocumentSymbolResult>();
        if (name is { } token)
        {
            into.Add(new DocumentSymbolResult(Unescape(token.Text), detail, kind, node.Span, token.Span, children));
        }
        else if (usePath is not null && OneLine(usePath) is { Length: > 0 })
        {
            into.Add(new DocumentSymbolResult(OneLine(usePath), detail, kind, node.Span, usePath.Span, children));
        }
        else
        {
            return;
        }

        if (inline is not null && ChildNode(inline, SyntaxKind.InterfaceBody) is { } body) pending.Push((body, children));
    }

    /// <summary>An item named by its first identifier; its members (in <paramref name="body"/>) are visited later.</summary>
    private static void Named(SyntaxNode node, IdeSymbolKind kind, string? detail, SyntaxNode? body, List<DocumentSymbolResult> into, Stack<(SyntaxNode, List<DocumentSymbolResult>)> pending)
    {
        // A half-typed item (`record {`) has no name yet; its members still belong in the outline, under its keyword.
        var name = ChildToken(node, SyntaxKind.IdentifierToken);
        if (name is null && body is null) return;
        var children = body is null ? (IReadOnlyList<DocumentSymbolResult>)Array.Empty<DocumentSymbolResult>() : new List<DocumentSymbolResult>();
        string text = name is { } token ? Unescape(token.Text) : "<missing name>";
        into.Add(new DocumentSymbolResult(text, detail, kind, node.Span, name?.Span ?? new TextSpan(node.Span.Start, 0), children));
        if (body is not null) pending.Push((body, (List<DocumentSymbolResult>)children));
    }

    private static string? Signature(SyntaxNode node) => ChildNode(node, SyntaxKind.FunctionType) is { } type
        ? (ChildToken(node, SyntaxKind.StaticKeyword) is null ? string.Empty : "static ") + OneLine(type)
        : null;

    /// <summary>The one-line text of the first child node after the <paramref name="separator"/> token (a type).</summary>
    private static string? TextAfter(SyntaxNode node, SyntaxKind separator)
    {
        bool seen = false;
        foreach (var child in node.ChildrenWithTokens())
        {
            if (child.IsToken && child.Kind == separator) seen = true;
            else if (seen && child.AsNode() is { } type) return OneLine(type);
        }

        return null;
    }

    private static void AddWitx(SyntaxNode node, List<DocumentSymbolResult> into, Stack<(SyntaxNode, List<DocumentSymbolResult>)> pending)
    {
        switch (node.Kind)
        {
            case SyntaxKind.WitxTypename:
            {
                if (ChildToken(node, SyntaxKind.WitxIdentifierToken) is not { } name) return;
                var children = new List<DocumentSymbolResult>();
                SyntaxNode? type = null;
                string? detail = null;
                foreach (var child in node.ChildrenWithTokens())
                {
                    if (child.Span.Start <= name.Span.Start) continue;
                    if (child.AsNode() is { } form) type = form;
                    detail = child.IsToken && child.Kind == SyntaxKind.CloseParenToken ? detail : WitxHead(child);
                    break;
                }

                into.Add(new DocumentSymbolResult(name.Text, detail, IdeSymbolKind.Typename, node.Span, name.Span, children));
                if (type is not null) AddWitxMembers(type, children);
                return;
            }

            case SyntaxKind.WitxModule:
            {
                if (ChildToken(node, SyntaxKind.WitxIdentifierToken) is not { } name) return;
                var children = new List<DocumentSymbolResult>();
                into.Add(new DocumentSymbolResult(name.Text, null, IdeSymbolKind.Module, node.Span, name.Span, children));
                pending.Push((node, children));
                return;
            }

            case SyntaxKind.WitxImport:
            {
                if (ChildToken(node, SyntaxKind.WitxStringToken) is not { } name) return;
                into.Add(new DocumentSymbolResult(name.Text.Trim('"'), null, IdeSymbolKind.Import, node.Span, name.Span, Array.Empty<DocumentSymbolResult>()));
                return;
            }

            case SyntaxKind.WitxInterfaceFunc:
            {
                var export = ChildNode(node, SyntaxKind.WitxExport);
                if (export is null || ChildToken(export, SyntaxKind.WitxStringToken) is not { } name) return;
                into.Add(new DocumentSymbolResult(name.Text.Trim('"'), null, IdeSymbolKind.Function, node.Span, name.Span, Array.Empty<DocumentSymbolResult>()));
                return;
            }

            case SyntaxKind.WitxConst:
            {
                // `(@witx const $type $name value)`: the second identifier is the constant's own name.
                SyntaxToken? typeName = null, name = null;
                foreach (var token in node.ChildTokens())
                {
                    if (token.Kind != SyntaxKind.WitxIdentifierToken) continue;
                    if (typeName is null) typeName = token;
                    else if (name is null) name = token;
                }

                if (name is not { } constant) return;
                into.Add(new DocumentSymbolResult(constant.Text, typeName?.Text, IdeSymbolKind.Constant, node.Span, constant.Span, Array.Empty<DocumentSymbolResult>()));
                return;
            }
        }
    }

    /// <summary>The fields of a record or union and the cases of a variant, enum or flags type.</summary>
    private static void AddWitxMembers(SyntaxNode type, List<DocumentSymbolResult> into)
    {
        bool namesAreCases = type.Kind is SyntaxKind.WitxEnum or SyntaxKind.WitxFlags;
        foreach (var child in type.ChildrenWithTokens())
        {
            if (namesAreCases && child.IsToken && child.Kind == SyntaxKind.WitxIdentifierToken)
            {
                var token = child.AsToken();
                into.Add(new DocumentSymbolResult(token.Text, null, IdeSymbolKind.Case, token.Span, token.Span, Array.Empty<DocumentSymbolResult>()));
            }
            else if (child.AsNode() is { } member && member.Kind is SyntaxKind.WitxField or SyntaxKind.WitxCase
                && ChildToken(member, SyntaxKind.WitxIdentifierToken) is { } name)
            {
                var kind = member.Kind == SyntaxKind.WitxField ? IdeSymbolKind.Field : IdeSymbolKind.Case;
                into.Add(new DocumentSymbolResult(name.Text, null, kind, member.Span, name.Span, Array.Empty<DocumentSymbolResult>()));
            }
        }
    }

    /// <summary>A WITX type in short: a form's head keyword (<c>enum</c>, <c>record</c>) or a type name.</summary>
    private static string? WitxHead(SyntaxElement element)
    {
        if (element.IsToken) return element.AsToken().Text;
        foreach (var token in element.AsNode()!.ChildTokens())
        {
            if (token.Kind is SyntaxKind.WitxKeywordToken) return token.Text;
        }

        return null;
    }
}
