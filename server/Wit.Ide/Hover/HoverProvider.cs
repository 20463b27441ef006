using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Ide.Abi;
using Wit.Ide.Analysis;
using Wit.Ide.Navigation;
using Wit.Ide.Symbols;

namespace Wit.Ide.Hover;

/// <summary>
/// Hover (<c>textDocument/hover</c>): for the name at a cursor, a fenced <c>wit</c> block with its signature, what it
/// belongs to, its docs, its gates and its Canonical ABI facts; for a primitive type keyword, its layout; in a
/// <c>.witx</c> document, the typename, module or function named there (see <see cref="WitxHover"/>).
/// </summary>
public static class HoverProvider
{
    /// <summary>The hover at <paramref name="offset"/> of <paramref name="path"/>, or null when nothing is named there.</summary>
    public static HoverResult? Hover(IdeSnapshot snapshot, string path, int offset)
    {
        if (snapshot.WitxAnalysisOf(path) is { } witx) return WitxHover.Hover(witx, path, offset);
        // A name a `use` list brings in unrenamed is only a local alias of the imported type (`type id = id`, without
        // docs); the hover describes the imported type itself, as it does on the name inside the `use` list.
        if (SymbolFinder.Find(snapshot, path, offset) is { } found) return new HoverResult(found.Span, Describe(snapshot, SymbolOccurrences.Canonical(found.Target, renamedToo: false)));
        return snapshot.GetDocument(path) is { } document ? Primitive(snapshot, document, offset) : null;
    }

    private static string Describe(IdeSnapshot snapshot, SymbolTarget target)
    {
        var markdown = new StringBuilder();
        markdown.Append("```wit\n").Append(WitSignatureText.Of(target.Symbol, target.Container)).Append("\n```\n");
        if (Context(target) is { } context) markdown.Append('\n').Append(context).Append('\n');
        if (Docs(target.Symbol) is { Length: > 0 } docs) markdown.Append("\n---\n\n").Append(docs.Trim()).Append('\n');
        if (Stability(target.Symbol) is { IsUnknown: false } stability) markdown.Append("\n---\n\n").Append(Gates(stability)).Append('\n');

        var abi32 = new CanonicalAbi(memory64: false);
        var abi64 = snapshot.Options.Memory64 ? new CanonicalAbi(memory64: true) : null;
        var abi = new StringBuilder();
        var rows = new List<AbiLayoutRow>();
        switch (target.Symbol)
        {
            case TypeDefinition type when type.Kind != TypeDefinitionKind.Resource:
                AbiDescriber.Type(target.Name, WitType.Of(type), abi32, abi64, rows, abi);
                break;
            case TypeDefinition resource:
                // A resource has no layout of its own: values of it are handles, one i32.
                abi.Append("A handle to a `").Append(resource.Name).Append("` is one `i32` (size 4, alignment 4).\n");
                break;
            case Function function:
                AbiDescriber.Function(function.Name, function, abi64 ?? abi32, rows, abi);
                break;
            case WorldItem { Function: { } function }:
                AbiDescriber.Function(function.Name, function, abi64 ?? abi32, rows, abi);
                break;
            case NamedType { Type: { } memberType } member:
                if (target.Container is TypeDefinition { Kind: TypeDefinitionKind.Record } record && abi32.Layout(record) is { } recordLayout)
                {
                    int index = record.Members.ToList().IndexOf(member);
                    if (index >= 0 && index < recordLayout.FieldOffsets.Count)
                    {
                        abi.Append("offset ").Append(recordLayout.FieldOffsets[index]).Append(" in `").Append(record.Name).Append("`\n\n");
                    }
                }

                AbiDescriber.Type(member.Name, memberType, abi32, abi64, rows, abi);
                break;
        }

        if (abi.Length > 0) markdown.Append("\n---\n\n**Canonical ABI**\n\n").Append(abi);
        return markdown.ToString();
    }

