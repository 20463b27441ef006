using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>constructor(...)</c> inside a resource, with an optional result type.</summary>
public sealed class ResourceConstructorSyntax : WitNode
{
    internal ResourceConstructorSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    public IEnumerable<ParameterSyntax> Parameters => ListItems<ParameterSyntax>(SyntaxKind.ParameterList);

    /// <summary>The type after <c>-&gt;</c> (a fallible constructor's <c>result</c>), or null.</summary>
    public TypeSyntax? Result
    {
        get
        {
            foreach (var node in Syntax.ChildNodes())
            {
                if (node.Kind != SyntaxKind.ResultList) continue;
                foreach (var inner in node.ChildNodes())
                {
                    if (From(inner) is TypeSyntax type) return type;
                }
            }

            return null;
        }
    }
}
