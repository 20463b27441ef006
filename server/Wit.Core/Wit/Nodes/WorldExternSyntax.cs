using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary>An <c>import</c> or <c>export</c> in a world: of a function, an inline interface, or an interface by path (named or not).</summary>
public sealed class WorldExternSyntax : WitNode
{
    internal WorldExternSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    public bool IsImport => Kind == SyntaxKind.ImportItem;

    /// <summary>The plain name before the colon (<c>import name: ...</c>), or null for <c>import path;</c>.</summary>
    public SyntaxToken? Name => Token(SyntaxKind.ColonToken) is null ? null : Token(SyntaxKind.IdentifierToken);

    public FunctionTypeSyntax? FunctionType => Child<FunctionTypeSyntax>();

    public InlineInterfaceSyntax? InlineInterface => Child<InlineInterfaceSyntax>();

    public UsePathSyntax? Path => Child<UsePathSyntax>();
}
