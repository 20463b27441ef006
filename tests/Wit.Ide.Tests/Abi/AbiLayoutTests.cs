using System.Linq;
using Wit.Ide.Abi;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Abi;

public class AbiLayoutTests
{
    private const string Package = """
        package my:pkg;
        interface shapes {
          record mixed { a: u8, b: u32, c: u16 }
          area: func(m: mixed, name: string) -> f64;
        }
        """;

    /// <summary>The layout at <c>$0</c> (or of <paramref name="name"/>): its name, kind and rows as <c>kind name offset size</c>.</summary>
    private static AbiLayoutResult Check(string fixture, string? name, string expectedName, string expectedKind, params string[] rows)
    {
        var loaded = IdeFixture.Load(fixture);
        var layout = name is null
            ? AbiLayoutProvider.Layout(loaded.Snapshot, loaded.CursorPath!, loaded.CursorOffset)
            : AbiLayoutProvider.Layout(loaded.Snapshot, name);
        Assert.NotNull(layout);
        Assert.Equal(expectedName, layout!.Name);
        Assert.Equal(expectedKind, layout.Kind);
        Assert.Equal(rows, layout.Rows.Select(r => $"{r.Kind} {r.Name} {r.Offset} {r.Size}"));
        return layout;
    }

    [Fact]
    public void Record_at_the_cursor_has_its_field_offsets()
    {
        var layout = Check(Package.Replace("a: u8", "a: u8$0"), null, "my:pkg/shapes.mixed", "record",
            "type my:pkg/shapes.mixed  12", "field a 0 1", "field b 4 4", "field c 8 2");
        Assert.Contains("| b | `u32` | 4 | 4 |", layout.Markdown, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Function_containing_the_cursor_has_both_directions()
    {
        var layout = Check(Package.Replace("-> f64", "-> f64$0"), null, "area", "function",
            "function area  ", "lower lower (import)  ", "lift lift (export)  ");
        Assert.Equal("(func (param i32 i32 i32 i32 i32) (result f64))", layout.Rows[1].Type);
        Assert.Contains("cabi_realloc: params `name`", layout.Rows[2].Note, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Interface_by_name_lists_every_type_and_function() =>
        Check(Package, "shapes", "my:pkg/shapes", "interface",
            "type my:pkg/shapes.mixed  12", "field a 0 1", "field b 4 4", "field c 8 2",
            "function area  ", "lower lower (import)  ", "lift lift (export)  ");

    [Fact]
    public void Nothing_outside_any_item()
    {
        var loaded = IdeFixture.Load("$0package my:pkg;\ninterface i {}\n");
        Assert.Null(AbiLayoutProvider.Layout(loaded.Snapshot, loaded.CursorPath!, loaded.CursorOffset));
    }
}
