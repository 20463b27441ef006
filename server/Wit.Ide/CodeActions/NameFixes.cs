using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Wit.Nodes;
using Wit.Ide.Completion;
using Wit.Ide.Edits;

namespace Wit.Ide.CodeActions;

/// <summary>Fixes that change one name: a close match for an unknown name, a <c>use</c> that brings it in, a <c>%</c> escape, kebab-case, a shorter method name.</summary>
internal static class NameFixes
{
    /// <summary>WIT1001: "Change to `y`" for close names in scope, and "Add `use ...`" for types other interfaces define.</summary>
    public static IEnumerable<CodeActionResult> ForUnknownName(CodeActionContext context, Diagnostic diagnostic)
    {
        if (context.TokenAt(diagnostic.Span) is not { Kind: SyntaxKind.IdentifierToken } token) yield break;
        string typed = WitCompletionScope.Unescape(token.Text);
        var scope = new WitCompletionScope(context.Snapshot, context.Path, context.Root);
        var parent = token.Parent;
        var candidates = new List<string>();
        if (parent.Kind == SyntaxKind.NamedType)
        {
            candidates.AddRange(scope.VisibleTypes(parent).Select(t => t.Name));
            // A misspelled built-in (`option<strng>`) is an unknown name like any other.
            candidates.AddRange(WitCompletionCatalog.Primitives);
        }
        else if (parent.Kind == SyntaxKind.UseName && parent.Parent?.Parent is { } useNode && WitNode.From(useNode) is UseItemSyntax { Path: { } usePath }
                 && scope.ResolveInterface(usePath) is { } target)
        {
            candidates.AddRange(target.Types.Keys);
        }
        else if (parent.Kind == SyntaxKind.UsePath && scope.CurrentPackage(parent) is { } package)
        {
            candidates.AddRange(package.Interfaces.Keys);
            if (parent.Parent?.Kind == SyntaxKind.IncludeItem) candidates.AddRange(package.Worlds.Keys);
        }

        var close = candidates.Distinct(StringComparer.Ordinal).Where(c => EditDistance.IsClose(typed, c))
            .OrderBy(c => EditDistance.Between(typed, c)).ThenBy(c => c, StringComparer.Ordinal).Take(3).ToList();
        foreach (var name in close)
        {
            // A built-in is written as a keyword; a declared name that is one needs its `%`.
            string text = parent.Kind == SyntaxKind.NamedType && Array.IndexOf(WitCompletionCatalog.Primitives, name) >= 0 ? name : Escaped(name);
            yield return context.QuickFix($"Change to `{name}`", diagnostic, preferred: close.Count == 1, new IdeTextEdit(token.Span, text));
        }

        if (parent.Kind != SyntaxKind.NamedType) yield break;
        foreach (var action in AddUse(context, scope, diagnostic, token, typed)) yield return action;
    }

    /// <summary>"Add `use path.{name}`" for each interface (of this package or a known one) that defines the type.</summary>
    private static IEnumerable<CodeActionResult> AddUse(CodeActionContext context, WitCompletionScope scope, Diagnostic diagnostic, SyntaxToken token, string name)
    {
        var body = token.Parent.AncestorsAndSelf().FirstOrDefault(n => n.Kind is SyntaxKind.InterfaceBody or SyntaxKind.WorldBody);
        if (body is null) yield break;
        int count = 0;
        foreach (var usable in scope.UsableInterfaces(body))
        {
            if (!usable.Interface.Types.TryGetValue(name, out var type) || type is null) continue;
            if (type.Kind == TypeDefinitionKind.Alias && type.Element?.Definition?.Owner.Interface is { } owner && owner != usable.Interface) continue;
            var edit = UseInsertion.Edit(context.Text, body, usable.Path, name);
            if (edit is null) continue;
            yield return context.QuickFix($"Add `use {usable.Path}.{{{name}}}`", diagnostic, preferred: false, edit.Value);
            if (++count == 5) yield break;
        }
    }

