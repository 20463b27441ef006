using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary>A variant case with its optional payload type.</summary>
public sealed class VariantCaseSyntax : WitNode
{
    internal VariantCaseSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The declared name, or null when it is missing.</summary>
    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);

    /// <summary>The payload type in parentheses, or null for a case without payload.</summary>
    public TypeSyntax? Payload
    {
        get
        {
            foreach (var node in Syntax.ChildNodes())
            {
                if (node.Kind != SyntaxKind.VariantCasePayload) continue;
                foreach (var inner in node.ChildNodes())
                {
                    if (From(inner) is TypeSyntax type) return type;
                }
            }

            return null;
        }
    }
}
