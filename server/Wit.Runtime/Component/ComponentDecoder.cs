using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Runtime.Binary;
using Wit.Runtime.Validation;

namespace Wit.Runtime.Component;

/// <summary>
/// Decodes and validates the component binary format (Binary.md) into a <see cref="WasmComponent"/>: every section,
/// nested core modules through <see cref="ModuleDecoder"/> and <see cref="ModuleValidator"/>, nested components, types
/// with resources, canonical built-ins and the index spaces they build. Each error is a <see cref="WasmException"/> at
/// the byte offset of the problem (<see cref="WasmErrorKind.Malformed"/>, <see cref="WasmErrorKind.Invalid"/>, or
/// <see cref="WasmErrorKind.Unsupported"/> "not yet supported: NAME" for the async, thread, value and GC features).
/// Nesting of components and component/instance types is bounded by <see cref="MaxNesting"/>, the depth of value
/// types by <see cref="MaxTypeDepth"/>.
/// </summary>
public static class ComponentDecoder
{
    public const int MaxNesting = 100;
    public const int MaxTypeDepth = 100;

    private static readonly byte[] Magic = { 0x00, 0x61, 0x73, 0x6D };

    /// <summary>Whether the bytes start with a component's preamble (as opposed to a core module's).</summary>
    public static bool IsComponent(byte[] bytes) =>
        bytes.Length >= 8 && bytes.AsSpan(0, 4).SequenceEqual(Magic) && bytes[6] == 0x01 && bytes[7] == 0x00;

    public static WasmComponent Decode(byte[] bytes, WasmFeatures? features = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new Decoder(bytes, features ?? WasmFeatures.Default).Component(0, bytes.Length, null, 0);
    }

    private sealed class Scope
    {
        public Scope(Scope? parent, bool isComponent, WasmComponent? component = null, bool isInstanceType = false)
        {
            Parent = parent;
            IsComponent = isComponent;
            IsInstanceType = isInstanceType;
            Component = component;
            if (component != null)
            {
                CoreFuncs = component.CoreFuncs;
                CoreTables = component.CoreTables;
                CoreMemories = component.CoreMemories;
                CoreGlobals = component.CoreGlobals;
                CoreTypes = component.CoreTypes;
                CoreModules = component.CoreModules;
                CoreInstances = component.CoreInstances;
                Funcs = component.Funcs;
                Types = component.Types;
                Components = component.Components;
                Instances = component.Instances;
                Imports = component.Type.Imports;
                Exports = component.Type.Exports;
            }
        }

        public Scope? Parent;
        public bool IsComponent;
        public bool IsInstanceType;
        /// <summary>
        /// Named types (records, variants, enums, flags, resources) that imports (and, for exports, also exports) of
        /// this scope may use: the type indices its type imports and exports introduced (Explainer, "external visibility").
        /// </summary>
        public readonly HashSet<TypeDef> ImportedNamed = new(ReferenceEqualityComparer.Instance);
        public readonly HashSet<TypeDef> ExportedNamed = new(ReferenceEqualityComparer.Instance);
        public WasmComponent? Component;
        public List<FuncType> CoreFuncs = new();
        public List<TableType> CoreTables = new();
        public List<MemoryType> CoreMemories = new();
        public List<GlobalType> CoreGlobals = new();
        /// <summary>The type of each core tag (exception handling).</summary>
        public List<FuncType> CoreTags = new();
        public List<object> CoreTypes = new();
        public List<CoreModuleType> CoreModules = new();
        public List<Dictionary<string, CoreExtern>> CoreInstances = new();
        public List<FuncTypeDef> Funcs = new();
        public List<TypeDef> Types = new();

        // The roots of the resources in Types, read up to _rootsSeen (types are only ever appended).
        private readonly HashSet<ResourceTypeDef> _roots = new(ReferenceEqualityComparer.Instance);
        private int _rootsSeen;

        public HashSet<ResourceTypeDef> ResourceRoots()
        {
            for (; _rootsSeen < Types.Count; _rootsSeen++)
            {
                if (Types[_rootsSeen] is ResourceTypeDef r)
                {
                    _roots.Add(r.Root);
                }
            }
            return _roots;
        }
        public List<ComponentTypeDef> Components = new();
        public List<InstanceTypeDef> Instances = new();
        public List<NamedExtern> Imports = new();
        public List<NamedExtern> Exports = new();
        public readonly HashSet<string> ImportNames = new(StringComparer.Ordinal);
        public readonly HashSet<string> ExportNames = new(StringComparer.Ordinal);
        /// <summary>Resources imported (exported) by name in this scope, for <c>[method]</c> and friends on imports (exports).</summary>
        public readonly Dictionary<string, ResourceTypeDef> ImportedResources = new(StringComparer.Ordinal);
        public readonly Dictionary<string, ResourceTypeDef> ExportedResources = new(StringComparer.Ordinal);
        /// <summary>Resources defined by this component (what resource.new and resource.rep accept).</summary>
        public readonly HashSet<ResourceTypeDef> LocalResources = new(ReferenceEqualityComparer.Instance);
        /// <summary>How deeply this scope is nested (components and component/instance types).</summary>
        public int Depth;
    }

    private sealed class Decoder
    {
        private readonly byte[] _bytes;
        private readonly WasmFeatures _features;

        public Decoder(byte[] bytes, WasmFeatures features)
        {
            _bytes = bytes;
            _features = features;
        }

        private static WasmException Malformed(long at, string message) => WasmReader.Malformed(at, message);

        private static WasmException Invalid(long at, string message) => new(WasmErrorKind.Invalid, at, message);

        private static WasmException NotYet(long at, string name) => new(WasmErrorKind.Unsupported, at, $"not yet supported: {name}");

        public WasmComponent Component(int start, int end, Scope? parent, int nesting)
        {
            if (nesting > MaxNesting)
            {
                throw Invalid(start, $"components nested too deeply (the limit is {MaxNesting})");
            }
            var r = new WasmReader(_bytes, start, end);
            if (end - start < 4 || !_bytes.AsSpan(start, 4).SequenceEqual(Magic))
            {
                throw Malformed(start, "magic header not detected");
            }
            if (end - start < 8)
            {
                throw Malformed(start + 4, "unexpected end");
            }
            if (_bytes[start + 6] != 0x01 || _bytes[start + 7] != 0x00)
            {
                throw Malformed(start + 4, _bytes[start + 6] == 0 && _bytes[start + 7] == 0
                    ? "expected a component, found a core module"
                    : "unknown binary version");
            }
            if (_bytes[start + 4] != 0x0d || _bytes[start + 5] != 0x00)
            {
                throw Malformed(start + 4, $"unknown component version: 0x{_bytes[start + 4] | (_bytes[start + 5] << 8):x}");
            }
            r.Position = start + 8;
            var c = new WasmComponent(_bytes, start, end);
            var scope = new Scope(parent, true, c) { Depth = nesting };
            while (!r.AtEnd)
            {
                int sectionOffset = r.Position;
                int sectionEnd = r.ReadSectionHeader(out byte id);
                var s = new WasmReader(_bytes, r.Position, sectionEnd);
                switch (id)
                {
                    case 0: s.ReadName(); s.Position = sectionEnd; break;
                    case 1: CoreModule(ref s, c, scope); break;
                    case 2: Many(ref s, c, scope, CoreInstance); break;
                    case 3: Many(ref s, c, scope, (ref WasmReader x, WasmComponent cc, Scope sc) => cc.Items.Add(new CoreTypeItem(x.Position, CoreType(ref x, sc, nesting)))); break;
                    case 4:
                        {
                            var nested = Component(s.Position, sectionEnd, scope, nesting + 1);
                            c.Items.Add(new NestedComponentItem(s.Position, nested));
                            c.Components.Add(nested.Type);
                            s.Position = sectionEnd;
                            break;
                        }
                    case 5: Many(ref s, c, scope, Instance); break;
                    case 6: Many(ref s, c, scope, (ref WasmReader x, WasmComponent cc, Scope sc) => cc.Items.Add(Alias(ref x, sc, declarator: false))); break;
                    case 7: Many(ref s, c, scope, (ref WasmReader x, WasmComponent cc, Scope sc) => { int at = x.Position; cc.Items.Add(new TypeItem(at, DefType(ref x, sc, nesting))); }); break;
                    case 8: Many(ref s, c, scope, Canon); break;
                    case 9: Start(ref s, c, scope); break;
                    case 10: Many(ref s, c, scope, (ref WasmReader x, WasmComponent cc, Scope sc) => { int at = x.Position; var (n, d) = ImportDecl(ref x, sc, nesting); cc.Items.Add(new ImportItem(at, n, d)); }); break;
                    case 11: Many(ref s, c, scope, Export); break;
                    case 12: throw NotYet(sectionOffset, "value definitions");
                    default: throw Malformed(sectionOffset, $"unknown section: 0x{id:x}");
                }
                if (s.Position != sectionEnd)
                {
                    throw Malformed(s.Position, "section size mismatch: unexpected data at the end of the section");
                }
                r.Position = sectionEnd;
            }
            return c;
        }

