using System.Linq;
using System.Text;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Core.Tests.TestKit;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Abi;

/// <summary>Types whose depth or size the input controls: laid out without recursion, in linear time, or refused with a reason.</summary>
public sealed class DeepTypeLayoutTests
{
    [Fact]
    public void TenThousandChainedAliasesLayOutWithoutRecursion()
    {
        var text = new StringBuilder("package t:t;\ninterface i {\n  type a0 = u8;\n");
        for (int i = 1; i <= 10_000; i++) text.Append($"  type a{i} = tuple<a{i - 1}, u8>;\n");
        text.Append("}\n");
        var model = WitResolver.Resolve(new InMemoryFileSystem().Add("/t.wit", text.ToString()), "/t.wit");
        Assert.Empty(model.Diagnostics);
        model.Interfaces.Single().Types.TryGetValue("a10000", out var deepest);
        var layout = StackLimited.Run(() => new CanonicalAbi().Layout(deepest!));
        Assert.Equal(10_001, layout!.Size);
        var flat = new CanonicalAbi().Flatten(WitType.Of(deepest!))!;
        Assert.Equal(10_001, flat.Count);
        Assert.Null(flat.Values);
    }

    [Fact]
    public void ExponentiallyLargeRecordsAreMemoisedAndSaturate()
    {
        // Each level doubles the size: 2^70 bytes cannot be laid out in any memory; the engine says so.
        var text = new StringBuilder("package t:t;\ninterface i {\n  record r0 { a: u8 }\n");
        for (int i = 1; i <= 70; i++) text.Append($"  record r{i} {{ a: r{i - 1}, b: r{i - 1} }}\n");
        text.Append("}\n");
        var model = WitResolver.Resolve(new InMemoryFileSystem().Add("/t.wit", text.ToString()), "/t.wit");
        var types = model.Interfaces.Single().Types;
        var abi = new CanonicalAbi();
        types.TryGetValue("r40", out var r40);
        Assert.Equal(1L << 40, abi.Layout(r40!)!.Size);
        types.TryGetValue("r70", out var r70);
        Assert.Null(abi.Layout(r70!));
        Assert.Contains("too large", abi.Problem(r70!) ?? abi.Problem(types.Values.First(t => abi.Problem(t) is not null))!);
        Assert.Equal(1L << 40, abi.Flatten(WitType.Of(r40!))!.Count);
    }

    [Fact]
    public void CyclicDefinitionsFromBrokenCodeHaveNoLayout()
    {
        var model = WitResolver.Resolve(new InMemoryFileSystem().Add("/t.wit", "package t:t;\ninterface i {\n  type a = b;\n  type b = a;\n}\n"), "/t.wit");
        Assert.NotEmpty(model.Diagnostics);
        model.Interfaces.Single().Types.TryGetValue("a", out var a);
        var abi = new CanonicalAbi();
        Assert.Null(abi.Layout(a!));
        Assert.NotNull(abi.Problem(a!) ?? model.Interfaces.Single().Types.Values.Select(abi.Problem).FirstOrDefault(p => p is not null));
    }

    [Fact]
    public void FunctionsOverTypesWithoutLayoutHaveNoSignature()
    {
        string flags = string.Join(", ", Enumerable.Range(0, 33).Select(i => $"g{i}"));
        var model = WitResolver.Resolve(new InMemoryFileSystem().Add("/t.wit", $"package t:t;\ninterface i {{\n  flags big {{ {flags} }}\n  f: func(x: big);\n}}\n"), "/t.wit");
        Assert.Contains(model.Diagnostics, d => d.Code == "WIT1016");
        var abi = new CanonicalAbi();
        model.Interfaces.Single().Functions.TryGetValue("f", out var f);
        Assert.Null(abi.Signature(f!, AbiVariant.SyncLift));
        model.Interfaces.Single().Types.TryGetValue("big", out var big);
        Assert.Null(abi.Flatten(WitType.Of(big!)));
        Assert.Contains("33 members", abi.Problem(big!));
    }
}
