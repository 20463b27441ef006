using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wit.Runtime;
using Wit.Runtime.Canonical;
using Wit.Runtime.Component;

namespace Wit.Hosting.Embedded;

/// <summary>
/// <see cref="WitValue"/> to and from the runtime's <see cref="ComponentValue"/>, by the component's types (record
/// field, case and flag names come from them). A handle of a host resource crosses as a rep of
/// <see cref="HostObjects"/>; the resource is known by the name the component imports it under
/// (<c>instance#resource</c>). Recursion follows the type, whose depth the decoder bounds.
/// </summary>
internal sealed class EmbeddedValues
{
    private readonly Dictionary<ResourceTypeDef, string> _imported = new(ReferenceEqualityComparer.Instance);

    // The component's own resources, by the exported interface and the name they are exported under.
    private readonly Dictionary<ResourceTypeDef, (string? Instance, string Name)> _exported = new(ReferenceEqualityComparer.Instance);

    public EmbeddedValues(WasmComponent component)
    {
        foreach (var ex in component.Exports)
        {
            if (ex.Desc.Type is ResourceTypeDef r) _exported.TryAdd(r.Root, (null, ex.Name));
            if (ex.Desc.Type is InstanceTypeDef it)
            {
                foreach (var e in it.Exports)
                {
                    if (e.Desc.Type is ResourceTypeDef er) _exported.TryAdd(er.Root, (ex.Name, e.Name));
                }
            }
        }

        foreach (var im in component.Imports)
        {
            if (im.Desc.Type is ResourceTypeDef r) _imported[r.Root] = im.Name;
            if (im.Desc.Type is InstanceTypeDef it)
            {
                foreach (var e in it.Exports)
                {
                    if (e.Desc.Type is ResourceTypeDef er) _imported[er.Root] = $"{im.Name}#{e.Name}";
                }
            }
        }
    }

    /// <summary>The resources the host defined, by qualified name.</summary>
    public HashSet<string> HostResources { get; } = new(StringComparer.Ordinal);

    public HostObjectTable HostObjects { get; } = new();

    /// <summary>The instance the component's own resources belong to (the linker's latest instantiation).</summary>
    public (IWitInstance Facade, ComponentInstance Runtime)? Instance { get; set; }

