using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary><c>async? func(params) -&gt; ty</c>.</summary>
public sealed class FunctionTypeSyntax : WitNode
{
    internal FunctionTypeSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    public bool IsAsync => Token(SyntaxKind.AsyncKeyword) is not null;

    public IEnumerable<ParameterSyntax> Parameters => ListItems<ParameterSyntax>(SyntaxKind.ParameterList);

    /// <summary>The result type after <c>-&gt;</c>, or null for a function without results.</summary>
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
