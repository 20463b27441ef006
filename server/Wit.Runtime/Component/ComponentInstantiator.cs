using System;
using System.Collections.Generic;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Runtime.Binary;
using Wit.Runtime.Canonical;
using Wit.Runtime.Execution;

namespace Wit.Runtime.Component;

/// <summary>
/// Instantiates a decoded component on our engine by replaying its definitions in binary order
/// (<see cref="WasmComponent.Items"/>): core modules instantiated in one <see cref="Store"/> with their arguments,
/// aliases, <c>canon lift</c> (a <see cref="ComponentFunction"/> around <see cref="CanonicalCalls.CallLifted"/>),
/// <c>canon lower</c> (a host function around <see cref="CanonicalCalls.CallLowered"/>), the resource built-ins on the
/// instance's handle table, resource types fresh per instance with their destructors, nested components instantiated
/// with their arguments, imports from a <see cref="ComponentLinker"/> or given instances, exports and the start function.
/// </summary>
/// <remarks>
/// Every failure is a <see cref="WasmException"/>: Unlinkable for an import nothing satisfies, a trap for a trap during
/// instantiation. Nested instantiation recurses once per level of component nesting, which the decoder bounds
/// (<see cref="ComponentDecoder.MaxNesting"/>); <see cref="MaxDepth"/> bounds it again here.
/// </remarks>
public sealed class ComponentInstantiator
{
    /// <summary>How deeply component instances may nest inside each other.</summary>
    public const int MaxDepth = ComponentDecoder.MaxNesting + 1;

    private readonly Store _store;
    private readonly ComponentLinker? _linker;
    private readonly CanonicalCodec _codec = new(new CanonicalAbi());
    private readonly ComponentTypeConverter _types = new();

    private readonly IComponentCallObserver? _observer;

    private ComponentInstantiator(Store store, ComponentLinker? linker, IComponentCallObserver? observer)
    {
        _store = store;
        _linker = linker;
        _observer = observer;
    }

    /// <summary>
    /// Instantiates <paramref name="component"/>: each import from <paramref name="imports"/> by name (a
    /// <see cref="ComponentFunction"/>, <see cref="ComponentInstance"/> or <see cref="ResourceType"/>), else from
    /// <paramref name="linker"/>. The store defaults to a new one. A debugger's <paramref name="observer"/> sees every
    /// call that crosses a <c>canon lift</c> or <c>canon lower</c> of the instance, with its lifted values.
    /// </summary>
    public static ComponentInstance Instantiate(WasmComponent component, ComponentLinker? linker = null, IReadOnlyDictionary<string, object>? imports = null, Store? store = null,
        IComponentCallObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        var instantiator = new ComponentInstantiator(store ?? new Store(), linker, observer);
        var arguments = new Dictionary<string, object>(StringComparer.Ordinal);
        var relations = new TypeRelations();
        foreach (var im in component.Imports)
        {
            if (imports != null && imports.TryGetValue(im.Name, out var given))
            {
                if (StaticType(given) is { } actual && !relations.Matches(actual, im.Desc))
                {
                    throw new WasmException(WasmErrorKind.Unlinkable, -1, $"type mismatch for import `{im.Name}`: expected {ComponentWit.Extern(im.Desc)}, found {ComponentWit.Extern(actual)}");
                }

                arguments[im.Name] = given;
            }
            else if (instantiator.FromLinker(im) is { } linked)
            {
                arguments[im.Name] = linked;
            }
            else
            {
                throw new WasmException(WasmErrorKind.Unlinkable, -1, $"no definition for import `{im.Name}` ({ComponentWit.Extern(im.Desc)})");
            }
        }

        return instantiator.Run(new ComponentDefinition(component, null), arguments, 1);
    }

    /// <summary>
    /// The decoded type of a given import, to check against the import's: a function's (when no handle is in it: the
    /// resources of handles are run-time types here, without a decoded type to relate), or an instance's of a component
    /// instantiated on this engine (its exports' types; an expected <c>(sub resource)</c> accepts its resources). Null
    /// when there is nothing to check statically (host instances, resource types); <see cref="Bind"/> still checks sorts.
    /// </summary>
    private static ExternDesc? StaticType(object value)
    {
        switch (value)
        {
            case ComponentFunction f when !TypeRelations.Contains(f.Type, t => t is HandleTypeDef):
                return new ExternDesc(ExternSort.Func, f.Type);
            case ComponentInstance { Component: { } c }:
                {
                    var type = new InstanceTypeDef { Depth = c.Type.Depth };
                    type.Exports.AddRange(c.Exports);
                    return new ExternDesc(ExternSort.Instance, type);
                }
            default:
                return null;
        }
    }

