using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>name = value</c> inside an attribute, or a string for <c>@external-id</c>.</summary>
public sealed class AttributeArgumentSyntax : WitNode
{
    internal AttributeArgumentSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);

    /// <summary>The value text: a version, an identifier, or a string literal with its quotes.</summary>
    public string? Value
    {
        get
        {
            if (Child<VersionSyntax>() is { } version) return version.Text;
            if (Token(SyntaxKind.StringToken) is { } text) return text.Text;
            bool afterEquals = false;
            foreach (var token in Syntax.ChildTokens())
            {
                if (token.Kind == SyntaxKind.EqualsToken) afterEquals = true;
                else if (afterEquals && !token.IsMissing) return token.Text;
            }

            return null;
        }
    }
}
