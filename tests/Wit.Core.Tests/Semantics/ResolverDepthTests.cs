using System.Linq;
using System.Text;
using Wit.Core.Semantics;
using Wit.Core.Tests.TestKit;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// Inputs whose depth a user controls (chains of uses, of packages, nested types) resolve on a 1 MB stack without
/// overflowing, and deep input that is invalid is reported once, not by a crash.
/// </summary>
public sealed class ResolverDepthTests
{
    private const int ChainLength = 2_000;

    [Fact]
    public void AChainOfTwoThousandInterfacesEachUsingThePreviousResolvesClean()
    {
        // Declared last-first, so ordering the interfaces has to walk the whole chain from the first declaration.
        var text = new StringBuilder("package a:chain;\n");
        for (int k = ChainLength - 1; k > 0; k--) text.Append($"interface i{k} {{ use i{k - 1}.{{t}}; }}\n");
        text.Append("interface i0 { type t = u32; }\n");
        text.Append($"world w {{ import i{ChainLength - 1}; }}\n");

        var fixture = StackLimited.Run(() => WitFixture.Resolve(text.ToString()));

        fixture.AssertClean();
        Assert.Equal(ChainLength, fixture.Model.Interfaces.Count);
        Assert.Equal("a:chain/i0", fixture.Model.Interfaces[0].QualifiedName);
        var last = fixture.Type($"a:chain/i{ChainLength - 1}", "t");
        Assert.Same(fixture.Type($"a:chain/i{ChainLength - 2}", "t"), last.Element?.Definition);

        // The world imports the whole chain, each interface before the one that uses it.
        var imports = fixture.World("a:chain/w").Imports.Select(e => e.Value.Interface!.Name).ToList();
        Assert.Equal(Enumerable.Range(0, ChainLength).Select(k => $"i{k}"), imports);
    }

    [Fact]
    public void ATwoThousandPackageChainResolvesCleanOnASmallStack()
    {
        // Each package uses the next, and names sort so that the first one visited starts the longest walk. Packages
        // are ordered with an explicit stack, so the chain's length is not limited by the .NET stack (upstream
        // accepts this chain too).
        const int length = 2_000;
        var text = new StringBuilder("//- /main.wit\npackage root:app;\ninterface top { use p:n0/i.{t}; }\n");
        for (int k = 0; k < length; k++)
        {
            text.Append($"//- /deps/p{k}/p.wit\npackage p:n{k};\n");
            text.Append(k == length - 1 ? "interface i { type t = u32; }\n" : $"interface i {{ use p:n{k + 1}/i.{{t}}; }}\n");
        }

        var fixture = StackLimited.Run(() => WitFixture.Resolve(text.ToString()));

        fixture.AssertClean();
        Assert.Equal(length + 1, fixture.Model.Packages.Count);
        Assert.Equal($"p:n{length - 1}", fixture.Model.Packages[0].Name.ToString());
        Assert.Equal("root:app", fixture.Model.Packages[^1].Name.ToString());
        Assert.Same(fixture.Type("p:n0/i", "t"), fixture.Type("root:app/top", "t").Element?.Definition);
    }

    [Fact]
    public void TenThousandNestedListsReportOneSyntaxErrorAndTheRestResolves()
    {
        const int depth = 10_000;
        string text = "package a:b;\ninterface i {\n  type t = " + string.Concat(Enumerable.Repeat("list<", depth)) + "u32"
            + new string('>', depth) + ";\n  type ok = u32;\n  f: func(x: ok);\n}\n";

        var fixture = StackLimited.Run(() => WitFixture.Resolve(text));

        // wit-parser allows 100 levels of nesting and points at the 101st `list`.
        fixture.AssertDiagnostics($"WIT0007 /main.wit:3:{12 + (5 * 100)} type nesting too deep");
        Assert.Equal(TypeDefinitionKind.Error, fixture.Type("a:b/i", "t").Kind);
        Assert.Equal(TypeDefinitionKind.Alias, fixture.Type("a:b/i", "ok").Kind);
        Assert.Equal("f(x: ok)", TypeText.Signature(fixture.Function("a:b/i", "f")));
    }

    [Fact]
    public void TenThousandNestedOptionsInAFunctionReportOneSyntaxError()
    {
        const int depth = 10_000;
        string text = "package a:b;\ninterface i {\n  f: func(x: " + string.Concat(Enumerable.Repeat("option<", depth)) + "u32"
            + new string('>', depth) + ") -> u32;\n}\n";

        var fixture = StackLimited.Run(() => WitFixture.Resolve(text));

        Assert.Equal(new[] { "WIT0007" }, fixture.Model.Diagnostics.Select(d => d.Code).ToArray());
        Assert.Equal("f(x: _) -> u32", TypeText.Signature(fixture.Function("a:b/i", "f")));
    }
}
