using Wit.Core.Syntax;

namespace Wit.Core.Witx;

/// <summary>
/// A typed view of a named member: <c>(param $n type)</c>, <c>(result $n type)</c>, <c>(field $n type)</c> or
/// <c>(case $n type?)</c>. They share one shape, so one wrapper serves hover and outline for all four.
/// </summary>
public sealed class WitxMemberSyntax
{
    private WitxMemberSyntax(SyntaxNode syntax) => Syntax = syntax;

    /// <summary>The wrapper for a param, result, field or case node, or null for any other node.</summary>
    public static WitxMemberSyntax? Cast(SyntaxNode node) =>
        node.Kind is SyntaxKind.WitxParam or SyntaxKind.WitxResult or SyntaxKind.WitxField or SyntaxKind.WitxCase ? new WitxMemberSyntax(node) : null;

    /// <summary>The wrapped node, for positions, parents and anything the wrapper does not name.</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>Which of param, result, field or case this member is.</summary>
    public SyntaxKind Kind => Syntax.Kind;

    /// <summary>The <c>$name</c> token right after the head keyword, when present.</summary>
    public SyntaxToken? Name => WitxSyntaxNavigation.TokenAt(Syntax, 0, SyntaxKind.WitxIdentifierToken);

    /// <summary>The member's type; null when absent, such as for a case without payload.</summary>
    public SyntaxElement? Type => Name is null ? null : WitxSyntaxNavigation.ItemAt(Syntax, 1);

    /// <summary>The <c>;;;</c> doc comment lines before the member, joined; null without any.</summary>
    public string? Documentation => WitxSyntaxNavigation.Documentation(Syntax);
}