        private delegate void ItemReader(ref WasmReader r, WasmComponent c, Scope scope);

        private static void Many(ref WasmReader r, WasmComponent c, Scope scope, ItemReader read)
        {
            int n = r.ReadCount();
            for (int i = 0; i < n; i++)
            {
                read(ref r, c, scope);
            }
        }

        private static T At<T>(List<T> list, uint index, string what, int at)
        {
            if (index >= (uint)list.Count)
            {
                throw Invalid(at, $"unknown {what} {index}: {what} index out of bounds");
            }
            return list[(int)index];
        }

        private static void CheckIndex(int count, uint index, string what, int at)
        {
            if (index >= (uint)count)
            {
                throw Invalid(at, $"unknown {what} {index}: {what} index out of bounds");
            }
        }

        // ---- core modules, instances and types ----

        private void CoreModule(ref WasmReader s, WasmComponent c, Scope scope)
        {
            int start = s.Position;
            var slice = _bytes.AsSpan(start, s.End - start).ToArray();
            WasmModule m;
            try
            {
                m = ModuleDecoder.Decode(slice, _features);
                ModuleValidator.Validate(m);
            }
            catch (WasmException e)
            {
                throw new WasmException(e.Kind, e.Offset >= 0 ? e.Offset + start : start, e.Reason, e);
            }
            var imports = new HashSet<(string, string)>();
            foreach (var im in m.Imports)
            {
                if (!imports.Add((im.Module, im.Name)))
                {
                    throw Invalid(start, $"duplicate import name `{im.Module}:{im.Name}`");
                }
            }
            c.Items.Add(new CoreModuleItem(start, m, start));
            scope.CoreModules.Add(CoreModuleType.Of(m));
            s.Position = s.End;
        }

        private static Sort ReadCoreSort(ref WasmReader r)
        {
            int at = r.Position;
            return r.ReadByte() switch
            {
                0x00 => Sort.CoreFunc,
                0x01 => Sort.CoreTable,
                0x02 => Sort.CoreMemory,
                0x03 => Sort.CoreGlobal,
                0x04 => Sort.CoreTag,
                0x10 => Sort.CoreType,
                0x11 => Sort.CoreModule,
                0x12 => Sort.CoreInstance,
                var b => throw Malformed(at, $"invalid leading byte (0x{b:x}) for core sort"),
            };
        }

        private static Sort ReadSort(ref WasmReader r)
        {
            int at = r.Position;
            return r.ReadByte() switch
            {
                0x00 => ReadCoreSort(ref r),
                0x01 => Sort.Func,
                0x02 => Sort.Value,
                0x03 => Sort.Type,
                0x04 => Sort.Component,
                0x05 => Sort.Instance,
                var b => throw Malformed(at, $"invalid leading byte (0x{b:x}) for sort"),
            };
        }

        private static CoreExtern CoreItem(Scope scope, Sort sort, uint index, int at) => sort switch
        {
            Sort.CoreFunc => new CoreExtern(ExternKind.Func, Func: At(scope.CoreFuncs, index, "core func", at)),
            Sort.CoreTable => new CoreExtern(ExternKind.Table, Table: At(scope.CoreTables, index, "core table", at)),
            Sort.CoreMemory => new CoreExtern(ExternKind.Memory, Memory: At(scope.CoreMemories, index, "core memory", at)),
            Sort.CoreGlobal => new CoreExtern(ExternKind.Global, Global: At(scope.CoreGlobals, index, "core global", at)),
            Sort.CoreTag => CoreExtern.TagOf(At(scope.CoreTags, index, "tag", at)),
            _ => throw Invalid(at, $"a core instance cannot export a core {SortName(sort)}"),
        };

        private static void CoreInstance(ref WasmReader r, WasmComponent c, Scope scope)
        {
            int at = r.Position;
            byte kind = r.ReadByte();
            if (kind == 0x00)
            {
                int moduleAt = r.Position;
                uint moduleIndex = r.ReadU32();
                var module = At(scope.CoreModules, moduleIndex, "module", moduleAt);
                int n = r.ReadCount(3);
                var args = new List<CoreInstantiateArg>(n);
                var byName = new Dictionary<string, Dictionary<string, CoreExtern>>(StringComparer.Ordinal);
                for (int i = 0; i < n; i++)
                {
                    int argAt = r.Position;
                    string name = r.ReadName();
                    int sortAt = r.Position;
                    if (r.ReadByte() != 0x12)
                    {
                        throw Malformed(sortAt, "only instances can be given as core instantiation arguments");
                    }
                    int idxAt = r.Position;
                    uint idx = r.ReadU32();
                    var instance = At(scope.CoreInstances, idx, "core instance", idxAt);
                    if (!byName.TryAdd(name, instance))
                    {
                        throw Invalid(argAt, $"duplicate module instantiation argument named `{name}`");
                    }
                    args.Add(new CoreInstantiateArg(name, (int)idx));
                }
                foreach (var im in module.Imports)
                {
                    if (!byName.TryGetValue(im.Module, out var arg))
                    {
                        throw Invalid(at, $"missing module instantiation argument named `{im.Module}`");
                    }
                    if (!arg.TryGetValue(im.Name, out var given))
                    {
                        throw Invalid(at, $"module instantiation argument `{im.Module}` does not export an item named `{im.Name}`");
                    }
                    if (!TypeRelations.CoreMatches(given, im.Type))
                    {
                        throw Invalid(at, $"type mismatch for export `{im.Name}` of module instantiation argument `{im.Module}`: expected {im.Type}, found {given}");
                    }
                }
                c.Items.Add(new CoreInstanceItem(at, (int)moduleIndex, args, Array.Empty<CoreInlineExport>()));
                scope.CoreInstances.Add(module.Exports);
            }
            else if (kind == 0x01)
            {
                int n = r.ReadCount(3);
                var exports = new List<CoreInlineExport>(n);
                var types = new Dictionary<string, CoreExtern>(StringComparer.Ordinal);
                for (int i = 0; i < n; i++)
                {
                    int nameAt = r.Position;
                    string name = r.ReadName();
                    var sort = ReadCoreSort(ref r);
                    int idxAt = r.Position;
                    uint idx = r.ReadU32();
                    if (!types.TryAdd(name, CoreItem(scope, sort, idx, idxAt)))
                    {
                        throw Invalid(nameAt, $"export name `{name}` already defined");
                    }
                    exports.Add(new CoreInlineExport(name, sort, (int)idx));
                }
                c.Items.Add(new CoreInstanceItem(at, null, Array.Empty<CoreInstantiateArg>(), exports));
                scope.CoreInstances.Add(types);
            }
            else
            {
                throw Malformed(at, $"invalid leading byte (0x{kind:x}) for core instance");
            }
        }

        private static FuncType CoreFuncType(ref WasmReader r)
        {
            var ps = new ValType[r.ReadCount()];
            for (int j = 0; j < ps.Length; j++)
            {
                ps[j] = ModuleDecoder.ReadValType(ref r);
            }
            var rs = new ValType[r.ReadCount()];
            for (int j = 0; j < rs.Length; j++)
            {
                rs[j] = ModuleDecoder.ReadValType(ref r);
            }
            return new FuncType(ps, rs);
        }

        /// <summary>A core:type in a component or in a component/instance type; <paramref name="inModule"/> rejects module types in module types.</summary>
        private object CoreType(ref WasmReader r, Scope scope, int nesting, bool inModule = false)
        {
            int at = r.Position;
            byte b = r.ReadByte();
            switch (b)
            {
                case 0x60:
                    {
                        var f = CoreFuncType(ref r);
                        scope.CoreTypes.Add(f);
                        return f;
                    }
                case 0x50:
                    {
                        if (inModule)
                        {
                            throw Invalid(at, "a module type cannot be defined inside a module type");
                        }
                        var m = ModuleType(ref r, scope);
                        scope.CoreTypes.Add(m);
                        return m;
                    }
                case 0x4e or 0x4f or 0x5e or 0x5f or 0x00:
                    throw NotYet(at, "core GC types");
                default:
                    throw Malformed(at, $"invalid leading byte (0x{b:x}) for core type");
            }
        }

