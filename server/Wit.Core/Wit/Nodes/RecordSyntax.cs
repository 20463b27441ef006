using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>record name { field: ty, ... }</c>.</summary>
public sealed class RecordSyntax : WitNode
{
    internal RecordSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The declared name, or null when it is missing.</summary>
    public SyntaxToken? Name => Token(SyntaxKind.IdentifierToken);

    public IEnumerable<RecordFieldSyntax> Fields => ListItems<RecordFieldSyntax>(SyntaxKind.RecordFieldList);
}
