using Wit.Core.Semantics;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// Which item a cycle error names follows wit-parser's visit (declaration order; the dependency reached a second
/// time). Each expectation is upstream's answer (`wit-oracle check`), plus the location wit-parser points at.
/// </summary>
public sealed class CycleNamingTests
{
    [Fact]
    public void TwoAliasesNameTheSecond() =>
        WitFixture.Resolve("package a:b;\ninterface i {\n  type a = b;\n  type b = a;\n}\n")
            .AssertDiagnostics("WIT1003 /main.wit:3:12 type `b` depends on itself");

    [Fact]
    public void ThreeAliasesNameTheFirstDependency() =>
        WitFixture.Resolve("package a:b;\ninterface i {\n  type x = y;\n  type y = z;\n  type z = x;\n}\n")
            .AssertDiagnostics("WIT1003 /main.wit:3:12 type `y` depends on itself");

    [Fact]
    public void InterfaceCyclesNameTheInterfaceReachedTwice() =>
        WitFixture.Resolve("package a:b;\ninterface x { use y.{t}; }\ninterface y { use z.{t}; }\ninterface z { use x.{t}; }\n")
            .AssertDiagnostics("WIT1003 /main.wit:3:11 interface or world `y` depends on itself");

    // Found by fuzzing (seed 23, input 184826): a handle of an alias in a cycle of two or more aliases hung the resolver,
    // which followed the aliases to report "must be a resource" and guarded only against an alias of itself.
    [Theory]
    [InlineData("type a = b;\n  type b = a;", "3:12 type `b`", "borrow")]
    [InlineData("type a = b;\n  type b = c;\n  type c = a;", "3:12 type `b`", "own")]
    [InlineData("type a = a;", "3:12 type `a`", "borrow")]
    public void AHandleOfAnAliasCycleReportsTheCycle(string aliases, string cycle, string handle)
    {
        var resolved = WitFixture.Resolve($"package a:b;\ninterface i {{\n  {aliases}\n  f: func(x: {handle}<a>);\n}}\n");

        Assert.Equal($"WIT1003 /main.wit:{cycle} depends on itself", resolved.Diagnostics[0]);
        Assert.Contains(resolved.Diagnostics, d => d.StartsWith("WIT1005 ", System.StringComparison.Ordinal));
    }

    [Fact]
    public void UnaliasedStopsAtTheEndOfAChainAndOnACycle()
    {
        var resolved = WitFixture.Resolve(
            "package a:b;\ninterface i {\n  type x = y;\n  type y = z;\n  type z = x;\n  type into-cycle = x;\n" +
            "  record r { f: u8 }\n  type one = r;\n  type two = one;\n  type prim = u32;\n  resource res;\n  type res2 = res;\n}\n");

        var cycle = resolved.Type("a:b/i", "into-cycle").Unaliased();
        Assert.Equal(TypeDefinitionKind.Alias, cycle.Kind);
        Assert.Contains(cycle.Name, new[] { "x", "y", "z" });
        Assert.Same(resolved.Type("a:b/i", "r"), resolved.Type("a:b/i", "two").Unaliased());
        Assert.Same(resolved.Type("a:b/i", "r"), resolved.Type("a:b/i", "r").Unaliased());
        Assert.Same(resolved.Type("a:b/i", "prim"), resolved.Type("a:b/i", "prim").Unaliased());
        Assert.True(resolved.Type("a:b/i", "res2").IsResourceOrAlias);
        Assert.False(resolved.Type("a:b/i", "into-cycle").IsResourceOrAlias);
    }
}