    public WitValue ToWit(ComponentValue v, ValueTypeDef type)
    {
        switch (type)
        {
            case PrimitiveTypeDef p:
                return p.Kind switch
                {
                    PrimitiveKind.Bool => WitValue.Bool(v.Bits != 0),
                    PrimitiveKind.S8 => WitValue.S8(unchecked((sbyte)v.Bits)),
                    PrimitiveKind.U8 => WitValue.U8((byte)v.Bits),
                    PrimitiveKind.S16 => WitValue.S16(unchecked((short)v.Bits)),
                    PrimitiveKind.U16 => WitValue.U16((ushort)v.Bits),
                    PrimitiveKind.S32 => WitValue.S32(unchecked((int)v.Bits)),
                    PrimitiveKind.U32 => WitValue.U32((uint)v.Bits),
                    PrimitiveKind.S64 => WitValue.S64(unchecked((long)v.Bits)),
                    PrimitiveKind.U64 => WitValue.U64(v.Bits),
                    PrimitiveKind.F32 => WitValue.F32(BitConverter.UInt32BitsToSingle((uint)v.Bits)),
                    PrimitiveKind.F64 => WitValue.F64(BitConverter.UInt64BitsToDouble(v.Bits)),
                    PrimitiveKind.Char => WitValue.Char(new Rune((int)v.Bits)),
                    _ => WitValue.String(v.Text!),
                };
            case ListTypeDef l:
                return WitValue.List(v.Items.Select(i => ToWit(i, l.Element)).ToArray());
            case MapTypeDef m:
                return WitValue.Map(v.Items.Select(i => ToWit(i.Items[0], m.Key)).ToArray(), v.Items.Select(i => ToWit(i.Items[1], m.Value)).ToArray());
            case TupleTypeDef t:
                return WitValue.Tuple(v.Items.Select((i, k) => ToWit(i, t.Types[k])).ToArray());
            case RecordTypeDef r:
                return WitValue.Record(r.Fields.Select(f => f.Name).ToArray(), v.Items.Select((i, k) => ToWit(i, r.Fields[k].Type)).ToArray());
            case VariantTypeDef va:
                {
                    var c = va.Cases[(int)v.Bits];
                    return WitValue.Variant(c.Name, c.Type is { } pt && v.Payload is { } pv ? ToWit(pv, pt) : null);
                }
            case EnumTypeDef e:
                return WitValue.Enum(e.Names[(int)v.Bits]);
            case FlagsTypeDef f:
                return WitValue.Flags(f.Names.Where((_, k) => (v.Bits & (1UL << k)) != 0).ToArray());
            case OptionTypeDef o:
                return v.Bits == 0 ? WitValue.None : WitValue.Some(ToWit(v.Payload!, o.Type));
            case ResultTypeDef res:
                {
                    var payloadType = v.Bits == 0 ? res.Ok : res.Error;
                    WitValue? payload = payloadType is { } t2 && v.Payload is { } p2 ? ToWit(p2, t2) : null;
                    return v.Bits == 0 ? WitValue.Ok(payload) : WitValue.Err(payload);
                }
            case HandleTypeDef h when ComponentResource(h.Resource) is { } own:
                {
                    var (facade, name, runtime) = own;
                    var handle = new EmbeddedComponentResource(facade, name, runtime, (uint)v.Bits);
                    return h.IsBorrow ? WitValue.Borrow(handle) : WitValue.Own(handle);
                }
            case HandleTypeDef h:
                {
                    string name = HostResource(h.Resource);
                    uint rep = (uint)v.Bits;
                    return h.IsBorrow ? WitValue.Borrow(name, HostObjects.Get(rep)) : WitValue.Own(name, HostObjects.Take(rep));
                }
            default:
                throw new WasmException(WasmErrorKind.Unsupported, -1, $"values of type {ComponentWit.Type(type)} cannot reach the host on the embedded engine");
        }
    }

