using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// <see cref="TopologicalSort.UpstreamOrder"/> with the nodes' places given (flags by place, as the resolver orders a
/// body's types) orders and reports cycles exactly as with hash sets, over random graphs with cycles and repeated edges.
/// </summary>
public sealed class TopologicalSortTests
{
    private sealed class Node
    {
        public Node(int place) => Place = place;

        public int Place { get; }

        public List<Node> Edges { get; } = new();

        public override string ToString() => $"n{Place}";
    }

    [Fact]
    public void KnownPlacesGiveTheOrderAndCyclesOfHashSets()
    {
        var random = new Random(15);
        int withCycles = 0;
        for (int graph = 0; graph < 300; graph++)
        {
            var nodes = Enumerable.Range(0, random.Next(1, 30)).Select(i => new Node(i)).ToList();
            foreach (var node in nodes)
            {
                int edges = random.Next(0, 4);
                for (int e = 0; e < edges; e++) node.Edges.Add(nodes[random.Next(nodes.Count)]);
            }

            var (order, cycles) = Sort(nodes, placeOf: null);
            var (byPlace, cyclesByPlace) = Sort(nodes, node => node.Place);
            Assert.Equal(order, byPlace);
            Assert.Equal(cycles, cyclesByPlace);
            Assert.Equal(nodes.Count, order.Count);
            if (cycles.Count > 0) withCycles++;
        }

        Assert.True(withCycles > 50, $"only {withCycles} graphs with cycles");
    }

    private static (List<string> Order, List<string> Cycles) Sort(List<Node> nodes, Func<Node, int>? placeOf)
    {
        var cycles = new List<string>();
        var order = TopologicalSort.UpstreamOrder<Node, int>(nodes, node => node.Edges.Select((edge, i) => (edge, i)),
            (dependency, edge) => cycles.Add($"{dependency} by edge {edge}"), placeOf);
        return (order.Select(n => n.ToString()).ToList(), cycles);
    }
}
