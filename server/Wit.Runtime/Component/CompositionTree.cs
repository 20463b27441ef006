using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Runtime.Binary;

namespace Wit.Runtime.Component;

/// <summary>What a module or component index refers to: a definition in the binary, or an import/alias (unknown statically).</summary>
public sealed record ModuleRef(WasmModule? Module, int Offset, string Origin);

public sealed record ComponentRef(CompositionNode? Node, string Origin);

/// <summary>A core instance: which module it instantiates (when known) and with which instances, or its inline exports.</summary>
public sealed record CoreInstanceNode(int Index, int? ModuleIndex, ModuleRef? Module, IReadOnlyList<CoreInstantiateArg> Args, IReadOnlyList<CoreInlineExport> Exports, string? Origin);

/// <summary>A component instance: which component it instantiates (when known) and with what, or its inline exports.</summary>
public sealed record InstanceNode(int Index, int? ComponentIndex, ComponentRef? Component, IReadOnlyList<InstantiateArg> Args, IReadOnlyList<InstantiateArg> Exports, string? Origin);

/// <summary>
/// The static instance tree of a component: its module, component, core instance and instance index spaces resolved
/// to definitions (through outer aliases into enclosing components), and how many linear memories one instantiation
/// creates (<see cref="InstantiatedMemories"/>: memories defined by every instantiated module, nested instantiations
/// included). Each nested component definition is one node however often it is instantiated; counts multiply, and
/// saturate at <see cref="long.MaxValue"/>.
/// </summary>
public sealed class CompositionNode
{
    private long? _memories;
    private bool _counting;

    private CompositionNode(WasmComponent component, CompositionNode? parent)
    {
        Component = component;
        Parent = parent;
    }

    public WasmComponent Component { get; }
    public CompositionNode? Parent { get; }
    public List<ModuleRef> Modules { get; } = new();
    public List<ComponentRef> Components { get; } = new();
    public List<CoreInstanceNode> CoreInstances { get; } = new();
    public List<InstanceNode> Instances { get; } = new();
    /// <summary>The component definitions nested in this one, in binary order.</summary>
    public List<CompositionNode> Nested { get; } = new();

    public static CompositionNode Build(WasmComponent component) => Build(component, null);

    private static CompositionNode Build(WasmComponent component, CompositionNode? parent)
    {
        var node = new CompositionNode(component, parent);
        foreach (var item in component.Items)
        {
            switch (item)
            {
                case CoreModuleItem m:
                    node.Modules.Add(new ModuleRef(m.Module, m.ModuleOffset, $"module defined at 0x{m.ModuleOffset:x}"));
                    break;
                case NestedComponentItem n:
                    {
                        var child = Build(n.Component, node);
                        node.Nested.Add(child);
                        node.Components.Add(new ComponentRef(child, $"component defined at 0x{n.Offset:x}"));
                        break;
                    }
                case CoreInstanceItem ci:
                    node.CoreInstances.Add(new CoreInstanceNode(node.CoreInstances.Count, ci.Module,
                        ci.Module is int mi ? node.Modules[mi] : null, ci.Args, ci.Exports, null));
                    break;
                case InstanceItem ii:
                    node.Instances.Add(new InstanceNode(node.Instances.Count, ii.Component,
                        ii.Component is int cix ? node.Components[cix] : null, ii.Args, ii.Exports, null));
                    break;
                case AliasItem a:
                    node.AddAlias(a);
                    break;
                case ImportItem im:
                    node.AddImported(im.Desc.Sort, $"import `{im.Name}`");
                    break;
                case ExportItem ex:
                    node.AddExported(ex);
                    break;
            }
        }
        return node;
    }

