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

    [Fact]
    public void World_of_interfaces_lists_each_interfaces_types_and_functions()
    {
        var layout = Check(Package + "\nworld app {\n  import shapes;\n  export run: interface { go: func(); }\n}\n", "app", "my:pkg/app", "world",
            "interface import my:pkg/shapes  ",
            "type my:pkg/shapes.mixed  12", "field a 0 1", "field b 4 4", "field c 8 2",
            "function area  ", "lower lower (import)  ", "lift lift (export)  ",
            "interface export run  ",
            "function go  ", "lower lower (import)  ", "lift lift (export)  ");
        Assert.Contains("## import interface my:pkg/shapes", layout.Markdown, System.StringComparison.Ordinal);
        Assert.Contains("## export interface run", layout.Markdown, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Async_function_shows_the_sync_and_the_async_signatures_labelled()
    {
        // CanonicalABI.md, flatten_functype: five i32 parameters and a string result (2 flat values).
        // sync lower: 5 <= 16 params flat; 2 > 1 results, so a result pointer is appended and nothing is returned.
        // sync lift: params flat; the results come back through a returned pointer.
        // async lower: 5 > MAX_FLAT_ASYNC_PARAMS = 4, so one params pointer; a results pointer; an i32 status returned.
        // async lift: 5 <= 16 params flat; results go to task.return; the callback form returns an i32, stackful nothing.
        var layout = Check(
            "package my:pkg;\ninterface i {\n  f: async func(a: u32, b: u32, c: u32, d: u32, e: u32) -> string$0;\n}\n", null, "f", "function",
            "function f  ", "lower sync lower (import)  ", "lift sync lift (export)  ",
            "async-lower async lower (import)  ", "async-lift-callback async lift, callback (export)  ", "async-lift-stackful async lift, stackful (export)  ");
        Assert.Equal(
            new[]
            {
                "(func (param i32 i32 i32 i32 i32 i32))",
                "(func (param i32 i32 i32 i32 i32) (result i32))",
                "(func (param i32 i32) (result i32))",
                "(func (param i32 i32 i32 i32 i32) (result i32))",
                "(func (param i32 i32 i32 i32 i32))",
            },
            layout.Rows.Skip(1).Select(r => r.Type));
        Assert.Contains("spilled: 5 flat > 4", layout.Rows[3].Note, System.StringComparison.Ordinal);
        Assert.Contains("**sync**", layout.Markdown, System.StringComparison.Ordinal);
        Assert.Contains("**async**", layout.Markdown, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Async_function_without_results_passes_no_result_pointer()
    {
        // Async lower with one i64 (<= 4 flat) and no result: the parameter stays flat, no results pointer, i32 status.
        var layout = Check("package my:pkg;\ninterface i {\n  g: async func(x: u64)$0;\n}\n", null, "g", "function",
            "function g  ", "lower sync lower (import)  ", "lift sync lift (export)  ",
            "async-lower async lower (import)  ", "async-lift-callback async lift, callback (export)  ", "async-lift-stackful async lift, stackful (export)  ");
        Assert.Equal("(func (param i64) (result i32))", layout.Rows[3].Type);
        Assert.Equal("(func (param i64))", layout.Rows[5].Type);
    }

    [Fact]
    public void Sync_function_has_the_sync_pair_only()
    {
        var layout = Check(Package.Replace("-> f64", "-> f64$0"), null, "area", "function",
            "function area  ", "lower lower (import)  ", "lift lift (export)  ");
        Assert.DoesNotContain("async", layout.Markdown, System.StringComparison.Ordinal);
    }
}
