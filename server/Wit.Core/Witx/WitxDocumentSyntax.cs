using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Witx;

/// <summary>
/// A typed view of a whole WITX document: its top-level forms, and the type definitions, modules and <c>use</c>d
/// files features look up first.
/// </summary>
public sealed class WitxDocumentSyntax
{
    private WitxDocumentSyntax(SyntaxNode syntax) => Syntax = syntax;

    /// <summary>The wrapper for a <see cref="SyntaxKind.WitxDocument"/> node, or null for any other node.</summary>
    public static WitxDocumentSyntax? Cast(SyntaxNode node) => node.Kind == SyntaxKind.WitxDocument ? new WitxDocumentSyntax(node) : null;

    /// <summary>The wrapped node, for positions, parents and anything the wrapper does not name.</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>The top-level parenthesised forms, stray tokens left out.</summary>
    public IEnumerable<SyntaxNode> Forms
    {
        get
        {
            foreach (var node in Syntax.ChildNodes())
            {
                if (node.Kind != SyntaxKind.WitxSkippedTokens) yield return node;
            }
        }
    }

    /// <summary>The top-level <c>(typename ...)</c> forms, in order.</summary>
    public IEnumerable<WitxTypenameSyntax> Typenames
    {
        get
        {
            foreach (var node in Forms)
            {
                if (WitxTypenameSyntax.Cast(node) is { } typename) yield return typename;
            }
        }
    }

    /// <summary>The top-level <c>(module ...)</c> forms, in order.</summary>
    public IEnumerable<WitxModuleSyntax> Modules
    {
        get
        {
            foreach (var node in Forms)
            {
                if (WitxModuleSyntax.Cast(node) is { } module) yield return module;
            }
        }
    }

    /// <summary>The file names of top-level <c>(use "file.witx")</c> forms, escapes decoded.</summary>
    public IEnumerable<string> UsedFiles
    {
        get
        {
            foreach (var node in Forms)
            {
                if (node.Kind == SyntaxKind.WitxUse && WitxSyntaxNavigation.TokenAt(node, 0, SyntaxKind.WitxStringToken) is { } file)
                {
                    yield return WitxLexer.Unescape(file.Text);
                }
            }
        }
    }
}