    // ---- Imports from the host ------------------------------------------------------------------------------------

    private object? FromLinker(NamedExtern im)
    {
        if (_linker is null) return null;
        switch (im.Desc.Sort)
        {
            case ExternSort.Func when _linker.TryGetFunction("", im.Name, out var f):
                return HostFunction((FuncTypeDef)im.Desc.Type, f, im.Name);
            case ExternSort.Type when im.Desc.Type is ResourceTypeDef && _linker.TryGetResource("", im.Name, out var r):
                return r;
            case ExternSort.Type:
                return im.Desc.Type;
            case ExternSort.Instance when _linker.HasInstance(im.Name):
                {
                    var instance = new ComponentInstance(null, null, _store);
                    foreach (var e in ((InstanceTypeDef)im.Desc.Type).Exports)
                    {
                        object? value = e.Desc.Sort switch
                        {
                            ExternSort.Func when _linker.TryGetFunction(im.Name, e.Name, out var f) => HostFunction((FuncTypeDef)e.Desc.Type, f, im.Name + "#" + e.Name),
                            ExternSort.Type when e.Desc.Type is ResourceTypeDef && _linker.TryGetResource(im.Name, e.Name, out var r) => r,
                            ExternSort.Type when e.Desc.Type is not ResourceTypeDef => e.Desc.Type,
                            _ => null,
                        };
                        instance.Exports[e.Name] = value ?? throw new WasmException(WasmErrorKind.Unlinkable, -1, $"the host defines no `{e.Name}` ({ComponentWit.Extern(e.Desc)}) in `{im.Name}`");
                    }

                    return instance;
                }
            default:
                return null;
        }
    }

    /// <summary>A host function as a component function: an exception of the host's own is a trap of the call.</summary>
    private static ComponentFunction HostFunction(FuncTypeDef type, ComponentHostFunction function, string name) =>
        new(type, arguments =>
        {
            try
            {
                return function(arguments);
            }
            catch (Exception e) when (e is not WasmException)
            {
                throw new WasmException(WasmErrorKind.Trap, -1, $"host function failed: {e.GetType().Name}: {e.Message}", e);
            }
        }, new CallCost()) { Name = name };

    // ---- Replay ---------------------------------------------------------------------------------------------------

    private ComponentInstance Run(ComponentDefinition definition, Dictionary<string, object> arguments, int depth)
    {
        if (depth > MaxDepth) throw new WasmException(WasmErrorKind.Limit, -1, $"component instances nest deeper than {MaxDepth} levels");
        var component = definition.Component;
        var instance = new ComponentInstance(component, new CanonicalInstance(), _store) { Imports = arguments };
        var frame = new ComponentFrame(component, definition.Enclosing, instance, depth);
        foreach (var item in component.Items)
        {
            switch (item)
            {
                case CoreModuleItem m:
                    frame.CoreModules.Add(m.Module);
                    break;
                case CoreInstanceItem ci:
                    frame.CoreInstances.Add(CoreInstance(frame, ci));
                    break;
                case CoreTypeItem:
                    frame.CoreTypes++;
                    break;
                case NestedComponentItem n:
                    frame.Components.Add(new ComponentDefinition(n.Component, frame));
                    break;
                case InstanceItem ii:
                    frame.Instances.Add(Instance(frame, ii));
                    break;
                case AliasItem a:
                    Alias(frame, a);
                    break;
                case TypeItem t:
                    DefineType(frame, t.Type);
                    break;
                case CanonItem c:
                    Canon(frame, c);
                    break;
                case ImportItem im:
                    if (!arguments.TryGetValue(im.Name, out var argument))
                    {
                        throw new WasmException(WasmErrorKind.Unlinkable, -1, $"missing import named `{im.Name}`");
                    }

                    Add(frame, im.Desc, argument, im.Name);
                    break;
                case ExportItem e:
                    {
                        object value = frame.Value(e.Sort, e.Index);
                        instance.Exports[e.Name] = value;
                        Add(frame, e.Desc, value, e.Name);
                        break;
                    }
                case StartItem s:
                    frame.Funcs[s.Func].Invoke();
                    break;
            }
        }

        return instance;
    }

