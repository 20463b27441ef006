using Wit.Ide.Preview;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Preview;

public class WitxPreviewTests
{
    private const string Package = """
        package my:pkg@1.0.0;
        interface store {
          get: func(key: string) -> option<list<u8>>;
          $0
        }
        interface other {
          ping: func();
        }
        world app {
          export store;
        }
        """;

    /// <summary>The preview of the item at <c>$0</c> (or named by <paramref name="name"/>): its name, kind, and fragments of its WITX.</summary>
    private static WitxPreviewResult Check(string fixture, string? name, string expectedName, string expectedKind, params string[] fragments)
    {
        var loaded = IdeFixture.Load(fixture);
        var preview = name is null
            ? WitxPreviewProvider.Preview(loaded.Snapshot, loaded.CursorPath!, loaded.CursorOffset)
            : WitxPreviewProvider.Preview(loaded.Snapshot, name);
        Assert.NotNull(preview);
        Assert.Equal(expectedName, preview!.Name);
        Assert.Equal(expectedKind, preview.Kind);
        foreach (var fragment in fragments) Assert.Contains(fragment, preview.Witx, System.StringComparison.Ordinal);
        return preview;
    }

    [Fact]
    public void Interface_containing_the_cursor() =>
        Check(Package, null, "my:pkg/store@1.0.0", "interface", "(module $my:pkg/store", "(export \"get\")");

    [Fact]
    public void Interface_by_name() =>
        Check(Package.Replace("$0", ""), "my:pkg/other", "my:pkg/other@1.0.0", "interface", "(module", "(export \"ping\")");

    [Fact]
    public void World_by_plain_name() =>
        Check(Package.Replace("$0", ""), "app", "my:pkg/app@1.0.0", "world", "(module", "get");

    [Fact]
    public void What_witx_cannot_express_is_reported_as_warnings()
    {
        var preview = Check("""
            package my:pkg;
            interface s {
              f: func() -> stream<u8>;$0
            }
            """, null, "my:pkg/s", "interface", "(module", "(export \"f\")");
        var warning = Assert.Single(preview.Warnings);
        Assert.Contains("`stream` has no WITX equivalent", warning, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_outside_an_interface_or_world()
    {
        var loaded = IdeFixture.Load("package my:pkg;$0\ninterface i { f: func(); }\n");
        Assert.Null(WitxPreviewProvider.Preview(loaded.Snapshot, loaded.CursorPath!, loaded.CursorOffset));
        Assert.Null(WitxPreviewProvider.Preview(loaded.Snapshot, "nope"));
    }

    [Theory]
    [InlineData("  get: func(key: string) -> option<list<u8>>;$0", "function", "get")]
    [InlineData("  record entry$0 { a: u32 }", "type", "entry")]
    [InlineData("  resource blob { size: func() -> u64$0; }", "function", "[method]blob.size")]
    public void The_item_under_the_cursor_is_the_focus(string line, string kind, string name)
    {
        var preview = Check($"package my:pkg@1.0.0;\ninterface store {{\n{line}\n}}\n", null, "my:pkg/store@1.0.0", "interface");

        Assert.Equal(new WitxPreviewFocus(kind, name), preview.Focus);
    }

    [Fact]
    public void No_focus_between_items_or_by_name()
    {
        Assert.Null(Check(Package, null, "my:pkg/store@1.0.0", "interface").Focus);
        Assert.Null(Check(Package.Replace("$0", string.Empty), "my:pkg/store", "my:pkg/store@1.0.0", "interface").Focus);
    }
}
