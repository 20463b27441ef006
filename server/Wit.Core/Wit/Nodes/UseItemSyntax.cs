using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>use path.{a, b as c};</c> inside an interface or world.</summary>
public sealed class UseItemSyntax : WitNode
{
    internal UseItemSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    public UsePathSyntax? Path => Child<UsePathSyntax>();

    public IEnumerable<UseNameSyntax> Names => ListItems<UseNameSyntax>(SyntaxKind.UseNameList);
}
