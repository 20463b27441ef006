using System.Linq;
using Wit.Ide.CodeLens;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.CodeLens;

public class CodeLensTests
{
    /// <summary>The lenses' spans must be the fixture's <c>[|..|]</c> spans, in order, with the given titles.</summary>
    private static void Check(string fixture, params string[] titles)
    {
        var loaded = IdeFixture.Load(fixture);
        var lenses = CodeLensProvider.Lenses(loaded.Snapshot, loaded.MainPath);
        Assert.Equal(loaded.Spans.Select(s => s.Span), lenses.Select(l => l.Span));
        Assert.Equal(titles, lenses.Select(l => l.Title));
    }

    [Fact]
    public void Types_show_layout_and_functions_show_allocation() => Check("""
        package my:pkg;
        interface i {
          record [|mixed|] { a: u8, b: u32, c: u16 }
          resource [|file|] {
            [|read|]: func(len: u64) -> list<u8>;
          }
          [|put|]: func(key: string, value: list<u8>);
          [|add|]: func(a: u32, b: u32) -> u32;
          [|big|]: func(a: tuple<u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64>);
        }
        """,
        "size 12 · align 4",
        "handle · size 4 · align 4",
        "return pointer",
        "allocates per call (cabi_realloc: 2 params)",
        "no allocation",
        "allocates per call (cabi_realloc: spilled params)");
}
