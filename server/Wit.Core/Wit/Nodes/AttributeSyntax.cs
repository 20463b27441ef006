using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary>A gate or annotation: <c>@since(version = 1.2.0)</c>, <c>@unstable(feature = x)</c>, <c>@deprecated(...)</c>, <c>@external-id("...")</c>.</summary>
public sealed class AttributeSyntax : WitNode
{
    internal AttributeSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The attribute name after <c>@</c> (<c>since</c>, <c>unstable</c>, ...).</summary>
    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);

    public IEnumerable<AttributeArgumentSyntax> Arguments => ListItems<AttributeArgumentSyntax>(SyntaxKind.AttributeArgumentList);
}
