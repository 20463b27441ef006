using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary>One flag of a <c>flags</c> type.</summary>
public sealed class FlagsMemberSyntax : WitNode
{
    internal FlagsMemberSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The declared name, or null when it is missing.</summary>
    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);
}