        private CoreModuleType ModuleType(ref WasmReader r, Scope scope)
        {
            var m = new CoreModuleType();
            var types = new List<object>();
            int n = r.ReadCount();
            for (int i = 0; i < n; i++)
            {
                int at = r.Position;
                byte kind = r.ReadByte();
                switch (kind)
                {
                    case 0x00:
                        {
                            string module = r.ReadName();
                            string name = r.ReadName();
                            if (m.Imports.Any(x => x.Module == module && x.Name == name))
                            {
                                throw Invalid(at, $"duplicate import name `{module}:{name}`");
                            }
                            m.Imports.Add(new CoreImportDesc(module, name, CoreExternType(ref r, types)));
                            break;
                        }
                    case 0x01:
                        {
                            int tAt = r.Position;
                            byte tb = r.ReadByte();
                            if (tb == 0x50)
                            {
                                throw Invalid(tAt, "a module type cannot be defined inside a module type");
                            }
                            if (tb != 0x60)
                            {
                                throw tb is 0x4e or 0x4f or 0x5e or 0x5f or 0x00 ? NotYet(tAt, "core GC types") : Malformed(tAt, $"invalid leading byte (0x{tb:x}) for core type");
                            }
                            types.Add(CoreFuncType(ref r));
                            break;
                        }
                    case 0x02:
                        {
                            int sAt = r.Position;
                            if (r.ReadByte() != 0x10 || r.ReadByte() != 0x01)
                            {
                                throw Malformed(sAt, "only outer aliases of core types are allowed in module types");
                            }
                            int ctAt = r.Position;
                            uint count = r.ReadU32();
                            int idxAt = r.Position;
                            uint idx = r.ReadU32();
                            if (count == 0)
                            {
                                types.Add(At(types, idx, "core type", idxAt));
                                break;
                            }
                            var target = Outer(scope, count - 1, ctAt);
                            var t = At(target.CoreTypes, idx, "core type", idxAt);
                            if (t is CoreModuleType)
                            {
                                throw Invalid(idxAt, "a module type cannot be aliased into a module type");
                            }
                            types.Add(t);
                            break;
                        }
                    case 0x03:
                        {
                            int nameAt = r.Position;
                            string name = r.ReadName();
                            if (!m.Exports.TryAdd(name, CoreExternType(ref r, types)))
                            {
                                throw Invalid(nameAt, $"export name `{name}` already defined");
                            }
                            break;
                        }
                    default:
                        throw Malformed(at, $"invalid leading byte (0x{kind:x}) for module type declaration");
                }
            }
            return m;
        }

        private static CoreExtern CoreExternType(ref WasmReader r, List<object> types)
        {
            int at = r.Position;
            byte kind = r.ReadByte();
            switch (kind)
            {
                case 0x00:
                    {
                        int idxAt = r.Position;
                        if (At(types, r.ReadU32(), "core type", idxAt) is not FuncType f)
                        {
                            throw Invalid(idxAt, "core type is not a function type");
                        }
                        return new CoreExtern(ExternKind.Func, Func: f);
                    }
                case 0x01:
                    {
                        var t = ModuleDecoder.ReadTableType(ref r);
                        if (t.Limits.Max < t.Limits.Min)
                        {
                            throw Invalid(at, "size minimum must not be greater than maximum");
                        }
                        return new CoreExtern(ExternKind.Table, Table: t);
                    }
                case 0x02:
                    {
                        var l = ModuleDecoder.ReadLimits(ref r);
                        if (l.Min > ModuleValidator.MaxPages || l.Max > ModuleValidator.MaxPages)
                        {
                            throw Invalid(at, $"memory size must be at most {ModuleValidator.MaxPages} pages (4GiB)");
                        }
                        if (l.Max < l.Min)
                        {
                            throw Invalid(at, "size minimum must not be greater than maximum");
                        }
                        return new CoreExtern(ExternKind.Memory, Memory: new MemoryType(l));
                    }
                case 0x03: return new CoreExtern(ExternKind.Global, Global: ModuleDecoder.ReadGlobalType(ref r));
                case 0x04:
                    {
                        int idxAt = r.Position + 1; // after the attribute byte
                        if (At(types, (uint)ModuleDecoder.ReadTagType(ref r), "core type", idxAt) is not FuncType f)
                        {
                            throw Invalid(idxAt, "core type is not a function type");
                        }
                        if (f.Results.Length != 0)
                        {
                            throw Invalid(idxAt, "non-empty tag result type");
                        }
                        return CoreExtern.TagOf(f);
                    }
                default: throw Malformed(at, $"invalid leading byte (0x{kind:x}) for external kind");
            }
        }

        private static Scope Outer(Scope scope, uint count, int at)
        {
            var s = scope;
            for (uint i = 0; i < count; i++)
            {
                s = s.Parent ?? throw Invalid(at, $"invalid outer alias count of {count}");
            }
            return s;
        }

        // ---- component instances, aliases, imports, exports ----

        private static string SortName(Sort s) => SortNames.Of(s);

        private static ExternSort? ExternSortOf(Sort s) => s switch
        {
            Sort.CoreModule => ExternSort.CoreModule,
            Sort.Func => ExternSort.Func,
            Sort.Value => ExternSort.Value,
            Sort.Type => ExternSort.Type,
            Sort.Component => ExternSort.Component,
            Sort.Instance => ExternSort.Instance,
            _ => null,
        };

        /// <summary>The extern type of item <paramref name="index"/> of <paramref name="sort"/> (what instantiation arguments and exports carry).</summary>
        private static ExternDesc DescOf(Scope scope, Sort sort, uint index, int at, string use) => sort switch
        {
            Sort.CoreModule => new ExternDesc(ExternSort.CoreModule, At(scope.CoreModules, index, "module", at)),
            Sort.Func => new ExternDesc(ExternSort.Func, At(scope.Funcs, index, "func", at)),
            Sort.Type => new ExternDesc(ExternSort.Type, At(scope.Types, index, "type", at)),
            Sort.Component => new ExternDesc(ExternSort.Component, At(scope.Components, index, "component", at)),
            Sort.Instance => new ExternDesc(ExternSort.Instance, At(scope.Instances, index, "instance", at)),
            Sort.Value => throw NotYet(at, "value definitions"),
            _ => throw Invalid(at, $"a {SortName(sort)} cannot be {use}"),
        };

        private static void Add(Scope scope, ExternDesc d)
        {
            switch (d.Sort)
            {
                case ExternSort.CoreModule: scope.CoreModules.Add((CoreModuleType)d.Type); break;
                case ExternSort.Func: scope.Funcs.Add((FuncTypeDef)d.Type); break;
                case ExternSort.Type: scope.Types.Add((TypeDef)d.Type); break;
                case ExternSort.Component: scope.Components.Add((ComponentTypeDef)d.Type); break;
                case ExternSort.Instance: scope.Instances.Add((InstanceTypeDef)d.Type); break;
            }
        }

        private static void Instance(ref WasmReader r, WasmComponent c, Scope scope)
        {
            int at = r.Position;
            byte kind = r.ReadByte();
            if (kind == 0x00)
            {
                int compAt = r.Position;
                uint compIndex = r.ReadU32();
                var component = At(scope.Components, compIndex, "component", compAt);
                int n = r.ReadCount(3);
                var args = new List<InstantiateArg>(n);
                var given = new Dictionary<string, (ExternDesc Desc, int At)>(StringComparer.Ordinal);
                for (int i = 0; i < n; i++)
                {
                    int argAt = r.Position;
                    string name = r.ReadName();
                    var sort = ReadSort(ref r);
                    int idxAt = r.Position;
                    uint idx = r.ReadU32();
                    var desc = DescOf(scope, sort, idx, idxAt, "an instantiation argument");
                    if (!given.TryAdd(name, (desc, argAt)))
                    {
                        throw Invalid(argAt, $"instantiation argument `{name}` conflicts with previous argument `{name}`");
                    }
                    args.Add(new InstantiateArg(name, sort, (int)idx));
                }
                var relations = new TypeRelations();
                foreach (var im in component.Imports)
                {
                    if (!given.TryGetValue(im.Name, out var g))
                    {
                        throw Invalid(at, $"missing import named `{im.Name}`");
                    }
                    if (g.Desc.Sort != im.Desc.Sort)
                    {
                        throw Invalid(g.At, $"type mismatch for import `{im.Name}`: expected {ExternSortName(im.Desc.Sort)}, found {ExternSortName(g.Desc.Sort)}");
                    }
                    if (!relations.Matches(g.Desc, im.Desc))
                    {
                        throw Invalid(g.At, $"type mismatch for import `{im.Name}`");
                    }
                }
                // Resources are generative: those the component does not import are new for each instance.
                var imported = new HashSet<TypeDef>(ReferenceEqualityComparer.Instance);
                foreach (var im in component.Imports)
                {
                    if (im.Desc.Type is TypeDef it)
                    {
                        TypeRelations.Contains(it, x => { if (x is ResourceTypeDef rr) { imported.Add(rr.Root); } return false; });
                    }
                }
                var type = new InstanceTypeDef { Depth = component.Depth };
                type.Exports.AddRange(relations.Substitute(component.Exports, res => !imported.Contains(res.Root)));
                c.Items.Add(new InstanceItem(at, (int)compIndex, args, Array.Empty<InstantiateArg>()));
                scope.Instances.Add(type);
            }
            else if (kind == 0x01)
            {
                int n = r.ReadCount(3);
                var exports = new List<InstantiateArg>(n);
                var type = new InstanceTypeDef();
                var names = new HashSet<string>(StringComparer.Ordinal);
                var bagResources = new Dictionary<string, ResourceTypeDef>(StringComparer.Ordinal);
                int depth = 1;
                for (int i = 0; i < n; i++)
                {
                    int nameAt = r.Position;
                    var (name, nameKind, nameResource) = ExternName(ref r, names, "export", out string? implements);
                    var sort = ReadSort(ref r);
                    int idxAt = r.Position;
                    uint idx = r.ReadU32();
                    var desc = DescOf(scope, sort, idx, idxAt, "exported from an instance");
                    CheckImplements(implements != null, name, nameKind, desc.Sort, nameAt);
                    if (desc.Sort == ExternSort.Type)
                    {
                        // The bag's type export is a name of its own (what its [constructor]/[method] exports must use).
                        desc = desc with { Type = NameClone((TypeDef)desc.Type) };
                    }
                    CheckNamed(bagResources, name, nameKind, nameResource, desc, nameAt);
                    depth = Math.Max(depth, 1 + ((desc.Type as TypeDef)?.Depth ?? 0));
                    type.Exports.Add(new NamedExtern(name, desc) { Implements = implements });
                    exports.Add(new InstantiateArg(name, sort, (int)idx));
                }
                c.Items.Add(new InstanceItem(at, null, Array.Empty<InstantiateArg>(), exports));
                scope.Instances.Add(new InstanceTypeDef { Depth = depth }.With(type.Exports));
            }
            else
            {
                throw Malformed(at, $"invalid leading byte (0x{kind:x}) for instance");
            }
        }

