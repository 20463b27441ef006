using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wit.Core.Semantics;

namespace Wit.Ide.Hover;

/// <summary>
/// The first line of a hover: how a symbol reads as WIT (<c>record point { x: f32, y: f32 }</c>,
/// <c>read: func(len: u64) -&gt; list&lt;u8&gt;</c>, <c>interface wasi:io/streams@0.2.0</c>). Big bodies are
/// shortened: a hover is a summary, the definition is one click away.
/// </summary>
internal static class WitSignatureText
{
    /// <summary>Bodies longer than this are written one member per line.</summary>
    private const int MaxInlineLength = 80;

    /// <summary>At most this many members are listed; the rest are counted.</summary>
    private const int MaxMembers = 12;

    public static string Of(object symbol, object? container) => symbol switch
    {
        TypeDefinition type => Type(type),
        Function function => Function(function),
        Interface @interface => "interface " + (@interface.QualifiedName ?? "<inline interface>"),
        World world => "world " + Abi.AbiLayoutProvider.QualifiedName(world),
        Package package => "package " + package.Name,
        NamedType member => Member(member, container),
        WorldItem item => item.Interface is { } i ? "interface " + i : item.Function is { } f ? Function(f) : item.Type is { } t ? Type(t) : "<error>",
        _ => symbol.ToString() ?? string.Empty,
    };

    public static string Type(TypeDefinition type)
    {
        string name = type.Name ?? string.Empty;
        switch (type.Kind)
        {
            case TypeDefinitionKind.Record:
                return Body("record " + name, type.Members.Select(m => $"{m.Name}: {WitTypeText.Format(m.Type)}"));
            case TypeDefinitionKind.Variant:
                return Body("variant " + name, type.Members.Select(m => m.Type is null ? m.Name : $"{m.Name}({WitTypeText.Format(m.Type)})"));
            case TypeDefinitionKind.Enum:
                return Body("enum " + name, type.Members.Select(m => m.Name));
            case TypeDefinitionKind.Flags:
                return Body("flags " + name, type.Members.Select(m => m.Name));
            case TypeDefinitionKind.Resource:
                return "resource " + name;
            case TypeDefinitionKind.Error:
                return $"type {name} = <error>";
            default:
                return type.Name is null ? WitTypeText.FormatDefinition(type) : $"type {name} = {WitTypeText.FormatDefinition(type)}";
        }
    }

    /// <summary>A function as declared: a method without its implicit <c>self</c>, a constructor as <c>constructor(...)</c>.</summary>
    public static string Function(Function function)
    {
        var parameters = function.Kind is FunctionKind.Method or FunctionKind.AsyncMethod ? function.Parameters.Skip(1) : function.Parameters;
        var builder = new StringBuilder();
        if (function.Kind == FunctionKind.Constructor)
        {
            builder.Append("constructor(");
        }
        else
        {
            builder.Append(function.ItemName).Append(": ");
            if (function.Kind is FunctionKind.Static or FunctionKind.AsyncStatic) builder.Insert(0, "static ");
            builder.Append(function.IsAsync ? "async func(" : "func(");
        }

        builder.Append(string.Join(", ", parameters.Select(p => $"{p.Name}: {WitTypeText.Format(p.Type)}"))).Append(')');

        // A constructor's result is the resource itself unless it is fallible; only the fallible one is written.
        if (function.Result is { } result && !(function.Kind == FunctionKind.Constructor && result.Definition is { Kind: TypeDefinitionKind.Handle }))
        {
            builder.Append(" -> ").Append(WitTypeText.Format(result));
        }

        return builder.ToString();
    }

    private static string Member(NamedType member, object? container)
    {
        if (container is TypeDefinition { Kind: TypeDefinitionKind.Variant } && member.Type is { } payload) return $"{member.Name}({WitTypeText.Format(payload)})";
        return member.Type is { } type ? $"{member.Name}: {WitTypeText.Format(type)}" : member.Name;
    }

    private static string Body(string head, IEnumerable<string> members)
    {
        var list = members.ToList();
        string inline = list.Count == 0 ? head + " {}" : head + " { " + string.Join(", ", list) + " }";
        if (inline.Length <= MaxInlineLength) return inline;
        var builder = new StringBuilder(head).Append(" {\n");
        foreach (var member in list.Take(MaxMembers)) builder.Append("    ").Append(member).Append(",\n");
        if (list.Count > MaxMembers) builder.Append("    // ... ").Append(list.Count - MaxMembers).Append(" more\n");
        return builder.Append('}').ToString();
    }
}
