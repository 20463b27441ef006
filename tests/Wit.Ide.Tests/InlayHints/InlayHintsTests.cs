using System.Linq;
using Wit.Core.Text;
using Wit.Ide.InlayHints;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.InlayHints;

public class InlayHintsTests
{
    /// <summary>Every hint of the whole file, written into the text as <c>{label}</c> at its offset, against <paramref name="expected"/>.</summary>
    private static void Check(string fixture, string expected)
    {
        var loaded = IdeFixture.Load(fixture);
        string text = loaded.TextOf(loaded.MainPath);
        var hints = InlayHintsProvider.Hints(loaded.Snapshot, loaded.MainPath, new TextSpan(0, text.Length));
        foreach (var hint in hints.OrderByDescending(h => h.Offset)) text = text.Insert(hint.Offset, "{" + hint.Label + "}");
        Assert.Equal(expected.Replace("\r\n", "\n").TrimEnd(), text.TrimEnd());
    }

    [Fact]
    public void Types_get_sizes_and_functions_flat_parameter_counts() => Check("""
        package my:pkg;
        interface i {
          record point { x: f64, y: u8 }
          enum color { red, green }
          resource file {
            read: func(len: u64) -> list<u8>;
          }
          f: func(p: point, s: string);
          g: func(a: tuple<u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64>);
        }
        """, """
        package my:pkg;
        interface i {
          record point{: 16 B, align 8} { x: f64, y: u8 }
          enum color{: 1 B, align 1} { red, green }
          resource file {
            read: func(len: u64){flat 2 params} -> list<u8>;
          }
          f: func(p: point, s: string){flat 4 params};
          g: func(a: tuple<u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64>){spilled: 17 flat > 16};
        }
        """);

    [Fact]
    public void Broken_code_keeps_the_hints_it_can_compute() => Check("""
        package my:pkg;
        interface i {
          record ok { a: u32 }
          f: func(x: missing
        }
        """, """
        package my:pkg;
        interface i {
          record ok{: 4 B, align 4} { a: u32 }
          f: func(x: missing
        }
        """);

    [Fact]
    public void Only_hints_inside_the_range_are_returned()
    {
        var loaded = IdeFixture.Load("package my:pkg;\ninterface i {\n  record a { x: u8 }\n  record b { x: u16 }\n}\n");
        string text = loaded.TextOf(loaded.MainPath);
        int start = text.IndexOf("record b", System.StringComparison.Ordinal);
        var hints = InlayHintsProvider.Hints(loaded.Snapshot, loaded.MainPath, new TextSpan(start, 10));
        var hint = Assert.Single(hints);
        Assert.Equal(": 2 B, align 2", hint.Label);
        Assert.Equal(InlayHintKind.Type, hint.Kind);
    }
}
