using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;

namespace Wit.Analyzers.Generation;

/// <summary>
/// C# expressions that convert between a WIT type's C# value and Wit.Hosting's <c>WitValue</c>: lowering (C# to
/// <c>WitValue</c>) and lifting (<c>WitValue</c> to C#). Primitives convert inline; anonymous types (lists, options,
/// results, tuples) through <c>WitValue</c>'s delegate-taking helpers, so that every expression is evaluated once and
/// the text grows with the type, not exponentially with its nesting; records, variants, enums and flags through a
/// method each in the world's marshalling class (<see cref="WriteMethods"/>). What the engine contract does not carry
/// (fixed-size lists, and what the bindings cannot express at all) has no conversion:
/// <see cref="Carries"/> is false.
/// </summary>
internal sealed class Marshaller
{
    private const string Value = "global::Wit.Hosting.WitValue";

    private readonly TypeMapper _types;
    private readonly string _class;
    private readonly Dictionary<TypeDefinition, int> _methods = new();
    private readonly List<TypeDefinition> _order = new();
    private readonly Dictionary<TypeDefinition, bool> _carried = new();
    private readonly IReadOnlyDictionary<TypeDefinition, string> _hostResources;
    private readonly IReadOnlyDictionary<TypeDefinition, string> _componentResources;
    private int _variables;

    /// <param name="types">The world's type mapping.</param>
    /// <param name="marshalClass">The fully qualified marshalling class (<c>global::...</c>) the methods go in.</param>
    /// <param name="model">The model, whose definitions are judged once each in arena order (parts before what uses them), so the walks stay shallow.</param>
    /// <param name="hostResources">The resources the world imports (the host implements them), each with the name its handles carry (<c>instance#resource</c>).</param>
    /// <param name="componentResources">The resources the component implements (of the interfaces the world exports), each with the class that wraps its handles.</param>
    public Marshaller(TypeMapper types, string marshalClass, WitModel model, IReadOnlyDictionary<TypeDefinition, string> hostResources, IReadOnlyDictionary<TypeDefinition, string> componentResources)
    {
        _types = types;
        _class = marshalClass;
        _hostResources = hostResources;
        _componentResources = componentResources;
        foreach (var definition in model.Types) Carried(WitType.Of(definition), 0);
    }

    /// <summary>Whether any record, variant, enum or flags conversion was asked for (then the class must be written).</summary>
    public bool HasMethods => _order.Count > 0;

    /// <summary>Whether <paramref name="resource"/> is one the component implements (its handles are wrapped in a generated class).</summary>
    public bool IsComponentResource(TypeDefinition resource) => _componentResources.ContainsKey(resource);

    /// <summary>Whether values of <paramref name="type"/> cross the engine contract.</summary>
    public bool Carries(WitType type)
    {
        if (_types.WhyUnsupported(type) is not null) return false;
        return Carried(type, 0);
    }

    private bool Carried(WitType type, int depth)
    {
        if (type.Definition is not { } definition) return type.Primitive != PrimitiveType.ErrorContext;
        if (_carried.TryGetValue(definition, out bool known)) return known;
        // Out of arena order only: give up rather than recurse without bound (not cached, as the answer is not known).
        if (depth > TypeMapper.MaxDepth) return false;
        bool carried = definition.Kind switch
        {
            TypeDefinitionKind.Enum or TypeDefinitionKind.Flags => true,
            // Handles of the host's resources (its objects) and of the component's (the engine's handles, wrapped).
            TypeDefinitionKind.Handle => definition.Resource is { } resource && (_hostResources.ContainsKey(resource) || _componentResources.ContainsKey(resource)),
            TypeDefinitionKind.Record or TypeDefinitionKind.Variant => definition.Members.All(m => m.Type is not { } t || Carried(t, depth + 1)),
            TypeDefinitionKind.Tuple => definition.Elements.All(e => Carried(e, depth + 1)),
            TypeDefinitionKind.Result => (definition.Ok is not { } ok || Carried(ok, depth + 1)) && (definition.Err is not { } err || Carried(err, depth + 1)),
            TypeDefinitionKind.Alias or TypeDefinitionKind.List or TypeDefinitionKind.Option => definition.Element is { } element && Carried(element, depth + 1),
            TypeDefinitionKind.Map => definition.Key is { } key && definition.Element is { } value && Carried(key, depth + 1) && Carried(value, depth + 1),
            _ => false,
        };
        if (carried || depth == 0) _carried[definition] = carried;
        return carried;
    }

