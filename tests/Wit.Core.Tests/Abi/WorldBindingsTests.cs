using System.Linq;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Abi;

/// <summary>
/// The core imports and exports of a world, names and signatures, for a world that exercises every naming rule. The
/// expectation was checked against upstream's dummy module (<c>wit-oracle core</c>); the WASI worlds are compared
/// with the oracle by the <c>abi-oracle</c> mode of tests/Wit.Benchmarks (it needs node).
/// </summary>
public sealed class WorldBindingsTests
{
    private const string Package = """
        package my:pkg@1.2.3;

        interface i {
          resource r {
            constructor(a: u32);
            m: func() -> string;
            s: static func(x: r) -> u64;
          }
          f: func(a: string) -> list<u8>;
        }

        world w {
          import g: func(a: u32, b: string) -> tuple<u32, u32>;
          import named: interface { h: func(); }
          import i;
          export e: func(x: u64) -> string;
          export i;
          export named-ex: interface { k: func() -> u32; }
        }
        """;

    [Fact]
    public void NamesAndSignaturesFollowUpstream()
    {
        var model = WitResolver.Resolve(new InMemoryFileSystem().Add("/t.wit", Package), "/t.wit");
        Assert.Empty(model.Diagnostics);
        var world = model.Worlds.Single(w => w.Name == "w");
        var actual = WorldBindings.For(world, new CanonicalAbi())
            .Select(f => (f.IsImport ? $"import {f.Module} {f.Name}" : $"export {f.Name}") + " " + f.Signature)
            .OrderBy(s => s, System.StringComparer.Ordinal).ToList();
        string[] expected =
        {
            "export cm32p2_initialize (func (param ) (result ))",
            "export cm32p2_realloc (func (param i32 i32 i32 i32) (result i32))",
            "export cm32p2|my:pkg/i@1|[constructor]r (func (param i32) (result i32))",
            "export cm32p2|my:pkg/i@1|[constructor]r_post (func (param i32) (result ))",
            "export cm32p2|my:pkg/i@1|[method]r.m (func (param i32) (result i32))",
            "export cm32p2|my:pkg/i@1|[method]r.m_post (func (param i32) (result ))",
            "export cm32p2|my:pkg/i@1|[static]r.s (func (param i32) (result i64))",
            "export cm32p2|my:pkg/i@1|[static]r.s_post (func (param i64) (result ))",
            "export cm32p2|my:pkg/i@1|f (func (param i32 i32) (result i32))",
            "export cm32p2|my:pkg/i@1|f_post (func (param i32) (result ))",
            "export cm32p2|my:pkg/i@1|r_dtor (func (param i32) (result ))",
            "export cm32p2|named-ex|k (func (param ) (result i32))",
            "export cm32p2|named-ex|k_post (func (param i32) (result ))",
            "export cm32p2||e (func (param i64) (result i32))",
            "export cm32p2||e_post (func (param i32) (result ))",
            "import cm32p2 g (func (param i32 i32 i32 i32) (result ))",
            "import cm32p2|_ex_my:pkg/i@1 r_drop (func (param i32) (result ))",
            "import cm32p2|_ex_my:pkg/i@1 r_new (func (param i32) (result i32))",
            "import cm32p2|_ex_my:pkg/i@1 r_rep (func (param i32) (result i32))",
            "import cm32p2|my:pkg/i@1 [constructor]r (func (param i32) (result i32))",
            "import cm32p2|my:pkg/i@1 [method]r.m (func (param i32 i32) (result ))",
            "import cm32p2|my:pkg/i@1 [static]r.s (func (param i32) (result i64))",
            "import cm32p2|my:pkg/i@1 f (func (param i32 i32 i32) (result ))",
            "import cm32p2|my:pkg/i@1 r_drop (func (param i32) (result ))",
            "import cm32p2|named h (func (param ) (result ))",
        };
        Assert.Equal(expected.OrderBy(s => s, System.StringComparer.Ordinal), actual);
    }

    [Theory]
    [InlineData("1.2.3", "1")]
    [InlineData("0.2.12", "0.2")]
    [InlineData("0.0.3", "0.0.3")]
    [InlineData("1.0.0-rc.1", "1.0.0-rc.1")]
    public void InterfaceVersionsAreCutToTheirCompatibilityPrefix(string version, string expected) =>
        Assert.Equal(expected, WorldBindings.CompatibleVersion(version));
}