        private static string ExternSortName(ExternSort s) => s switch
        {
            ExternSort.CoreModule => "module",
            ExternSort.Func => "func",
            ExternSort.Value => "value",
            ExternSort.Type => "type",
            ExternSort.Component => "component",
            _ => "instance",
        };

        private static Sort SortOf(ExternSort s) => s switch
        {
            ExternSort.CoreModule => Sort.CoreModule,
            ExternSort.Func => Sort.Func,
            ExternSort.Value => Sort.Value,
            ExternSort.Type => Sort.Type,
            ExternSort.Component => Sort.Component,
            _ => Sort.Instance,
        };

        /// <summary>An alias definition (in a component) or declarator (in a component or instance type).</summary>
        private static AliasItem Alias(ref WasmReader r, Scope scope, bool declarator)
        {
            int at = r.Position;
            var sort = ReadSort(ref r);
            int kindAt = r.Position;
            byte kind = r.ReadByte();
            switch (kind)
            {
                case 0x00:
                    {
                        int idxAt = r.Position;
                        uint idx = r.ReadU32();
                        string name = r.ReadName();
                        var instance = At(scope.Instances, idx, "instance", idxAt);
                        var export = instance.Export(name) ?? throw Invalid(idxAt, $"instance {idx} has no export named `{name}`");
                        if (sort == Sort.Value)
                        {
                            throw NotYet(at, "value definitions");
                        }
                        if (ExternSortOf(sort) != export.Sort)
                        {
                            throw Invalid(at, $"export `{name}` for instance {idx} is not a {SortName(sort)}");
                        }
                        Add(scope, export);
                        return new AliasItem(at, sort, AliasKind.InstanceExport, (int)idx, name, 0);
                    }
                case 0x01:
                    {
                        if (declarator)
                        {
                            throw Invalid(kindAt, "core export aliases are not allowed in type declarations");
                        }
                        int idxAt = r.Position;
                        uint idx = r.ReadU32();
                        string name = r.ReadName();
                        var instance = At(scope.CoreInstances, idx, "core instance", idxAt);
                        if (!instance.TryGetValue(name, out var export))
                        {
                            throw Invalid(idxAt, $"core instance {idx} has no export named `{name}`");
                        }
                        var expected = sort switch
                        {
                            Sort.CoreFunc => ExternKind.Func,
                            Sort.CoreTable => ExternKind.Table,
                            Sort.CoreMemory => ExternKind.Memory,
                            Sort.CoreGlobal => ExternKind.Global,
                            Sort.CoreTag => ExternKind.Tag,
                            _ => throw Invalid(at, $"a core instance cannot export a {SortName(sort)}"),
                        };
                        if (export.Kind != expected)
                        {
                            // wasmparser's wording names a core tag "tag".
                            throw Invalid(at, $"export `{name}` for core instance {idx} is not a {(sort == Sort.CoreTag ? "tag" : SortName(sort))}");
                        }
                        switch (export.Kind)
                        {
                            case ExternKind.Func: scope.CoreFuncs.Add(export.Func!); break;
                            case ExternKind.Table: scope.CoreTables.Add(export.Table!); break;
                            case ExternKind.Memory: scope.CoreMemories.Add(export.Memory!); break;
                            case ExternKind.Global: scope.CoreGlobals.Add(export.Global); break;
                            default: scope.CoreTags.Add(export.Func!); break;
                        }
                        return new AliasItem(at, sort, AliasKind.CoreInstanceExport, (int)idx, name, 0);
                    }
                case 0x02:
                    {
                        int ctAt = r.Position;
                        uint count = r.ReadU32();
                        int idxAt = r.Position;
                        uint idx = r.ReadU32();
                        var target = Outer(scope, count, ctAt);
                        bool crossesComponent = false;
                        for (var s = scope; s != target; s = s.Parent!)
                        {
                            crossesComponent |= s.IsComponent;
                        }
                        switch (sort)
                        {
                            case Sort.CoreType:
                                scope.CoreTypes.Add(At(target.CoreTypes, idx, "core type", idxAt));
                                break;
                            case Sort.Type:
                                {
                                    var t = At(target.Types, idx, "type", idxAt);
                                    if (crossesComponent && TypeRelations.Contains(t, x => x is ResourceTypeDef))
                                    {
                                        throw Invalid(idxAt, "refers to resources not defined in the current component");
                                    }
                                    scope.Types.Add(t);
                                    break;
                                }
                            case Sort.CoreModule when !declarator:
                                scope.CoreModules.Add(At(target.CoreModules, idx, "module", idxAt));
                                break;
                            case Sort.Component when !declarator:
                                scope.Components.Add(At(target.Components, idx, "component", idxAt));
                                break;
                            default:
                                throw Invalid(at, $"an outer alias of a {SortName(sort)} is not allowed");
                        }
                        return new AliasItem(at, sort, AliasKind.Outer, (int)idx, null, (int)count);
                    }
                default:
                    throw Malformed(kindAt, $"invalid leading byte (0x{kind:x}) for alias");
            }
        }

        /// <summary>Reads a nameattributes; checks the attributes (each kind at most once) and returns the name.</summary>
        private static string NameAttributes(ref WasmReader r, int at) => NameAttributes(ref r, at, out _);

        private static string NameAttributes(ref WasmReader r, int at, out string? implements)
        {
            implements = null;
            byte kind = r.ReadByte();
            if (kind > 2)
            {
                throw Malformed(at, $"invalid leading byte (0x{kind:x}) for component external name");
            }
            string name = r.ReadName();
            if (kind == 2)
            {
                int n = r.ReadCount();
                var seen = new HashSet<byte>();
                for (int i = 0; i < n; i++)
                {
                    int aAt = r.Position;
                    byte a = r.ReadByte();
                    if (a > 2)
                    {
                        throw Malformed(aAt, $"invalid leading byte (0x{a:x}) for name attribute");
                    }
                    string value = r.ReadName();
                    if (!seen.Add(a))
                    {
                        throw Invalid(aAt, $"duplicate name attribute on `{name}`");
                    }
                    if (a == 0 && ExternNames.CheckInterface(value) is string e)
                    {
                        throw Invalid(aAt, $"`implements` must be an interface name: {e}");
                    }
                    implements = a == 0 ? value : implements;
                    if (a == 1 && ExternNames.CheckVersionSuffix(name, value) is string v)
                    {
                        throw Invalid(aAt, v);
                    }
                }
            }
            return name;
        }

        /// <summary>Reads and checks an import or export name in <paramref name="scope"/>, unique among <paramref name="names"/>.</summary>
        private static (string Name, ExternNameKind Kind, string? Resource) ExternName(ref WasmReader r, HashSet<string> names, string what) =>
            ExternName(ref r, names, what, out _);

        private static (string Name, ExternNameKind Kind, string? Resource) ExternName(ref WasmReader r, HashSet<string> names, string what, out string? implements)
        {
            int at = r.Position;
            string name = NameAttributes(ref r, at, out implements);
            if (ExternNames.Check(name, out var kind, out var resource) is string error)
            {
                throw Invalid(at, $"{what} name `{name}` is not valid: {error}");
            }
            if (!names.Add(ExternNames.Canonical(name)))
            {
                throw Invalid(at, $"{what} name `{name}` conflicts with previous name");
            }
            return (name, kind, resource);
        }

        /// <summary>An `implements` attribute is only for instances with a plain name.</summary>
        private static void CheckImplements(bool implements, string name, ExternNameKind kind, ExternSort sort, int at)
        {
            if (!implements)
            {
                return;
            }
            if (sort != ExternSort.Instance)
            {
                throw Invalid(at, "only instances can have an `implements`");
            }
            if (kind != ExternNameKind.Label)
            {
                throw Invalid(at, $"name `{name}` is not valid with `implements`");
            }
        }

