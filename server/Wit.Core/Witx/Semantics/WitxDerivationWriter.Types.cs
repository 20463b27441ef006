using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Wit.Core.Abi;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// Typenames: every named WIT type a derivation needs becomes a <c>typename</c> before its first use (WITX resolves
/// names in order), emitted by a depth-first walk with an explicit stack. Anonymous WIT types are written in place.
/// Each WIT type maps to the WITX type with the same Canonical ABI layout where WITX has one: records as records,
/// variants with an explicit tag of the Canonical ABI's discriminant size, <c>option</c> and <c>result</c> as such
/// variants, enums and flags with the Canonical ABI's integer, <c>bool</c> as a one-byte enum, fixed-length lists as
/// tuples, maps as lists of pairs, resources (and streams, futures, error contexts) as handles.
/// </summary>
internal sealed partial class WitxDerivationWriter
{
    private readonly HashSet<TypeDefinition> _emitted = new();
    private readonly HashSet<TypeDefinition> _visiting = new();
    private readonly Dictionary<string, string> _helpers = new(StringComparer.Ordinal);
    private readonly StringBuilder _helperText = new();
    private readonly StringBuilder _typeText = new();

    /// <summary>The named definitions emitted as typenames, in order, each with its WITX name.</summary>
    public List<(TypeDefinition Definition, string Name)> Typenames { get; } = new();

    /// <summary>
    /// The definition a name stands for: a <c>use</c> brings a type in under the same name, and the derived document
    /// has one typename for both (a renaming <c>use</c> stays an alias).
    /// </summary>
    internal static TypeDefinition Canonical(TypeDefinition definition)
    {
        var current = definition;
        for (int guard = 0; guard < 100_000 && current.Kind == TypeDefinitionKind.Alias && current.FromUse
            && current.Element?.Definition is { } target && target.Name == current.Name; guard++)
        {
            current = target;
        }

        return current;
    }

    private static bool IsNamed(TypeDefinition definition) => Canonical(definition) is { Name: not null } d && d.Kind != TypeDefinitionKind.Error;

