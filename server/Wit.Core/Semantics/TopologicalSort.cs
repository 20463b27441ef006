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

    private sealed class ReferenceEqualityComparer<T> : IEqualityComparer<T> where T : class
    {
        public static readonly ReferenceEqualityComparer<T> Instance = new();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