        /// <summary>The checks on <c>[constructor]</c>, <c>[method]</c> and <c>[static]</c> names, and recording named resources.</summary>
        private static void CheckNamed(Dictionary<string, ResourceTypeDef> resources, string name, ExternNameKind kind, string? resource, ExternDesc desc, int at)
        {
            if (desc.Sort == ExternSort.Type && desc.Type is ResourceTypeDef res && kind == ExternNameKind.Label)
            {
                resources[name] = res;
                res.Name ??= name;
            }
            if (kind is not (ExternNameKind.Constructor or ExternNameKind.Method or ExternNameKind.Static))
            {
                return;
            }
            if (desc.Type is not FuncTypeDef f)
            {
                throw Invalid(at, $"`{name}` is not a func");
            }
            if (!resources.TryGetValue(resource!, out var r))
            {
                throw Invalid(at, $"function does not match expected resource name `{resource}`: resource used in function does not have a name in this context");
            }
            if (kind == ExternNameKind.Constructor)
            {
                var result = f.Result is ResultTypeDef rt ? rt.Ok : f.Result;
                if (result is not HandleTypeDef { IsBorrow: false } h || !ReferenceEquals(h.Resource, r))
                {
                    throw Invalid(at, $"function `{name}` should return `(own $T)` or `(result (own $T) E)`");
                }
            }
            else if (kind == ExternNameKind.Method)
            {
                if (f.Params.Count == 0 || f.Params[0].Name != "self" || f.Params[0].Type is not HandleTypeDef { IsBorrow: true } h || !ReferenceEquals(h.Resource, r))
                {
                    throw Invalid(at, $"method `{name}` should have a first parameter `self` of type `(borrow $T)`");
                }
            }
        }

        private (string, ExternDesc) ImportDecl(ref WasmReader r, Scope scope, int nesting)
        {
            int at = r.Position;
            var (name, kind, resource) = ExternName(ref r, scope.ImportNames, "import", out string? implements);
            var desc = ExternType(ref r, scope, name);
            CheckImplements(implements != null, name, kind, desc.Sort, at);
            if (!Visible(desc, scope.ImportedNamed.Contains))
            {
                throw Invalid(at, $"{ExternSortName(desc.Sort)} not valid to be used as import");
            }
            if (desc.Sort == ExternSort.Instance)
            {
                // Each import of an instance type (and each instance it exports) has its own abstract resources.
                desc = desc with { Type = Freshen((InstanceTypeDef)desc.Type, 0, root => IsOuterResource(scope, root)) };
            }
            desc = Named(desc, scope.ImportedNamed);
            CheckNamed(scope.ImportedResources, name, kind, resource, desc, at);
            scope.Imports.Add(new NamedExtern(name, desc) { Implements = implements });
            Add(scope, desc);
            return (name, desc);
        }

        private ExternDesc ExportDecl(ref WasmReader r, Scope scope)
        {
            int at = r.Position;
            var (name, kind, resource) = ExternName(ref r, scope.ExportNames, "export", out string? implements);
            var desc = ExternType(ref r, scope, name);
            CheckImplements(implements != null, name, kind, desc.Sort, at);
            if (!scope.IsInstanceType && !Visible(desc, t => scope.ImportedNamed.Contains(t) || scope.ExportedNamed.Contains(t)))
            {
                throw Invalid(at, $"{ExternSortName(desc.Sort)} not valid to be used as export");
            }
            desc = Named(desc, scope.ExportedNamed);
            CheckNamed(scope.ExportedResources, name, kind, resource, desc, at);
            scope.Exports.Add(new NamedExtern(name, desc) { Implements = implements });
            Add(scope, desc);
            return desc;
        }

        /// <summary>Reads a type index that must name a type of kind <typeparamref name="T"/>.</summary>
        private static T TypeAt<T>(ref WasmReader r, Scope scope, string expected) where T : TypeDef
        {
            int at = r.Position;
            return At(scope.Types, r.ReadU32(), "type", at) as T ?? throw Invalid(at, $"type index is not {expected}");
        }

        private static ExternDesc ExternType(ref WasmReader r, Scope scope, string name)
        {
            int at = r.Position;
            byte kind = r.ReadByte();
            switch (kind)
            {
                case 0x00:
                    {
                        int sAt = r.Position;
                        if (r.ReadByte() != 0x11)
                        {
                            throw Malformed(sAt, "invalid leading byte for core module extern type");
                        }
                        int idxAt = r.Position;
                        if (At(scope.CoreTypes, r.ReadU32(), "core type", idxAt) is not CoreModuleType m)
                        {
                            throw Invalid(idxAt, "core type index is not a module type");
                        }
                        return new ExternDesc(ExternSort.CoreModule, m);
                    }
                case 0x01:
                    return new ExternDesc(ExternSort.Func, TypeAt<FuncTypeDef>(ref r, scope, "a function type"));
                case 0x02:
                    throw NotYet(at, "value definitions");
                case 0x03:
                    {
                        int bAt = r.Position;
                        byte bound = r.ReadByte();
                        if (bound == 0x00)
                        {
                            int idxAt = r.Position;
                            return new ExternDesc(ExternSort.Type, At(scope.Types, r.ReadU32(), "type", idxAt));
                        }
                        if (bound == 0x01)
                        {
                            return new ExternDesc(ExternSort.Type, new ResourceTypeDef { Name = name });
                        }
                        throw Malformed(bAt, $"invalid leading byte (0x{bound:x}) for type bound");
                    }
                case 0x04:
                    return new ExternDesc(ExternSort.Component, TypeAt<ComponentTypeDef>(ref r, scope, "a component type"));
                case 0x05:
                    return new ExternDesc(ExternSort.Instance, TypeAt<InstanceTypeDef>(ref r, scope, "an instance type"));
                default:
                    throw Malformed(at, $"invalid leading byte (0x{kind:x}) for external type");
            }
        }

        private static void Export(ref WasmReader r, WasmComponent c, Scope scope)
        {
            int at = r.Position;
            var (name, kind, resource) = ExternName(ref r, scope.ExportNames, "export", out string? implements);
            var sort = ReadSort(ref r);
            int idxAt = r.Position;
            uint idx = r.ReadU32();
            var desc = DescOf(scope, sort, idx, idxAt, "exported");
            CheckImplements(implements != null, name, kind, desc.Sort, at);
            int ascAt = r.Position;
            byte has = r.ReadByte();
            if (has == 0x01)
            {
                var ascribed = ExternType(ref r, scope, name);
                if (!new TypeRelations().Matches(desc, ascribed))
                {
                    throw Invalid(ascAt, $"type mismatch in export `{name}`: the ascribed type is not a supertype of the item's");
                }
                // The ascribed type replaces the item's: `(type (sub resource))` makes a new abstract resource.
                desc = ascribed;
            }
            else if (has != 0x00)
            {
                throw Malformed(ascAt, $"invalid leading byte (0x{has:x}) for optional export type");
            }
            if (!Visible(desc, t => scope.ImportedNamed.Contains(t) || scope.ExportedNamed.Contains(t)))
            {
                throw Invalid(at, $"{ExternSortName(desc.Sort)} not valid to be used as export");
            }
            desc = Named(desc, scope.ExportedNamed);
            CheckNamed(scope.ExportedResources, name, kind, resource, desc, at);
            scope.Exports.Add(new NamedExtern(name, desc) { Implements = implements });
            Add(scope, desc);
            c.Items.Add(new ExportItem(at, name, sort, (int)idx, desc));
        }

        private static bool IsNamedKind(TypeDef t) => t is RecordTypeDef or VariantTypeDef or EnumTypeDef or FlagsTypeDef or ResourceTypeDef;

        /// <summary>A new identity for a named type that a type import or export introduces (the same type otherwise).</summary>
        private static TypeDef NameClone(TypeDef t) => t switch
        {
            RecordTypeDef r => new RecordTypeDef { Fields = r.Fields, Depth = r.Depth, Origin = t },
            VariantTypeDef v => new VariantTypeDef { Cases = v.Cases, Depth = v.Depth, Origin = t },
            EnumTypeDef e => new EnumTypeDef { Names = e.Names, Depth = e.Depth, Origin = t },
            FlagsTypeDef f => new FlagsTypeDef { Names = f.Names, Depth = f.Depth, Origin = t },
            ResourceTypeDef res => new ResourceTypeDef { AliasOf = res.Root, Name = res.Root.Name, Origin = t },
            // Anonymous types need no name, but keep the identity of the name for printing (`type b = a`).
            PrimitiveTypeDef p => p.Named(),
            ListTypeDef l => new ListTypeDef { Element = l.Element, Length = l.Length, Depth = l.Depth, Origin = t },
            MapTypeDef m => new MapTypeDef { Key = m.Key, Value = m.Value, Depth = m.Depth, Origin = t },
            OptionTypeDef o => new OptionTypeDef { Type = o.Type, Depth = o.Depth, Origin = t },
            ResultTypeDef r => new ResultTypeDef { Ok = r.Ok, Error = r.Error, Depth = r.Depth, Origin = t },
            TupleTypeDef tu => new TupleTypeDef { Types = tu.Types, Depth = tu.Depth, Origin = t },
            HandleTypeDef h => new HandleTypeDef { Resource = h.Resource, IsBorrow = h.IsBorrow, Depth = h.Depth, Origin = t },
            _ => t,
        };