    /// <summary>Emits the typename of a named definition after every named definition it refers to.</summary>
    private void Require(TypeDefinition definition)
    {
        var root = Canonical(definition);
        if (!IsNamed(root) || _emitted.Contains(root)) return;
        var stack = new Stack<(TypeDefinition Definition, bool Expanded)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (current, expanded) = stack.Pop();
            if (_emitted.Contains(current)) continue;
            if (expanded)
            {
                _emitted.Add(current);
                _visiting.Remove(current);
                EmitTypename(current);
                continue;
            }

            // A definition met again while its dependencies are pending is a cycle, which only unresolved input has.
            if (!_visiting.Add(current)) continue;
            stack.Push((current, true));
            foreach (var dependency in NamedDependencies(current))
            {
                if (!_emitted.Contains(dependency) && !_visiting.Contains(dependency)) stack.Push((dependency, false));
            }
        }
    }

    /// <summary>The named definitions a definition refers to, through any anonymous types in between.</summary>
    private static List<TypeDefinition> NamedDependencies(TypeDefinition definition)
    {
        var result = new List<TypeDefinition>();
        var stack = new Stack<TypeDefinition>();
        var seen = new HashSet<TypeDefinition>();
        PushInner(definition, stack);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!seen.Add(current)) continue;
            if (IsNamed(current)) result.Add(Canonical(current));
            else PushInner(current, stack);
        }

        return result;
    }

    private static void PushInner(TypeDefinition definition, Stack<TypeDefinition> stack)
    {
        void Push(WitType? type)
        {
            if (type?.Definition is { } d) stack.Push(d);
        }

        foreach (var member in definition.Members) Push(member.Type);
        foreach (var element in definition.Elements) Push(element);
        Push(definition.Element);
        Push(definition.Key);
        Push(definition.Ok);
        Push(definition.Err);
        if (definition.Kind == TypeDefinitionKind.Handle && definition.Resource is { } resource) stack.Push(resource);
    }

    private void EmitTypename(TypeDefinition definition)
    {
        // Diagnostics about what the typename needs point at the WIT type, then back at whatever asked for it.
        var saved = _currentLocation;
        _currentLocation = definition.Location ?? saved;
        WriteTypename(definition);
        _currentLocation = saved;
    }

    private void WriteTypename(TypeDefinition definition)
    {
        string name = NameOf(definition);
        Typenames.Add((definition, name));
        var text = _typeText;
        if (text.Length > 0) text.Append('\n');
        WriteDocs(text, "", definition.Docs);
        if (_layoutNotes.TryGetValue(definition, out string? note)) text.Append(";; ").Append(note).Append('\n');
        switch (definition.Kind)
        {
            case TypeDefinitionKind.Record:
                text.Append("(typename $").Append(name).Append("\n  (record\n");
                foreach (var field in definition.Members)
                {
                    WriteDocs(text, "    ", field.Docs);
                    text.Append("    (field $").Append(Ident(field.Name)).Append(' ').Append(Expr(field.Type)).Append(")\n");
                }

                text.Append("  )\n)\n");
                break;
            case TypeDefinitionKind.Variant:
                text.Append("(typename $").Append(name).Append("\n  (variant (@witx tag ").Append(TagOf(definition.Members.Count)).Append(")\n");
                foreach (var @case in definition.Members)
                {
                    WriteDocs(text, "    ", @case.Docs);
                    text.Append("    (case $").Append(Ident(@case.Name));
                    if (@case.Type is { } payload) text.Append(' ').Append(Expr(payload));
                    text.Append(")\n");
                }

                text.Append("  )\n)\n");
                break;
            case TypeDefinitionKind.Enum:
            case TypeDefinitionKind.Flags:
                bool isEnum = definition.Kind == TypeDefinitionKind.Enum;
                text.Append("(typename $").Append(name).Append(isEnum ? "\n  (enum (@witx tag " : "\n  (flags (@witx repr ")
                    .Append(isEnum ? TagOf(definition.Members.Count) : FlagsRepr(definition.Members.Count)).Append(")\n");
                foreach (var member in definition.Members)
                {
                    WriteDocs(text, "    ", member.Docs);
                    text.Append("    $").Append(Ident(member.Name)).Append('\n');
                }

                text.Append("  )\n)\n");
                if (!isEnum && definition.Members.Count > 32)
                {
                    Report(WitxDiagnostics.TooManyFlags(definition.Name, definition.Members.Count),
                        definition.Location);
                }

                break;
            case TypeDefinitionKind.Resource:
                text.Append(";; resource: own and borrow handles are i32 indices into the component's handle table; WITX has no ownership,\n")
                    .Append(";; so both are this handle, and the resource's methods are functions taking it as `$self`.\n");
                text.Append("(typename $").Append(name).Append(" (handle))\n");
                break;
            default:
                text.Append("(typename $").Append(name).Append(' ').Append(Structure(definition)).Append(")\n");
                break;
        }
    }

    /// <summary>
    /// How a type is written in WITX: a named definition by its typename (emitted first if needed), anything else in
    /// place. Anonymous types nest only as deeply as the WIT parser allows (a hundred levels), so this recursion is
    /// bounded whatever the input.
    /// </summary>
    private string Expr(WitType? type)
    {
        if (type is not { } t) return Failed("a missing type");
        if (t.Definition is not { } definition) return Primitive(t.Primitive);
        if (IsNamed(definition))
        {
            var canonical = Canonical(definition);
            Require(canonical);
            return "$" + NameOf(canonical);
        }

        return Structure(definition);
    }

    /// <summary>
    /// A definition written out in place, whatever its name: WIT names constructed types too (<c>type a = list&lt;u8&gt;</c>
    /// defines a list called <c>a</c>), and their typename's body is the construction.
    /// </summary>
    private string Structure(TypeDefinition definition)
    {
        switch (definition.Kind)
        {
            case TypeDefinitionKind.List:
                return $"(list {Expr(definition.Element)})";
            case TypeDefinitionKind.Map:
                return $"(list (tuple {Expr(definition.Key)} {Expr(definition.Element)}))";
            case TypeDefinitionKind.FixedSizeList:
                string element = Expr(definition.Element);
                // WITX has no fixed-length list, only a tuple of that many elements: beyond a bound (a length of
                // 4294967295, or lists of lists) the tuple would not fit in memory, so it is refused.
                if ((long)definition.FixedLength * (element.Length + 1) > MaxExpandedListText)
                {
                    Report(WitxDiagnostics.FixedLengthListTooLong(ListText(definition), definition.FixedLength, MaxExpandedListText), _currentLocation);
                    return Failed("a fixed-length list this long");
                }

                var tuple = new StringBuilder("(tuple");
                for (uint i = 0; i < definition.FixedLength; i++) tuple.Append(' ').Append(element);
                return tuple.Append(')').ToString();
            case TypeDefinitionKind.Tuple:
                return "(tuple" + string.Concat(definition.Elements.Select(e => " " + Expr(e))) + ")";
            case TypeDefinitionKind.Option:
                return $"(variant (@witx tag u8) (case $none) (case $some {Expr(definition.Element)}))";
            case TypeDefinitionKind.Result:
                string ok = definition.Ok is { } okType ? " " + Expr(okType) : "";
                string err = definition.Err is { } errType ? " " + Expr(errType) : "";
                return $"(variant (@witx tag u8) (case $ok{ok}) (case $err{err}))";
            case TypeDefinitionKind.Handle when definition.Resource is { } resource:
                return Expr(WitType.Of(resource));
            case TypeDefinitionKind.Alias:
                return Expr(definition.Element);
            case TypeDefinitionKind.Future:
                return Helper("future", ";; WIT future<T>: an i32 handle; WITX has no futures, and the payload type is not expressible.");
            case TypeDefinitionKind.Stream:
                return Helper("stream", ";; WIT stream<T>: an i32 handle; WITX has no streams, and the element type is not expressible.");
            default:
                return Failed($"a {definition.Kind.ToString().ToLowerInvariant()}");
        }
    }

    private string Primitive(PrimitiveType primitive) => primitive switch
    {
        PrimitiveType.Bool => Helper("bool", ";; WIT bool: one byte, 0 or 1 (WITX's own bool is four bytes)."),
        PrimitiveType.String => "string",
        PrimitiveType.ErrorContext => Helper("error-context", ";; WIT error-context: an i32 handle; WITX has no error contexts."),
        _ => PrimitiveNames.Name(primitive),
    };

    /// <summary>A typename the derivation adds for a WIT type WITX lacks, emitted once, before every other typename.</summary>
    private string Helper(string key, string comment)
    {
        if (_helpers.TryGetValue(key, out string? name)) return "$" + name;
        name = Unique(key);
        _helpers[key] = name;
        _helperText.Append(comment).Append('\n');
        _helperText.Append("(typename $").Append(name).Append(key == "bool" ? " (enum (@witx tag u8) $false $true))\n\n" : " (handle))\n\n");
        if (key != "bool") ReportOnce(key, WitxDiagnostics.DerivedAsHandle(key), _currentLocation);
        return "$" + name;
    }

    /// <summary>The WITX integer of a variant's or enum's tag: the Canonical ABI's discriminant size.</summary>
    private static string TagOf(int cases) => CanonicalAbi.DiscriminantSize(cases) switch
    {
        1 => "u8",
        2 => "u16",
        _ => "u32",
    };

    private static string FlagsRepr(int count) => count <= 8 ? "u8" : count <= 16 ? "u16" : count <= 32 ? "u32" : "u64";

    /// <summary>The most characters a fixed-length list's tuple may take in the derived WITX.</summary>
    private const long MaxExpandedListText = 1 << 20;

    /// <summary>A fixed-length list as WIT spells it, its element by name or kind.</summary>
    private static string ListText(TypeDefinition definition)
    {
        string element = definition.Element is { Definition: { } d } ? d.Name ?? d.Kind.ToString().ToLowerInvariant() : definition.Element is { } e ? PrimitiveNames.Name(e.Primitive) : "?";
        return $"list<{element}, {definition.FixedLength.ToString(CultureInfo.InvariantCulture)}>";
    }

    private string Failed(string what)
    {
        _failed = true;
        return "u8 (; " + what + " has no WITX form ;)";
    }

    private static void WriteDocs(StringBuilder text, string indent, string? docs)
    {
        if (string.IsNullOrEmpty(docs)) return;
        foreach (string line in docs!.Replace("\r\n", "\n").Split('\n'))
        {
            text.Append(indent).Append(";;;");
            if (line.Length > 0) text.Append(' ').Append(line);
            text.Append('\n');
        }
    }

    private static string CoreBuiltin(CoreValueType type) => type switch
    {
        CoreValueType.I32 => "u32",
        CoreValueType.I64 => "u64",
        CoreValueType.F32 => "f32",
        _ => "f64",
    };

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