    /// <summary>What a symbol belongs to, in words: <c>field of record `point`</c>, <c>method of resource `file`</c>.</summary>
    private static string? Context(SymbolTarget target)
    {
        switch (target.Symbol)
        {
            case NamedType when target.Container is TypeDefinition owner:
                string memberKind = owner.Kind switch
                {
                    TypeDefinitionKind.Record => "field",
                    TypeDefinitionKind.Flags => "flag",
                    _ => "case",
                };
                return $"{memberKind} of {AbiDescriber.KindName(owner)} `{owner.Name}`";
            case NamedType when target.Container is Function function:
                return $"parameter of `{function.Name}`";
            case Function { Resource: { } resource } function:
                string kind = function.Kind switch
                {
                    FunctionKind.Constructor => "constructor",
                    FunctionKind.Static or FunctionKind.AsyncStatic => "static function",
                    _ => "method",
                };
                return $"{kind} of resource `{resource.Name}`";
            case Function or TypeDefinition when target.Container is Interface or World:
                return "in `" + AbiLayoutProvider.QualifiedName(target.Container) + "`";
            default:
                return null;
        }
    }

    private static string? Docs(object symbol) => symbol switch
    {
        TypeDefinition type => type.Docs,
        Function function => function.Docs,
        Interface @interface => @interface.Docs,
        World world => world.Docs,
        Package package => package.Docs,
        NamedType member => member.Docs,
        WorldItem item => item.Interface?.Docs ?? item.Function?.Docs ?? item.Type?.Docs,
        _ => null,
    };

    private static Stability? Stability(object symbol) => symbol switch
    {
        TypeDefinition type => type.Stability,
        Function function => function.Stability,
        Interface @interface => @interface.Stability,
        World world => world.Stability,
        WorldItem item => item.Stability,
        _ => null,
    };

    private static string Gates(Stability stability)
    {
        var gates = new List<string>();
        if (stability.Since is { } since) gates.Add($"`@since(version = {since})`");
        if (stability.Feature is { } feature) gates.Add($"`@unstable(feature = {feature})`");
        if (stability.Deprecated is { } deprecated) gates.Add($"`@deprecated(version = {deprecated})`");
        return string.Join(" ", gates);
    }

    /// <summary>Hover on a primitive type keyword (<c>u32</c>, <c>string</c>, ...): its layout and flat types.</summary>
    private static HoverResult? Primitive(IdeSnapshot snapshot, IdeDocument document, int offset)
    {
        if (ItemLocator.TokenAt(document.Tree, offset) is not { IsMissing: false } token) return null;
        if (!(token.Span.Start <= offset && offset <= token.Span.End) || PrimitiveOf(token.Kind) is not { } primitive) return null;
        var markdown = new StringBuilder();
        markdown.Append("```wit\n").Append(PrimitiveNames.Name(primitive)).Append("\n```\n\nprimitive type\n\n---\n\n**Canonical ABI**\n\n");
        var abi64 = snapshot.Options.Memory64 ? new CanonicalAbi(memory64: true) : null;
        AbiDescriber.Type(PrimitiveNames.Name(primitive), WitType.Of(primitive), new CanonicalAbi(memory64: false), abi64, new List<AbiLayoutRow>(), markdown);
        return new HoverResult(token.Span, markdown.ToString());
    }

    private static PrimitiveType? PrimitiveOf(SyntaxKind kind) => kind switch
    {
        SyntaxKind.BoolKeyword => PrimitiveType.Bool,
        SyntaxKind.U8Keyword => PrimitiveType.U8,
        SyntaxKind.U16Keyword => PrimitiveType.U16,
        SyntaxKind.U32Keyword => PrimitiveType.U32,
        SyntaxKind.U64Keyword => PrimitiveType.U64,
        SyntaxKind.S8Keyword => PrimitiveType.S8,
        SyntaxKind.S16Keyword => PrimitiveType.S16,
        SyntaxKind.S32Keyword => PrimitiveType.S32,
        SyntaxKind.S64Keyword => PrimitiveType.S64,
        SyntaxKind.F32Keyword => PrimitiveType.F32,
        SyntaxKind.F64Keyword => PrimitiveType.F64,
        SyntaxKind.CharKeyword => PrimitiveType.Char,
        SyntaxKind.StringKeyword => PrimitiveType.String,
        SyntaxKind.ErrorContextKeyword => PrimitiveType.ErrorContext,
        _ => null,
    };
}
