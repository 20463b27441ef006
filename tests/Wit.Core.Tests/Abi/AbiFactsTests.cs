using System.Linq;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Abi;

/// <summary>Cost facts: who allocates, what spills, what comes back through memory, and what copies how many bytes.</summary>
public sealed class AbiFactsTests
{
    private static Function Function(string declaration)
    {
        var text = $"package t:t;\ninterface i {{\n  record big {{ a: u64, b: u64 }}\n  {declaration}\n}}\n";
        var model = WitResolver.Resolve(new InMemoryFileSystem().Add("/t.wit", text), "/t.wit");
        Assert.Empty(model.Diagnostics);
        return model.Interfaces.Single(x => x.Name == "i").Functions.Values.Single();
    }

    [Fact]
    public void StringAndListParametersAllocateInTheCalleeOfAnExport()
    {
        var facts = AbiFacts.For(Function("f: func(name: string, count: u32, data: list<u8>) -> u32;"), new CanonicalAbi(), export: true)!;
        Assert.Equal(new[] { "name", "data" }, facts.ReallocParameters);
        Assert.True(facts.AllocatesInCalleePerCall);
        Assert.False(facts.NeedsReturnPointer);
        Assert.False(facts.NeedsPostReturn);
        Assert.Equal(5, facts.FlatParameterCount);
        Assert.True(facts.StringEncodingSensitive);
    }

    [Fact]
    public void ImportsNeverAllocateInTheCalleeButResultsMayNeedTheCallersAllocator()
    {
        var facts = AbiFacts.For(Function("f: func(name: string) -> list<string>;"), new CanonicalAbi(), export: false)!;
        Assert.Empty(facts.ReallocParameters);
        Assert.True(facts.ReallocForResults);
        Assert.True(facts.NeedsReturnPointer);
        Assert.Equal(8, facts.ResultBytesThroughMemory);
    }

    [Fact]
    public void SeventeenFlatParametersSpillToMemory()
    {
        var parameters = string.Join(", ", Enumerable.Range(0, 17).Select(i => $"p{i}: u32"));
        var facts = AbiFacts.For(Function($"f: func({parameters});"), new CanonicalAbi(), export: true)!;
        Assert.True(facts.Signature.ParametersSpilled);
        Assert.True(facts.ReallocForSpilledParameters);
        Assert.Equal(17 * 4, facts.ParameterBytesThroughMemory);
        Assert.Equal(17, facts.FlatParameterCount);
    }

    [Fact]
    public void ExportedResultsWithAllocationsNeedPostReturn()
    {
        var facts = AbiFacts.For(Function("f: func() -> big;"), new CanonicalAbi(), export: true)!;
        Assert.False(facts.NeedsPostReturn);
        Assert.True(facts.NeedsReturnPointer);
        Assert.Equal(16, facts.ResultBytesThroughMemory);
        var strings = AbiFacts.For(Function("g: func() -> option<string>;"), new CanonicalAbi(), export: true)!;
        Assert.True(strings.NeedsPostReturn);
        Assert.False(strings.StringEncodingSensitive && strings.ReallocParameters.Count > 0);
    }
}