    /// <summary>Appends an imported or exported value to the index space of its sort, binding the resources its type names.</summary>
    private static void Add(ComponentFrame frame, ExternDesc desc, object value, string name)
    {
        Bind(frame, desc, value, name, 0);
        switch (desc.Sort)
        {
            case ExternSort.Func: frame.Funcs.Add((ComponentFunction)value); break;
            case ExternSort.Type: frame.Types.Add((TypeDef)desc.Type); break;
            case ExternSort.Instance: frame.Instances.Add((ComponentInstance)value); break;
            case ExternSort.Component: frame.Components.Add((ComponentDefinition)value); break;
            case ExternSort.CoreModule: frame.CoreModules.Add((WasmModule)value); break;
            default: throw new WasmException(WasmErrorKind.Unsupported, -1, $"not yet supported: value imports and exports (`{name}`)");
        }
    }

    /// <summary>
    /// Checks that <paramref name="value"/> is of <paramref name="desc"/>'s sort and records what each resource its type
    /// names is at run time (for an instance, through its exports, as deep as the instance type nests).
    /// </summary>
    private static void Bind(ComponentFrame frame, ExternDesc desc, object value, string name, int depth)
    {
        if (depth > ComponentDecoder.MaxNesting) throw new WasmException(WasmErrorKind.Limit, -1, $"instance types nest deeper than {ComponentDecoder.MaxNesting} levels");
        bool fits = desc.Sort switch
        {
            ExternSort.Func => value is ComponentFunction,
            ExternSort.Type => desc.Type is ResourceTypeDef ? value is ResourceType : value is TypeDef,
            ExternSort.Instance => value is ComponentInstance,
            ExternSort.Component => value is ComponentDefinition,
            ExternSort.CoreModule => value is WasmModule,
            _ => false,
        };
        if (!fits) throw new WasmException(WasmErrorKind.Unlinkable, -1, $"`{name}` is not a {ComponentWit.Extern(desc)}");
        if (desc.Type is ResourceTypeDef resource)
        {
            frame.Resources[resource.Root] = (ResourceType)value;
        }
        else if (desc.Type is InstanceTypeDef type)
        {
            var instance = (ComponentInstance)value;
            foreach (var e in type.Exports)
            {
                if (!instance.Exports.TryGetValue(e.Name, out var export))
                {
                    throw new WasmException(WasmErrorKind.Unlinkable, -1, $"`{name}` has no export named `{e.Name}`");
                }

                Bind(frame, e.Desc, export, $"{name}.{e.Name}", depth + 1);
            }
        }
    }

    private void DefineType(ComponentFrame frame, TypeDef type)
    {
        frame.Types.Add(type);
        if (type is ResourceTypeDef { Representation: not null, AliasOf: null } resource)
        {
            Action<uint>? destructor = null;
            if (resource.Destructor is int d)
            {
                var dtor = frame.CoreFuncs[d];
                destructor = rep => _store.Invoke(dtor, WasmValue.I32((int)rep));
            }

            frame.Resources[resource] = new ResourceType(resource.Name ?? "resource", frame.Canonical, destructor);
        }
    }

    // ---- Core instances -------------------------------------------------------------------------------------------

    private Dictionary<string, ExternValue> CoreInstance(ComponentFrame frame, CoreInstanceItem item)
    {
        var exports = new Dictionary<string, ExternValue>(StringComparer.Ordinal);
        if (item.Module is int m)
        {
            var arguments = new Dictionary<string, Dictionary<string, ExternValue>>(StringComparer.Ordinal);
            foreach (var arg in item.Args) arguments[arg.Name] = frame.CoreInstances[arg.Instance];
            var instance = _store.Instantiate(frame.CoreModules[m], im =>
                arguments.TryGetValue(im.Module, out var from) && from.TryGetValue(im.Name, out var value) ? value : null);
            frame.Instance.CoreInstances.Add(instance);
            foreach (var (name, value) in instance.Exports) exports[name] = value;
        }
        else
        {
            foreach (var e in item.Exports) exports[e.Name] = frame.CoreValue(e.Sort, e.Index);
        }

        return exports;
    }

    // ---- Component instances --------------------------------------------------------------------------------------

