using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Runtime.Binary;

namespace Wit.Runtime.Component;

/// <summary>
/// Relations between decoded component types: structural equality (resources by identity, through a substitution of
/// abstract resources), subtyping of extern types for instantiation arguments and export ascriptions, substitution of
/// resources, and the Canonical ABI's flattening of function types. Types are DAGs of bounded depth; every walk that
/// could revisit a node is memoised, so none is exponential.
/// </summary>
public sealed class TypeRelations
{
    /// <summary>The Canonical ABI's flattening limits (CanonicalABI.md, "Flattening").</summary>
    public const int MaxFlatParams = 16;
    public const int MaxFlatResults = 1;

    // Abstract resources (by root) and imported named types to what an instantiation supplied for them.
    private readonly Dictionary<TypeDef, TypeDef> _subst = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<(object, object)> _equal = new();

    private ResourceTypeDef Map(ResourceTypeDef r) =>
        _subst.TryGetValue(r.Root, out var m) ? ((ResourceTypeDef)m).Root : r.Root;

    /// <summary>Makes every later substitution replace the abstract resource <paramref name="from"/> with <paramref name="to"/>.</summary>
    public void Bind(ResourceTypeDef from, ResourceTypeDef to) => _subst[from.Root] = to;

    /// <summary>Whether <paramref name="actual"/> equals <paramref name="expected"/> once the expected side's abstract resources are substituted.</summary>
    public bool TypeEquals(TypeDef actual, TypeDef expected)
    {
        if (ReferenceEquals(actual, expected) && expected is not ResourceTypeDef)
        {
            return _subst.Count == 0 || TypeEqualsSlow(actual, expected);
        }
        return TypeEqualsSlow(actual, expected);
    }

    private bool TypeEqualsSlow(TypeDef a, TypeDef e)
    {
        if (_equal.Contains((a, e)))
        {
            return true;
        }
        bool result = (a, e) switch
        {
            (ResourceTypeDef ra, ResourceTypeDef re) => ReferenceEquals(Map(ra), Map(re)),
            (PrimitiveTypeDef pa, PrimitiveTypeDef pe) => pa.Kind == pe.Kind,
            (RecordTypeDef ra, RecordTypeDef re) => ra.Fields.Count == re.Fields.Count
                && ra.Fields.Zip(re.Fields).All(p => p.First.Name == p.Second.Name && TypeEquals(p.First.Type, p.Second.Type)),
            (VariantTypeDef va, VariantTypeDef ve) => va.Cases.Count == ve.Cases.Count
                && va.Cases.Zip(ve.Cases).All(p => p.First.Name == p.Second.Name && OptionalEquals(p.First.Type, p.Second.Type)),
            (ListTypeDef la, ListTypeDef le) => la.Length == le.Length && TypeEquals(la.Element, le.Element),
            (MapTypeDef ma, MapTypeDef me) => TypeEquals(ma.Key, me.Key) && TypeEquals(ma.Value, me.Value),
            (TupleTypeDef ta, TupleTypeDef te) => ta.Types.Count == te.Types.Count
                && ta.Types.Zip(te.Types).All(p => TypeEquals(p.First, p.Second)),
            (FlagsTypeDef fa, FlagsTypeDef fe) => fa.Names.SequenceEqual(fe.Names),
            (EnumTypeDef ea, EnumTypeDef ee) => ea.Names.SequenceEqual(ee.Names),
            (OptionTypeDef oa, OptionTypeDef oe) => TypeEquals(oa.Type, oe.Type),
            (ResultTypeDef ra, ResultTypeDef re) => OptionalEquals(ra.Ok, re.Ok) && OptionalEquals(ra.Error, re.Error),
            (HandleTypeDef ha, HandleTypeDef he) => ha.IsBorrow == he.IsBorrow && TypeEquals(ha.Resource, he.Resource),
            (FuncTypeDef fa, FuncTypeDef fe) => fa.Params.Count == fe.Params.Count
                && fa.Params.Zip(fe.Params).All(p => p.First.Name == p.Second.Name && TypeEquals(p.First.Type, p.Second.Type))
                && OptionalEquals(fa.Result, fe.Result),
            (InstanceTypeDef ia, InstanceTypeDef ie) => InstanceMatches(ia, ie) && InstanceMatches(ie, ia),
            (ComponentTypeDef ca, ComponentTypeDef ce) => ComponentMatches(ca, ce) && ComponentMatches(ce, ca),
            _ => false,
        };
        if (result)
        {
            _equal.Add((a, e));
        }
        return result;
    }

