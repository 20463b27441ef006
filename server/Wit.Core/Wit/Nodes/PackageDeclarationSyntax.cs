using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>package ns:name@version;</c> at the start of a file.</summary>
public sealed class PackageDeclarationSyntax : WitNode
{
    internal PackageDeclarationSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    public PackageNameSyntax? PackageName => Child<PackageNameSyntax>();
}