    private void AddAlias(AliasItem a)
    {
        string origin = a.Kind switch
        {
            AliasKind.InstanceExport => $"export `{a.Name}` of instance {a.Index}",
            AliasKind.CoreInstanceExport => $"export `{a.Name}` of core instance {a.Index}",
            _ => $"outer alias {a.OuterCount} {a.Index}",
        };
        var target = this;
        if (a.Kind == AliasKind.Outer)
        {
            for (int i = 0; i < a.OuterCount && target.Parent != null; i++)
            {
                target = target.Parent;
            }
        }
        switch (a.Sort)
        {
            case Sort.CoreModule:
                Modules.Add(a.Kind == AliasKind.Outer ? target.Modules[a.Index] : new ModuleRef(null, -1, origin));
                break;
            case Sort.Component:
                Components.Add(a.Kind == AliasKind.Outer ? target.Components[a.Index] : new ComponentRef(null, origin));
                break;
            case Sort.CoreInstance:
                CoreInstances.Add(new CoreInstanceNode(CoreInstances.Count, null, null, Array.Empty<CoreInstantiateArg>(), Array.Empty<CoreInlineExport>(), origin));
                break;
            case Sort.Instance:
                Instances.Add(new InstanceNode(Instances.Count, null, null, Array.Empty<InstantiateArg>(), Array.Empty<InstantiateArg>(), origin));
                break;
        }
    }

    private void AddImported(ExternSort sort, string origin)
    {
        switch (sort)
        {
            case ExternSort.CoreModule: Modules.Add(new ModuleRef(null, -1, origin)); break;
            case ExternSort.Component: Components.Add(new ComponentRef(null, origin)); break;
            case ExternSort.Instance:
                Instances.Add(new InstanceNode(Instances.Count, null, null, Array.Empty<InstantiateArg>(), Array.Empty<InstantiateArg>(), origin));
                break;
        }
    }

    // An export is a new index of the same item (the same definition).
    private void AddExported(ExportItem ex)
    {
        switch (ex.Sort)
        {
            case Sort.CoreModule: Modules.Add(Modules[ex.Index]); break;
            case Sort.Component: Components.Add(Components[ex.Index]); break;
            case Sort.Instance:
                // The same instance under a new index: not a second instantiation.
                Instances.Add(new InstanceNode(Instances.Count, null, null, Array.Empty<InstantiateArg>(), Array.Empty<InstantiateArg>(),
                    $"export `{ex.Name}` of instance {ex.Index}"));
                break;
        }
    }

    /// <summary>Memories a module defines (its imported memories belong to another instance).</summary>
    public static int DefinedMemories(WasmModule m) => m.Memories.Count - m.ImportedMemoryCount;

    /// <summary>How many linear memories one instantiation of this component creates.</summary>
    public long InstantiatedMemories => CountMemories();

    private long CountMemories()
    {
        if (_memories is long known)
        {
            return known;
        }
        if (_counting)
        {
            return 0; // cannot happen for a valid component (no component instantiates itself)
        }
        _counting = true;
        long total = 0;
        foreach (var ci in CoreInstances)
        {
            if (ci.Module?.Module is WasmModule m)
            {
                total = Add(total, DefinedMemories(m));
            }
        }
        foreach (var i in Instances)
        {
            if (i.Component?.Node is CompositionNode n && i.ComponentIndex != null)
            {
                total = Add(total, n.CountMemories());
            }
        }
        _counting = false;
        _memories = total;
        return total;
    }

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    /// <summary>Every memory one instantiation creates, with the path of instances that creates it (at most <paramref name="limit"/>).</summary>
    public List<(string Path, MemoryType Memory)> MemoryList(int limit = 1000)
    {
        var list = new List<(string, MemoryType)>();
        Collect("", list, limit, 0);
        return list;
    }

    private void Collect(string path, List<(string, MemoryType)> list, int limit, int depth)
    {
        foreach (var ci in CoreInstances)
        {
            if (ci.Module?.Module is WasmModule m)
            {
                for (int k = m.ImportedMemoryCount; k < m.Memories.Count && list.Count < limit; k++)
                {
                    list.Add(($"{path}core instance {ci.Index} (module {ci.ModuleIndex}) memory {k}", m.Memories[k]));
                }
            }
        }
        foreach (var i in Instances)
        {
            if (i.Component?.Node is CompositionNode n && i.ComponentIndex != null && list.Count < limit && depth < ComponentDecoder.MaxNesting)
            {
                n.Collect($"{path}instance {i.Index} > ", list, limit, depth + 1);
            }
        }
    }
}
