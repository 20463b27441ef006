using System.Linq;
using System.Text;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Witx.Semantics;
using Wit.Ide.Abi;
using Wit.Ide.Analysis;

namespace Wit.Ide.Hover;

/// <summary>
/// Hover in a <c>.witx</c> document: on a <c>$name</c> that declares or names a typename, its definition (the form as
/// written), its <c>;;;</c> docs and its witx layout (size, alignment, field offsets, tag and payload); on a module's
/// name, its functions; on a function's export name, its parameters, results and core signature.
/// </summary>
internal static class WitxHover
{
    /// <summary>Definitions longer than this many lines are cut: a hover is a summary.</summary>
    private const int MaxDefinitionLines = 24;

    public static HoverResult? Hover(WitxAnalysis analysis, string path, int offset)
    {
        if (ItemLocator.TokenAt(analysis.Tree, offset) is not { IsMissing: false } token) return null;
        if (!(token.Span.Start <= offset && offset <= token.Span.End)) return null;
        var model = analysis.Model;
        if (token.Kind == SyntaxKind.WitxStringToken && token.Parent.Kind == SyntaxKind.WitxExport)
        {
            var function = model.Modules.SelectMany(m => m.Functions).FirstOrDefault(f => f.Location.Path == path && f.Location.Span.Start == token.Span.Start);
            return function is null ? null : new HoverResult(token.Span, Function(function));
        }

        if (token.Kind != SyntaxKind.WitxIdentifierToken || token.Text.Length < 2) return null;
        string name = token.Text.Substring(1);
        if (token.Parent.Kind == SyntaxKind.WitxModule && model.FindModule(name) is { } module)
        {
            var builder = new StringBuilder("```witx\n(module $").Append(module.Name).Append(")\n```\n");
            if (module.Docs is { Length: > 0 } moduleDocs) builder.Append("\n---\n\n").Append(moduleDocs.Trim()).Append('\n');
            builder.Append("\n---\n\n").Append(module.Functions.Count).Append(" functions: ")
                .Append(string.Join(", ", module.Functions.Select(f => "`" + f.Name + "`"))).Append('\n');
            return new HoverResult(token.Span, builder.ToString());
        }

        // A parameter, result, field or case name is the first `$name` of its form; any other `$name` names a type.
        bool isMemberName = token.Parent.Kind is SyntaxKind.WitxParam or SyntaxKind.WitxResult or SyntaxKind.WitxField
            && token.Parent.ChildTokens().FirstOrDefault(t => t.Kind == SyntaxKind.WitxIdentifierToken).Span.Start == token.Span.Start;
        if (isMemberName)
        {
            return new HoverResult(token.Span, "```witx\n" + token.Parent.ToString() + "\n```\n");
        }

        return model.FindTypename(name) is { } typename ? new HoverResult(token.Span, Typename(typename, model)) : null;
    }

    private static string Typename(WitxTypename typename, WitxModel model)
    {
        var markdown = new StringBuilder("```witx\n").Append(DefinitionText(typename.Location, model) ?? "(typename $" + typename.Name + " " + typename.Type + ")").Append("\n```\n");
        if (typename.Docs is { Length: > 0 } docs) markdown.Append("\n---\n\n").Append(docs.Trim()).Append('\n');
        var type = typename.Type;
        var layout = type.Layout;
        markdown.Append("\n---\n\n**witx layout**\n\n| size | alignment |\n|---|---|\n| ").Append(layout.Size).Append(" | ").Append(layout.Alignment).Append(" |\n");
        if (type.Kind == WitxTypeKind.Record && !type.IsBitflags && type.Members.Count > 0)
        {
            markdown.Append("\n| field | type | offset | size |\n|---|---|---|---|\n");
            for (int i = 0; i < type.Members.Count && i < layout.FieldOffsets.Count; i++)
            {
                var member = type.Members[i];
                string size = member.Type?.Type.Layout.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
                markdown.Append("| ").Append(member.Name).Append(" | `").Append(member.Type?.ToString() ?? "?").Append("` | ").Append(layout.FieldOffsets[i]).Append(" | ").Append(size).Append(" |\n");
            }
        }
        else if (type.Kind == WitxTypeKind.Variant)
        {
            markdown.Append("\ntag ").Append(layout.TagSize).Append(layout.TagSize == 1 ? " byte" : " bytes").Append(", payload at offset ").Append(layout.PayloadOffset).Append('\n');
        }

        return markdown.ToString();
    }

    private static string Function(WitxFunction function)
    {
        var markdown = new StringBuilder("```witx\n(@interface func (export \"").Append(function.Name).Append("\")");
        foreach (var parameter in function.Params) markdown.Append("\n  (param $").Append(parameter.Name).Append(' ').Append(parameter.Type?.ToString() ?? "?").Append(')');
        foreach (var result in function.Results) markdown.Append("\n  (result $").Append(result.Name).Append(' ').Append(result.Type?.ToString() ?? "?").Append(')');
        markdown.Append(")\n```\n");
        if (function.Docs is { Length: > 0 } docs) markdown.Append("\n---\n\n").Append(docs.Trim()).Append('\n');
        markdown.Append("\n---\n\n");
        if (WitxAbi.Signature(function) is { } signature)
        {
            markdown.Append("core signature: `").Append(signature).Append('`');
            if (signature.ReturnPointerCount > 0) markdown.Append(" (").Append(signature.ReturnPointerCount).Append(" return pointer").Append(signature.ReturnPointerCount == 1 ? ")" : "s)");
            markdown.Append('\n');
        }
        else
        {
            markdown.Append("*No core signature").Append(function.AbiProblem is { } problem ? ": " + problem : string.Empty).Append(".*\n");
        }

        return markdown.ToString();
    }

    /// <summary>The <c>(typename ...)</c> form declaring the name at <paramref name="location"/>, as written (shortened).</summary>
    private static string? DefinitionText(SourceLocation location, WitxModel model)
    {
        var tree = model.Files.FirstOrDefault(f => ReferenceEquals(f.Text, location.Document) || f.Text.Path is { } p && p == location.Path);
        if (tree?.Root.FindToken(location.Span.Start) is not { } token) return null;
        var form = token.Parent.AncestorsAndSelf().FirstOrDefault(n => n.Kind == SyntaxKind.WitxTypename);
        if (form is null) return null;
        var lines = tree.Text.Text.Substring(form.Span.Start, form.Span.Length).Replace("\r\n", "\n").Split('\n');
        return lines.Length <= MaxDefinitionLines ? string.Join("\n", lines) : string.Join("\n", lines.Take(MaxDefinitionLines)) + "\n  ;; ...";
    }
}
