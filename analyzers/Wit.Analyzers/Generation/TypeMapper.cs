using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;

namespace Wit.Analyzers.Generation;

/// <summary>
/// The C# type of each WIT type (the table in docs/hosting.md), fully qualified with <c>global::</c> so that no using
/// or name in the host's code can change its meaning. A type the bindings cannot express yet (future, stream,
/// error-context, or anonymous types nested beyond <see cref="MaxDepth"/>) maps to null, with the reason in
/// <see cref="WhyUnsupported"/>. The answers are computed once per definition, in the model's arena order (a
/// definition after those it uses), so the walks stay shallow whatever the input; a walk deeper than
/// <see cref="MaxDepth"/> (an input out of that order) stops with a reason instead of going on.
/// </summary>
internal sealed class TypeMapper
{
    /// <summary>How deeply anonymous types may nest in one C# type (<c>list&lt;list&lt;...&gt;&gt;</c> is <c>T[][]...</c>).</summary>
    public const int MaxDepth = 100;

    private const string TooDeep = "anonymous types nested more than 100 deep";

    private readonly WitNamespaces _namespaces;
    private readonly Dictionary<TypeDefinition, string?> _whyUnsupported = new();
    private readonly Dictionary<TypeDefinition, int> _nesting = new();

    public TypeMapper(WitNamespaces namespaces, WitModel model)
    {
        _namespaces = namespaces;
        foreach (var definition in model.Types) Why(WitType.Of(definition), 0);
    }

    /// <summary>Named type definitions met while mapping, whose declarations must be generated.</summary>
    public HashSet<TypeDefinition> Referenced { get; } = new();

    /// <summary>Whether a definition of this kind is declared as a C# type (the others map structurally).</summary>
    public static bool IsDeclared(TypeDefinition definition) =>
        definition.Name is not null && definition.Kind is TypeDefinitionKind.Record or TypeDefinitionKind.Variant
            or TypeDefinitionKind.Enum or TypeDefinitionKind.Flags or TypeDefinitionKind.Resource;

    /// <summary>The C# name a declared definition gets (a resource is the interface <c>IName</c> its host implements).</summary>
    public string DeclaredName(TypeDefinition definition) =>
        definition.Kind == TypeDefinitionKind.Resource ? "I" + CSharpNames.Pascal(definition.Name!) : CSharpNames.Pascal(definition.Name!);

    /// <summary>The C# property of a record's field <paramref name="index"/> (kept clear of the record's own members).</summary>
    public static string FieldName(TypeDefinition record, int index) =>
        CSharpNames.Avoid(CSharpNames.Pascal(record.Members[index].Name), CSharpNames.RecordMembers.Concat(new[] { CSharpNames.Pascal(record.Name!) }));

    /// <summary>The nested C# record of a variant's case <paramref name="index"/>.</summary>
    public static string CaseName(TypeDefinition variant, int index) =>
        CSharpNames.Avoid(CSharpNames.Pascal(variant.Members[index].Name), CSharpNames.RecordMembers.Concat(new[] { CSharpNames.Pascal(variant.Name!), "Value" }));

    /// <summary>Why <paramref name="type"/> has no C# type yet, or null when it has one.</summary>
    public string? WhyUnsupported(WitType type) => Why(type, 0);

    /// <summary>The C# type of <paramref name="type"/>, or null when <see cref="WhyUnsupported"/> says why not.</summary>
    public string? Map(WitType type) => WhyUnsupported(type) is null ? MapSupported(type, 0) : null;

    private string? Why(WitType type, int depth)
    {
        if (type.Definition is not { } definition) return type.Primitive == PrimitiveType.ErrorContext ? "error-context is not supported yet" : null;
        if (_whyUnsupported.TryGetValue(definition, out var known)) return known;
        if (depth > MaxDepth) return TooDeep;

        string? why = definition.Kind switch
        {
            TypeDefinitionKind.Future => "future is not supported yet",
            TypeDefinitionKind.Stream => "stream is not supported yet",
            TypeDefinitionKind.Error => "the type did not resolve",
            TypeDefinitionKind.Resource or TypeDefinitionKind.Enum or TypeDefinitionKind.Flags => null,
            TypeDefinitionKind.Handle => null,
            TypeDefinitionKind.Record or TypeDefinitionKind.Variant => FirstWhy(definition.Members.Where(m => m.Type is not null).Select(m => m.Type!.Value), depth),
            TypeDefinitionKind.Tuple => FirstWhy(definition.Elements, depth),
            TypeDefinitionKind.Result => FirstWhy(new[] { definition.Ok, definition.Err }.Where(t => t is not null).Select(t => t!.Value), depth),
            TypeDefinitionKind.Map => FirstWhy(new[] { definition.Key, definition.Element }.Where(t => t is not null).Select(t => t!.Value), depth),
            _ => definition.Element is { } element ? Why(element, depth + 1) : "the type did not resolve",
        };
        if (why is null && definition.Kind == TypeDefinitionKind.Flags && definition.Members.Count > 64) why = "flags with more than 64 members";
        if (why is null && Nesting(definition) > MaxDepth) why = TooDeep;

        // A walk cut short by its depth says nothing about the definition itself: asked again from elsewhere, it may be fine.
        if (why != TooDeep || Nesting(definition) > MaxDepth) _whyUnsupported[definition] = why;
        return why;
    }