        /// <summary>
        /// The extern type an import or export introduces: a type gets a new named identity, an instance's type exports
        /// too (so aliases out of an exported or imported instance are named); all of them join <paramref name="named"/>.
        /// </summary>
        private static ExternDesc Named(ExternDesc d, HashSet<TypeDef> named)
        {
            switch (d.Sort)
            {
                case ExternSort.Type:
                    {
                        var t = (TypeDef)d.Type;
                        var n = NameClone(t);
                        named.Add(n);
                        return d with { Type = n };
                    }
                case ExternSort.Instance:
                    return d with { Type = NamedInstance((InstanceTypeDef)d.Type, named, 0) };
                default:
                    return d;
            }
        }

        private static InstanceTypeDef NamedInstance(InstanceTypeDef i, HashSet<TypeDef> named, int depth)
        {
            var n = new InstanceTypeDef { Depth = i.Depth };
            foreach (var e in i.Exports)
            {
                var desc = e.Desc;
                if (desc.Sort == ExternSort.Type && IsNamedKind((TypeDef)desc.Type))
                {
                    var c = NameClone((TypeDef)desc.Type);
                    named.Add(c);
                    // The identity the instance type exported is named too: its siblings' definitions (a variant's
                    // cases, a record's fields) refer to it, and an alias of a sibling brings them along.
                    named.Add((TypeDef)desc.Type);
                    desc = desc with { Type = c };
                }
                else if (desc.Sort == ExternSort.Instance && depth < MaxNesting)
                {
                    desc = desc with { Type = NamedInstance((InstanceTypeDef)desc.Type, named, depth + 1) };
                }
                n.Exports.Add(e with { Desc = desc });
            }
            return n;
        }

        /// <summary>
        /// The instance type with new abstract resources for those its type exports declare, each nested instance
        /// export on its own (two exports of one instance type are two instances with different resources).
        /// </summary>
        /// <summary>Whether the scope or one around it names the resource by a type index.</summary>
        private static bool IsOuterResource(Scope scope, ResourceTypeDef root)
        {
            for (Scope? s = scope; s != null; s = s.Parent)
            {
                if (s.ResourceRoots().Contains(root))
                {
                    return true;
                }
            }
            return false;
        }

        private static InstanceTypeDef Freshen(InstanceTypeDef i, int depth, Func<ResourceTypeDef, bool> isOuter)
        {
            var n = new InstanceTypeDef { Depth = i.Depth };
            var declared = new HashSet<ResourceTypeDef>(ReferenceEqualityComparer.Instance);
            foreach (var e in i.Exports)
            {
                if (e.Desc.Type is InstanceTypeDef inner && depth < MaxNesting)
                {
                    n.Exports.Add(e with { Desc = e.Desc with { Type = Freshen(inner, depth + 1, isOuter) } });
                    continue;
                }
                // An `(eq t)` export names a resource from outside, which importing the instance must not replace:
                // only those the enclosing scopes cannot name are the instance type's own.
                if (e.Desc.Type is ResourceTypeDef r && e.Desc.Sort == ExternSort.Type && !r.IsDefined && !isOuter(r.Root))
                {
                    declared.Add(r.Root);
                }
                n.Exports.Add(e);
            }
            return (InstanceTypeDef)new TypeRelations().Substitute(new ExternDesc(ExternSort.Instance, n), declared.Contains).Type;
        }

        /// <summary>
        /// Whether every named type the extern type uses is visible: in <paramref name="named"/>, or introduced by a type
        /// export (or import) of an instance or component type on the way. A named type that is visible is not entered;
        /// an exported type itself needs no name, only what it refers to.
        /// </summary>
        private static bool Visible(ExternDesc d, Func<TypeDef, bool> named)
        {
            if (d.Type is not TypeDef t)
            {
                return true;
            }
            var seen = new HashSet<TypeDef>(ReferenceEqualityComparer.Instance);
            var local = new HashSet<TypeDef>(ReferenceEqualityComparer.Instance);
            bool Ok(TypeDef x) => named(x) || local.Contains(x);
            bool Walk(TypeDef x, bool top)
            {
                if (!seen.Add(x))
                {
                    return true;
                }
                if (!top && IsNamedKind(x))
                {
                    return Ok(x);
                }
                if (x is InstanceTypeDef or ComponentTypeDef)
                {
                    var externs = x is InstanceTypeDef it ? it.Exports : ((ComponentTypeDef)x).Imports.Concat(((ComponentTypeDef)x).Exports).ToList();
                    foreach (var e in externs)
                    {
                        // The export names its type under every identity it had (a re-export names what it re-exports).
                        for (var et = e.Desc.Sort == ExternSort.Type ? e.Desc.Type as TypeDef : null; et != null && local.Add(et); et = et.Origin)
                        {
                        }
                    }
                    foreach (var e in externs)
                    {
                        if (e.Desc.Type is TypeDef et && !Walk(et, e.Desc.Sort == ExternSort.Type))
                        {
                            return false;
                        }
                    }
                    return true;
                }
                return TypeRelations.Children(x).All(c => Walk(c, false));
            }
            return Walk(t, d.Sort == ExternSort.Type);
        }

        // ---- types ----

        private static int DepthOf(IEnumerable<TypeDef?> children, int at)
        {
            int d = 1;
            foreach (var c in children)
            {
                if (c != null)
                {
                    d = Math.Max(d, c.Depth + 1);
                }
            }
            if (d > MaxTypeDepth)
            {
                throw Invalid(at, $"type nesting is too deep (the limit is {MaxTypeDepth})");
            }
            return d;
        }

        private TypeDef DefType(ref WasmReader r, Scope scope, int nesting)
        {
            int at = r.Position;
            byte b = r.PeekByte();
            TypeDef t;
            switch (b)
            {
                case 0x40:
                    r.ReadByte();
                    t = ReadFuncType(ref r, scope, at);
                    break;
                case 0x43:
                    throw NotYet(at, "async function types");
                case 0x41:
                    r.ReadByte();
                    t = ComponentOrInstanceType(ref r, scope, nesting, component: true, at);
                    break;
                case 0x42:
                    r.ReadByte();
                    t = ComponentOrInstanceType(ref r, scope, nesting, component: false, at);
                    break;
                case 0x3f:
                    {
                        r.ReadByte();
                        if (!scope.IsComponent)
                        {
                            throw Invalid(at, "resources can only be defined within a concrete component");
                        }
                        int repAt = r.Position;
                        var rep = ModuleDecoder.ReadValType(ref r);
                        if (rep != ValType.I32)
                        {
                            throw Invalid(repAt, "resources can only be represented by `i32`");
                        }
                        int? dtor = null;
                        int hasAt = r.Position;
                        byte has = r.ReadByte();
                        if (has == 0x01)
                        {
                            int fAt = r.Position;
                            uint f = r.ReadU32();
                            var ft = At(scope.CoreFuncs, f, "core func", fAt);
                            if (!ft.Equals(new FuncType(new[] { ValType.I32 }, Array.Empty<ValType>())))
                            {
                                throw Invalid(fAt, $"wrong signature for a destructor: expected [i32] -> [], found {ft}");
                            }
                            dtor = (int)f;
                        }
                        else if (has != 0x00)
                        {
                            throw Malformed(hasAt, $"invalid leading byte (0x{has:x}) for optional destructor");
                        }
                        var res = new ResourceTypeDef { Representation = rep, Destructor = dtor };
                        scope.LocalResources.Add(res);
                        t = res;
                        break;
                    }
                default:
                    t = DefValType(ref r, scope);
                    break;
            }
            scope.Types.Add(t);
            return t;
        }

        private FuncTypeDef ReadFuncType(ref WasmReader r, Scope scope, int at)
        {
            int n = r.ReadCount(2);
            var ps = new List<Param>(n);
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < n; i++)
            {
                string label = Label(ref r, names, "function parameter");
                ps.Add(new Param(label, ReadValueType(ref r, scope)));
            }
            int rAt = r.Position;
            byte kind = r.ReadByte();
            ValueTypeDef? result = null;
            if (kind == 0x00)
            {
                result = ReadValueType(ref r, scope);
            }
            else if (kind == 0x01)
            {
                int zAt = r.Position;
                byte z = r.ReadByte();
                if (z != 0x00)
                {
                    throw Malformed(zAt, $"invalid leading byte (0x{z:x}) for number of results");
                }
            }
            else
            {
                throw Malformed(rAt, $"invalid leading byte (0x{kind:x}) for component function results");
            }
            if (result != null && TypeRelations.Contains(result, x => x is HandleTypeDef { IsBorrow: true }))
            {
                throw Invalid(rAt, "function result cannot contain a `borrow` type");
            }
            return new FuncTypeDef { Params = ps, Result = result, Depth = DepthOf(ps.Select(p => (TypeDef)p.Type).Append(result), at) };
        }

