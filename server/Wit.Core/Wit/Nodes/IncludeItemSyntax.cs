using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>include path with { a as b };</c> in a world.</summary>
public sealed class IncludeItemSyntax : WitNode
{
    internal IncludeItemSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    public UsePathSyntax? Path => Child<UsePathSyntax>();

    public IEnumerable<IncludeNameSyntax> Renames => ListItems<IncludeNameSyntax>(SyntaxKind.IncludeNameList);
}