    private ComponentInstance Instance(ComponentFrame frame, InstanceItem item)
    {
        if (item.Component is int c)
        {
            var arguments = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var arg in item.Args) arguments[arg.Name] = frame.Value(arg.Sort, arg.Index);
            var child = Run(frame.Components[c], arguments, frame.Depth + 1);
            frame.Instance.Children.Add(child);
            // The instance's type (generative resources fresh for this instantiation) names what its exports are here.
            Bind(frame, new ExternDesc(ExternSort.Instance, frame.Component.Instances[frame.Instances.Count]), child, "instance", 0);
            return child;
        }

        var bag = new ComponentInstance(null, null, _store);
        foreach (var e in item.Exports) bag.Exports[e.Name] = frame.Value(e.Sort, e.Index);
        return bag;
    }

    private static void Alias(ComponentFrame frame, AliasItem alias)
    {
        switch (alias.Kind)
        {
            case AliasKind.InstanceExport:
                {
                    var instance = frame.Instances[alias.Index];
                    if (!instance.Exports.TryGetValue(alias.Name!, out var value))
                    {
                        throw new WasmException(WasmErrorKind.Unlinkable, -1, $"instance {alias.Index} has no export named `{alias.Name}`");
                    }

                    switch (alias.Sort, value)
                    {
                        case (Sort.Func, ComponentFunction f): frame.Funcs.Add(f); break;
                        case (Sort.Instance, ComponentInstance i): frame.Instances.Add(i); break;
                        case (Sort.Component, ComponentDefinition c): frame.Components.Add(c); break;
                        case (Sort.CoreModule, WasmModule m): frame.CoreModules.Add(m); break;
                        case (Sort.Type, _):
                            {
                                var type = frame.Component.Types[frame.Types.Count];
                                frame.Types.Add(type);
                                if (type is ResourceTypeDef r && value is ResourceType rt) frame.Resources[r.Root] = rt;
                                break;
                            }
                        case (Sort.Func or Sort.Instance or Sort.Component or Sort.CoreModule, _):
                            throw new WasmException(WasmErrorKind.Unlinkable, -1, $"export `{alias.Name}` of instance {alias.Index} is not a {SortNames.Of(alias.Sort)}");
                        default: throw new WasmException(WasmErrorKind.Unsupported, -1, $"not yet supported: an alias of a {SortNames.Of(alias.Sort)}");
                    }

                    break;
                }
            case AliasKind.CoreInstanceExport:
                {
                    var exports = frame.CoreInstances[alias.Index];
                    if (!exports.TryGetValue(alias.Name!, out var value))
                    {
                        throw new WasmException(WasmErrorKind.Unlinkable, -1, $"core instance {alias.Index} has no export named `{alias.Name}`");
                    }

                    frame.AddCore(value);
                    break;
                }
            default:
                {
                    var target = frame;
                    for (int i = 0; i < alias.OuterCount; i++)
                    {
                        target = target.Enclosing ?? throw new WasmException(WasmErrorKind.Invalid, -1, "an outer alias reaches past the outermost component");
                    }

                    switch (alias.Sort)
                    {
                        case Sort.CoreModule: frame.CoreModules.Add(target.CoreModules[alias.Index]); break;
                        case Sort.Component: frame.Components.Add(target.Components[alias.Index]); break;
                        case Sort.Type: frame.Types.Add(target.Types[alias.Index]); break;
                        case Sort.CoreType: frame.CoreTypes++; break;
                        default: throw new WasmException(WasmErrorKind.Invalid, -1, $"an outer alias of a {SortNames.Of(alias.Sort)}");
                    }

                    break;
                }
        }
    }

    // ---- Canonical functions --------------------------------------------------------------------------------------

    private void Canon(ComponentFrame frame, CanonItem item)
    {
        switch (item.Kind)
        {
            case CanonKind.Lift:
                frame.Funcs.Add(Lift(frame, item));
                break;
            case CanonKind.Lower:
                frame.CoreFuncs.Add(Lower(frame, item));
                break;
            default:
                frame.CoreFuncs.Add(ResourceBuiltin(frame, item));
                break;
        }
    }

    private ComponentFunction Lift(ComponentFrame frame, CanonItem item)
    {
        var type = item.Type!;
        var core = frame.CoreFuncs[item.Index];
        var cost = new CallCost();
        var function = Function(frame, type, item.Options, cost);
        var instance = frame.Instance;
        ComponentFunction? lifted = null;
        lifted = new ComponentFunction(type, arguments =>
        {
            if (instance.LockedDown) throw CanonicalTrapException.Of(CanonicalTrap.LockedDown, "cannot enter component instance: a call of it trapped before (lockdown)");
            if (instance.Entered) throw CanonicalTrapException.Of(CanonicalTrap.CannotEnter, "cannot enter component instance: it is already running a call (recursive entry)");
            instance.Entered = true;
            try
            {
                _observer?.Entering(lifted!, arguments, lifted: true);
                var result = CanonicalCalls.CallLifted(_codec, function, flat => _store.Invoke(core, flat), arguments);
                _observer?.Returned(lifted!, result, lifted: true);
                return result;
            }
            catch (WasmException e) when (e.Kind is WasmErrorKind.Trap or WasmErrorKind.Exhaustion)
            {
                // A trap inside the instance (its code, a lift or lower, a built-in, a callee it called) locks it down.
                instance.LockedDown = true;
                throw;
            }
            finally
            {
                instance.Entered = false;
            }
        }, cost);
        return lifted;
    }

    private HostFunction Lower(ComponentFrame frame, CanonItem item)
    {
        var callee = frame.Funcs[item.Index];
        var function = Function(frame, item.Type!, item.Options, callee.Cost);
        return new HostFunction(item.CoreType!, (caller, args, results) =>
        {
            var flat = CanonicalCalls.CallLowered(_codec, function, _observer is not { } observer ? callee.Invoke : lifted =>
            {
                observer.Entering(callee, lifted, lifted: false);
                var result = callee.Invoke(lifted);
                observer.Returned(callee, result, lifted: false);
                return result;
            }, args.ToArray());
            flat.CopyTo(results);
        }, "canon lower");
    }

    private HostFunction ResourceBuiltin(ComponentFrame frame, CanonItem item)
    {
        var type = frame.ResourceOf(item.Resource!);
        var canonical = frame.Canonical;
        return item.Kind switch
        {
            CanonKind.ResourceNew => new HostFunction(item.CoreType!, (caller, args, results) =>
                results[0] = WasmValue.I32((int)ResourceBuiltins.New(canonical, type, (uint)args[0].Bits)), "resource.new"),
            CanonKind.ResourceDrop => new HostFunction(item.CoreType!, (caller, args, results) =>
                ResourceBuiltins.Drop(canonical, type, (uint)args[0].Bits), "resource.drop"),
            _ => new HostFunction(item.CoreType!, (caller, args, results) =>
                results[0] = WasmValue.I32((int)ResourceBuiltins.Rep(canonical, type, (uint)args[0].Bits)), "resource.rep"),
        };
    }

    /// <summary>The parameter and result types, the resolved options and the resource map of a lift or lower.</summary>
    private CanonicalFunction Function(ComponentFrame frame, FuncTypeDef type, CanonOptions options, CallCost cost)
    {
        MemoryInstance? memory = options.Memory is int m ? frame.CoreMemories[m] : null;
        CanonicalRealloc? realloc = null;
        if (options.Realloc is int r)
        {
            var f = frame.CoreFuncs[r];
            realloc = (old, oldSize, alignment, newSize) =>
            {
                cost.ReallocCalls++;
                cost.ReallocBytes += (long)newSize;
                var result = _store.Invoke(f, WasmValue.I32((int)old), WasmValue.I32((int)oldSize), WasmValue.I32((int)alignment), WasmValue.I32((int)newSize));
                return (uint)result[0].Bits;
            };
        }

        CanonicalPostReturn? postReturn = null;
        if (options.PostReturn is int p)
        {
            var f = frame.CoreFuncs[p];
            postReturn = flat => _store.Invoke(f, flat);
        }

        var canonicalOptions = new CanonicalOptions
        {
            StringEncoding = options.Encoding switch
            {
                Component.StringEncoding.Utf16 => Canonical.StringEncoding.Utf16,
                Component.StringEncoding.Latin1Utf16 => Canonical.StringEncoding.Latin1Utf16,
                _ => Canonical.StringEncoding.Utf8,
            },
            Memory = memory,
            Realloc = realloc,
            PostReturn = postReturn,
            Copied = bytes => cost.BytesCopied += bytes,
        };
        return new CanonicalFunction(_types.Params(type), _types.Result(type), canonicalOptions, frame.Canonical, Resources(frame));
    }

    private Func<TypeDefinition, ResourceType> Resources(ComponentFrame frame) => definition =>
        _types.ResourceOf(definition) is { } resource
            ? frame.ResourceOf(resource)
            : throw new WasmException(WasmErrorKind.Usage, -1, $"`{definition}` is not a resource of this component");
}
