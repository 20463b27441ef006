using Wit.Core.Syntax;

namespace Wit.Ide.Completion;

/// <summary>
/// Decides what kind of name a WIT cursor expects from the last real token before the fragment being typed and that
/// token's parents. The parser keeps going on half-typed code, so the token before the cursor still sits in the node
/// it would in finished code (the <c>:</c> of a parameter, the <c>&lt;</c> of a <c>list</c>, the <c>{</c> of a body).
/// </summary>
internal static class WitCompletionClassifier
{
    public static WitCompletionContext Classify(SyntaxToken? previous)
    {
        if (previous is not { } prev) return new(WitCompletionPlace.TopLevel);
        var parent = prev.Parent;
        switch (prev.Kind)
        {
            case SyntaxKind.AtToken when parent.Kind == SyntaxKind.Attribute:
                return new(WitCompletionPlace.AttributeName);
            case SyntaxKind.OpenParenToken or SyntaxKind.CommaToken when parent.Kind == SyntaxKind.AttributeArgumentList:
                return new(WitCompletionPlace.AttributeKey, parent.Parent);
            case SyntaxKind.CloseParenToken when parent.Kind == SyntaxKind.AttributeArgumentList:
                return MemberPlace(parent.Parent?.Parent);
            case SyntaxKind.ColonToken:
                return parent.Kind switch
                {
                    SyntaxKind.Parameter or SyntaxKind.RecordField => new(WitCompletionPlace.Type),
                    SyntaxKind.FunctionItem => new(WitCompletionPlace.FunctionKeyword),
                    SyntaxKind.ResourceMethod or SyntaxKind.ResourceStaticFunction => new(WitCompletionPlace.ResourceFunctionKeyword),
                    SyntaxKind.ImportItem or SyntaxKind.ExportItem => new(WitCompletionPlace.ImportPath, parent),
                    SyntaxKind.UsePath => PathPlace(parent),
                    _ => default,
                };
            case SyntaxKind.ArrowToken:
                return new(WitCompletionPlace.Type);
            case SyntaxKind.EqualsToken when parent.Kind == SyntaxKind.TypeAlias:
                return new(WitCompletionPlace.Type);
            case SyntaxKind.OpenParenToken when parent.Kind == SyntaxKind.VariantCasePayload:
                return new(WitCompletionPlace.Type);
            case SyntaxKind.LessThanToken or SyntaxKind.CommaToken when parent.Kind is SyntaxKind.BorrowType or SyntaxKind.OwnType:
                return new(WitCompletionPlace.HandleType);
            case SyntaxKind.LessThanToken or SyntaxKind.CommaToken when IsTypeConstructor(parent.Kind):
                return new(WitCompletionPlace.Type);
            case SyntaxKind.OpenBraceToken or SyntaxKind.CommaToken when parent.Kind == SyntaxKind.UseNameList:
                return new(WitCompletionPlace.UseNames, parent.Parent);
            case SyntaxKind.UseKeyword:
                return new(WitCompletionPlace.UsePath, parent);
            case SyntaxKind.ImportKeyword or SyntaxKind.ExportKeyword:
                return new(WitCompletionPlace.ImportPath, parent);
            case SyntaxKind.IncludeKeyword:
                return new(WitCompletionPlace.IncludePath, parent);
            case SyntaxKind.SlashToken when parent.Kind == SyntaxKind.UsePath:
                return PathPlace(parent);
            case SyntaxKind.OpenBraceToken:
                return parent.Kind switch
                {
                    SyntaxKind.InterfaceBody => new(WitCompletionPlace.InterfaceMember, parent),
                    SyntaxKind.WorldBody => new(WitCompletionPlace.WorldMember, parent),
                    SyntaxKind.ResourceBody => new(WitCompletionPlace.ResourceMember, parent),
                    SyntaxKind.NestedPackage => new(WitCompletionPlace.TopLevel),
                    _ => default,
                };
            case SyntaxKind.SemicolonToken or SyntaxKind.CloseBraceToken:
                return AfterMember(prev);
        }

        return default;
    }

    /// <summary>A path's place follows what owns it: a <c>use</c>, an <c>import</c>/<c>export</c> or an <c>include</c>.</summary>
    private static WitCompletionContext PathPlace(SyntaxNode path) => path.Parent?.Kind switch
    {
        SyntaxKind.TopLevelUse or SyntaxKind.UseItem => new(WitCompletionPlace.UsePath, path.Parent),
        SyntaxKind.ImportItem or SyntaxKind.ExportItem => new(WitCompletionPlace.ImportPath, path.Parent),
        SyntaxKind.IncludeItem => new(WitCompletionPlace.IncludePath, path.Parent),
        _ => default,
    };

    private static bool IsTypeConstructor(SyntaxKind kind) => kind is SyntaxKind.ListType or SyntaxKind.OptionType
        or SyntaxKind.ResultType or SyntaxKind.TupleType or SyntaxKind.MapType or SyntaxKind.FutureType or SyntaxKind.StreamType;

    /// <summary>
    /// After a <c>;</c> or <c>}</c> that ends a member, the next member of the same body starts; after the <c>}</c> of an
    /// interface or world, the next top-level item.
    /// </summary>
    private static WitCompletionContext AfterMember(SyntaxToken token)
    {
        SyntaxNode? node = token.Parent;
        if (IsBody(node.Kind)) node = node.Parent;
        while (node?.Parent is { } parent && !IsBody(parent.Kind) && parent.Kind is not (SyntaxKind.WitDocument or SyntaxKind.NestedPackage))
        {
            node = parent;
        }

        if (node?.Parent is null || node.Span.End != token.Span.End) return default;
        return MemberPlace(node);
    }

    /// <summary>The place for a new member next to <paramref name="member"/> (a node directly inside a body or the document).</summary>
    private static WitCompletionContext MemberPlace(SyntaxNode? member)
    {
        var container = member?.Parent;
        if (container?.Kind == SyntaxKind.SkippedTokens) container = container.Parent;
        return container?.Kind switch
        {
            SyntaxKind.InterfaceBody => new(WitCompletionPlace.InterfaceMember, container),
            SyntaxKind.WorldBody => new(WitCompletionPlace.WorldMember, container),
            SyntaxKind.ResourceBody => new(WitCompletionPlace.ResourceMember, container),
            SyntaxKind.WitDocument or SyntaxKind.NestedPackage => new(WitCompletionPlace.TopLevel),
            _ => default,
        };
    }

    private static bool IsBody(SyntaxKind kind) => kind is SyntaxKind.InterfaceBody or SyntaxKind.WorldBody or SyntaxKind.ResourceBody;
}
