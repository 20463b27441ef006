using System.Collections.Generic;
using System.Linq;
using Wit.Runtime.Execution;

namespace Wit.Runtime.Component;

/// <summary>
/// The live facts of a running component instance (<c>wit inspect --live</c>): its core instances with their current
/// memory and table sizes, its handle table's occupancy by resource, its child instances, the cost so far of each
/// function it exports (nested instance exports as <c>iface#name</c>), and of each imported function it called (the
/// host's, e.g. WASI's, where the realloc calls into the guest happen).
/// </summary>
public sealed record LiveInstanceFacts(
    string Name,
    IReadOnlyList<LiveCoreInstance> CoreInstances,
    IReadOnlyList<LiveHandles> Handles,
    IReadOnlyList<LiveFunctionCost> Functions,
    IReadOnlyList<LiveFunctionCost> ImportedFunctions,
    IReadOnlyList<LiveInstanceFacts> Children)
{
    /// <summary>Every linear memory of the instance and its children.</summary>
    public int MemoryCount => CoreInstances.Sum(c => c.MemoryPages.Count) + Children.Sum(c => c.MemoryCount);

    /// <summary>
    /// Reads the facts of <paramref name="instance"/> and of its children (as deep as instances nest, which the
    /// instantiation bounds). A memory shared by several core instances (imported by one from another) is reported
    /// where it is defined only.
    /// </summary>
    public static LiveInstanceFacts Of(ComponentInstance instance, string name = "root")
    {
        var seen = new HashSet<MemoryInstance>(ReferenceEqualityComparer.Instance);
        return Of(instance, name, seen);
    }

    private static LiveInstanceFacts Of(ComponentInstance instance, string name, HashSet<MemoryInstance> seen)
    {
        var cores = new List<LiveCoreInstance>();
        for (int i = 0; i < instance.CoreInstances.Count; i++)
        {
            var core = instance.CoreInstances[i];
            var pages = new List<uint>();
            var maxima = new List<ulong?>();
            foreach (var m in core.Memories)
            {
                if (seen.Add(m))
                {
                    pages.Add(m.Pages);
                    maxima.Add(m.Type.Limits.Max);
                }
            }

            cores.Add(new LiveCoreInstance(i, pages, core.Tables.Select(t => t.Size).ToList(), core.Globals.Length, maxima) { Module = core.Module });
        }

        var handles = new List<LiveHandles>();
        if (instance.Canonical is { } canonical)
        {
            foreach (var group in canonical.Handles.Entries.GroupBy(e => e.Handle.Type))
            {
                handles.Add(new LiveHandles(group.Key.Name, group.Count(e => e.Handle.Own), group.Count(e => !e.Handle.Own)));
            }
        }

        var functions = Costs(instance.Exports, calledOnly: false);
        var imported = Costs(instance.Imports, calledOnly: true);

        var children = new List<LiveInstanceFacts>();
        for (int i = 0; i < instance.Children.Count; i++)
        {
            children.Add(Of(instance.Children[i], $"{name}/{i}", seen));
        }

        return new LiveInstanceFacts(name, cores, handles, functions, imported, children);
    }

    /// <summary>The costs of the functions among <paramref name="values"/>, and of those of bags of functions (interfaces) as <c>iface#name</c>.</summary>
    private static List<LiveFunctionCost> Costs(IReadOnlyDictionary<string, object> values, bool calledOnly)
    {
        var costs = new List<LiveFunctionCost>();
        foreach (var (name, value) in values)
        {
            if (value is ComponentFunction f)
            {
                if (!calledOnly || f.Cost.Calls > 0) costs.Add(Cost(name, f));
            }
            else if (value is ComponentInstance { Component: null } bag)
            {
                foreach (var (member, inner) in bag.Exports)
                {
                    if (inner is ComponentFunction g && (!calledOnly || g.Cost.Calls > 0)) costs.Add(Cost($"{name}#{member}", g));
                }
            }
        }

        return costs;
    }

    private static LiveFunctionCost Cost(string name, ComponentFunction f) =>
        new(name, f.Cost.Calls, f.Cost.ReallocCalls, f.Cost.ReallocBytes, f.Cost.BytesCopied);
}
