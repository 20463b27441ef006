using System.Collections.Generic;
using Wit.Runtime.Binary;
using Wit.Runtime.Canonical;
using Wit.Runtime.Execution;

namespace Wit.Runtime.Component;

/// <summary>
/// The index spaces of one component instance while its definitions are replayed, each holding run-time values
/// (core functions, memories, modules, core instances' exports, component functions, instances, component
/// definitions; types as their decoded <see cref="TypeDef"/>), and the map from each of its resources (by
/// <see cref="ResourceTypeDef.Root"/>) to the <see cref="ResourceType"/> it is in this instance.
/// </summary>
internal sealed class ComponentFrame
{
    public ComponentFrame(WasmComponent component, ComponentFrame? enclosing, ComponentInstance instance, int depth)
    {
        Component = component;
        Enclosing = enclosing;
        Instance = instance;
        Depth = depth;
    }

    public WasmComponent Component { get; }

    /// <summary>The frame the component was defined in (what its outer aliases count from).</summary>
    public ComponentFrame? Enclosing { get; }

    public ComponentInstance Instance { get; }

    public int Depth { get; }

    public CanonicalInstance Canonical => Instance.Canonical!;

    public readonly List<FunctionInstance> CoreFuncs = new();
    public readonly List<TableInstance> CoreTables = new();
    public readonly List<MemoryInstance> CoreMemories = new();
    public readonly List<GlobalInstance> CoreGlobals = new();
    public readonly List<TagInstance> CoreTags = new();
    public int CoreTypes;
    public readonly List<WasmModule> CoreModules = new();
    public readonly List<Dictionary<string, ExternValue>> CoreInstances = new();
    public readonly List<ComponentFunction> Funcs = new();
    public readonly List<TypeDef> Types = new();
    public readonly List<ComponentDefinition> Components = new();
    public readonly List<ComponentInstance> Instances = new();

    public readonly Dictionary<ResourceTypeDef, ResourceType> Resources = new(ReferenceEqualityComparer.Instance);

    /// <summary>The run-time resource type of a decoded one; a resource this instance never bound is a usage error.</summary>
    public ResourceType ResourceOf(ResourceTypeDef resource) =>
        Resources.TryGetValue(resource.Root, out var type)
            ? type
            : throw new WasmException(WasmErrorKind.Usage, -1, $"the resource `{resource.Root.Name ?? resource.Name ?? "resource"}` has no type in this instance");

    /// <summary>The value of type index <paramref name="index"/> as an export or argument gives it: a resource's run-time type, else the type.</summary>
    public object TypeValue(int index)
    {
        var type = Types[index];
        return type is ResourceTypeDef r ? ResourceOf(r) : type;
    }

    /// <summary>The value at <paramref name="index"/> of a component-level sort (what an export, instantiation argument or bag holds).</summary>
    public object Value(Sort sort, int index) => sort switch
    {
        Sort.Func => Funcs[index],
        Sort.Type => TypeValue(index),
        Sort.Component => Components[index],
        Sort.Instance => Instances[index],
        Sort.CoreModule => CoreModules[index],
        _ => throw new WasmException(WasmErrorKind.Unsupported, -1, $"not yet supported: a {SortNames.Of(sort)} as a component-level value"),
    };

    /// <summary>The value at <paramref name="index"/> of a core sort.</summary>
    public ExternValue CoreValue(Sort sort, int index) => sort switch
    {
        Sort.CoreFunc => CoreFuncs[index],
        Sort.CoreTable => CoreTables[index],
        Sort.CoreMemory => CoreMemories[index],
        Sort.CoreGlobal => CoreGlobals[index],
        Sort.CoreTag => CoreTags[index],
        _ => throw new WasmException(WasmErrorKind.Unsupported, -1, $"not yet supported: a {SortNames.Of(sort)} as a core value"),
    };

    /// <summary>Appends a core value to its index space.</summary>
    public void AddCore(ExternValue value)
    {
        switch (value)
        {
            case FunctionInstance f: CoreFuncs.Add(f); break;
            case TableInstance t: CoreTables.Add(t); break;
            case MemoryInstance m: CoreMemories.Add(m); break;
            case GlobalInstance g: CoreGlobals.Add(g); break;
            case TagInstance t: CoreTags.Add(t); break;
        }
    }
}