    /// <summary>The <c>WitValue</c> of the C# value <paramref name="expression"/> (side-effect free; it may be read more than once).</summary>
    public string Lower(WitType type, string expression)
    {
        if (type.Definition is not { } definition) return $"{Value}.{PrimitiveKind(type.Primitive)}({expression})";
        switch (definition.Kind)
        {
            case TypeDefinitionKind.Alias:
                return Lower(definition.Element!.Value, expression);
            case TypeDefinitionKind.List:
                string item = Variable();
                return $"{Value}.FromArray({expression}, {item} => {Lower(definition.Element!.Value, item)})";
            case TypeDefinitionKind.Map:
                string key = Variable(), value = Variable();
                return $"{Value}.FromDictionary({expression}, {key} => {Lower(definition.Key!.Value, key)}, {value} => {Lower(definition.Element!.Value, value)})";
            case TypeDefinitionKind.Option:
                string payload = Variable();
                var inner = definition.Element!.Value;
                return IsOption(inner)
                    ? $"{Value}.FromOption({expression}, {payload} => {Lower(inner, payload)})"
                    : $"({expression} is {{ }} {payload} ? {Value}.Some({Lower(inner, payload)}) : {Value}.None)";
            case TypeDefinitionKind.Result:
                return $"{Value}.FromResult({expression}, {Side(definition.Ok, lower: true)}, {Side(definition.Err, lower: true)})";
            case TypeDefinitionKind.Handle:
                string factory = definition.HandleKind == HandleKind.Own ? "Own" : "Borrow";
                if (_componentResources.TryGetValue(definition.Resource!, out string? wrapper)) return $"{Value}.{factory}({wrapper}.HandleOf({expression}))";
                return $"{Value}.{factory}({CSharpNames.Literal(_hostResources[definition.Resource!])}, {expression})";
            case TypeDefinitionKind.Tuple:
                var items = definition.Elements.Select((e, i) => Lower(e, $"{expression}.Item{i + 1}"));
                return $"{Value}.Tuple(new {Value}[] {{ {string.Join(", ", items)} }})";
            default:
                return $"{_class}.Lower{Method(definition)}({expression})";
        }
    }

    /// <summary>The C# value of the <c>WitValue</c> <paramref name="expression"/> (evaluated once).</summary>
    public string Lift(WitType type, string expression)
    {
        if (type.Definition is not { } definition) return $"{expression}.As{PrimitiveKind(type.Primitive)}()";
        switch (definition.Kind)
        {
            case TypeDefinitionKind.Alias:
                return Lift(definition.Element!.Value, expression);
            case TypeDefinitionKind.List:
                string item = Variable();
                return $"{expression}.AsArray({item} => {Lift(definition.Element!.Value, item)})";
            case TypeDefinitionKind.Map:
                string key = Variable(), value = Variable();
                return $"{expression}.AsDictionary({key} => {Lift(definition.Key!.Value, key)}, {value} => {Lift(definition.Element!.Value, value)})";
            case TypeDefinitionKind.Option:
                string payload = Variable();
                var inner = definition.Element!.Value;
                string helper = IsOption(inner) ? "AsOption" : IsValueType(inner) ? "AsNullable" : "AsNullableReference";
                return $"{expression}.{helper}({payload} => {Lift(inner, payload)})";
            case TypeDefinitionKind.Result:
                return $"{expression}.AsResult({Side(definition.Ok, lower: false)}, {Side(definition.Err, lower: false)})";
            case TypeDefinitionKind.Handle:
                return _componentResources.TryGetValue(definition.Resource!, out string? wrapper)
                    ? $"new {wrapper}({expression}.AsComponentResource())"
                    : $"(({_types.Map(type)}){expression}.AsResource())";
            case TypeDefinitionKind.Tuple:
                if (definition.Elements.Count == 0) return $"{expression}.AsTuple(_ => global::Wit.Hosting.Unit.Value)";
                string items = Variable();
                var lifted = definition.Elements.Select((e, i) => Lift(e, $"{items}[{i}]")).ToList();
                string tuple = lifted.Count == 1
                    ? $"new global::System.ValueTuple<{_types.Map(definition.Elements[0])}>({lifted[0]})"
                    : "(" + string.Join(", ", lifted) + ")";
                return $"{expression}.AsTuple({items} => {tuple})";
            default:
                return $"{_class}.Lift{Method(definition)}({expression})";
        }
    }