    private bool OptionalEquals(ValueTypeDef? a, ValueTypeDef? e) => a == null ? e == null : e != null && TypeEquals(a, e);

    /// <summary>
    /// Whether an item of type <paramref name="actual"/> may be given where <paramref name="expected"/> is wanted. An
    /// expected <c>(sub resource)</c> accepts any resource and records the pair in the substitution, so that later
    /// expectations see the actual resource.
    /// </summary>
    public bool Matches(ExternDesc actual, ExternDesc expected)
    {
        if (actual.Sort != expected.Sort)
        {
            return false;
        }
        return (actual.Type, expected.Type) switch
        {
            (ResourceTypeDef ra, ResourceTypeDef re) when !re.IsDefined && !_subst.ContainsKey(re.Root) => BindResource(re.Root, ra.Root),
            (TypeDef ta, TypeDef te) when actual.Sort == ExternSort.Type => TypeEquals(ta, te) && BindNamed(te, ta),
            (FuncTypeDef fa, FuncTypeDef fe) => TypeEquals(fa, fe),
            (InstanceTypeDef ia, InstanceTypeDef ie) => InstanceMatches(ia, ie),
            (ComponentTypeDef ca, ComponentTypeDef ce) => ComponentMatches(ca, ce),
            (CoreModuleType ma, CoreModuleType me) => ModuleMatches(ma, me),
            _ => false,
        };
    }

    private bool BindResource(ResourceTypeDef expected, ResourceTypeDef actual)
    {
        _subst[expected] = actual;
        return true;
    }

    // An imported named type given by an equal type: later uses of the import's type index mean the argument.
    private bool BindNamed(TypeDef expected, TypeDef actual)
    {
        if (expected is not ResourceTypeDef && !ReferenceEquals(expected, actual))
        {
            _subst.TryAdd(expected, actual);
        }
        return true;
    }

    private bool InstanceMatches(InstanceTypeDef actual, InstanceTypeDef expected)
    {
        foreach (var e in expected.Exports)
        {
            var a = actual.Export(e.Name);
            if (a == null || !Matches(a, e.Desc))
            {
                return false;
            }
        }
        return true;
    }

    // A component type is a subtype when it needs no more imports and gives at least the exports (imports contravariant).
    private bool ComponentMatches(ComponentTypeDef actual, ComponentTypeDef expected)
    {
        foreach (var i in actual.Imports)
        {
            var e = expected.Imports.FirstOrDefault(x => x.Name == i.Name);
            if (e == null || !Matches(e.Desc, i.Desc))
            {
                return false;
            }
        }
        foreach (var e in expected.Exports)
        {
            var a = actual.Exports.FirstOrDefault(x => x.Name == e.Name);
            if (a == null || !Matches(a.Desc, e.Desc))
            {
                return false;
            }
        }
        return true;
    }