        private static string Label(ref WasmReader r, HashSet<string> names, string what)
        {
            int at = r.Position;
            string label = r.ReadName();
            if (!ExternNames.IsLabel(label))
            {
                throw Invalid(at, $"{what} name `{label}` is not in kebab case");
            }
            if (!names.Add(label.ToLowerInvariant()))
            {
                throw Invalid(at, $"{what} name `{label}` conflicts with previous {what} name");
            }
            return label;
        }

        private TypeDef ComponentOrInstanceType(ref WasmReader r, Scope scope, int nesting, bool component, int at)
        {
            if (nesting + 1 > MaxNesting)
            {
                throw Invalid(at, $"types nested too deeply (the limit is {MaxNesting})");
            }
            var inner = new Scope(scope, false, isInstanceType: !component) { Depth = nesting + 1 };
            int n = r.ReadCount();
            for (int i = 0; i < n; i++)
            {
                int dAt = r.Position;
                byte kind = r.ReadByte();
                switch (kind)
                {
                    case 0x00: CoreType(ref r, inner, nesting + 1); break;
                    case 0x01: DefType(ref r, inner, nesting + 1); break;
                    case 0x02:
                        {
                            int aAt = r.Position;
                            var alias = Alias(ref r, inner, declarator: true);
                            if (alias.Kind == AliasKind.InstanceExport && alias.Sort is not (Sort.Type or Sort.Instance))
                            {
                                throw Invalid(aAt, "export aliases in type declarations may only refer to types or instances");
                            }
                            break;
                        }
                    case 0x03 when component:
                        ImportDecl(ref r, inner, nesting + 1);
                        break;
                    case 0x04: ExportDecl(ref r, inner); break;
                    default:
                        throw Malformed(dAt, $"invalid leading byte (0x{kind:x}) for {(component ? "component" : "instance")} type declaration");
                }
            }
            int depth = DepthOf(inner.Imports.Concat(inner.Exports).Select(e => e.Desc.Type as TypeDef), at);
            if (component)
            {
                var ct = new ComponentTypeDef { Depth = depth };
                ct.Imports.AddRange(inner.Imports);
                ct.Exports.AddRange(inner.Exports);
                return ct;
            }
            return new InstanceTypeDef { Depth = depth }.With(inner.Exports);
        }

        private ValueTypeDef ReadValueType(ref WasmReader r, Scope scope)
        {
            int at = r.Position;
            byte b = r.PeekByte();
            if (b is >= 0x73 and <= 0x7f)
            {
                r.ReadByte();
                return PrimitiveTypeDef.Of((PrimitiveKind)b);
            }
            if (b == 0x64)
            {
                throw NotYet(at, "error-context");
            }
            long idx = r.ReadS33();
            if (idx < 0)
            {
                throw Malformed(at, $"invalid leading byte (0x{b:x}) for component value type");
            }
            var t = At(scope.Types, (uint)Math.Min(idx, uint.MaxValue), "type", at);
            return t as ValueTypeDef ?? throw Invalid(at, $"type index {idx} is not a defined type");
        }

        private ValueTypeDef DefValType(ref WasmReader r, Scope scope)
        {
            int at = r.Position;
            byte b = r.ReadByte();
            switch (b)
            {
                case >= 0x73 and <= 0x7f:
                    return PrimitiveTypeDef.Of((PrimitiveKind)b);
                case 0x64:
                    throw NotYet(at, "error-context");
                case 0x72:
                    {
                        int n = NonEmptyCount(ref r, 2, at, "record type must have at least one field");
                        var names = new HashSet<string>(StringComparer.Ordinal);
                        var fields = new List<Field>(n);
                        for (int i = 0; i < n; i++)
                        {
                            string l = Label(ref r, names, "record field");
                            fields.Add(new Field(l, ReadValueType(ref r, scope)));
                        }
                        return new RecordTypeDef { Fields = fields, Depth = DepthOf(fields.Select(f => f.Type), at) };
                    }
                case 0x71:
                    {
                        int n = NonEmptyCount(ref r, 3, at, "variant type must have at least one case");
                        var names = new HashSet<string>(StringComparer.Ordinal);
                        var cases = new List<Case>(n);
                        for (int i = 0; i < n; i++)
                        {
                            string l = Label(ref r, names, "variant case");
                            var t = OptionalValType(ref r, scope);
                            int zAt = r.Position;
                            if (r.ReadByte() != 0x00)
                            {
                                throw Malformed(zAt, "variant case refinement is not supported");
                            }
                            cases.Add(new Case(l, t));
                        }
                        return new VariantTypeDef { Cases = cases, Depth = DepthOf(cases.Select(c => c.Type), at) };
                    }
                case 0x70:
                    {
                        var e = ReadValueType(ref r, scope);
                        return new ListTypeDef { Element = e, Depth = DepthOf(new[] { e }, at) };
                    }
                case 0x67:
                    {
                        var e = ReadValueType(ref r, scope);
                        int lAt = r.Position;
                        uint len = r.ReadU32();
                        if (len == 0)
                        {
                            throw Invalid(lAt, "fixed-length list must have a length greater than zero");
                        }
                        return new ListTypeDef { Element = e, Length = len, Depth = DepthOf(new[] { e }, at) };
                    }
                case 0x6f:
                    {
                        int n = NonEmptyCount(ref r, 1, at, "tuple type must have at least one type");
                        var ts = new List<ValueTypeDef>(n);
                        for (int i = 0; i < n; i++)
                        {
                            ts.Add(ReadValueType(ref r, scope));
                        }
                        return new TupleTypeDef { Types = ts, Depth = DepthOf(ts, at) };
                    }
                case 0x6e:
                    {
                        var names = Labels(ref r, at, "flag");
                        if (names.Count > 32)
                        {
                            throw Invalid(at, "cannot have more than 32 flags");
                        }
                        return new FlagsTypeDef { Names = names };
                    }
                case 0x6d:
                    return new EnumTypeDef { Names = Labels(ref r, at, "enum tag") };
                case 0x6b:
                    {
                        var t = ReadValueType(ref r, scope);
                        return new OptionTypeDef { Type = t, Depth = DepthOf(new[] { t }, at) };
                    }
                case 0x6a:
                    {
                        var ok = OptionalValType(ref r, scope);
                        var err = OptionalValType(ref r, scope);
                        return new ResultTypeDef { Ok = ok, Error = err, Depth = DepthOf(new[] { ok, err }, at) };
                    }
                case 0x69 or 0x68:
                    {
                        int idxAt = r.Position;
                        uint idx = r.ReadU32();
                        if (At(scope.Types, idx, "type", idxAt) is not ResourceTypeDef res)
                        {
                            throw Invalid(idxAt, $"type index {idx} is not a resource type");
                        }
                        return new HandleTypeDef { Resource = res, IsBorrow = b == 0x68, Depth = 2 };
                    }
                case 0x66: throw NotYet(at, "stream");
                case 0x65: throw NotYet(at, "future");
                case 0x63:
                    {
                        int keyAt = r.Position;
                        var key = ReadValueType(ref r, scope);
                        if (key is not PrimitiveTypeDef { Kind: not (PrimitiveKind.F32 or PrimitiveKind.F64) })
                        {
                            throw Invalid(keyAt, "map key must be a boolean, integer, char or string type");
                        }
                        var value = ReadValueType(ref r, scope);
                        return new MapTypeDef { Key = key, Value = value, Depth = DepthOf(new[] { key, value }, at) };
                    }
                default:
                    throw Malformed(at, $"invalid leading byte (0x{b:x}) for component defined type");
            }
        }

        private static int NonEmptyCount(ref WasmReader r, int minElementSize, int at, string message)
        {
            int n = r.ReadCount(minElementSize);
            return n > 0 ? n : throw Invalid(at, message);
        }

        private List<string> Labels(ref WasmReader r, int at, string what)
        {
            int n = NonEmptyCount(ref r, 1, at, $"{what} list must not be empty");
            var names = new HashSet<string>(StringComparer.Ordinal);
            var list = new List<string>(n);
            for (int i = 0; i < n; i++)
            {
                list.Add(Label(ref r, names, what));
            }
            return list;
        }

        private ValueTypeDef? OptionalValType(ref WasmReader r, Scope scope)
        {
            int at = r.Position;
            byte b = r.ReadByte();
            return b switch
            {
                0x00 => null,
                0x01 => ReadValueType(ref r, scope),
                _ => throw Malformed(at, $"invalid leading byte (0x{b:x}) for optional value type"),
            };
        }

        // ---- canonical definitions and start ----

