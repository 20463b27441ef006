using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Wit.Runtime.Component;

/// <summary>
/// WIT text from a decoded component. A WIT package encoded as a component (wit-component's encoding: each interface
/// and world a component type exported under its short name, whose one export carries the full name
/// <c>ns:pkg/name@version</c>) prints as that package; any other component prints as <c>package root:component;</c>
/// with a world <c>root</c> of its imports and exports, whose functions name the types of the interfaces it imports
/// (with the world's <c>use</c>) as upstream names them. Types an interface uses from another print as <c>use</c>;
/// functions named <c>[constructor]r</c>, <c>[method]r.m</c> and <c>[static]r.s</c> go into their resource's block.
/// Interfaces the package refers to but does not define (the encoding of a single world carries every interface it
/// imports and exports that way) are printed after its items when they are its own, and returned as stubs of their
/// packages otherwise (<see cref="Decode"/>), as wit-parser's decoder makes packages of them. Docs (the
/// <c>package-docs</c> section) are not printed.
/// </summary>
public sealed class WitFromComponent
{
    private const int MaxOriginSteps = 1000;

    // The interface (its full name) and name every type an interface exports is known by, through its Origin chain.
    private readonly Dictionary<TypeDef, (string Interface, string Name)> _origins = new(ReferenceEqualityComparer.Instance);

    // Interfaces referred to by full name, in the order first met, with the union of what each mention exports.
    private readonly Dictionary<string, InstanceTypeDef> _referenced = new(StringComparer.Ordinal);
    private readonly List<string> _referenceOrder = new();
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
    private readonly List<Wit.Core.Workspace.DecodedInterface> _foreign = new();
    private string _package = "";
    private string _mainPackage = "";
    private StringBuilder _out = new();

    // Decoding for the resolver: items in the encoding's order where the resolver's order follows the text's.
    private bool _resolutionOrder;

    // In a world: the types of interfaces its functions refer to without a name of the world's own, by the interface
    // and name they have there, with the name the world's `use` gives each.
    private Dictionary<(string Interface, string Name), string>? _worldUses;
    private HashSet<string>? _worldNames;

    /// <summary>
    /// The WIT of a component: its package (with the interfaces of its own it only refers to), or a world <c>root</c>;
    /// then the interfaces of other packages it refers to, as nested <c>package ns:pkg@v { interface i { .. } }</c>
    /// blocks (what <c>wasm-tools component wit</c> prints for a full Resolve), so that the text resolves on its own.
    /// </summary>
    public static string Print(WasmComponent component)
    {
        var printer = new WitFromComponent();
        var text = new StringBuilder(printer.Run(component));
        foreach (var package in printer._foreign.GroupBy(i => i.Package, StringComparer.Ordinal))
        {
            text.Append($"\npackage {package.Key} {{\n");
            text.AppendJoin("\n", package.Select(i => i.Text));
            text.Append("}\n");
        }
        return text.ToString();
    }

    /// <summary>
    /// A WIT package encoded as a component as WIT text, with the stubs of other packages' interfaces it refers to;
    /// a component that is not a package is an error.
    /// </summary>
    public static Wit.Core.Workspace.DecodedPackage Decode(WasmComponent component)
    {
        if (!IsPackage(component))
        {
            return Wit.Core.Workspace.DecodedPackage.Failed(Wit.Core.Diagnostics.ResolveDiagnostics.ComponentInsteadOfPackage());
        }
        var printer = new WitFromComponent { _resolutionOrder = true };
        string text = printer.Run(component);
        return new Wit.Core.Workspace.DecodedPackage(printer._mainPackage, text, printer._foreign);
    }

    /// <summary>Whether the component is a WIT package in wit-component's encoding.</summary>
    public static bool IsPackage(WasmComponent c) =>
        c.Exports.Count > 0 && c.Exports.All(e => e.Desc.Sort == ExternSort.Type && Definition(e) != null);

    private static NamedExtern? Definition(NamedExtern e) =>
        e.Desc.Type is ComponentTypeDef { Exports.Count: 1 } ct && ct.Exports[0].Name.Contains(':')
        && ct.Exports[0].Desc.Sort is ExternSort.Instance or ExternSort.Component
            ? ct.Exports[0]
            : null;

