using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>package ns:name { ... }</c>: a package defined inside a file.</summary>
public sealed class NestedPackageSyntax : WitNode
{
    internal NestedPackageSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    public PackageNameSyntax? PackageName => Child<PackageNameSyntax>();

    public IEnumerable<WitNode> Items => Children<WitNode>();
}
