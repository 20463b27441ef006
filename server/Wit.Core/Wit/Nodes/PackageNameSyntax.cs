using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>ns:name/path@version</c>: the namespaces, the name, and the optional version.</summary>
public sealed class PackageNameSyntax : WitNode
{
    internal PackageNameSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The identifiers in order: namespaces, then the package name, then any nested path.</summary>
    public IEnumerable<SyntaxToken> Identifiers => Tokens(SyntaxKind.IdentifierToken);

    public VersionSyntax? Version => Child<VersionSyntax>();
}