    /// <summary>How many anonymous types nest in the C# type of <paramref name="definition"/> (a declared type counts 0).</summary>
    private int Nesting(TypeDefinition definition)
    {
        if (IsDeclared(definition) || definition.Kind is TypeDefinitionKind.Handle or TypeDefinitionKind.Resource) return 0;
        if (_nesting.TryGetValue(definition, out int known)) return known;
        int deepest = 0;
        foreach (var part in Parts(definition))
        {
            if (part.Definition is not { } inner) continue;
            // Parts come earlier in the arena, so their nesting is known; an unknown one (out of order) counts as too deep.
            int nesting = IsDeclared(inner) || inner.Kind is TypeDefinitionKind.Handle or TypeDefinitionKind.Resource ? 0
                : _nesting.TryGetValue(inner, out int n) ? n
                : MaxDepth + 1;
            deepest = System.Math.Max(deepest, nesting);
        }

        int result = definition.Kind == TypeDefinitionKind.Alias ? deepest : deepest + 1;
        _nesting[definition] = result;
        return result;
    }

    private static IEnumerable<WitType> Parts(TypeDefinition definition)
    {
        foreach (var element in definition.Elements) yield return element;
        foreach (var optional in new[] { definition.Element, definition.Key, definition.Ok, definition.Err })
        {
            if (optional is { } type) yield return type;
        }
    }

    private string? FirstWhy(IEnumerable<WitType> types, int depth)
    {
        foreach (var type in types)
        {
            if (Why(type, depth + 1) is { } why) return why;
        }

        return null;
    }

    private string MapSupported(WitType type, int depth)
    {
        if (type.Definition is not { } definition) return Primitive(type.Primitive);
        if (IsDeclared(definition))
        {
            Referenced.Add(definition);
            return $"global::{_namespaces.Of(definition)}.{DeclaredName(definition)}";
        }

        switch (definition.Kind)
        {
            case TypeDefinitionKind.Alias:
                return MapSupported(definition.Element!.Value, depth + 1);
            case TypeDefinitionKind.Handle:
                return MapSupported(WitType.Of(definition.Resource!), depth + 1);
            case TypeDefinitionKind.List:
            case TypeDefinitionKind.FixedSizeList:
                return MapSupported(definition.Element!.Value, depth + 1) + "[]";
            case TypeDefinitionKind.Option:
                var inner = definition.Element!.Value;
                string innerText = MapSupported(inner, depth + 1);
                return IsOption(inner) ? $"global::Wit.Hosting.Option<{innerText}>" : innerText + "?";
            case TypeDefinitionKind.Result:
                string ok = definition.Ok is { } okType ? MapSupported(okType, depth + 1) : "global::Wit.Hosting.Unit";
                string err = definition.Err is { } errType ? MapSupported(errType, depth + 1) : "global::Wit.Hosting.Unit";
                return $"global::Wit.Hosting.Result<{ok}, {err}>";
            case TypeDefinitionKind.Tuple:
                var elements = definition.Elements.Select(e => MapSupported(e, depth + 1)).ToList();
                return elements.Count switch
                {
                    0 => "global::Wit.Hosting.Unit",
                    1 => $"global::System.ValueTuple<{elements[0]}>",
                    _ => "(" + string.Join(", ", elements) + ")",
                };
            case TypeDefinitionKind.Map:
                return $"global::System.Collections.Generic.Dictionary<{MapSupported(definition.Key!.Value, depth + 1)}, {MapSupported(definition.Element!.Value, depth + 1)}>";
            default:
                throw new System.InvalidOperationException($"{definition.Kind} has no C# type");
        }
    }

    /// <summary>Whether <paramref name="type"/> is an option (through aliases): its own option then needs <c>Option&lt;T&gt;</c>.</summary>
    private static bool IsOption(WitType type)
    {
        var definition = type.Definition;
        for (int i = 0; i < 1000 && definition is not null; i++)
        {
            if (definition.Kind == TypeDefinitionKind.Option) return true;
            if (definition.Kind != TypeDefinitionKind.Alias) return false;
            definition = definition.Element?.Definition;
        }

        return false;
    }

    private static string Primitive(PrimitiveType primitive) => primitive switch
    {
        PrimitiveType.Bool => "bool",
        PrimitiveType.U8 => "byte",
        PrimitiveType.U16 => "ushort",
        PrimitiveType.U32 => "uint",
        PrimitiveType.U64 => "ulong",
        PrimitiveType.S8 => "sbyte",
        PrimitiveType.S16 => "short",
        PrimitiveType.S32 => "int",
        PrimitiveType.S64 => "long",
        PrimitiveType.F32 => "float",
        PrimitiveType.F64 => "double",
        PrimitiveType.Char => "global::System.Text.Rune",
        PrimitiveType.String => "string",
        _ => throw new System.InvalidOperationException($"{primitive} has no C# type"),
    };
}
