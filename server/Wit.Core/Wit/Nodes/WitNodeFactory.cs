using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary>Maps node kinds to their typed views.</summary>
internal static class WitNodeFactory
{
    public static WitNode? Create(SyntaxNode node) => node.Kind switch
    {
        SyntaxKind.WitDocument => new WitDocumentSyntax(node),
        SyntaxKind.SkippedTokens => new SkippedTokensSyntax(node),
        SyntaxKind.PackageDeclaration => new PackageDeclarationSyntax(node),
        SyntaxKind.NestedPackage => new NestedPackageSyntax(node),
        SyntaxKind.PackageName => new PackageNameSyntax(node),
        SyntaxKind.Version => new VersionSyntax(node),
        SyntaxKind.TopLevelUse => new TopLevelUseSyntax(node),
        SyntaxKind.UsePath => new UsePathSyntax(node),
        SyntaxKind.Interface => new InterfaceSyntax(node),
        SyntaxKind.InlineInterface => new InlineInterfaceSyntax(node),
        SyntaxKind.World => new WorldSyntax(node),
        SyntaxKind.Attribute => new AttributeSyntax(node),
        SyntaxKind.AttributeArgument => new AttributeArgumentSyntax(node),
        SyntaxKind.UseItem => new UseItemSyntax(node),
        SyntaxKind.UseName => new UseNameSyntax(node),
        SyntaxKind.TypeAlias => new TypeAliasSyntax(node),
        SyntaxKind.Record => new RecordSyntax(node),
        SyntaxKind.RecordField => new RecordFieldSyntax(node),
        SyntaxKind.Flags => new FlagsSyntax(node),
        SyntaxKind.FlagsMember => new FlagsMemberSyntax(node),
        SyntaxKind.Variant => new VariantSyntax(node),
        SyntaxKind.VariantCase => new VariantCaseSyntax(node),
        SyntaxKind.Enum => new EnumSyntax(node),
        SyntaxKind.EnumCase => new EnumCaseSyntax(node),
        SyntaxKind.Resource => new ResourceSyntax(node),
        SyntaxKind.ResourceMethod => new ResourceMethodSyntax(node),
        SyntaxKind.ResourceStaticFunction => new ResourceStaticFunctionSyntax(node),
        SyntaxKind.ResourceConstructor => new ResourceConstructorSyntax(node),
        SyntaxKind.FunctionItem => new FunctionItemSyntax(node),
        SyntaxKind.FunctionType => new FunctionTypeSyntax(node),
        SyntaxKind.Parameter => new ParameterSyntax(node),
        SyntaxKind.ImportItem or SyntaxKind.ExportItem => new WorldExternSyntax(node),
        SyntaxKind.IncludeItem => new IncludeItemSyntax(node),
        SyntaxKind.IncludeName => new IncludeNameSyntax(node),
        SyntaxKind.PrimitiveType or SyntaxKind.NamedType or SyntaxKind.ListType or SyntaxKind.OptionType or SyntaxKind.ResultType or SyntaxKind.TupleType or SyntaxKind.MapType or SyntaxKind.BorrowType or SyntaxKind.OwnType or SyntaxKind.FutureType or SyntaxKind.StreamType or SyntaxKind.ErrorContextType => new TypeSyntax(node),
        _ => null,
    };
}
