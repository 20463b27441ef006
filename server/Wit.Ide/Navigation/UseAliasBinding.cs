using System.Collections.Generic;
using System.Linq;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Wit.Nodes;

namespace Wit.Ide.Navigation;

/// <summary>
/// The name a top-level <c>use ns:pkg/iface as name;</c> binds in its document, with every local path in that document
/// that names it (<c>use name.{t}</c>, <c>import name;</c>, <c>export name;</c>). The resolver records those paths as
/// references to the interface, at the <c>use</c> itself, so the alias is found by syntax; references, highlights and
/// rename read it from here.
/// </summary>
/// <param name="Name">The bound name, unescaped.</param>
/// <param name="Declaration">The alias after <c>as</c>.</param>
/// <param name="Uses">The local path names that refer to it, in document order.</param>
internal sealed record UseAliasBinding(string Name, TextSpan Declaration, IReadOnlyList<TextSpan> Uses)
{
    /// <summary>The binding whose alias or local use is at <paramref name="offset"/>, or null.</summary>
    public static UseAliasBinding? At(SyntaxTree tree, int offset)
    {
        if (NameSyntax.IdentifierAt(tree, offset) is not { } token) return null;
        TopLevelUseSyntax? use = null;
        if (token.Parent.Kind == SyntaxKind.TopLevelUse && WitNode.From(token.Parent) is TopLevelUseSyntax own && own.Alias?.Span == token.Span)
        {
            use = own;
        }
        else if (IsLocalPathName(token))
        {
            use = NameSyntax.TopLevelUsesNamed(tree, NameSyntax.Unescape(token.Text)).FirstOrDefault(u => u.Alias is not null);
        }

        if (use?.Alias is not { } alias) return null;
        string name = NameSyntax.Unescape(alias.Text);
        var uses = new List<TextSpan>();
        foreach (var node in tree.Root.DescendantNodes())
        {
            if (node.Kind != SyntaxKind.UsePath || WitNode.From(node) is not UsePathSyntax { IsForeign: false } path) continue;
            foreach (var identifier in path.Identifiers)
            {
                if (!identifier.IsMissing && NameSyntax.Unescape(identifier.Text) == name) uses.Add(identifier.Span);
            }
        }

        return new UseAliasBinding(name, alias.Span, uses);
    }

    /// <summary>The declaration (when asked) and the uses, in document order.</summary>
    public IEnumerable<TextSpan> Occurrences(bool includeDeclaration) =>
        (includeDeclaration ? Uses.Append(Declaration) : Uses).OrderBy(s => s.Start);

    private static bool IsLocalPathName(SyntaxToken token) =>
        token.Parent.Kind == SyntaxKind.UsePath && WitNode.From(token.Parent) is UsePathSyntax { IsForeign: false };
}