    /// <summary>
    /// WIT0001 around a keyword used as a name: "found keyword `record`" on the keyword itself, or the error at the
    /// <c>:</c> after a keyword that the parser took as the start of an item (<c>record: func()</c>).
    /// </summary>
    public static IEnumerable<CodeActionResult> EscapeKeyword(CodeActionContext context, Diagnostic diagnostic)
    {
        if (context.Root.FindToken(diagnostic.Span.Start) is not { } token || token.IsMissing) yield break;
        SyntaxToken? keyword = null;
        if (SyntaxFacts.IsKeyword(token.Kind) && token.Span.Start == diagnostic.Span.Start) keyword = token;
        else if (token.Kind == SyntaxKind.ColonToken && RealPrevious(token) is { } before && SyntaxFacts.IsKeyword(before.Kind) && OnlySpaceBetween(context, before, token))
        {
            keyword = before;
        }

        if (keyword is not { } found) yield break;
        yield return context.QuickFix($"Escape with `%` (`%{found.Text}`)", diagnostic, preferred: true, new IdeTextEdit(new TextSpan(found.Span.Start, 0), "%"));
    }

    private static SyntaxToken? RealPrevious(SyntaxToken token)
    {
        var previous = SyntaxNode.PreviousToken(token);
        while (previous is { IsMissing: true } missing) previous = SyntaxNode.PreviousToken(missing);
        return previous;
    }

    private static bool OnlySpaceBetween(CodeActionContext context, SyntaxToken before, SyntaxToken after) =>
        before.Span.End <= after.Span.Start && context.Text.Substring(before.Span.End, after.Span.Start - before.Span.End).Trim().Length == 0;

    /// <summary>WIT0005: "Convert to `my-name`" for a name that is not kebab-case.</summary>
    public static IEnumerable<CodeActionResult> Kebab(CodeActionContext context, Diagnostic diagnostic)
    {
        if (context.TokenAt(diagnostic.Span) is not { Kind: SyntaxKind.IdentifierToken } token) yield break;
        bool escaped = token.Text.StartsWith("%", StringComparison.Ordinal);
        string name = escaped ? token.Text.Substring(1) : token.Text;
        if (KebabCase.Convert(name) is not { } kebab || kebab == name) yield break;
        string replacement = escaped || SyntaxFacts.IsKeyword(SyntaxFacts.GetKeywordKind(kebab)) ? "%" + kebab : kebab;
        yield return context.QuickFix($"Convert to `{replacement}`", diagnostic, preferred: true, new IdeTextEdit(token.Span, replacement));
    }

    /// <summary>WIT2010: rename a resource method that repeats the resource's name, unless the short name is taken.</summary>
    public static IEnumerable<CodeActionResult> Unstutter(CodeActionContext context, Diagnostic diagnostic)
    {
        if (context.TokenAt(diagnostic.Span) is not { Kind: SyntaxKind.IdentifierToken } token) yield break;
        var body = token.Parent.Parent;
        if (body?.Kind != SyntaxKind.ResourceBody || body.Parent is not { } resource) yield break;
        var resourceName = resource.ChildTokens().FirstOrDefault(t => t.Kind == SyntaxKind.IdentifierToken && !t.IsMissing);
        if (resourceName.Parent is null) yield break;
        string prefix = WitCompletionScope.Unescape(resourceName.Text) + "-";
        string name = WitCompletionScope.Unescape(token.Text);
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || name.Length == prefix.Length) yield break;
        string shorter = name.Substring(prefix.Length);
        foreach (var member in body.ChildNodes())
        {
            var memberName = member.ChildTokens().FirstOrDefault(t => t.Kind == SyntaxKind.IdentifierToken && !t.IsMissing);
            if (memberName.Parent is not null && WitCompletionScope.Unescape(memberName.Text) == shorter) yield break;
        }

        yield return context.QuickFix($"Rename to `{shorter}`", diagnostic, preferred: true, new IdeTextEdit(token.Span, Escaped(shorter)));
    }

    /// <summary>A name as written in WIT: keywords need a <c>%</c>.</summary>
    internal static string Escaped(string name) => SyntaxFacts.IsKeyword(SyntaxFacts.GetKeywordKind(name)) ? "%" + name : name;
}
