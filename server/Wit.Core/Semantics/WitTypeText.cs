using System.Collections.Generic;
using System.Text;
using Wit.Core.Semantics;

namespace Wit.Core.Semantics;

/// <summary>
/// Spells a resolved type as WIT source would: primitives and named types by name, anonymous types by their
/// constructor (<c>list&lt;u8&gt;</c>, <c>result&lt;_, string&gt;</c>, <c>borrow&lt;file&gt;</c>). An own handle is
/// the resource's bare name, as written in WIT.
/// </summary>
public static class WitTypeText
{
    /// <summary>The type as WIT; <c>&lt;error&gt;</c> for a missing (unresolved) part.</summary>
    public static string Format(WitType? type)
    {
        // Anonymous types nest as deeply as the input does, so they are printed with an explicit stack of pending
        // pieces (a string to append or a type to expand) instead of recursion.
        var builder = new StringBuilder();
        var pending = new Stack<object?>();
        pending.Push(type);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case string text:
                    builder.Append(text);
                    break;
                case WitType { Definition: null } primitive:
                    builder.Append(PrimitiveNames.Name(primitive.Primitive));
                    break;
                case WitType { Definition: { Name: { } name } }:
                    builder.Append(name);
                    break;
                case WitType { Definition: { } anonymous }:
                    var pieces = Pieces(anonymous);
                    for (int i = pieces.Count - 1; i >= 0; i--) pending.Push(pieces[i]);
                    break;
                default:
                    builder.Append("<error>");
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The right-hand side of a named definition that WIT writes as <c>type name = ...;</c> (a list, option, tuple,
    /// handle, ... given a name): the constructor, not the name.
    /// </summary>
    public static string FormatDefinition(TypeDefinition definition)
    {
        var builder = new StringBuilder();
        foreach (var piece in Pieces(definition)) builder.Append(piece is string text ? text : Format((WitType?)piece));
        return builder.ToString();
    }

    /// <summary>The function as WIT: <c>func(a: string) -> u32</c>, with <c>async</c> when it is.</summary>
    public static string FormatFunction(Function function)
    {
        var builder = new StringBuilder(function.IsAsync ? "async func(" : "func(");
        for (int i = 0; i < function.Parameters.Count; i++)
        {
            if (i > 0) builder.Append(", ");
            builder.Append(function.Parameters[i].Name).Append(": ").Append(Format(function.Parameters[i].Type));
        }

        builder.Append(')');
        if (function.Result is { } result) builder.Append(" -> ").Append(Format(result));
        return builder.ToString();
    }

    /// <summary>The pieces of an anonymous definition, in order: literal text and the types inside it.</summary>
    private static List<object?> Pieces(TypeDefinition definition)
    {
        switch (definition.Kind)
        {
            case TypeDefinitionKind.List:
                return new List<object?> { "list<", definition.Element, ">" };
            case TypeDefinitionKind.FixedSizeList:
                return new List<object?> { "list<", definition.Element, ", " + definition.FixedLength.ToString(System.Globalization.CultureInfo.InvariantCulture) + ">" };
            case TypeDefinitionKind.Option:
                return new List<object?> { "option<", definition.Element, ">" };
            case TypeDefinitionKind.Result:
                if (definition.Ok is null && definition.Err is null) return new List<object?> { "result" };
                if (definition.Err is null) return new List<object?> { "result<", definition.Ok, ">" };
                if (definition.Ok is null) return new List<object?> { "result<_, ", definition.Err, ">" };
                return new List<object?> { "result<", definition.Ok, ", ", definition.Err, ">" };
            case TypeDefinitionKind.Tuple:
                var tuple = new List<object?> { "tuple<" };
                for (int i = 0; i < definition.Elements.Count; i++)
                {
                    if (i > 0) tuple.Add(", ");
                    tuple.Add(definition.Elements[i]);
                }

                tuple.Add(">");
                return tuple;
            case TypeDefinitionKind.Map:
                return new List<object?> { "map<", definition.Key, ", ", definition.Element, ">" };
            case TypeDefinitionKind.Future:
            case TypeDefinitionKind.Stream:
                string keyword = definition.Kind == TypeDefinitionKind.Future ? "future" : "stream";
                return definition.Element is null ? new List<object?> { keyword } : new List<object?> { keyword + "<", definition.Element, ">" };
            case TypeDefinitionKind.Handle:
                string resource = definition.Resource?.Name ?? "<error>";
                return new List<object?> { definition.HandleKind == HandleKind.Borrow ? $"borrow<{resource}>" : resource };
            case TypeDefinitionKind.Alias:
                return new List<object?> { definition.Element };
            default:
                return new List<object?> { definition.Kind == TypeDefinitionKind.Error ? "<error>" : definition.Kind.ToString().ToLowerInvariant() };
        }
    }
}
