using System.Collections.Generic;
using Wit.Runtime.Canonical;
using Wit.Runtime.Execution;

namespace Wit.Runtime.Component;

/// <summary>
/// A running component instance on our engine (made by <see cref="ComponentInstantiator"/>), or an instance the host or
/// a bag of exports forms. <see cref="Exports"/> maps each export name to its value: a <see cref="ComponentFunction"/>,
/// a <see cref="ComponentInstance"/>, a <see cref="ResourceType"/> for a resource, a <see cref="TypeDef"/> for any
/// other type, a <see cref="WasmModule"/> for a core module, or a <see cref="ComponentDefinition"/> for a component.
/// </summary>
public sealed class ComponentInstance
{
    internal ComponentInstance(WasmComponent? component, CanonicalInstance? canonical, Store store)
    {
        Component = component;
        Canonical = canonical;
        Store = store;
    }

    /// <summary>The component this instantiates; null for a bag of exports or an instance of the host's.</summary>
    public WasmComponent? Component { get; }

    /// <summary>Its Canonical ABI state (handle table, may-leave); null for a bag of exports or the host's.</summary>
    public CanonicalInstance? Canonical { get; }

    /// <summary>The store its core instances live in (one per top-level instantiation).</summary>
    public Store Store { get; }

    public Dictionary<string, object> Exports { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The component instances made inside this one (instantiations of its nested or imported components), in order.</summary>
    public List<ComponentInstance> Children { get; } = new();

    /// <summary>The core instances this instance's definitions made (instantiations of core modules), in order.</summary>
    public List<Instance> CoreInstances { get; } = new();

    /// <summary>
    /// What this instance was instantiated with, by import name (the host's functions and instances, or another
    /// instance's); empty for a bag of exports or the host's. Live facts read the imported functions' costs from it.
    /// </summary>
    public IReadOnlyDictionary<string, object> Imports { get; internal set; } = new Dictionary<string, object>();

    /// <summary>Whether a lifted function of this instance is running (a second entry traps).</summary>
    internal bool Entered { get; set; }

    /// <summary>
    /// Whether a call of this instance trapped: the component model's lockdown (Explainer, "invariants"), after which
    /// every call of it traps, so that no state a trap left half-written is observed again.
    /// </summary>
    public bool LockedDown { get; internal set; }

    /// <summary>
    /// The exported function <paramref name="name"/>; <c>iface#name</c> (e.g. <c>wasi:cli/run@0.2.0#run</c>) names a
    /// function of an exported instance. A missing export is a <see cref="WasmException"/> of kind Usage.
    /// </summary>
    public ComponentFunction GetFunction(string name)
    {
        System.ArgumentNullException.ThrowIfNull(name);
        var owner = this;
        int hash = name.LastIndexOf('#');
        if (hash >= 0)
        {
            owner = GetInstance(name[..hash]) ?? throw Missing(name[..hash], "instance");
            name = name[(hash + 1)..];
        }

        return owner.Exports.TryGetValue(name, out var value) && value is ComponentFunction f ? f : throw Missing(name, "function");
    }

    /// <summary>The exported instance <paramref name="name"/>, or null.</summary>
    public ComponentInstance? GetInstance(string name) => Exports.TryGetValue(name, out var value) ? value as ComponentInstance : null;

    /// <summary>The exported resource type <paramref name="name"/>, or null.</summary>
    public ResourceType? GetResource(string name) => Exports.TryGetValue(name, out var value) ? value as ResourceType : null;

    private static WasmException Missing(string name, string what) =>
        new(WasmErrorKind.Usage, -1, $"the instance exports no {what} named `{name}`");
}
