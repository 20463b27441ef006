using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wit.Core.Syntax;
using Xunit;

namespace Wit.Core.Tests.Wit;

/// <summary>
/// The parser's tables of shared elements start small and grow while they fill (GreenCache.InitialShare): growing
/// keeps every entry, so sharing is the same as if the table had had its size from the start, and a small parse
/// allocates little.
/// </summary>
public sealed class GreenCacheGrowthTests
{
    [Fact]
    public void The_string_table_keeps_exactly_what_a_direct_mapped_table_of_its_size_at_each_write_would_keep()
    {
        var cache = new GreenCache();
        int initial = cache.StringTableSlots;
        Assert.True(initial < GreenCache.FullStringTableSlots);

        // The reference: the entry in each slot of the table's size at the time of each write, newest wins.
        var model = new Dictionary<string, (string Instance, uint Hash)>();
        var sizes = new List<int>();
        for (int n = 0; n < 6000; n++)
        {
            string text = "x" + n + "-" + (n * 7919 % 1000);
            int slots = cache.StringTableSlots;
            if (sizes.Count == 0 || sizes[^1] != slots) sizes.Add(slots);
            string line = " " + text + " ";
            string interned = cache.Intern(line, 1, text.Length, out uint hash);
            Assert.Equal(text, interned);
            Assert.Equal(GreenCache.Hash(text), hash);
            foreach (var evicted in model.Where(entry => ((entry.Value.Hash ^ hash) & (uint)(slots - 1)) == 0).Select(entry => entry.Key).ToList()) model.Remove(evicted);
            model[text] = (interned, hash);

            if (n % 211 == 0 || n == 5999)
            {
                // Each text the reference keeps is given back as the very instance first made; no other text is.
                foreach (var (kept, entry) in model) Assert.Same(entry.Instance, cache.Intern(kept, 0, kept.Length, out _));
            }
        }

        Assert.Equal(GreenCache.FullStringTableSlots, cache.StringTableSlots);
        Assert.True(sizes.Count >= 3, string.Join(", ", sizes));
        Assert.True(model.Count > GreenCache.FullStringTableSlots / 2, $"{model.Count} kept");
    }

    [Fact]
    public void The_node_table_grown_holds_every_node_with_the_newer_of_two_first_where_they_meet()
    {
        // Distinct nodes to place: the inner nodes of a parsed file.
        var text = new StringBuilder("package a:b;\ninterface i {\n");
        for (int n = 0; n < 400; n++) text.Append("  f").Append(n).Append(": func(k").Append(n).Append(": u32, v: list<r").Append(n).Append(">);\n");
        var nodes = SyntaxTree.ParseWit(text.Append("}\n").ToString()).Root.DescendantNodes().Select(node => node.Green).Distinct().Take(600).ToList();

        var random = new System.Random(11);
        const int length = 256;
        var table = new (uint Hash, GreenNode? Node)[length];
        int next = 0;
        for (int set = 0; set < length; set += 2)
        {
            // Sets with two nodes, one, or none; hashes that fall in this set.
            for (int way = 0; way < 2 - random.Next(3) / 2 && way < 2; way++)
            {
                uint hash;
                do hash = (uint)random.NextInt64(0, 1L << 32);
                while (GreenCache.NodeSet(hash, length) != set);
                table[set + way] = (hash, nodes[next++]);
            }
        }

        int writes = 123;
        var grown = GreenCache.GrownNodes(table, ref writes);

        Assert.Equal(0, writes);
        Assert.Equal(length * 4, grown.Length);
        Assert.Equal(table.Count(entry => entry.Node is not null), grown.Count(entry => entry.Node is not null));
        for (int set = 0; set < length; set += 2)
        {
            var (newer, older) = (table[set], table[set + 1]);
            foreach (var entry in new[] { newer, older }.Where(entry => entry.Node is not null))
            {
                int index = GreenCache.NodeSet(entry.Hash, grown.Length);
                Assert.True(grown[index] == entry || grown[index + 1] == entry);
            }

            if (newer.Node is not null && older.Node is not null && GreenCache.NodeSet(newer.Hash, grown.Length) == GreenCache.NodeSet(older.Hash, grown.Length))
            {
                int index = GreenCache.NodeSet(newer.Hash, grown.Length);
                Assert.Equal(newer, grown[index]);
                Assert.Equal(older, grown[index + 1]);
            }
        }
    }

    [Fact]
    public void A_large_parse_shares_as_much_as_with_the_tables_at_full_size_from_the_start()
    {
        // Parameter lists written alike between thousands of new nodes, names and tokens: the tables grow twice during
        // the parse. A shared list is made again only when an entry it needs was replaced, as at full size.
        var text = new StringBuilder("package a:b;\ninterface i {\n");
        for (int n = 0; n < 3000; n++)
        {
            text.Append("  a").Append(n).Append(": func(key: string, id: u64);\n");
            text.Append("  f").Append(n).Append(": func(k: r").Append(n).Append(") -> r").Append(n + 1).Append(";\n");
        }

        var tree = SyntaxTree.ParseWit(text.Append("}\n").ToString());
        var shared = tree.Root.DescendantNodes()
            .Where(node => node.Kind == SyntaxKind.ParameterList && node.ToString() == "(key: string, id: u64)")
            .Select(node => node.Green)
            .ToList();

        Assert.Equal(3000, shared.Count);
        Assert.True(shared.Distinct().Count() < 30, $"{shared.Distinct().Count()} distinct lists");
        Assert.Equal(text.ToString(), tree.ToFullString());
    }
}
