using System;
using System.Collections.Generic;

namespace Wit.Core.Semantics;

/// <summary>
/// Depth-first topological order with an explicit stack (input controls the depth, so no recursion). Nodes are
/// visited in the given order; each node's dependencies come before it. An edge back to a node still being visited
/// is reported through <c>onCycle(current, dependency, edgeInfo)</c> and skipped.
/// </summary>
internal static class TopologicalSort
{
    public static List<T> Sort<T, TInfo>(IEnumerable<T> nodes, Func<T, IEnumerable<(T Dependency, TInfo Info)>> dependencies,
        Action<T, T, TInfo> onCycle) where T : class
    {
        var order = new List<T>();
        var state = new Dictionary<T, bool>(ReferenceEqualityComparer<T>.Instance); // false: visiting, true: done
        foreach (var root in nodes)
        {
            if (state.ContainsKey(root)) continue;
            var stack = new Stack<(T Node, IEnumerator<(T, TInfo)> Edges)>();
            state[root] = false;
            stack.Push((root, dependencies(root).GetEnumerator()));
            while (stack.Count > 0)
            {
                var (node, edges) = stack.Peek();
                if (!edges.MoveNext())
                {
                    stack.Pop();
                    state[node] = true;
                    order.Add(node);
                    continue;
                }

                var (dependency, info) = edges.Current;
                if (state.TryGetValue(dependency, out bool done))
                {
                    if (!done) onCycle(node, dependency, info);
                    continue;
                }

                state[dependency] = false;
                stack.Push((dependency, dependencies(dependency).GetEnumerator()));
            }
        }

        return order;
    }

    /// <summary>
    /// wit-parser's visit, which decides which item a cycle error names: nodes in the given order, each after its
    /// dependencies; the set of dependencies being visited (not of nodes) detects a cycle when a dependency is reached
    /// a second time, and <c>onCycle(dependency, edgeInfo)</c> is reported at that edge. A node is done once ordered,
    /// so a node met again while in progress walks its edges again until the repeated dependency stops it. Explicit
    /// stack, no recursion.
    /// </summary>
    /// <param name="placeOf">
    /// Where each node (every one a dependency can name) stands in <paramref name="nodes"/>, when the caller knows it
    /// without a table: the sets of nodes visited and done are then flags by place, not hash sets (a body of 25,000
    /// types hashed each twice).
    /// </param>
    public static List<T> UpstreamOrder<T, TInfo>(IEnumerable<T> nodes, Func<T, IEnumerable<(T Dependency, TInfo Info)>> dependencies,
        Action<T, TInfo> onCycle, Func<T, int>? placeOf = null) where T : class
    {
        // Every node ends in the order and the done set: made that large at once when the count is known.
        int count = nodes is ICollection<T> collection ? collection.Count : 0;
        var order = new List<T>(count);
        var done = new NodeSet<T>(placeOf, count);
        var visiting = new NodeSet<T>(placeOf, count);
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

    /// <summary>A set of nodes: flags by place when places are known (a place out of range goes to a hash set), else a hash set.</summary>
    private readonly struct NodeSet<T> where T : class
    {
        private readonly Func<T, int>? _placeOf;
        private readonly bool[]? _flags;
        private readonly HashSet<T> _others;

        public NodeSet(Func<T, int>? placeOf, int count)
        {
            _placeOf = placeOf;
            _flags = placeOf is null ? null : new bool[count];
            _others = new HashSet<T>(ReferenceEqualityComparer<T>.Instance);
#if NET
            if (placeOf is null) _others.EnsureCapacity(count);
#endif
        }

        public bool Contains(T node) => Place(node) is int place and >= 0 ? _flags![place] : _others.Contains(node);

        public bool Add(T node)
        {
            if (Place(node) is not (int place and >= 0)) return _others.Add(node);
            if (_flags![place]) return false;
            _flags[place] = true;
            return true;
        }

        public void Remove(T node)
        {
            if (Place(node) is int place and >= 0) _flags![place] = false;
            else _others.Remove(node);
        }

        private int Place(T node)
        {
            if (_placeOf is null) return -1;
            int place = _placeOf(node);
            return place < _flags!.Length ? place : -1;
        }
    }

    private sealed class ReferenceEqualityComparer<T> : IEqualityComparer<T> where T : class
    {
        public static readonly ReferenceEqualityComparer<T> Instance = new();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