        private static readonly Dictionary<byte, string> AsyncBuiltins = new()
        {
            [0x05] = "task.cancel", [0x06] = "subtask.cancel", [0x09] = "task.return", [0x0a] = "context.get",
            [0x0b] = "context.set", [0x0c] = "thread.yield", [0x0d] = "subtask.drop", [0x0e] = "stream.new",
            [0x0f] = "stream.read", [0x10] = "stream.write", [0x11] = "stream.cancel-read", [0x12] = "stream.cancel-write",
            [0x13] = "stream.drop-readable", [0x14] = "stream.drop-writable", [0x15] = "future.new", [0x16] = "future.read",
            [0x17] = "future.write", [0x18] = "future.cancel-read", [0x19] = "future.cancel-write",
            [0x1a] = "future.drop-readable", [0x1b] = "future.drop-writable", [0x1c] = "error-context.new",
            [0x1d] = "error-context.debug-message", [0x1e] = "error-context.drop", [0x1f] = "waitable-set.new",
            [0x20] = "waitable-set.wait", [0x21] = "waitable-set.poll", [0x22] = "waitable-set.drop", [0x23] = "waitable.join",
            [0x24] = "backpressure.inc", [0x25] = "backpressure.dec", [0x26] = "thread.index", [0x27] = "thread.new-indirect",
            [0x28] = "thread.resume-later", [0x29] = "thread.suspend", [0x2a] = "thread.suspend-then-resume",
            [0x2b] = "thread.yield-then-resume", [0x2c] = "thread.suspend-then-promote", [0x2d] = "thread.yield-then-promote",
            [0x40] = "thread.spawn-ref", [0x41] = "thread.spawn-indirect", [0x42] = "thread.available-parallelism",
        };

        private static void Canon(ref WasmReader r, WasmComponent c, Scope scope)
        {
            int at = r.Position;
            byte op = r.ReadByte();
            switch (op)
            {
                case 0x00:
                    {
                        ExpectSortByte(ref r, "core func");
                        int fAt = r.Position;
                        uint f = r.ReadU32();
                        var core = At(scope.CoreFuncs, f, "core func", fAt);
                        int optsAt = r.Position;
                        var opts = Options(ref r, scope);
                        var ft = TypeAt<FuncTypeDef>(ref r, scope, "a function type");
                        var expected = TypeRelations.FlattenFunc(ft, lift: true, out bool paramsSpill, out _);
                        if (!core.Equals(expected))
                        {
                            throw Invalid(fAt, $"lowered function type mismatch: expected {expected}, found {core}");
                        }
                        bool paramPointers = paramsSpill || ft.Params.Any(p => TypeRelations.HasPointers(p.Type));
                        bool anyPointers = paramPointers || (ft.Result != null && TypeRelations.HasPointers(ft.Result)) || expected.Results.Length == 1 && ft.Result != null && TypeRelations.Flatten(new[] { ft.Result }, 1) == null;
                        CheckOptions(opts, scope, optsAt, needsMemory: anyPointers, needsRealloc: paramPointers, lift: true, postReturn: expected.Results);
                        c.Items.Add(new CanonItem(at, CanonKind.Lift, (int)f, opts, ft, null, core));
                        scope.Funcs.Add(ft);
                        break;
                    }
                case 0x01:
                    {
                        ExpectSortByte(ref r, "func");
                        int fAt = r.Position;
                        uint f = r.ReadU32();
                        var ft = At(scope.Funcs, f, "func", fAt);
                        int optsAt = r.Position;
                        var opts = Options(ref r, scope);
                        var core = TypeRelations.FlattenFunc(ft, lift: false, out bool paramsSpill, out bool resultsSpill);
                        bool resultPointers = ft.Result != null && TypeRelations.HasPointers(ft.Result);
                        bool anyPointers = paramsSpill || resultsSpill || resultPointers || ft.Params.Any(p => TypeRelations.HasPointers(p.Type));
                        CheckOptions(opts, scope, optsAt, needsMemory: anyPointers, needsRealloc: resultPointers, lift: false, postReturn: null);
                        c.Items.Add(new CanonItem(at, CanonKind.Lower, (int)f, opts, ft, null, core));
                        scope.CoreFuncs.Add(core);
                        break;
                    }
                case 0x02 or 0x03 or 0x04:
                    {
                        int tAt = r.Position;
                        uint t = r.ReadU32();
                        if (At(scope.Types, t, "type", tAt) is not ResourceTypeDef res)
                        {
                            throw Invalid(tAt, $"type index {t} is not a resource type");
                        }
                        var kind = op == 0x02 ? CanonKind.ResourceNew : op == 0x03 ? CanonKind.ResourceDrop : CanonKind.ResourceRep;
                        if (kind != CanonKind.ResourceDrop && !scope.LocalResources.Contains(res))
                        {
                            throw Invalid(tAt, $"resource.{(kind == CanonKind.ResourceNew ? "new" : "rep")} requires a resource type defined in this component");
                        }
                        var i32 = new[] { ValType.I32 };
                        var none = Array.Empty<ValType>();
                        var core = kind switch
                        {
                            CanonKind.ResourceNew => new FuncType(i32, i32),
                            CanonKind.ResourceDrop => new FuncType(i32, none),
                            _ => new FuncType(i32, i32),
                        };
                        c.Items.Add(new CanonItem(at, kind, (int)t, CanonOptions.None, null, res, core));
                        scope.CoreFuncs.Add(core);
                        break;
                    }
                default:
                    if (AsyncBuiltins.TryGetValue(op, out var name))
                    {
                        throw NotYet(at, name);
                    }
                    throw Malformed(at, $"invalid leading byte (0x{op:x}) for canonical function");
            }
        }

        private static void ExpectSortByte(ref WasmReader r, string what)
        {
            int at = r.Position;
            if (r.ReadByte() != 0x00)
            {
                throw Malformed(at, $"invalid leading byte for {what} sort in a canonical function");
            }
        }

        private static CanonOptions Options(ref WasmReader r, Scope scope)
        {
            int n = r.ReadCount();
            StringEncoding? enc = null;
            int? memory = null, realloc = null, postReturn = null;
            for (int i = 0; i < n; i++)
            {
                int at = r.Position;
                byte op = r.ReadByte();
                switch (op)
                {
                    case 0x00 or 0x01 or 0x02:
                        if (enc != null)
                        {
                            throw Invalid(at, "canonical encoding option conflicts with another encoding option");
                        }
                        enc = (StringEncoding)op;
                        break;
                    case 0x03:
                        {
                            int idxAt = r.Position;
                            uint m = r.ReadU32();
                            At(scope.CoreMemories, m, "core memory", idxAt);
                            memory = memory == null ? (int)m : throw Invalid(at, "`memory` is specified more than once");
                            break;
                        }
                    case 0x04:
                        {
                            int idxAt = r.Position;
                            uint f = r.ReadU32();
                            var ft = At(scope.CoreFuncs, f, "core func", idxAt);
                            if (!ft.Equals(new FuncType(new[] { ValType.I32, ValType.I32, ValType.I32, ValType.I32 }, new[] { ValType.I32 })))
                            {
                                throw Invalid(idxAt, $"canonical option `realloc` uses a core function with an incorrect signature: expected [i32 i32 i32 i32] -> [i32], found {ft}");
                            }
                            realloc = realloc == null ? (int)f : throw Invalid(at, "`realloc` is specified more than once");
                            break;
                        }
                    case 0x05:
                        {
                            int idxAt = r.Position;
                            uint f = r.ReadU32();
                            At(scope.CoreFuncs, f, "core func", idxAt);
                            postReturn = postReturn == null ? (int)f : throw Invalid(at, "`post-return` is specified more than once");
                            break;
                        }
                    case 0x06: throw NotYet(at, "async");
                    case 0x07: throw NotYet(at, "callback");
                    default: throw Malformed(at, $"invalid leading byte (0x{op:x}) for canonical option");
                }
            }
            return new CanonOptions(enc ?? StringEncoding.Utf8, memory, realloc, postReturn);
        }

        private static void CheckOptions(CanonOptions o, Scope scope, int at, bool needsMemory, bool needsRealloc, bool lift, ValType[]? postReturn)
        {
            if (needsMemory && o.Memory == null)
            {
                throw Invalid(at, "canonical option `memory` is required");
            }
            if (needsRealloc && o.Realloc == null)
            {
                throw Invalid(at, "canonical option `realloc` is required");
            }
            if (o.PostReturn is int pr)
            {
                if (!lift)
                {
                    throw Invalid(at, "canonical option `post-return` cannot be specified for lowerings");
                }
                var ft = scope.CoreFuncs[pr];
                var want = new FuncType(postReturn!, Array.Empty<ValType>());
                if (!ft.Equals(want))
                {
                    throw Invalid(at, $"canonical option `post-return` uses a core function with an incorrect signature: expected {want}, found {ft}");
                }
            }
        }

        private static void Start(ref WasmReader r, WasmComponent c, Scope scope)
        {
            int at = r.Position;
            int fAt = r.Position;
            uint f = r.ReadU32();
            var ft = At(scope.Funcs, f, "func", fAt);
            int n = r.ReadCount();
            if (n > 0)
            {
                throw NotYet(at, "value definitions");
            }
            uint results = r.ReadU32();
            if (results > 0 || ft.Params.Count > 0 || ft.Result != null)
            {
                throw ft.Params.Count != n || (ft.Result == null ? 0u : 1u) != results
                    ? Invalid(at, "component start function arguments or results do not match its type")
                    : NotYet(at, "value definitions");
            }
            c.Items.Add(new StartItem(at, (int)f));
        }
    }

    private static InstanceTypeDef With(this InstanceTypeDef t, IEnumerable<NamedExtern> exports)
    {
        t.Exports.AddRange(exports);
        return t;
    }
}
