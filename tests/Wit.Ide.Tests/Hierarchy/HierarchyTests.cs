using System.Linq;
using Wit.Ide.Hierarchy;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Hierarchy;

public class HierarchyTests
{
    private enum Direction
    {
        Supertypes,
        Subtypes,
        Incoming,
        Outgoing,
    }

    /// <summary>
    /// Prepares at <c>$0</c>, asks in <paramref name="direction"/>, and expects the items' names (in order) and, for
    /// calls, their from-ranges to be exactly the <c>[|..|]</c> spans.
    /// </summary>
    private static void Check(string fixture, Direction direction, params string[] names)
    {
        var f = IdeFixture.Load(fixture);
        bool call = direction is Direction.Incoming or Direction.Outgoing;
        var prepared = call
            ? HierarchyProvider.PrepareCallHierarchy(f.Snapshot, f.CursorPath!, f.CursorOffset)
            : HierarchyProvider.PrepareTypeHierarchy(f.Snapshot, f.CursorPath!, f.CursorOffset);
        var item = Assert.Single(prepared);
        switch (direction)
        {
            case Direction.Supertypes:
                Assert.Equal(names, HierarchyProvider.Supertypes(f.Snapshot, item).Select(i => i.Name));
                break;
            case Direction.Subtypes:
                Assert.Equal(names, HierarchyProvider.Subtypes(f.Snapshot, item).Select(i => i.Name));
                break;
            default:
                var calls = direction == Direction.Incoming ? HierarchyProvider.Incoming(f.Snapshot, item) : HierarchyProvider.Outgoing(f.Snapshot, item);
                Assert.Equal(names, calls.Select(c => c.Item.Name));
                var ranges = calls.SelectMany(c => c.FromRanges.Select(r => (direction == Direction.Incoming ? c.Item.Path : item.Path, r))).OrderBy(r => r.Item1).ThenBy(r => r.r.Start);
                Assert.Equal(f.Spans.Select(s => (s.Path, s.Span)), ranges);
                break;
        }
    }

    private const string Types = """
        package my:app;
        interface api {
          enum color { red }
          record pixel { c: COLOR, alpha: u8 }
          type image = list<PIXEL>;
          variant shape { dot(tuple<PIXEL, COLOR>), none }
          draw: func(i: IMAGE, p: option<PIXEL>) -> result<_, COLOR>;
        }
        """;

    private static string At(string cursorName, string? marked = null) =>
        Types.Replace("enum color", cursorName == "color" ? "enum co$0lor" : "enum color")
            .Replace("record pixel", cursorName == "pixel" ? "record pi$0xel" : "record pixel")
            .Replace("draw:", cursorName == "draw" ? "dr$0aw:" : "draw:")
            .Replace("COLOR", marked == "color" ? "[|color|]" : "color")
            .Replace("PIXEL", marked == "pixel" ? "[|pixel|]" : "pixel")
            .Replace("IMAGE", marked == "image" ? "[|image|]" : "image");

    [Fact]
    public void Supertypes_are_the_parts() => Check(At("pixel"), Direction.Supertypes, "color");

    [Fact]
    public void Subtypes_are_the_types_built_from_it() => Check(At("pixel"), Direction.Subtypes, "image", "shape");

    [Fact]
    public void Incoming_are_functions_and_types_mentioning_it_with_the_mentions() =>
        Check(At("color", marked: "color"), Direction.Incoming, "pixel", "shape", "draw");

    [Fact]
    public void Outgoing_are_the_types_of_a_signature() =>
        Check(At("draw", marked: "image").Replace("option<pixel>", "option<[|pixel|]>").Replace("result<_, color>", "result<_, [|color|]>"),
            Direction.Outgoing, "image", "pixel", "color");

    [Fact]
    public void Items_carry_the_whole_declaration_and_a_key()
    {
        var f = IdeFixture.Load("package my:app;\ninterface api {\n  [|record po$0int { x: u32 }|]\n}\n");
        var item = Assert.Single(HierarchyProvider.PrepareTypeHierarchy(f.Snapshot, f.CursorPath!, f.CursorOffset));
        Assert.Equal(f.Spans[0].Span, item.Span);
        Assert.Equal("point", f.TextOf(item.Path).Substring(item.SelectionSpan.Start, item.SelectionSpan.Length));
        Assert.Equal(new HierarchyKey(item.Path, item.SelectionSpan.Start), item.Key);
        Assert.Equal("my:app/api", item.Detail);
        Assert.Equal(HierarchyItemKind.Record, item.Kind);
    }

    [Fact]
    public void Across_packages_through_use() => Check("""
        //- /app/app.wit
        package my:app;
        interface api {
          use my:dep/types.{id};
          record entry { key: id }
        }
        //- /app/deps/dep/types.wit
        package my:dep;
        interface types { type i$0d = u64; }
        """, Direction.Subtypes, "entry");

    private const string RenamedUse = """
        package my:app;
        interface base { record p$0oint { x: u32 } }
        interface shapes {
          use base.{point as pt};
          record line { a: [|pt|], b: [|pt|] }
          length: func(l: line, p: [|pt|]) -> u32;
        }
        """;

    [Fact]
    public void A_renamed_use_counts_for_the_type_it_imports() => Check(RenamedUse.Replace("[|", string.Empty).Replace("|]", string.Empty), Direction.Subtypes, "line");

    [Fact]
    public void Incoming_through_a_renamed_use_lists_the_users_with_their_mentions() => Check(RenamedUse, Direction.Incoming, "line", "length");

    [Fact]
    public void Outgoing_through_a_renamed_use_has_its_mentions() =>
        Check(RenamedUse.Replace("p$0oint", "point").Replace("length: func(l: line", "len$0gth: func(l: [|line|]").Replace("a: [|pt|], b: [|pt|]", "a: pt, b: pt"),
            Direction.Outgoing, "line", "point");

    [Fact]
    public void Prepared_on_the_renamed_name_it_is_the_imported_type() =>
        Check(RenamedUse.Replace("p$0oint", "point").Replace("use base.{point as pt}", "use base.{point as p$0t}").Replace("[|", string.Empty).Replace("|]", string.Empty),
            Direction.Subtypes, "line");

    [Fact]
    public void A_function_is_not_a_type() => Assert.Empty(HierarchyProvider.PrepareTypeHierarchy(
        IdeFixture.Load("package my:app;\ninterface api { f$0: func(); }\n").Snapshot, "/ws/main.wit", 33));
}
