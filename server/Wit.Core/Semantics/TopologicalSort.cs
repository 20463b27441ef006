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
    public static List<T> UpstreamOrder<T, TInfo>(IEnumerable<T> nodes, Func<T, IEnumerable<(T Dependency, TInfo Info)>> dependencies,
        Action<T, TInfo> onCycle) where T : class
    {
        // Every node ends in the order and the done set: made that large at once when the count is known.
        int count = nodes is ICollection<T> collection ? collection.Count : 0;
        var order = new List<T>(count);
        var done = new HashSet<T>(ReferenceEqualityComparer<T>.Instance);
#if NET
        done.EnsureCapacity(count);
#endif
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

    private sealed class ReferenceEqualityComparer<T> : IEqualityComparer<T> where T : class
    {
        public static readonly ReferenceEqualityComparer<T> Instance = new();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
