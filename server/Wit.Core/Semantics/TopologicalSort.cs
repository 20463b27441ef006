using System;
using System.Collections.Generic;

namespace Wit.Core.Semantics;

/// <summary>
/// The two orders wit-parser gives items that depend on each other, each with its way of naming a cycle: the visit of
/// packages (depth first) and the toposort of a package's interfaces and worlds and of a body's types (the first
/// ready item next). Input controls the depth and the size, so neither recurses.
/// </summary>
internal static class TopologicalSort
{
    /// <summary>
    /// wit-parser's visit of packages (<c>resolve/mod.rs</c>), which decides which package a cycle error names: nodes in
    /// the given order, each after its dependencies; the set of dependencies being visited (not of nodes) detects a
    /// cycle when a dependency is reached a second time, and <c>onCycle(dependency, edgeInfo)</c> is reported at that
    /// edge. A node is done once ordered, so a node met again while in progress walks its edges again until the
    /// repeated dependency stops it. Explicit stack, no recursion.
    /// </summary>
    public static List<T> UpstreamOrder<T, TInfo>(IEnumerable<T> nodes, Func<T, IEnumerable<(T Dependency, TInfo Info)>> dependencies,
        Action<T, TInfo> onCycle) where T : class
    {
        var order = new List<T>();
        var done = new HashSet<T>(ReferenceEqualityComparer<T>.Instance);
        var visiting = new HashSet<T>(ReferenceEqualityComparer<T>.Instance);
        var stack = new Stack<(T Node, IEnumerator<(T, TInfo)> Edges, T? Entered)>();
        foreach (var root in nodes)
        {
            if (done.Contains(root)) continue;
            stack.Push((root, dependencies(root).GetEnumerator(), null));
            while (stack.Count > 0)
            {
                var (node, edges, entered) = stack.Pop();
                if (entered is not null) visiting.Remove(entered);
                if (!edges.MoveNext())
                {
                    if (done.Add(node)) order.Add(node);
                    continue;
                }

                var (dependency, info) = edges.Current;
                if (!visiting.Add(dependency))
                {
                    onCycle(dependency, info);
                    stack.Push((node, edges, null));
                    continue;
                }

                // Come back to this node (leaving the dependency) after the dependency is visited.
                stack.Push((node, edges, dependency));
                if (done.Contains(dependency)) continue;
                stack.Push((dependency, dependencies(dependency).GetEnumerator(), null));
            }
        }

        return order;
    }

    /// <summary>
    /// wit-parser's <c>toposort</c> (<c>ast/toposort.rs</c>), which orders a package's interfaces and worlds and a
    /// body's types: of the nodes whose dependencies are all ordered, the first in the given order goes next (so an
    /// order that needs no change is kept, and one that does changes as little as it can). The nodes are
    /// <c>0..count-1</c>; <paramref name="dependencies"/> is asked once for each, in that order. When nodes are left
    /// in a cycle, upstream reports the first node left's first edge to another node left:
    /// <c>onCycle(dependency, edgeInfo)</c>. Here every edge from that node to that dependency is then set aside and
    /// the ordering goes on, so that every node is ordered and each further cycle is reported the same way.
    /// </summary>
    public static List<int> UpstreamToposort<TInfo>(int count, Func<int, IReadOnlyList<(int Dependency, TInfo Info)>> dependencies, Action<int, TInfo> onCycle)
    {
        var edges = new IReadOnlyList<(int Dependency, TInfo Info)>[count];
        var remaining = new int[count];

        // The nodes that depend on each node, one entry per edge, in one array (a node's are from start[node]).
        var start = new int[count + 1];
        for (int node = 0; node < count; node++)
        {
            var list = dependencies(node);
            edges[node] = list;
            remaining[node] = list.Count;
            foreach (var (dependency, _) in list) start[dependency + 1]++;
        }

        for (int node = 0; node < count; node++) start[node + 1] += start[node];
        var fill = new int[count];
        System.Array.Copy(start, fill, count);
        var dependents = new int[start[count]];
        for (int node = 0; node < count; node++)
        {
            foreach (var (dependency, _) in edges[node]) dependents[fill[dependency]++] = node;
        }

        var ready = new MinHeap(count);
        for (int node = 0; node < count; node++)
        {
            if (remaining[node] == 0) ready.Push(node);
        }

        var order = new List<int>(count);
        var ordered = new bool[count];
        HashSet<(int Node, int Dependency)>? setAside = null;
        int first = 0;
        while (true)
        {
            while (ready.Count > 0)
            {
                int node = ready.Pop();
                ordered[node] = true;
                order.Add(node);
                for (int d = start[node]; d < start[node + 1]; d++)
                {
                    int dependent = dependents[d];
                    if (setAside is not null && setAside.Contains((dependent, node))) continue;
                    if (--remaining[dependent] == 0) ready.Push(dependent);
                }
            }

            if (order.Count == count) return order;

            // A cycle: the first node left, and its first edge to a node left.
            while (ordered[first]) first++;
            var list = edges[first];
            int edge = 0;
            while (ordered[list[edge].Dependency] || (setAside is not null && setAside.Contains((first, list[edge].Dependency)))) edge++;
            int target = list[edge].Dependency;
            onCycle(target, list[edge].Info);
            (setAside ??= new HashSet<(int, int)>()).Add((first, target));
            for (int e = edge; e < list.Count; e++)
            {
                if (list[e].Dependency == target) remaining[first]--;
            }

            if (remaining[first] == 0) ready.Push(first);
        }
    }

    /// <summary>A binary heap of node numbers, the smallest first.</summary>
    private sealed class MinHeap
    {
        private readonly int[] _items;

        public MinHeap(int capacity) => _items = new int[capacity];

        public int Count { get; private set; }

        public void Push(int item)
        {
            int at = Count++;
            while (at > 0)
            {
                int parent = (at - 1) / 2;
                if (_items[parent] <= item) break;
                _items[at] = _items[parent];
                at = parent;
            }

            _items[at] = item;
        }

        public int Pop()
        {
            int top = _items[0];
            int last = _items[--Count];
            int at = 0;
            while (true)
            {
                int child = (2 * at) + 1;
                if (child >= Count) break;
                if (child + 1 < Count && _items[child + 1] < _items[child]) child++;
                if (_items[child] >= last) break;
                _items[at] = _items[child];
                at = child;
            }

            if (Count > 0) _items[at] = last;
            return top;
        }
    }

    private sealed class ReferenceEqualityComparer<T> : IEqualityComparer<T> where T : class
    {
        public static readonly ReferenceEqualityComparer<T> Instance = new();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
