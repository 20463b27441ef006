using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Witx;

/// <summary>
/// A typed view of <c>(@interface func (export "name") (param ...)* (result ...)* (@witx noreturn)?)</c>, the shape
/// signature help and outline need. Accessors are nullable or empty for half-written functions.
/// </summary>
public sealed class WitxFuncSyntax
{
    private WitxFuncSyntax(SyntaxNode syntax) => Syntax = syntax;

    /// <summary>The wrapper for a <see cref="SyntaxKind.WitxInterfaceFunc"/> node, or null for any other node.</summary>
    public static WitxFuncSyntax? Cast(SyntaxNode node) => node.Kind == SyntaxKind.WitxInterfaceFunc ? new WitxFuncSyntax(node) : null;

    /// <summary>The wrapped node, for positions, parents and anything the wrapper does not name.</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>The string token of <c>(export "name")</c>.</summary>
    public SyntaxToken? ExportNameToken
    {
        get
        {
            foreach (var export in WitxSyntaxNavigation.ChildForms(Syntax, SyntaxKind.WitxExport))
            {
                return WitxSyntaxNavigation.TokenAt(export, 0, SyntaxKind.WitxStringToken);
            }

            return null;
        }
    }

    /// <summary>The exported name with escapes decoded.</summary>
    public string? Name => ExportNameToken is { } token ? WitxLexer.Unescape(token.Text) : null;

    /// <summary>The <c>(param $name type)</c> forms, in order.</summary>
    public IEnumerable<WitxMemberSyntax> Params => Members(SyntaxKind.WitxParam);

    /// <summary>The <c>(result $name type)</c> forms, in order.</summary>
    public IEnumerable<WitxMemberSyntax> Results => Members(SyntaxKind.WitxResult);

    /// <summary>True when the function carries <c>(@witx noreturn)</c>.</summary>
    public bool IsNoreturn
    {
        get
        {
            foreach (var _ in WitxSyntaxNavigation.ChildForms(Syntax, SyntaxKind.WitxNoreturn)) return true;
            return false;
        }
    }

    /// <summary>The <c>;;;</c> doc comment lines before the function, joined; null without any.</summary>
    public string? Documentation => WitxSyntaxNavigation.Documentation(Syntax);

    private IEnumerable<WitxMemberSyntax> Members(SyntaxKind kind)
    {
        foreach (var node in WitxSyntaxNavigation.ChildForms(Syntax, kind)) yield return WitxMemberSyntax.Cast(node)!;
    }
}