    /// <summary>The conversion of a result's side: a lambda, or (no payload) null to lower and <c>Unit</c> to lift.</summary>
    private string Side(WitType? type, bool lower)
    {
        string v = Variable();
        if (type is not { } t) return lower ? "null" : $"{v} => global::Wit.Hosting.Unit.Value";
        return $"{v} => {(lower ? Lower(t, v) : Lift(t, v))}";
    }

    private string Variable() => "v" + _variables++;

    private int Method(TypeDefinition definition)
    {
        if (_methods.TryGetValue(definition, out int index)) return index;
        index = _order.Count;
        _methods[definition] = index;
        _order.Add(definition);
        return index;
    }

    /// <summary>Whether the C# type of <paramref name="type"/> is a value type (for <c>T?</c>: <c>Nullable&lt;T&gt;</c> or an annotation).</summary>
    private static bool IsValueType(WitType type)
    {
        for (int i = 0; i < 1000; i++)
        {
            if (type.Definition is not { } definition) return type.Primitive != PrimitiveType.String;
            switch (definition.Kind)
            {
                case TypeDefinitionKind.Alias:
                    type = definition.Element!.Value;
                    continue;
                case TypeDefinitionKind.Enum or TypeDefinitionKind.Flags or TypeDefinitionKind.Option or TypeDefinitionKind.Result or TypeDefinitionKind.Tuple:
                    return true;
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool IsOption(WitType type)
    {
        for (int i = 0; i < 1000 && type.Definition is { } definition; i++)
        {
            if (definition.Kind == TypeDefinitionKind.Option) return true;
            if (definition.Kind != TypeDefinitionKind.Alias) return false;
            type = definition.Element!.Value;
        }

        return false;
    }

    /// <summary>The <c>WitValue</c> factory and reader suffix of a primitive (<c>U32</c>, <c>String</c>, ...).</summary>
    public static string PrimitiveKind(PrimitiveType primitive) => primitive.ToString();

    /// <summary>The marshalling class's body: a lowering and a lifting method per record, variant, enum and flags met.</summary>
    public void WriteMethods(CodeWriter writer)
    {
        // Writing a method may meet further definitions (a record's field of another record): they join the list.
        for (int index = 0; index < _order.Count; index++)
        {
            var definition = _order[index];
            string type = _types.Map(WitType.Of(definition))!;
            if (index > 0) writer.Line();
            switch (definition.Kind)
            {
                case TypeDefinitionKind.Record:
                    WriteRecord(writer, definition, index, type);
                    break;
                case TypeDefinitionKind.Variant:
                    WriteVariant(writer, definition, index, type);
                    break;
                case TypeDefinitionKind.Enum:
                    WriteEnum(writer, definition, index, type);
                    break;
                default:
                    WriteFlags(writer, definition, index, type);
                    break;
            }
        }
    }

    private void WriteRecord(CodeWriter writer, TypeDefinition definition, int index, string type)
    {
        string names = string.Join(", ", definition.Members.Select(m => CSharpNames.Literal(m.Name)));
        writer.Line($"private static readonly string[] Names{index} = {{ {names} }};");
        writer.Open($"internal static {Value} Lower{index}({type} value)");
        writer.Line($"if (value is null) throw new global::System.ArgumentNullException(nameof(value), \"A WIT record cannot be null.\");");
        var fields = definition.Members.Select((m, i) => Lower(m.Type!.Value, "value." + TypeMapper.FieldName(definition, i)));
        writer.Line($"return {Value}.Record(Names{index}, new {Value}[] {{ {string.Join(", ", fields)} }});");
        writer.Close();
        writer.Open($"internal static {type} Lift{index}({Value} value)");
        writer.Line("var fields = value.AsRecord();");
        var lifted = definition.Members.Select((m, i) => Lift(m.Type!.Value, $"fields[{i}]"));
        writer.Line($"return new {type}({string.Join(", ", lifted)});");
        writer.Close();
    }

    private void WriteVariant(CodeWriter writer, TypeDefinition definition, int index, string type)
    {
        writer.Open($"internal static {Value} Lower{index}({type} value) => value switch");
        for (int i = 0; i < definition.Members.Count; i++)
        {
            var member = definition.Members[i];
            string caseType = $"{type}.{TypeMapper.CaseName(definition, i)}";
            string name = CSharpNames.Literal(member.Name);
            writer.Line(member.Type is { } payload
                ? $"{caseType} c => {Value}.Variant({name}, {Lower(payload, "c.Value")}),"
                : $"{caseType} => {Value}.Variant({name}),");
        }

        writer.Line($"null => throw new global::System.ArgumentNullException(nameof(value), \"A WIT variant cannot be null.\"),");
        writer.Line($"_ => throw new global::System.ArgumentException(\"Not a case of {definition.Name}.\", nameof(value)),");
        writer.Close(";");
        writer.Open($"internal static {type} Lift{index}({Value} value) => value.AsVariant() switch");
        for (int i = 0; i < definition.Members.Count; i++)
        {
            var member = definition.Members[i];
            string caseType = $"{type}.{TypeMapper.CaseName(definition, i)}";
            writer.Line(member.Type is { } payload
                ? $"{CSharpNames.Literal(member.Name)} => new {caseType}({Lift(payload, "value.RequiredPayload()")}),"
                : $"{CSharpNames.Literal(member.Name)} => new {caseType}(),");
        }

        writer.Line($"var other => throw new global::System.InvalidCastException($\"`{{other}}` is not a case of variant {definition.Name}.\"),");
        writer.Close(";");
    }

    private static void WriteEnum(CodeWriter writer, TypeDefinition definition, int index, string type)
    {
        writer.Open($"internal static {Value} Lower{index}({type} value) => value switch");
        foreach (var member in definition.Members) writer.Line($"{type}.{CSharpNames.Pascal(member.Name)} => {Value}.Enum({CSharpNames.Literal(member.Name)}),");
        writer.Line($"_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a case of enum {definition.Name}.\"),");
        writer.Close(";");
        writer.Open($"internal static {type} Lift{index}({Value} value) => value.AsEnum() switch");
        foreach (var member in definition.Members) writer.Line($"{CSharpNames.Literal(member.Name)} => {type}.{CSharpNames.Pascal(member.Name)},");
        writer.Line($"var other => throw new global::System.InvalidCastException($\"`{{other}}` is not a case of enum {definition.Name}.\"),");
        writer.Close(";");
    }

    private static void WriteFlags(CodeWriter writer, TypeDefinition definition, int index, string type)
    {
        writer.Open($"internal static {Value} Lower{index}({type} value)");
        writer.Line("var names = new global::System.Collections.Generic.List<string>();");
        foreach (var member in definition.Members)
        {
            writer.Line($"if ((value & {type}.{CSharpNames.Pascal(member.Name)}) != 0) names.Add({CSharpNames.Literal(member.Name)});");
        }

        writer.Line($"return {Value}.Flags(names.ToArray());");
        writer.Close();
        writer.Open($"internal static {type} Lift{index}({Value} value)");
        writer.Line($"{type} flags = 0;");
        writer.Open("foreach (string name in value.AsFlags())");
        writer.Open("flags |= name switch");
        foreach (var member in definition.Members) writer.Line($"{CSharpNames.Literal(member.Name)} => {type}.{CSharpNames.Pascal(member.Name)},");
        writer.Line($"var other => throw new global::System.InvalidCastException($\"`{{other}}` is not a flag of {definition.Name}.\"),");
        writer.Close(";");
        writer.Close();
        writer.Line("return flags;");
        writer.Close();
    }
}
