using Wit.Core.Syntax;

namespace Wit.Core.Witx;

/// <summary>
/// A typed view of <c>(typename $name type)</c>, so features read a type definition without knowing slot positions.
/// Every accessor is nullable because the form may be half written.
/// </summary>
public sealed class WitxTypenameSyntax
{
    private WitxTypenameSyntax(SyntaxNode syntax) => Syntax = syntax;

    /// <summary>The wrapper for a <see cref="SyntaxKind.WitxTypename"/> node, or null for any other node.</summary>
    public static WitxTypenameSyntax? Cast(SyntaxNode node) => node.Kind == SyntaxKind.WitxTypename ? new WitxTypenameSyntax(node) : null;

    /// <summary>The wrapped node, for positions, parents and anything the wrapper does not name.</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>The <c>$name</c> token, when the form has one right after <c>typename</c>.</summary>
    public SyntaxToken? Name => WitxSyntaxNavigation.TokenAt(Syntax, 0, SyntaxKind.WitxIdentifierToken);

    /// <summary>The defined type: a keyword or <c>$name</c> token, or a form such as <c>(record ...)</c>.</summary>
    public SyntaxElement? Type => Name is null ? null : WitxSyntaxNavigation.ItemAt(Syntax, 1);

    /// <summary>The <c>;;;</c> doc comment lines before the form, joined; null without any.</summary>
    public string? Documentation => WitxSyntaxNavigation.Documentation(Syntax);
}
