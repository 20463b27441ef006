using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary>An interface or world reference: a local name, or <c>ns:pkg/name@version</c>.</summary>
public sealed class UsePathSyntax : WitNode
{
    internal UsePathSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    public IEnumerable<SyntaxToken> Identifiers => Tokens(SyntaxKind.IdentifierToken);

    /// <summary>True for <c>ns:pkg/name</c> paths into another package.</summary>
    public bool IsForeign => Token(SyntaxKind.ColonToken) is not null;

    public VersionSyntax? Version => Child<VersionSyntax>();

    /// <summary>The last identifier: the interface or world name.</summary>
    public SyntaxToken? ItemName
    {
        get
        {
            SyntaxToken? last = null;
            foreach (var token in Identifiers) last = token;
            return last;
        }
    }
}