    private string Run(WasmComponent c)
    {
        if (!IsPackage(c))
        {
            _package = _mainPackage = "root:component";
            _out.Append("package root:component;\n\nworld root {\n");
            World(c.Type);
            _out.Append("}\n");
            Stubs();
            return _out.ToString();
        }
        var first = Definition(c.Exports[0])!;
        _package = _mainPackage = PackageOf(first.Name);
        foreach (var e in c.Exports)
        {
            _defined.Add(Definition(e)!.Name);
        }
        _out.Append($"package {_package};\n");
        foreach (var e in c.Exports)
        {
            var ct = (ComponentTypeDef)e.Desc.Type;
            var def = Definition(e)!;
            Register(ct.Imports);
            _out.Append('\n');
            if (def.Desc.Sort == ExternSort.Instance)
            {
                _out.Append($"interface {Id(e.Name)} {{\n");
                Interface((InstanceTypeDef)def.Desc.Type, "  ", def.Name);
                _out.Append("}\n");
                Register(ct.Exports);
            }
            else
            {
                _out.Append($"world {Id(e.Name)} {{\n");
                World((ComponentTypeDef)def.Desc.Type);
                _out.Append("}\n");
            }
        }
        Stubs();
        return _out.ToString();
    }

    /// <summary>
    /// The interfaces referred to but not defined: this package's own after its items, other packages' into
    /// <see cref="_foreign"/>, each printed from within its package (so names of its siblings are short).
    /// </summary>
    private void Stubs()
    {
        var main = _out;
        // Printing a stub can refer to no interface not already met: every reference was registered while printing the package.
        foreach (string name in _referenceOrder.Where(n => !_defined.Contains(n)).ToList())
        {
            _package = PackageOf(name);
            bool own = _package == _mainPackage;
            string indent = own ? "" : "  ";
            _out = own ? main : new StringBuilder();
            _out.Append(own ? "\n" : "").Append($"{indent}interface {Id(InterfaceName(name))} {{\n");
            Interface(_referenced[name], indent + "  ", name);
            _out.Append(indent).Append("}\n");
            if (!own)
            {
                _foreign.Add(new Wit.Core.Workspace.DecodedInterface(_package, InterfaceName(name), _out.ToString()));
            }
        }
        _out = main;
        _package = _mainPackage;
    }

    // "ns:pkg/name@1.0" -> "name"
    private static string InterfaceName(string name)
    {
        int slash = name.IndexOf('/');
        int at = name.IndexOf('@');
        return at > slash ? name[(slash + 1)..at] : name[(slash + 1)..];
    }

    // "ns:pkg/name@1.0" -> "ns:pkg@1.0"
    private static string PackageOf(string name)
    {
        int slash = name.IndexOf('/');
        int at = name.IndexOf('@');
        return name[..slash] + (at >= 0 ? name[at..] : "");
    }

    /// <summary>How an interface is referred to from this package: its short name when it is ours, else its full name.</summary>
    private string Short(string name)
    {
        int slash = name.IndexOf('/');
        if (slash < 0)
        {
            return name;
        }
        int at = name.IndexOf('@');
        string iface = at >= 0 ? name[(slash + 1)..at] : name[(slash + 1)..];
        return PackageOf(name) == _package ? iface : name;
    }

    private void Register(IEnumerable<NamedExtern> externs)
    {
        foreach (var e in externs)
        {
            if (e.Desc.Type is InstanceTypeDef it)
            {
                // An interface of a world's own (`import i: interface {..}`) has its types known by name too, though
                // WIT has no `use` for them: upstream prints their names as well.
                string iface = e.Name;
                if (e.Name.Contains(':') || e.Implements != null)
                {
                    Refer(e.Implements ?? e.Name, it);
                }
                foreach (var x in it.Exports.Where(x => x.Desc.Sort == ExternSort.Type))
                {
                    foreach (var t in Chain((TypeDef)x.Desc.Type).Where(t => t.Origin != null || t is not PrimitiveTypeDef))
                    {
                        _origins.TryAdd(t, (iface, x.Name));
                    }
                }
            }
        }
    }

    private void Refer(string name, InstanceTypeDef it)
    {
        if (!_referenced.TryGetValue(name, out var merged))
        {
            _referenced[name] = merged = new InstanceTypeDef();
            _referenceOrder.Add(name);
        }
        foreach (var x in it.Exports)
        {
            if (merged.Export(x.Name) == null)
            {
                merged.Exports.Add(x);
            }
        }
    }

