using System.Collections.Generic;
using Wit.Core.Semantics;

namespace Wit.Runtime.Component;

/// <summary>
/// A decoded component's value types as <c>Wit.Core</c> types, which the Canonical ABI codec lays out: memoised per
/// <see cref="TypeDef"/> (one converter serves a whole instantiation, nested components included), each resource
/// (by its <see cref="ResourceTypeDef.Root"/>) one <see cref="TypeDefinitionKind.Resource"/> definition whose
/// decoded resource <see cref="ResourceOf"/> gives back. The recursion follows the type's nesting, which the decoder
/// bounds (<see cref="ComponentDecoder.MaxTypeDepth"/>).
/// </summary>
internal sealed class ComponentTypeConverter
{
    private readonly Dictionary<TypeDef, WitType> _types = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ResourceTypeDef, TypeDefinition> _resources = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TypeDefinition, ResourceTypeDef> _back = new(ReferenceEqualityComparer.Instance);

    /// <summary>The decoded resource behind a converted resource definition.</summary>
    public ResourceTypeDef? ResourceOf(TypeDefinition definition) => _back.TryGetValue(definition, out var r) ? r : null;

    public IReadOnlyList<WitType> Params(FuncTypeDef f)
    {
        var result = new WitType[f.Params.Count];
        for (int i = 0; i < result.Length; i++) result[i] = Convert(f.Params[i].Type);
        return result;
    }

    public WitType? Result(FuncTypeDef f) => f.Result is { } r ? Convert(r) : null;

    public WitType Convert(ValueTypeDef type)
    {
        if (type is PrimitiveTypeDef p) return WitType.Of(Primitive(p.Kind));
        if (_types.TryGetValue(type, out var known)) return known;
        var converted = WitType.Of(Define(type));
        _types[type] = converted;
        return converted;
    }

    private TypeDefinition Define(ValueTypeDef type)
    {
        switch (type)
        {
            case RecordTypeDef r:
                {
                    var fields = new (string, WitType)[r.Fields.Count];
                    for (int i = 0; i < fields.Length; i++) fields[i] = (r.Fields[i].Name, Convert(r.Fields[i].Type));
                    return AnonymousTypes.Record(null, fields);
                }
            case VariantTypeDef v:
                {
                    var cases = new (string, WitType?)[v.Cases.Count];
                    for (int i = 0; i < cases.Length; i++) cases[i] = (v.Cases[i].Name, v.Cases[i].Type is { } t ? Convert(t) : null);
                    return AnonymousTypes.Variant(null, cases);
                }
            case EnumTypeDef e:
                return AnonymousTypes.Enum(null, e.Names);
            case FlagsTypeDef f:
                return AnonymousTypes.Flags(null, f.Names);
            case TupleTypeDef t:
                {
                    var elements = new WitType[t.Types.Count];
                    for (int i = 0; i < elements.Length; i++) elements[i] = Convert(t.Types[i]);
                    return AnonymousTypes.Tuple(elements);
                }
            case ListTypeDef { Length: uint n } l:
                return AnonymousTypes.FixedSizeList(Convert(l.Element), n);
            case ListTypeDef l:
                return AnonymousTypes.List(Convert(l.Element));
            case MapTypeDef m:
                return AnonymousTypes.Map(Convert(m.Key), Convert(m.Value));
            case OptionTypeDef o:
                return AnonymousTypes.Option(Convert(o.Type));
            case ResultTypeDef r:
                return AnonymousTypes.Result(r.Ok is { } ok ? Convert(ok) : null, r.Error is { } err ? Convert(err) : null);
            case HandleTypeDef h:
                return AnonymousTypes.Handle(Resource(h.Resource), h.IsBorrow ? HandleKind.Borrow : HandleKind.Own);
            default:
                throw new WasmException(WasmErrorKind.Unsupported, -1, $"the type {ComponentWit.Type(type)} cannot cross the component boundary on this engine");
        }
    }

    private TypeDefinition Resource(ResourceTypeDef resource)
    {
        var root = resource.Root;
        if (!_resources.TryGetValue(root, out var definition))
        {
            definition = AnonymousTypes.Resource(root.Name ?? resource.Name);
            _resources[root] = definition;
            _back[definition] = root;
        }

        return definition;
    }

    private static PrimitiveType Primitive(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Bool => PrimitiveType.Bool,
        PrimitiveKind.S8 => PrimitiveType.S8,
        PrimitiveKind.U8 => PrimitiveType.U8,
        PrimitiveKind.S16 => PrimitiveType.S16,
        PrimitiveKind.U16 => PrimitiveType.U16,
        PrimitiveKind.S32 => PrimitiveType.S32,
        PrimitiveKind.U32 => PrimitiveType.U32,
        PrimitiveKind.S64 => PrimitiveType.S64,
        PrimitiveKind.U64 => PrimitiveType.U64,
        PrimitiveKind.F32 => PrimitiveType.F32,
        PrimitiveKind.F64 => PrimitiveType.F64,
        PrimitiveKind.Char => PrimitiveType.Char,
        _ => PrimitiveType.String,
    };
}
