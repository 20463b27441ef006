using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// <see cref="NameMap{T}"/>: an insertion-ordered map of names (wit-parser's index maps). Each operation is checked
/// against a plain list of the entries as the reference: adding keeps the first value and appends, setting replaces in
/// place or appends, removing keeps the order of the rest, lookups compare names by content, not by reference.
/// </summary>
public class NameMapTests
{
    [Fact]
    public void An_empty_map_finds_nothing()
    {
        var map = new NameMap<int>();
        Assert.Equal(0, map.Count);
        Assert.False(map.ContainsKey("a"));
        Assert.False(map.TryGetValue("a", out _));
        Assert.False(map.Remove("a"));
        map.Prefetch(NameMap<int>.Hash("a"));
        Assert.False(map.TryGetValue("a", NameMap<int>.Hash("a"), out _));
        Assert.Empty(map);
        Assert.Empty(map.Keys);
    }

    [Fact]
    public void Adding_keeps_the_first_value_and_the_insertion_order()
    {
        var map = new NameMap<string>();
        Assert.True(map.TryAdd("b", "1"));
        Assert.True(map.TryAdd("a", "2"));
        Assert.False(map.TryAdd("b", "3"));
        Assert.True(map.TryGetValue("b", out var b));
        Assert.Equal("1", b);
        Assert.Equal(new[] { "b", "a" }, map.Keys);
        Assert.Equal(new[] { "1", "2" }, map.Values);
    }

    [Fact]
    public void Setting_replaces_in_place_or_appends()
    {
        var map = new NameMap<int>();
        map.Set("x", 1);
        map.Set("y", 2);
        map.Set("x", 3);
        Assert.Equal(new[] { KeyValuePair.Create("x", 3), KeyValuePair.Create("y", 2) }, map);
    }

    [Fact]
    public void Names_are_compared_by_content()
    {
        var map = new NameMap<int>();
        string first = new string("record-name".ToCharArray());
        string same = new string("record-name".ToCharArray());
        Assert.NotSame(first, same);
        map.Set(first, 1);
        Assert.True(map.ContainsKey(same));
        Assert.False(map.TryAdd(same, 2));
        Assert.True(map.Remove(same));
        Assert.Equal(0, map.Count);
    }

    [Fact]
    public void Removing_keeps_the_order_of_the_rest_and_every_lookup()
    {
        var map = new NameMap<int>();
        for (int i = 0; i < 100; i++) map.Set("n" + i, i);
        foreach (int i in new[] { 0, 50, 99, 1, 98 }) Assert.True(map.Remove("n" + i));
        var expected = Enumerable.Range(0, 100).Where(i => i is not (0 or 50 or 99 or 1 or 98)).ToList();
        Assert.Equal(expected.Select(i => "n" + i), map.Keys);
        foreach (int i in expected)
        {
            Assert.True(map.TryGetValue("n" + i, out int value));
            Assert.Equal(i, value);
        }

        Assert.False(map.ContainsKey("n50"));
        map.Set("n50", -1);
        Assert.Equal("n50", map.Keys.Last());
    }

    [Fact]
    public void Enumerating_while_adding_or_removing_throws()
    {
        var map = new NameMap<int>();
        map.Set("a", 1);
        map.Set("b", 2);
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var _ in map) map.Set("c", 3);
        });
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var _ in map) map.Remove("a");
        });
    }

    [Fact]
    public void Replacing_a_value_while_enumerating_is_allowed()
    {
        var map = new NameMap<int>();
        map.Set("a", 1);
        map.Set("b", 2);
        foreach (var entry in map) map.Set(entry.Key, entry.Value * 10);
        Assert.Equal(new[] { 10, 20 }, map.Values);
    }

    [Fact]
    public void Making_room_first_changes_nothing_but_capacity()
    {
        var map = new NameMap<int>();
        map.Set("kept", 0);
        map.EnsureCapacity(10_000);
        map.EnsureCapacity(5);
        for (int i = 0; i < 10_000; i++) Assert.True(map.TryAdd("k" + i, i));
        Assert.Equal(10_001, map.Count);
        Assert.Equal("kept", map.Keys.First());
        Assert.True(map.TryGetValue("k9999", out int last));
        Assert.Equal(9999, last);
    }

    /// <summary>
    /// A large table (2^19 slots: its slots keep the position in 19 bits and 13 bits of the hash) finds every name it
    /// grew to hold, keeps their order, and finds none of as many others.
    /// </summary>
    [Fact]
    public void A_table_grown_to_a_quarter_million_names_finds_each()
    {
        var map = new NameMap<int>();
        const int count = 250_000;
        for (int i = 0; i < count; i++) Assert.True(map.TryAdd("item-" + i, i));
        Assert.Equal(count, map.Count);
        for (int i = 0; i < count; i++)
        {
            Assert.True(map.TryGetValue("item-" + i, out int value));
            Assert.Equal(i, value);
            Assert.False(map.ContainsKey("other-" + i));
        }

        int expected = 0;
        foreach (var entry in map) Assert.Equal(expected++, entry.Value);
    }

    /// <summary>
    /// Random operations over a small set of names (so that lookups hit and miss, names come back after removal, and
    /// the table grows through several sizes), each compared with a list of the entries after every step.
    /// </summary>
    [Theory]
    [InlineData(1, 40)]
    [InlineData(2, 400)]
    [InlineData(3, 5_000)]
    public void Random_operations_agree_with_a_list(int seed, int names)
    {
        var random = new Random(seed);
        var map = new NameMap<int>();
        var reference = new List<KeyValuePair<string, int>>();
        int Find(string name) => reference.FindIndex(e => e.Key == name);
        for (int step = 0; step < 20_000; step++)
        {
            // A new string each time, so that equal names are seldom the same reference.
            string name = "name-" + random.Next(names).ToString(System.Globalization.CultureInfo.InvariantCulture);
            int value = random.Next();
            int at = Find(name);

            // Half the lookups and additions go through the overloads given the name's hash, after asking for its
            // memory ahead (the resolver's walks): they must agree with the others.
            bool hashed = random.Next(2) == 0;
            uint hash = NameMap<int>.Hash(name);
            if (hashed) map.Prefetch(hash);
            switch (random.Next(10))
            {
                case < 4:
                    Assert.Equal(at < 0, hashed ? map.TryAdd(name, hash, value) : map.TryAdd(name, value));
                    if (at < 0) reference.Add(KeyValuePair.Create(name, value));
                    break;
                case < 6:
                    map.Set(name, value);
                    if (at < 0) reference.Add(KeyValuePair.Create(name, value));
                    else reference[at] = KeyValuePair.Create(name, value);
                    break;
                case < 7:
                    Assert.Equal(at >= 0, map.Remove(name));
                    if (at >= 0) reference.RemoveAt(at);
                    break;
                default:
                    Assert.Equal(at >= 0, hashed ? map.TryGetValue(name, hash, out int found) : map.TryGetValue(name, out found));
                    if (at >= 0) Assert.Equal(reference[at].Value, found);
                    Assert.Equal(at >= 0, map.ContainsKey(name));
                    break;
            }

            Assert.Equal(reference.Count, map.Count);
            if (step % 997 == 0) Assert.Equal(reference, map);
        }

        Assert.Equal(reference, map);
        Assert.Equal(reference.Select(e => e.Key), map.Keys);
        Assert.Equal(reference.Select(e => e.Value), map.Values);
    }
}
