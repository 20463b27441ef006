using System.Linq;
using Wit.Core.Semantics;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// Renders resolved types and signatures in WIT-like text for assertions: named definitions by name, anonymous ones
/// by structure (<c>list&lt;u8&gt;</c>, <c>own&lt;file&gt;</c>, <c>result&lt;_, e&gt;</c>), so a test states what a
/// signature means in one readable string.
/// </summary>
public static class TypeText
{
    /// <summary>Deep enough for any fixture; deeper structure prints as <c>…</c> rather than recursing further.</summary>
    private const int MaxDepth = 32;

    public static string Of(WitType? type) => Render(type, 0);

    /// <summary>
    /// What a definition is, rather than its name: <c>type bytes = list&lt;u8&gt;;</c> gives <c>list&lt;u8&gt;</c>,
    /// an alias gives its target, a record, variant, enum, flags or resource its kind.
    /// </summary>
    public static string Structure(TypeDefinition definition) =>
        definition.Kind == TypeDefinitionKind.Alias ? Render(definition.Element, 0) : Shape(definition, 0);

    /// <summary><c>name(a: t, b: u) -> r</c>, with the implicit <c>self</c> of methods.</summary>
    public static string Signature(Function function)
    {
        string parameters = string.Join(", ", function.Parameters.Select(p => $"{p.Name}: {Render(p.Type, 0)}"));
        string result = function.Result is null ? string.Empty : $" -> {Render(function.Result, 0)}";
        string prefix = function.IsAsync ? "async " : string.Empty;
        return $"{prefix}{function.Name}({parameters}){result}";
    }

    private static string Render(WitType? type, int depth)
    {
        if (type is not { } t) return "_";
        if (t.Definition is not { } d) return PrimitiveNames.Name(t.Primitive);
        return d.Name ?? Shape(d, depth);
    }

    private static string Shape(TypeDefinition d, int depth)
    {
        if (depth > MaxDepth) return "…";
        int next = depth + 1;
        return d.Kind switch
        {
            TypeDefinitionKind.List => $"list<{Render(d.Element, next)}>",
            TypeDefinitionKind.FixedSizeList => $"list<{Render(d.Element, next)}, {d.FixedLength}>",
            TypeDefinitionKind.Option => $"option<{Render(d.Element, next)}>",
            TypeDefinitionKind.Result => $"result<{Render(d.Ok, next)}, {Render(d.Err, next)}>",
            TypeDefinitionKind.Tuple => $"tuple<{string.Join(", ", d.Elements.Select(e => Render(e, next)))}>",
            TypeDefinitionKind.Map => $"map<{Render(d.Key, next)}, {Render(d.Element, next)}>",
            TypeDefinitionKind.Future => d.Element is null ? "future" : $"future<{Render(d.Element, next)}>",
            TypeDefinitionKind.Stream => d.Element is null ? "stream" : $"stream<{Render(d.Element, next)}>",
            TypeDefinitionKind.Handle => $"{(d.HandleKind == HandleKind.Own ? "own" : "borrow")}<{d.Resource?.Name ?? "?"}>",
            _ => d.Kind.ToString().ToLowerInvariant(),
        };
    }
}
