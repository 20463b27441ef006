using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary>The root of a WIT file: its top-level items in order.</summary>
public sealed class WitDocumentSyntax : WitNode
{
    internal WitDocumentSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>Package declarations, nested packages, top-level uses, interfaces and worlds (and skipped input).</summary>
    public IEnumerable<WitNode> Items => Children<WitNode>();

    /// <summary>The file's <c>package a:b;</c> declaration, when it has one.</summary>
    public PackageDeclarationSyntax? PackageDeclaration => Child<PackageDeclarationSyntax>();

    public IEnumerable<InterfaceSyntax> Interfaces => Children<InterfaceSyntax>();

    public IEnumerable<WorldSyntax> Worlds => Children<WorldSyntax>();

    public IEnumerable<NestedPackageSyntax> NestedPackages => Children<NestedPackageSyntax>();
}
