using System.Collections.Generic;
using NamedType = Wit.Core.Semantics.NamedType;
using Package = Wit.Core.Semantics.Package;
using TypeDefinition = Wit.Core.Semantics.TypeDefinition;
using TypeDefinitionKind = Wit.Core.Semantics.TypeDefinitionKind;
using World = Wit.Core.Semantics.World;
using CoreFunction = Wit.Core.Semantics.Function;
using CoreInterface = Wit.Core.Semantics.Interface;
using Wit.Core.Syntax;
using static Wit.Ide.SemanticTokens.SemanticTokensLegend;

namespace Wit.Ide.SemanticTokens;

/// <summary>Classifies a WIT identifier: by the item it declares, or by the symbol it refers to.</summary>
internal static class WitNames
{
    public static (int Type, int Modifiers)? Classify(SyntaxToken token, SyntaxNode parent, ParentFacts facts, Dictionary<int, object>? references)
    {
        int declared = Declaration | (facts.Deprecated ? Deprecated : 0);
        switch (parent.Kind)
        {
            case SyntaxKind.PackageName:
                return (Namespace, parent.Parent?.Kind is SyntaxKind.PackageDeclaration or SyntaxKind.NestedPackage ? Declaration : 0);
            case SyntaxKind.Interface:
                return (Interface, declared);
            case SyntaxKind.World:
                return (Interface, declared);
            case SyntaxKind.Record:
                return (Struct, declared);
            case SyntaxKind.Variant or SyntaxKind.Enum or SyntaxKind.Flags:
                return (Enum, declared);
            case SyntaxKind.Resource:
                return (Class, declared);
            case SyntaxKind.TypeAlias:
                return (Type, declared);
            case SyntaxKind.RecordField:
                return (Property, declared);
            case SyntaxKind.VariantCase or SyntaxKind.EnumCase or SyntaxKind.FlagsMember:
                return (EnumMember, declared);
            case SyntaxKind.FunctionItem:
                return (Function, declared);
            case SyntaxKind.ResourceMethod:
                return (Method, declared);
            case SyntaxKind.ResourceStaticFunction:
                return (Method, declared | Static);
            case SyntaxKind.Parameter:
                return (Parameter, Declaration);
            case SyntaxKind.ImportItem or SyntaxKind.ExportItem:
                return (facts.HasFunctionType ? Function : Interface, declared);
            case SyntaxKind.AttributeArgument:
                return (ParentFacts.Before(facts.FirstEquals, token.Index) ? Variable : Property, 0);
            case SyntaxKind.UsePath:
            {
                // `ns:pkg/iface@1.0.0`: the package part is a namespace, the item after the slash an interface or world.
                bool qualified = facts.HasColon;
                if (qualified && !ParentFacts.Before(facts.FirstSlash, token.Index)) return (Namespace, 0);
                return (Referenced(token, references) ?? Interface, DeprecatedTarget(token, references));
            }

            case SyntaxKind.UseName:
            {
                // `x as y`: `y` declares a local name for what `x` refers to, so both get the target's type.
                SyntaxToken? first = facts.FirstIdentifier >= 0 ? parent.GetChild(facts.FirstIdentifier).AsToken() : null;
                int? type = first is { } f ? Referenced(f, references) : null;
                bool alias = ParentFacts.Before(facts.FirstAs, token.Index);
                bool only = first is { } g && g.Index == token.Index && !facts.HasAs;
                return (type ?? Type, (alias || only ? Declaration : 0) | (first is { } d ? DeprecatedTarget(d, references) : 0));
            }

            case SyntaxKind.NamedType:
                return (Referenced(token, references) ?? Type, DeprecatedTarget(token, references));
            case SyntaxKind.IncludeName:
                return (Referenced(token, references) ?? Interface, DeprecatedTarget(token, references));
            case SyntaxKind.TopLevelUse:
                return (Interface, Declaration);
            default:
                return null;
        }
    }

    /// <summary>The token type of the symbol a name refers to, or null when the name is unresolved.</summary>
    private static int? Referenced(SyntaxToken token, Dictionary<int, object>? references)
    {
        if (Target(token, references) is not { } target) return null;
        return target switch
        {
            TypeDefinition type => TypeOf(type),
            CoreInterface => Interface,
            World => Interface,
            Package => Namespace,
            CoreFunction function => function.Resource is null ? Function : Method,
            NamedType => Property,
            _ => null,
        };
    }

    /// <summary>
    /// <see cref="SemanticTokensLegend.Deprecated"/> when the name refers to an item gated <c>@deprecated</c>, so that
    /// editors strike through its uses as well as its declaration.
    /// </summary>
    private static int DeprecatedTarget(SyntaxToken token, Dictionary<int, object>? references)
    {
        var stability = Target(token, references) switch
        {
            TypeDefinition type => type.Stability,
            CoreFunction function => function.Stability,
            CoreInterface @interface => @interface.Stability,
            World world => world.Stability,
            _ => null,
        };
        return stability?.Deprecated is not null ? Deprecated : 0;
    }

    private static object? Target(SyntaxToken token, Dictionary<int, object>? references)
    {
        if (references is null) return null;
        if (references.TryGetValue(token.Span.Start, out var target)) return target;
        return token.Text.StartsWith('%') && references.TryGetValue(token.Span.Start + 1, out target) ? target : null;
    }

    private static int TypeOf(TypeDefinition type)
    {
        // A use of an alias of a record is still a record to the reader; follow aliases a bounded number of steps.
        for (int i = 0; i < 32; i++)
        {
            switch (type.Kind)
            {
                case TypeDefinitionKind.Record:
                    return Struct;
                case TypeDefinitionKind.Resource:
                    return Class;
                case TypeDefinitionKind.Enum or TypeDefinitionKind.Variant or TypeDefinitionKind.Flags:
                    return Enum;
                case TypeDefinitionKind.Alias when type.Element is { Definition: { } next }:
                    type = next;
                    continue;
                default:
                    return Type;
            }
        }

        return Type;
    }
}
