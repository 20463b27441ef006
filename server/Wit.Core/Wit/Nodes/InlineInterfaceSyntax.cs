using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>interface { ... }</c> as the type of a world import or export.</summary>
public sealed class InlineInterfaceSyntax : WitNode
{
    internal InlineInterfaceSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    public IEnumerable<WitNode> Members => ListItems<WitNode>(SyntaxKind.InterfaceBody);
}
