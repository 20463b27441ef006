using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary>Input the parser could not place, kept in the tree so that printing stays lossless.</summary>
public sealed class SkippedTokensSyntax : WitNode
{
    internal SkippedTokensSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }
}
