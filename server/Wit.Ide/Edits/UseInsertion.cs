using System.Collections.Generic;
using System.Linq;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Wit.Nodes;

namespace Wit.Ide.Edits;

/// <summary>
/// The edit that brings a type into an interface or world body with <c>use</c>: the name appended to an existing
/// <c>use</c> of the same path, or a new <c>use path.{name};</c> line after the last <c>use</c> (or before the first
/// member), indented like its neighbours and with the document's line break. Shared by the "add missing use" quick fix
/// and completion of types from other interfaces.
/// </summary>
internal sealed class UseInsertion
{
    private readonly string _text;
    private readonly SyntaxNode _body;
    private readonly List<(UseItemSyntax Use, string Path)> _uses;

    /// <summary>Reads the body's <c>use</c> items once, for any number of edits.</summary>
    public UseInsertion(string text, SyntaxNode body)
    {
        _text = text;
        _body = body;
        _uses = body.ChildNodes().Where(n => n.Kind == SyntaxKind.UseItem).Select(n => (UseItemSyntax)WitNode.From(n)!)
            .Select(u => (u, u.Path is { } p ? Normalize(p.ToString()) : string.Empty)).ToList();
    }

    /// <summary>The edit, or null when the body has no place for it (an empty body, a broken <c>use</c> list).</summary>
    public static IdeTextEdit? Edit(string text, SyntaxNode body, string path, string name) => new UseInsertion(text, body).Edit(path, name);

    /// <summary>The edit that adds <paramref name="name"/> from <paramref name="path"/>, or null when there is no place for it.</summary>
    public IdeTextEdit? Edit(string path, string name)
    {
        string text = _text;
        string normalized = Normalize(path);
        foreach (var (use, usePath) in _uses)
        {
            if (use.Path is null || usePath != normalized) continue;
            var list = use.Syntax.ChildNodes().FirstOrDefault(n => n.Kind == SyntaxKind.UseNameList);
            var close = list?.ChildTokens().LastOrDefault(t => t.Kind == SyntaxKind.CloseBraceToken && !t.IsMissing);
            if (list is null || close is not { Parent: not null } closer) return null;
            var last = use.Names.LastOrDefault();
            if (last is null) return new IdeTextEdit(new TextSpan(closer.Span.Start, 0), name);
            return new IdeTextEdit(new TextSpan(last.Span.End, 0), ", " + name);
        }

        string line = $"use {path}.{{{name}}};";
        string newLine = TextLayout.NewLine(text);
        if (_uses.Count > 0)
        {
            var after = _uses[_uses.Count - 1].Use;
            return new IdeTextEdit(new TextSpan(after.Span.End, 0), newLine + TextLayout.IndentOf(text, after.Span.Start) + line);
        }

        var first = _body.ChildNodes().FirstOrDefault();
        if (first is null) return null;
        return new IdeTextEdit(new TextSpan(first.Span.Start, 0), line + newLine + TextLayout.IndentOf(text, first.Span.Start));
    }

    private static string Normalize(string path) => string.Concat(path.Where(c => !char.IsWhiteSpace(c)));
}