    public ComponentValue ToComponent(WitValue w, ValueTypeDef type)
    {
        switch (type)
        {
            case PrimitiveTypeDef p:
                return p.Kind switch
                {
                    PrimitiveKind.Bool => ComponentValue.Bool(w.AsBool()),
                    PrimitiveKind.S8 => ComponentValue.S8(w.AsS8()),
                    PrimitiveKind.U8 => ComponentValue.U8(w.AsU8()),
                    PrimitiveKind.S16 => ComponentValue.S16(w.AsS16()),
                    PrimitiveKind.U16 => ComponentValue.U16(w.AsU16()),
                    PrimitiveKind.S32 => ComponentValue.S32(w.AsS32()),
                    PrimitiveKind.U32 => ComponentValue.U32(w.AsU32()),
                    PrimitiveKind.S64 => ComponentValue.S64(w.AsS64()),
                    PrimitiveKind.U64 => ComponentValue.U64(w.AsU64()),
                    PrimitiveKind.F32 => ComponentValue.F32(w.AsF32()),
                    PrimitiveKind.F64 => ComponentValue.F64(w.AsF64()),
                    PrimitiveKind.Char => ComponentValue.Char(w.AsChar().Value),
                    _ => ComponentValue.String(w.AsString()),
                };
            case ListTypeDef l:
                return ComponentValue.List(w.AsList().Select(i => ToComponent(i, l.Element)).ToArray());
            case MapTypeDef m:
                {
                    var keys = w.MapKeys();
                    var values = w.MapValues();
                    return ComponentValue.List(keys.Select((k, i) => ComponentValue.Record(ToComponent(k, m.Key), ToComponent(values[i], m.Value))).ToArray());
                }
            case TupleTypeDef t:
                return ComponentValue.Record(w.AsTuple().Select((i, k) => ToComponent(i, t.Types[k])).ToArray());
            case RecordTypeDef r:
                return ComponentValue.Record(w.AsRecord().Select((i, k) => ToComponent(i, r.Fields[k].Type)).ToArray());
            case VariantTypeDef va:
                {
                    string name = w.AsVariant();
                    int index = va.Cases.Select(c => c.Name).ToList().IndexOf(name);
                    if (index < 0) throw new WasmException(WasmErrorKind.Usage, -1, $"the variant has no case `{name}`");
                    var c = va.Cases[index];
                    return ComponentValue.Case((uint)index, c.Type is { } pt ? ToComponent(w.RequiredPayload(), pt) : null);
                }
            case EnumTypeDef e:
                {
                    int index = e.Names.ToList().IndexOf(w.AsEnum());
                    return index >= 0 ? ComponentValue.Case((uint)index) : throw new WasmException(WasmErrorKind.Usage, -1, $"the enum has no case `{w.AsEnum()}`");
                }
            case FlagsTypeDef f:
                {
                    var names = f.Names.ToList();
                    uint mask = 0;
                    foreach (var flag in w.AsFlags())
                    {
                        int k = names.IndexOf(flag);
                        if (k < 0) throw new WasmException(WasmErrorKind.Usage, -1, $"the flags have no `{flag}`");
                        mask |= 1u << k;
                    }

                    return ComponentValue.Flags(mask);
                }
            case OptionTypeDef o:
                return w.IsSome ? ComponentValue.Some(ToComponent(w.RequiredPayload(), o.Type)) : ComponentValue.None;
            case ResultTypeDef res:
                {
                    var payloadType = w.IsOk ? res.Ok : res.Error;
                    ComponentValue? payload = payloadType is { } t2 ? ToComponent(w.RequiredPayload(), t2) : null;
                    return w.IsOk ? ComponentValue.Ok(payload) : ComponentValue.Err(payload);
                }
            case HandleTypeDef h when ComponentResource(h.Resource) is { } own:
                {
                    if (w.AsResource() is not EmbeddedComponentResource handle || !ReferenceEquals(handle.Type, own.Type))
                    {
                        throw new ArgumentException($"Only a handle of `{own.Name}` the component made can be passed where one is expected.");
                    }

                    uint rep = handle.Lower(own: !h.IsBorrow);
                    return h.IsBorrow ? ComponentValue.Borrow(rep) : ComponentValue.Own(rep);
                }
            case HandleTypeDef h:
                {
                    HostResource(h.Resource);
                    uint rep = HostObjects.Add(w.AsResource());
                    return h.IsBorrow ? ComponentValue.Borrow(rep) : ComponentValue.Own(rep);
                }
            default:
                throw new WasmException(WasmErrorKind.Unsupported, -1, $"values of type {ComponentWit.Type(type)} cannot come from the host on the embedded engine");
        }
    }

    /// <summary>For a resource the component exports: the instance it belongs to, its name and its run-time type.</summary>
    private (IWitInstance Facade, string Name, ResourceType Type)? ComponentResource(ResourceTypeDef resource)
    {
        if (!_exported.TryGetValue(resource.Root, out var export) || Instance is not { } instance) return null;
        var owner = export.Instance is null ? instance.Runtime : instance.Runtime.GetInstance(export.Instance);
        var type = owner?.GetResource(export.Name);
        return type is null ? null : (instance.Facade, export.Instance is null ? export.Name : $"{export.Instance}#{export.Name}", type);
    }

    private string HostResource(ResourceTypeDef resource) =>
        _imported.TryGetValue(resource.Root, out var name) && HostResources.Contains(name)
            ? name
            : throw new WasmException(WasmErrorKind.Unsupported, -1, $"not yet supported on the embedded engine: handles of the component's own resource `{resource.Root.Name ?? resource.Name ?? "resource"}` crossing to the host");
}
