using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// <see cref="TopologicalSort.UpstreamToposort"/> against a plain statement of wit-parser's toposort over random graphs
/// with cycles and repeated edges: the next node is always the first one (in the given order) whose dependencies are
/// all ordered, and a cycle is reported at the first edge of the first node left that goes to a node left.
/// </summary>
public sealed class TopologicalSortTests
{
    [Fact]
    public void Orders_the_first_ready_node_next_and_reports_cycles_where_upstream_does()
    {
        var random = new Random(15);
        int withCycles = 0, reordered = 0;
        for (int graph = 0; graph < 500; graph++)
        {
            int count = random.Next(1, 30);
            var edges = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(count)).ToList()).ToList();
            var cycles = new List<(int, int)>();
            var order = TopologicalSort.UpstreamToposort<int>(count, node => edges[node].Select((d, i) => (d, i)).ToList(), (dependency, edge) => cycles.Add((dependency, edge)));
            var (expected, expectedCycles) = Reference(edges);
            Assert.Equal(expected, order);
            Assert.Equal(expectedCycles, cycles);
            Assert.Equal(count, order.Distinct().Count());
            if (cycles.Count > 0) withCycles++;
            if (!order.SequenceEqual(Enumerable.Range(0, count))) reordered++;
        }

        Assert.True(withCycles > 100, $"only {withCycles} graphs with cycles");
        Assert.True(reordered > 100, $"only {reordered} graphs reordered");
    }

    [Fact]
    public void A_node_ready_early_goes_before_one_that_waits_for_a_later_node()
    {
        // a uses c; b uses nothing: upstream resolves b, c, a (a depth-first walk would give c, a, b).
        var edges = new[] { new[] { 2 }, Array.Empty<int>(), Array.Empty<int>() };
        var order = TopologicalSort.UpstreamToposort<int>(3, node => edges[node].Select(d => (d, 0)).ToList(), (_, _) => throw new InvalidOperationException());
        Assert.Equal(new[] { 1, 2, 0 }, order);
    }

    [Fact]
    public void A_cycle_is_reported_at_the_first_node_left_even_when_it_only_leads_into_the_cycle()
    {
        // 0 -> 2, 1 -> 3, 2 -> 1, 3 -> 1: the cycle is 1 and 3; node 0 is left first, and its edge goes to 2.
        var edges = new[] { new[] { 2 }, new[] { 3 }, new[] { 1 }, new[] { 1 } };
        var cycles = new List<int>();
        var order = TopologicalSort.UpstreamToposort<int>(4, node => edges[node].Select(d => (d, 0)).ToList(), (dependency, _) => cycles.Add(dependency));
        Assert.Equal(2, cycles[0]);
        Assert.Equal(4, order.Count);
    }

    /// <summary>The rule, stated plainly: quadratic, no heap, no reverse edges.</summary>
    private static (List<int> Order, List<(int, int)> Cycles) Reference(List<List<int>> edges)
    {
        int count = edges.Count;
        var ordered = new bool[count];
        var setAside = new HashSet<(int, int)>();
        var order = new List<int>();
        var cycles = new List<(int, int)>();
        while (order.Count < count)
        {
            int next = Enumerable.Range(0, count).FirstOrDefault(n => !ordered[n] && edges[n].All(d => ordered[d] || setAside.Contains((n, d))), -1);
            if (next >= 0)
            {
                ordered[next] = true;
                order.Add(next);
                continue;
            }

            int first = Enumerable.Range(0, count).First(n => !ordered[n]);
            int edge = edges[first].FindIndex(d => !ordered[d] && !setAside.Contains((first, d)));
            cycles.Add((edges[first][edge], edge));
            setAside.Add((first, edges[first][edge]));
        }

        return (order, cycles);
    }
}