    private static IEnumerable<TypeDef> Chain(TypeDef t)
    {
        var x = t;
        for (int i = 0; x != null && i < MaxOriginSteps; i++)
        {
            yield return x;
            if (x is ResourceTypeDef r && r.AliasOf != null && x.Origin == null)
            {
                x = r.AliasOf;
                continue;
            }
            x = x.Origin;
        }
    }

    private void World(ComponentTypeDef w)
    {
        Register(w.Imports);
        Register(w.Exports);
        var local = new Dictionary<TypeDef, string>(ReferenceEqualityComparer.Instance);
        var main = _out;
        var (outerUses, outerNames) = (_worldUses, _worldNames);
        _worldUses = new();
        _worldNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in w.Imports.Concat(w.Exports).Where(e => e.Desc.Sort == ExternSort.Type))
        {
            _worldNames.Add(Id(e.Name));
        }
        var imports = new StringBuilder();
        var exports = new StringBuilder();
        foreach (var (keyword, list) in new[] { ("import", w.Imports), ("export", w.Exports) })
        {
            _out = keyword == "import" ? imports : exports;
            var resources = ResourceFunctions(list, list.Where(e => e.Desc.Sort == ExternSort.Type && e.Desc.Type is ResourceTypeDef).Select(e => e.Name));
            // Imports as upstream orders them (interfaces, then types, then functions); exports as they come.
            foreach (var e in keyword == "export" ? list.AsEnumerable() : list.OrderBy(e => e.Desc.Sort == ExternSort.Type ? 1 : e.Desc.Sort == ExternSort.Func ? 2 : 0))
            {
                if (e.Desc.Sort == ExternSort.Func && ExternNames.Check(e.Name, out var kind, out var res) == null
                    && kind != ExternNameKind.Label && res != null && resources.ContainsKey(res))
                {
                    continue; // in its resource's block
                }
                switch (e.Desc.Type)
                {
                    case TypeDef when e.Desc.Sort == ExternSort.Type:
                        TypeItem(e, local, "  ", resources);
                        break;
                    case InstanceTypeDef it when e.Name.Contains(':'):
                        _out.Append($"  {keyword} {Short(e.Name)};\n");
                        break;
                    case InstanceTypeDef it when e.Implements != null:
                        _out.Append($"  {keyword} {Id(e.Name)}: {Short(e.Implements)};\n");
                        break;
                    case InstanceTypeDef it:
                        _out.Append($"  {keyword} {Id(e.Name)}: interface {{\n");
                        var uses = _worldUses;
                        _worldUses = null; // an interface's types come by its own `use`
                        Interface(it, "    ", e.Name);
                        _worldUses = uses;
                        _out.Append("  }\n");
                        break;
                    case FuncTypeDef f:
                        _out.Append($"  {keyword} {Id(e.Name)}: {Func(f, local)};\n");
                        break;
                }
            }
        }
        _out = main.Append(imports);
        foreach (var ((iface, name), asName) in _worldUses)
        {
            string alias = Id(name) == asName ? asName : $"{Id(name)} as {asName}";
            _out.Append($"  use {Short(iface)}.{{{alias}}};\n");
        }
        if (exports.Length > 0 && _out.Length > 0 && (imports.Length > 0 || _worldUses.Count > 0))
        {
            _out.Append('\n');
        }
        _out.Append(exports);
        (_worldUses, _worldNames) = (outerUses, outerNames);
    }

    /// <summary>
    /// The name a world gives a type of an interface it refers to (an imported instance's type its functions use
    /// directly, as a component's own functions do): the interface's name for it, made unique, with a <c>use</c>.
    /// </summary>
    private string? WorldUse(TypeDef t)
    {
        if (_worldUses == null || _worldNames == null)
        {
            return null;
        }
        foreach (var x in Chain(t).Concat(t is ResourceTypeDef r ? new[] { r.Root } : Array.Empty<TypeDef>()))
        {
            if (!_origins.TryGetValue(x, out var from))
            {
                continue;
            }
            if (!from.Interface.Contains(':'))
            {
                return Id(from.Name); // a type of the world's own interface: upstream's name, though WIT cannot `use` it
            }
            if (!_worldUses.TryGetValue(from, out var name))
            {
                name = Id(from.Name);
                for (int i = 2; !_worldNames.Add(name); i++)
                {
                    name = Id($"{from.Name}{i}");
                }
                _worldUses[from] = name;
            }
            return name;
        }
        return null;
    }

    private void Interface(InstanceTypeDef it, string indent, string? self)
    {
        var local = new Dictionary<TypeDef, string>(ReferenceEqualityComparer.Instance);
        var resources = ResourceFunctions(it.Exports, null);
        // For resolution, a resource with functions goes where its first function is: the resolver lists an interface's
        // functions in the order of the text, and the encoding's order is the source's.
        var deferred = new HashSet<string>(StringComparer.Ordinal);
        // Every type by its name first: a resource's functions, printed in its block, may use types exported after it.
        foreach (var e in it.Exports.Where(e => e.Desc.Sort == ExternSort.Type))
        {
            Name((TypeDef)e.Desc.Type, Id(e.Name), local);
        }
        foreach (var e in it.Exports.Where(e => e.Desc.Sort == ExternSort.Type))
        {
            if (_resolutionOrder && e.Desc.Type is ResourceTypeDef && resources.ContainsKey(e.Name))
            {
                deferred.Add(e.Name);
                Name((TypeDef)e.Desc.Type, Id(e.Name), local);
                continue;
            }
            TypeItem(e, local, indent, resources, self);
        }
        foreach (var e in it.Exports.Where(e => e.Desc.Sort == ExternSort.Func))
        {
            if (ExternNames.Check(e.Name, out var kind, out var res) != null)
            {
                continue;
            }
            if (kind == ExternNameKind.Label)
            {
                _out.Append($"{indent}{Id(e.Name)}: {Func((FuncTypeDef)e.Desc.Type, local)};\n");
            }
            else if (res != null && deferred.Remove(res))
            {
                _out.Append(indent).Append(Resource(res, resources, local, indent)).Append('\n');
            }
        }
    }

    /// <summary>The functions <c>[constructor]r</c>, <c>[method]r.m</c> and <c>[static]r.s</c> by resource (of those named, if given).</summary>
    private static Dictionary<string, List<NamedExtern>> ResourceFunctions(IEnumerable<NamedExtern> externs, IEnumerable<string>? of)
    {
        var names = of?.ToHashSet(StringComparer.Ordinal);
        var resources = new Dictionary<string, List<NamedExtern>>(StringComparer.Ordinal);
        foreach (var e in externs.Where(e => e.Desc.Sort == ExternSort.Func))
        {
            if (ExternNames.Check(e.Name, out var kind, out var res) == null && kind is ExternNameKind.Constructor or ExternNameKind.Method or ExternNameKind.Static
                && (names == null || names.Contains(res!)))
            {
                if (!resources.TryGetValue(res!, out var l))
                {
                    resources[res!] = l = new List<NamedExtern>();
                }
                l.Add(e);
            }
        }
        return resources;
    }

    private void TypeItem(NamedExtern e, Dictionary<TypeDef, string> local, string indent,
        Dictionary<string, List<NamedExtern>>? resources = null, string? self = null)
    {
        var t = (TypeDef)e.Desc.Type;
        // Used from another interface, or another name for a type of this one?
        foreach (var o in Chain(t).Skip(1))
        {
            if (_origins.TryGetValue(o, out var from) && from.Interface != self)
            {
                string alias = from.Name == e.Name ? Id(e.Name) : $"{Id(from.Name)} as {Id(e.Name)}";
                _out.Append($"{indent}use {Short(from.Interface)}.{{{alias}}};\n");
                Name(t, Id(e.Name), local);
                return;
            }
            if (local.TryGetValue(o, out var other) && other != Id(e.Name))
            {
                _out.Append($"{indent}type {Id(e.Name)} = {other};\n");
                Name(t, Id(e.Name), local);
                return;
            }
        }
        var def = Chain(t).Last();
        if (def is ResourceTypeDef)
        {
            Name(t, Id(e.Name), local);
        }
        string body = def switch
        {
            RecordTypeDef r => $"record {Id(e.Name)} {{\n{string.Concat(r.Fields.Select(f => $"{indent}  {Id(f.Name)}: {Type(f.Type, local)},\n"))}{indent}}}",
            VariantTypeDef v => $"variant {Id(e.Name)} {{\n{string.Concat(v.Cases.Select(c => $"{indent}  {Id(c.Name)}{(c.Type == null ? "" : $"({Type(c.Type, local)})")},\n"))}{indent}}}",
            EnumTypeDef en => $"enum {Id(e.Name)} {{\n{string.Concat(en.Names.Select(n => $"{indent}  {Id(n)},\n"))}{indent}}}",
            FlagsTypeDef fl => $"flags {Id(e.Name)} {{\n{string.Concat(fl.Names.Select(n => $"{indent}  {Id(n)},\n"))}{indent}}}",
            ResourceTypeDef => Resource(e.Name, resources, local, indent),
            _ => $"type {Id(e.Name)} = {Type(def, local)};",
        };
        _out.Append(indent).Append(body).Append('\n');
        Name(t, Id(e.Name), local);
    }

    /// <summary>A name as WIT writes it: a keyword is escaped with <c>%</c>.</summary>
    private static string Id(string name) =>
        Wit.Core.Syntax.SyntaxFacts.GetKeywordKind(name) == Wit.Core.Syntax.SyntaxKind.IdentifierToken ? name : "%" + name;

    private static void Name(TypeDef t, string name, Dictionary<TypeDef, string> local)
    {
        // Every identity the name had on the way (a re-export is a new one), not the type it finally names.
        foreach (var x in Chain(t).Where(x => x == t || x.Origin != null))
        {
            local.TryAdd(x, name);
        }
        if (t is ResourceTypeDef r)
        {
            local.TryAdd(r.Root, name);
        }
    }

    private string Resource(string name, Dictionary<string, List<NamedExtern>>? resources, Dictionary<TypeDef, string> local, string indent)
    {
        if (resources == null || !resources.TryGetValue(name, out var funcs))
        {
            return $"resource {Id(name)};";
        }
        var sb = new StringBuilder($"resource {Id(name)} {{\n");
        foreach (var f in funcs)
        {
            var ft = (FuncTypeDef)f.Desc.Type;
            ExternNames.Check(f.Name, out var kind, out _);
            string member = f.Name[(f.Name.IndexOf('.') + 1)..];
            if (kind == ExternNameKind.Constructor)
            {
                string ps = Params(ft.Params, local);
                string result = ft.Result is ResultTypeDef ? $" -> {Type(ft.Result, local)}" : "";
                sb.Append($"{indent}  constructor({ps}){result};\n");
            }
            else if (kind == ExternNameKind.Method)
            {
                var rest = new FuncTypeDef { Params = ft.Params.Skip(1).ToList(), Result = ft.Result };
                sb.Append($"{indent}  {Id(member)}: {Func(rest, local)};\n");
            }
            else
            {
                sb.Append($"{indent}  {Id(member)}: static {Func(ft, local)};\n");
            }
        }
        return sb.Append(indent).Append('}').ToString();
    }

    private string Params(IEnumerable<Param> ps, Dictionary<TypeDef, string> local) =>
        string.Join(", ", ps.Select(p => $"{Id(p.Name)}: {Type(p.Type, local)}"));

    private string Func(FuncTypeDef f, Dictionary<TypeDef, string> local) =>
        f.Result == null ? $"func({Params(f.Params, local)})" : $"func({Params(f.Params, local)}) -> {Type(f.Result, local)}";

    private string Type(TypeDef t, Dictionary<TypeDef, string> local)
    {
        foreach (var x in Chain(t))
        {
            if (local.TryGetValue(x, out var n))
            {
                return n;
            }
        }
        if (t is not HandleTypeDef && WorldUse(t) is string used)
        {
            return used;
        }
        return t switch
        {
            PrimitiveTypeDef p => p.Name,
            ListTypeDef { Length: uint len } l => $"list<{Type(l.Element, local)}, {len}>",
            ListTypeDef l => $"list<{Type(l.Element, local)}>",
            MapTypeDef m => $"map<{Type(m.Key, local)}, {Type(m.Value, local)}>",
            OptionTypeDef o => $"option<{Type(o.Type, local)}>",
            ResultTypeDef { Ok: null, Error: null } => "result",
            ResultTypeDef { Error: null } r => $"result<{Type(r.Ok!, local)}>",
            ResultTypeDef r => $"result<{(r.Ok == null ? "_" : Type(r.Ok, local))}, {Type(r.Error!, local)}>",
            TupleTypeDef tu => $"tuple<{string.Join(", ", tu.Types.Select(x => Type(x, local)))}>",
            HandleTypeDef { IsBorrow: true } h => $"borrow<{Type(h.Resource, local)}>",
            HandleTypeDef h => Type(h.Resource, local),
            ResourceTypeDef r => local.TryGetValue(r.Root, out var rn) ? rn : r.Root.Name ?? "resource",
            _ => ComponentWit.Type(t),
        };
    }
}
