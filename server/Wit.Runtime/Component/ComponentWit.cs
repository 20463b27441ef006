using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Wit.Runtime.Component;

/// <summary>
/// Prints decoded component types in WIT's syntax: functions as <c>func(x: u32) -> string</c>, handles as the
/// resource's name and <c>borrow&lt;name&gt;</c>, instances as <c>interface { ... }</c>. Named types an instance
/// exports are printed by their names; other records, variants, enums and flags, which WIT only knows by name, are
/// printed structurally (<c>record { x: u32 }</c>).
/// </summary>
public static class ComponentWit
{
    public static string Extern(ExternDesc d) => new Printer().Extern(d);

    public static string Type(TypeDef t) => new Printer().Type(t);

    private sealed class Printer
    {
        private readonly Dictionary<TypeDef, string> _names = new(ReferenceEqualityComparer.Instance);

        public string Extern(ExternDesc d) => d.Sort switch
        {
            ExternSort.CoreModule => Module((CoreModuleType)d.Type),
            ExternSort.Func => Func((FuncTypeDef)d.Type),
            ExternSort.Type => d.Type is ResourceTypeDef ? "resource" : $"type {Type((TypeDef)d.Type)}",
            ExternSort.Component => Component((ComponentTypeDef)d.Type),
            ExternSort.Instance => Instance((InstanceTypeDef)d.Type),
            _ => "value",
        };

        private static string Module(CoreModuleType m) =>
            $"core module {{ {m.Imports.Count} imports, exports: {string.Join(", ", m.Exports.Select(e => $"{e.Key}: {e.Value}"))} }}";

        private string Instance(InstanceTypeDef i)
        {
            foreach (var e in i.Exports)
            {
                if (e.Desc.Sort == ExternSort.Type && e.Desc.Type is TypeDef t)
                {
                    _names.TryAdd(t, e.Name);
                    if (t is ResourceTypeDef r)
                    {
                        _names.TryAdd(r.Root, e.Name);
                    }
                }
            }
            var sb = new StringBuilder("interface {");
            foreach (var e in i.Exports)
            {
                sb.Append(' ').Append(Item(e)).Append(';');
            }
            return sb.Append(" }").ToString();
        }

        private string Item(NamedExtern e) => e.Desc.Sort switch
        {
            ExternSort.Type when e.Desc.Type is ResourceTypeDef => $"resource {e.Name}",
            ExternSort.Type => $"type {e.Name} = {Structural((TypeDef)e.Desc.Type)}",
            _ => $"{e.Name}: {Extern(e.Desc)}",
        };

        private string Component(ComponentTypeDef c)
        {
            var sb = new StringBuilder("component {");
            foreach (var i in c.Imports)
            {
                sb.Append(" import ").Append(Item(i)).Append(';');
            }
            foreach (var e in c.Exports)
            {
                sb.Append(" export ").Append(Item(e)).Append(';');
            }
            return sb.Append(" }").ToString();
        }

        public string Func(FuncTypeDef f)
        {
            string ps = string.Join(", ", f.Params.Select(p => $"{p.Name}: {Type(p.Type)}"));
            return f.Result == null ? $"func({ps})" : $"func({ps}) -> {Type(f.Result)}";
        }

        public string Type(TypeDef t)
        {
            if (_names.TryGetValue(t, out var name))
            {
                return name;
            }
            return Structural(t);
        }

        private string Structural(TypeDef t) => t switch
        {
            PrimitiveTypeDef p => p.Name,
            ListTypeDef { Length: uint n } l => $"list<{Type(l.Element)}, {n}>",
            ListTypeDef l => $"list<{Type(l.Element)}>",
            MapTypeDef m => $"map<{Type(m.Key)}, {Type(m.Value)}>",
            OptionTypeDef o => $"option<{Type(o.Type)}>",
            ResultTypeDef { Ok: null, Error: null } => "result",
            ResultTypeDef { Error: null } r => $"result<{Type(r.Ok!)}>",
            ResultTypeDef r => $"result<{(r.Ok == null ? "_" : Type(r.Ok))}, {Type(r.Error!)}>",
            TupleTypeDef tu => $"tuple<{string.Join(", ", tu.Types.Select(Type))}>",
            RecordTypeDef r => $"record {{ {string.Join(", ", r.Fields.Select(f => $"{f.Name}: {Type(f.Type)}"))} }}",
            VariantTypeDef v => $"variant {{ {string.Join(", ", v.Cases.Select(c => c.Type == null ? c.Name : $"{c.Name}({Type(c.Type)})"))} }}",
            EnumTypeDef e => $"enum {{ {string.Join(", ", e.Names)} }}",
            FlagsTypeDef f => $"flags {{ {string.Join(", ", f.Names)} }}",
            HandleTypeDef { IsBorrow: true } h => $"borrow<{ResourceName(h.Resource)}>",
            HandleTypeDef h => ResourceName(h.Resource),
            ResourceTypeDef r => ResourceName(r),
            FuncTypeDef f => Func(f),
            InstanceTypeDef i => Instance(i),
            ComponentTypeDef c => Component(c),
            _ => "?",
        };

        private string ResourceName(ResourceTypeDef r) =>
            _names.TryGetValue(r, out var n) || _names.TryGetValue(r.Root, out n) ? n : r.Name ?? r.Root.Name ?? "resource";
    }
}