    private static bool ModuleMatches(CoreModuleType actual, CoreModuleType expected)
    {
        foreach (var i in actual.Imports)
        {
            var e = expected.Imports.FirstOrDefault(x => x.Module == i.Module && x.Name == i.Name);
            if (e == null || !CoreMatches(e.Type, i.Type))
            {
                return false;
            }
        }
        foreach (var (name, e) in expected.Exports)
        {
            if (!actual.Exports.TryGetValue(name, out var a) || !CoreMatches(a, e))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Core extern subtyping: equal function, global and tag types; limits of tables and memories within the expected ones.</summary>
    public static bool CoreMatches(CoreExtern actual, CoreExtern expected)
    {
        if (actual.Kind != expected.Kind)
        {
            return false;
        }
        return actual.Kind switch
        {
            ExternKind.Func => actual.Func!.Equals(expected.Func),
            ExternKind.Table => actual.Table!.Element == expected.Table!.Element && LimitsMatch(actual.Table.Limits, expected.Table.Limits),
            ExternKind.Memory => LimitsMatch(actual.Memory!.Limits, expected.Memory!.Limits),
            ExternKind.Global => actual.Global == expected.Global,
            ExternKind.Tag => actual.Func!.Equals(expected.Func),
            _ => true,
        };
    }

    private static bool LimitsMatch(Limits actual, Limits expected) =>
        actual.Min >= expected.Min && (expected.Max == null || (actual.Max != null && actual.Max <= expected.Max));

    /// <summary>The type with this relation's resource substitution applied (the same object when nothing changes).</summary>
    /// <summary>
    /// Applies the substitution to a list of extern types (the exports of an instantiation). With
    /// <paramref name="fresh"/>, every resource it returns non-null for is replaced too (resources are generative:
    /// each instantiation, and each import of an instance type, has its own).
    /// </summary>
    public List<NamedExtern> Substitute(IEnumerable<NamedExtern> externs, Func<ResourceTypeDef, bool>? fresh = null)
    {
        var s = new Substituter(this, fresh);
        return externs.Select(e => e with { Desc = e.Desc.Type is TypeDef t ? e.Desc with { Type = s.Apply(t) } : e.Desc }).ToList();
    }

    public ExternDesc Substitute(ExternDesc d, Func<ResourceTypeDef, bool>? fresh = null) =>
        (_subst.Count == 0 && fresh == null) || d.Type is not TypeDef t ? d : d with { Type = new Substituter(this, fresh).Apply(t) };

    private sealed class Substituter
    {
        private readonly TypeRelations _r;
        private readonly Func<ResourceTypeDef, bool>? _fresh;
        private readonly Dictionary<TypeDef, TypeDef> _done = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<ResourceTypeDef> _created = new(ReferenceEqualityComparer.Instance);

        public Substituter(TypeRelations r, Func<ResourceTypeDef, bool>? fresh)
        {
            _r = r;
            _fresh = fresh;
        }

        private ResourceTypeDef Resource(ResourceTypeDef r)
        {
            ResourceTypeDef m;
            if (_r._subst.ContainsKey(r.Root) || _fresh == null || !_fresh(r.Root))
            {
                m = _r.Map(r);
                if (ReferenceEquals(m, r.Root))
                {
                    return r;
                }
            }
            else
            {
                m = new ResourceTypeDef { Name = r.Root.Name };
                _r._subst[r.Root] = m;
                _created.Add(m);
            }
            // An alias of a resource replaced by a fresh one stays an alias, of the fresh one, so a name such as
            // `type headers = fields` keeps an identity of its own (printing WIT tells the names apart by it; equality
            // goes by the root). A resource bound to an existing one (`with`) becomes that one.
            return ReferenceEquals(r, r.Root) || !_created.Contains(m) ? m
                : new ResourceTypeDef { AliasOf = m.Root, Name = r.Name, Origin = r.Origin is ResourceTypeDef o ? Apply(o) : null };
        }

        public TypeDef Apply(TypeDef t)
        {
            if (_done.TryGetValue(t, out var d))
            {
                return d;
            }
            if (t is not ResourceTypeDef && _r._subst.TryGetValue(t, out var bound))
            {
                return bound;
            }
            TypeDef result = t switch
            {
                ResourceTypeDef r => Resource(r),
                PrimitiveTypeDef or FlagsTypeDef or EnumTypeDef => t,
                RecordTypeDef r => new RecordTypeDef { Depth = r.Depth, Fields = r.Fields.Select(f => f with { Type = V(f.Type) }).ToArray() },
                VariantTypeDef v => new VariantTypeDef { Depth = v.Depth, Cases = v.Cases.Select(c => c with { Type = c.Type == null ? null : V(c.Type) }).ToArray() },
                ListTypeDef l => new ListTypeDef { Depth = l.Depth, Element = V(l.Element), Length = l.Length },
                MapTypeDef m => new MapTypeDef { Depth = m.Depth, Key = V(m.Key), Value = V(m.Value) },
                TupleTypeDef tu => new TupleTypeDef { Depth = tu.Depth, Types = tu.Types.Select(V).ToArray() },
                OptionTypeDef o => new OptionTypeDef { Depth = o.Depth, Type = V(o.Type) },
                ResultTypeDef r => new ResultTypeDef { Depth = r.Depth, Ok = r.Ok == null ? null : V(r.Ok), Error = r.Error == null ? null : V(r.Error) },
                HandleTypeDef h => new HandleTypeDef { Depth = h.Depth, IsBorrow = h.IsBorrow, Resource = (ResourceTypeDef)Apply(h.Resource) },
                FuncTypeDef f => new FuncTypeDef { Depth = f.Depth, Params = f.Params.Select(p => p with { Type = V(p.Type) }).ToArray(), Result = f.Result == null ? null : V(f.Result) },
                InstanceTypeDef i => Instance(i),
                ComponentTypeDef c => Component(c),
                _ => t,
            };
            if (result != t && t is not ResourceTypeDef && result.GetType() == t.GetType() && Children(result).SequenceEqual(Children(t), ReferenceEqualityComparer.Instance))
            {
                result = t; // nothing changed: keep the identity (named types are told apart by it)
            }
            _done[t] = result;
            return result;
        }

        private ValueTypeDef V(ValueTypeDef t) => (ValueTypeDef)Apply(t);

        private ExternDesc Desc(ExternDesc d) => d.Type is TypeDef t ? d with { Type = Apply(t) } : d;

        private InstanceTypeDef Instance(InstanceTypeDef i)
        {
            var n = new InstanceTypeDef { Depth = i.Depth };
            n.Exports.AddRange(i.Exports.Select(e => e with { Desc = Desc(e.Desc) }));
            return n;
        }

        private ComponentTypeDef Component(ComponentTypeDef c)
        {
            var n = new ComponentTypeDef { Depth = c.Depth };
            n.Imports.AddRange(c.Imports.Select(e => e with { Desc = Desc(e.Desc) }));
            n.Exports.AddRange(c.Exports.Select(e => e with { Desc = Desc(e.Desc) }));
            return n;
        }
    }

    /// <summary>Whether a value type transitively contains something that matches <paramref name="test"/> (each node visited once).</summary>
    public static bool Contains(TypeDef t, Func<TypeDef, bool> test) => Contains(t, test, new HashSet<TypeDef>(ReferenceEqualityComparer.Instance));

    private static bool Contains(TypeDef t, Func<TypeDef, bool> test, HashSet<TypeDef> seen)
    {
        if (!seen.Add(t))
        {
            return false;
        }
        if (test(t))
        {
            return true;
        }
        return Children(t).Any(c => Contains(c, test, seen));
    }

    internal static IEnumerable<TypeDef> Children(TypeDef t) => t switch
    {
        RecordTypeDef r => r.Fields.Select(f => (TypeDef)f.Type),
        VariantTypeDef v => v.Cases.Where(c => c.Type != null).Select(c => (TypeDef)c.Type!),
        ListTypeDef l => new TypeDef[] { l.Element },
        MapTypeDef m => new TypeDef[] { m.Key, m.Value },
        TupleTypeDef tu => tu.Types,
        OptionTypeDef o => new TypeDef[] { o.Type },
        ResultTypeDef r => new[] { r.Ok, r.Error }.Where(x => x != null).Select(x => (TypeDef)x!),
        HandleTypeDef h => new TypeDef[] { h.Resource },
        FuncTypeDef f => f.Params.Select(p => (TypeDef)p.Type).Concat(f.Result == null ? Array.Empty<TypeDef>() : new TypeDef[] { f.Result }),
        InstanceTypeDef i => i.Exports.Select(e => e.Desc.Type).OfType<TypeDef>(),
        ComponentTypeDef c => c.Imports.Concat(c.Exports).Select(e => e.Desc.Type).OfType<TypeDef>(),
        _ => Array.Empty<TypeDef>(),
    };

    /// <summary>Whether values of the type live (partly) in linear memory: strings and variable-length lists.</summary>
    public static bool HasPointers(TypeDef t) =>
        Contains(t, x => x is PrimitiveTypeDef { Kind: PrimitiveKind.String } or ListTypeDef { Length: null } or MapTypeDef);

    /// <summary>
    /// The flattened core types of a value type (CanonicalABI.md, <c>flatten_type</c>), or null once there are more
    /// than <paramref name="limit"/> (the caller then spills to memory). Stops early, so a wide type costs at most the limit.
    /// </summary>
    public static List<ValType>? Flatten(IEnumerable<ValueTypeDef> types, int limit)
    {
        var list = new List<ValType>();
        foreach (var t in types)
        {
            if (!FlattenInto(t, list, limit))
            {
                return null;
            }
        }
        return list;
    }

    private static bool FlattenInto(ValueTypeDef t, List<ValType> list, int limit)
    {
        switch (t)
        {
            case PrimitiveTypeDef p:
                switch (p.Kind)
                {
                    case PrimitiveKind.S64 or PrimitiveKind.U64: list.Add(ValType.I64); break;
                    case PrimitiveKind.F32: list.Add(ValType.F32); break;
                    case PrimitiveKind.F64: list.Add(ValType.F64); break;
                    case PrimitiveKind.String: list.Add(ValType.I32); list.Add(ValType.I32); break;
                    default: list.Add(ValType.I32); break;
                }
                break;
            case ListTypeDef { Length: null } or MapTypeDef:
                list.Add(ValType.I32);
                list.Add(ValType.I32);
                break;
            case ListTypeDef l:
                for (uint i = 0; i < l.Length; i++)
                {
                    if (!FlattenInto(l.Element, list, limit))
                    {
                        return false;
                    }
                }
                break;
            case RecordTypeDef r:
                foreach (var f in r.Fields)
                {
                    if (!FlattenInto(f.Type, list, limit))
                    {
                        return false;
                    }
                }
                break;
            case TupleTypeDef tu:
                foreach (var x in tu.Types)
                {
                    if (!FlattenInto(x, list, limit))
                    {
                        return false;
                    }
                }
                break;
            case VariantTypeDef v:
                return FlattenVariant(v.Cases.Select(c => c.Type), list, limit);
            case OptionTypeDef o:
                return FlattenVariant(new ValueTypeDef?[] { null, o.Type }, list, limit);
            case ResultTypeDef r:
                return FlattenVariant(new[] { r.Ok, r.Error }, list, limit);
            default:
                // flags (at most 32), enum, own, borrow
                list.Add(ValType.I32);
                break;
        }
        return list.Count <= limit;
    }

    private static bool FlattenVariant(IEnumerable<ValueTypeDef?> cases, List<ValType> list, int limit)
    {
        list.Add(ValType.I32);
        var joined = new List<ValType>();
        foreach (var c in cases)
        {
            if (c == null)
            {
                continue;
            }
            var flat = new List<ValType>();
            if (!FlattenInto(c, flat, limit))
            {
                return false;
            }
            for (int i = 0; i < flat.Count; i++)
            {
                if (i < joined.Count)
                {
                    joined[i] = Join(joined[i], flat[i]);
                }
                else
                {
                    joined.Add(flat[i]);
                }
            }
        }
        list.AddRange(joined);
        return list.Count <= limit;
    }

    private static ValType Join(ValType a, ValType b)
    {
        if (a == b)
        {
            return a;
        }
        if ((a == ValType.I32 && b == ValType.F32) || (a == ValType.F32 && b == ValType.I32))
        {
            return ValType.I32;
        }
        return ValType.I64;
    }

    /// <summary>The core function type of a component function type (CanonicalABI.md, <c>flatten_functype</c>) for <c>lift</c> or <c>lower</c>.</summary>
    public static FuncType FlattenFunc(FuncTypeDef f, bool lift, out bool paramsSpill, out bool resultsSpill)
    {
        var ps = Flatten(f.Params.Select(p => p.Type), MaxFlatParams);
        var rs = Flatten(f.Result == null ? Array.Empty<ValueTypeDef>() : new[] { f.Result }, MaxFlatResults);
        paramsSpill = ps == null;
        resultsSpill = rs == null;
        ps ??= new List<ValType> { ValType.I32 };
        if (rs == null)
        {
            if (lift)
            {
                rs = new List<ValType> { ValType.I32 };
            }
            else
            {
                ps.Add(ValType.I32);
                rs = new List<ValType>();
            }
        }
        return new FuncType(ps.ToArray(), rs.ToArray());
    }
}
