using System.Linq;
using Wit.Core.Semantics;
using Wit.Core.Text;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// The model's compact layouts (issue 15, item 4: peak memory of a large check) keep what they replaced did: a name map
/// in one ordered table keeps insertion order through replacements and removals; a named type's docs and location,
/// which share one reference, read back as given in every combination.
/// </summary>
public sealed class CompactModelTests
{
    [Fact]
    public void A_name_map_keeps_insertion_order_through_replacement_and_removal()
    {
        var map = new NameMap<int>();
        foreach (var (name, value) in new[] { ("c", 1), ("a", 2), ("d", 3), ("b", 4) }) map.Set(name, value);

        map.Set("a", 20);
        Assert.True(map.Remove("d"));
        Assert.False(map.Remove("d"));
        map.Set("e", 5);

        Assert.Equal(new[] { "c", "a", "b", "e" }, map.Keys.ToArray());
        Assert.Equal(new[] { 1, 20, 4, 5 }, map.Values.ToArray());
        Assert.Equal(4, map.Count);
        Assert.True(map.TryGetValue("b", out int b));
        Assert.Equal(4, b);
        Assert.False(map.ContainsKey("d"));
        Assert.False(map.TryGetValue("d", out _));
    }

    [Fact]
    public void A_name_map_adds_a_name_only_once_and_keeps_the_first_value()
    {
        var map = new NameMap<int>();
        Assert.True(map.TryAdd("f", 1));
        Assert.True(map.TryAdd("g", 2));
        Assert.False(map.TryAdd("f", 3));

        Assert.Equal(new[] { "f", "g" }, map.Keys.ToArray());
        Assert.Equal(new[] { 1, 2 }, map.Values.ToArray());
    }

    [Fact]
    public void A_name_map_made_large_at_once_behaves_as_one_that_grew()
    {
        var map = new NameMap<int>();
        map.EnsureCapacity(1000);
        for (int i = 0; i < 1000; i++) map.Set($"n{i}", i);

        Assert.Equal(1000, map.Count);
        Assert.Equal(Enumerable.Range(0, 1000), map.Values);
        Assert.True(map.TryGetValue("n999", out int last));
        Assert.Equal(999, last);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("A field.", false)]
    [InlineData(null, true)]
    [InlineData("A field.", true)]
    public void A_named_type_reads_back_its_docs_and_location(string? docs, bool located)
    {
        var document = SourceText.From("record r { x: u32 }", "/ws/a.wit");
        var location = located ? new SourceLocation(document, new TextSpan(11, 1)) : null;

        var named = new NamedType("x", WitType.Of(PrimitiveType.U32), docs, location);

        Assert.Equal(docs, named.Docs);
        Assert.Equal(located, named.Location is not null);
        if (named.Location is { } read)
        {
            Assert.Same(document, read.Document);
            Assert.Equal(new TextSpan(11, 1), read.Span);
        }

        Assert.Equal("x: u32", named.ToString());
    }
}
