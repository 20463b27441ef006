using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Wit.Core.Semantics;

namespace Wit.Core.Diff;

/// <summary>Types as WIT spells them, for change descriptions: named types by name, anonymous ones constructed.</summary>
internal static class DiffTypeText
{
    public static string Of(WitType? type) => type is { } t ? Of(t) : "nothing";

    /// <summary>Both types' texts; when they read the same, with every named type qualified by its interface.</summary>
    public static (string Old, string New) Pair(WitType? oldType, WitType? newType)
    {
        string a = Of(oldType), b = Of(newType);
        if (a != b) return (a, b);
        s_qualified = true;
        try
        {
            return (Of(oldType), Of(newType));
        }
        finally
        {
            s_qualified = false;
        }
    }

    [System.ThreadStatic]
    private static bool s_qualified;

    public static string Of(WitType type)
    {
        if (type.Definition is not { } d) return PrimitiveNames.Name(type.Primitive);
        if (d.Name is null) return Shape(d);
        if (!s_qualified) return d.Name;
        var owner = d.Owner.Interface;
        string prefix = owner is null ? d.Owner.World?.Name ?? string.Empty : owner.Package is { } p && owner.Name is not null ? $"{p.Name.WithoutVersion}/{owner.Name}" : owner.Name ?? string.Empty;
        string text = prefix.Length == 0 ? d.Name : $"{prefix}.{d.Name}";
        if (d.Kind != TypeDefinitionKind.Alias || d.Element is not { } target) return text;

        // An alias shows what it stands for. A model may hold an alias cycle (`type a = b; type b = a;`, which the
        // resolver reports and still returns), and a chain of aliases is as long as the input makes it: the
        // expansion stops at an alias already being shown and after a few levels, so it neither loops nor recurses
        // as deep as the input.
        var expanding = s_expanding ??= new HashSet<TypeDefinition>();
        if (expanding.Count >= MaxAliasExpansion || !expanding.Add(d)) return $"{text} (= …)";
        try
        {
            return $"{text} (= {Of(target)})";
        }
        finally
        {
            expanding.Remove(d);
        }
    }

    /// <summary>How many aliases a qualified type text expands, one inside the other, before it writes an ellipsis.</summary>
    private const int MaxAliasExpansion = 8;

    [System.ThreadStatic]
    private static HashSet<TypeDefinition>? s_expanding;

    /// <summary>A definition's structure, ignoring its own name (an alias shows its target).</summary>
    public static string Shape(TypeDefinition d)
    {
        return d.Kind switch
        {
            TypeDefinitionKind.List => $"list<{Of(d.Element)}>",
            TypeDefinitionKind.FixedSizeList => $"list<{Of(d.Element)}, {d.FixedLength.ToString(CultureInfo.InvariantCulture)}>",
            TypeDefinitionKind.Option => $"option<{Of(d.Element)}>",
            TypeDefinitionKind.Result => d.Ok is null && d.Err is null ? "result" : $"result<{(d.Ok is { } ok ? Of(ok) : "_")}{(d.Err is { } err ? ", " + Of(err) : string.Empty)}>",
            TypeDefinitionKind.Tuple => $"tuple<{string.Join(", ", d.Elements.Select(Of))}>",
            TypeDefinitionKind.Map => $"map<{Of(d.Key)}, {Of(d.Element)}>",
            TypeDefinitionKind.Future => d.Element is { } f ? $"future<{Of(f)}>" : "future",
            TypeDefinitionKind.Stream => d.Element is { } s ? $"stream<{Of(s)}>" : "stream",
            TypeDefinitionKind.Handle => $"{(d.HandleKind == HandleKind.Borrow ? "borrow" : "own")}<{d.Resource?.Name ?? "?"}>",
            TypeDefinitionKind.Alias => Of(d.Element),
            _ => d.Kind.ToString().ToLowerInvariant(),
        };
    }

    public static string KindName(TypeDefinitionKind kind) => kind switch
    {
        TypeDefinitionKind.FixedSizeList => "fixed-size list",
        TypeDefinitionKind.Alias => "type alias",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
