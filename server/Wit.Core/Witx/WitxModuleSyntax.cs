using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Witx;

/// <summary>
/// A typed view of <c>(module $name (import ...)* (@interface func ...)*)</c>: the unit that groups a WASI API's
/// functions, which outline and workspace symbols list.
/// </summary>
public sealed class WitxModuleSyntax
{
    private WitxModuleSyntax(SyntaxNode syntax) => Syntax = syntax;

    /// <summary>The wrapper for a <see cref="SyntaxKind.WitxModule"/> node, or null for any other node.</summary>
    public static WitxModuleSyntax? Cast(SyntaxNode node) => node.Kind == SyntaxKind.WitxModule ? new WitxModuleSyntax(node) : null;

    /// <summary>The wrapped node, for positions, parents and anything the wrapper does not name.</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>The <c>$name</c> token right after <c>module</c>, when present.</summary>
    public SyntaxToken? Name => WitxSyntaxNavigation.TokenAt(Syntax, 0, SyntaxKind.WitxIdentifierToken);

    /// <summary>The <c>(import "name" ...)</c> forms directly in the module.</summary>
    public IEnumerable<SyntaxNode> Imports => WitxSyntaxNavigation.ChildForms(Syntax, SyntaxKind.WitxImport);

    /// <summary>The functions directly in the module, in order.</summary>
    public IEnumerable<WitxFuncSyntax> Functions
    {
        get
        {
            foreach (var node in WitxSyntaxNavigation.ChildForms(Syntax, SyntaxKind.WitxInterfaceFunc)) yield return WitxFuncSyntax.Cast(node)!;
        }
    }

    /// <summary>The <c>;;;</c> doc comment lines before the module, joined; null without any.</summary>
    public string? Documentation => WitxSyntaxNavigation.Documentation(Syntax);
}
