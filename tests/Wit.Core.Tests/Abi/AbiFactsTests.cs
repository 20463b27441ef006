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
        var text = $"package t:t;\ninterface i {{\n  record big {{ a: u64, b: u64 }}\n{Declarations}  {declaration}\n}}\n";
        var model = WitResolver.Resolve(new InMemoryFileSystem().Add("/t.wit", text), "/t.wit");
        Assert.Empty(model.Diagnostics);
        return model.Interfaces.Single(x => x.Name == "i").Functions.Values.Single();
    }

    /// <summary>Types the allocation theory refers to, one of each shape that holds (or hides) a string or a list.</summary>
    private const string Declarations =
        "  resource res;\n"
        + "  type name = string;\n"
        + "  record named { id: u32, label: option<name> }\n"
        + "  record bytes { data: list<u8> }\n"
        + "  record pair { left: named, right: named }\n"
        + "  variant shape { none, text(string), blob(list<u8>) }\n"
        + "  variant plain { none, some(u32) }\n"
        + "  flags perms { read, write }\n"
        + "  enum color { red, green }\n";

    /// <summary>
    /// Whether a parameter makes an export's callee allocate (a string, a list or a map anywhere in its type) and
    /// whether it holds a string (the call depends on the string encoding); handles, futures and streams are passed
    /// as handles, so what they carry does not count.
    /// </summary>
    [Theory]
    [InlineData("u32", false, false)]
    [InlineData("string", true, true)]
    [InlineData("list<u8>", true, false)]
    [InlineData("list<string>", true, true)]
    [InlineData("option<string>", true, true)]
    [InlineData("result<u32, list<u8>>", true, false)]
    [InlineData("tuple<u32, list<u8>>", true, false)]
    [InlineData("tuple<string, string>", true, true)]
    [InlineData("name", true, true)]
    [InlineData("named", true, true)]
    [InlineData("bytes", true, false)]
    [InlineData("pair", true, true)]
    [InlineData("shape", true, true)]
    [InlineData("plain", false, false)]
    [InlineData("perms", false, false)]
    [InlineData("color", false, false)]
    [InlineData("big", false, false)]
    [InlineData("own<res>", false, false)]
    [InlineData("borrow<res>", false, false)]
    [InlineData("future<string>", false, false)]
    [InlineData("stream<list<u8>>", false, false)]
    [InlineData("list<future<string>>", true, false)]
    public void A_parameter_allocates_and_holds_strings_by_what_its_type_contains(string type, bool allocates, bool strings)
    {
        var function = Function($"f: func(p: {type});");

        var export = AbiFacts.For(function, new CanonicalAbi(), export: true)!;
        var import = AbiFacts.For(function, new CanonicalAbi(), export: false)!;

        Assert.Equal(allocates ? new[] { "p" } : System.Array.Empty<string>(), export.ReallocParameters);
        Assert.Empty(import.ReallocParameters);
        Assert.Equal(strings, export.StringEncodingSensitive);
        Assert.Equal(strings, import.StringEncodingSensitive);
        Assert.Equal(allocates, AbiFacts.ContainsAllocation(function.Parameters[0].Type!.Value));
        Assert.Equal(strings, AbiFacts.ContainsString(function.Parameters[0].Type!.Value));
    }

    [Fact]
    public void A_result_allocates_for_the_caller_of_an_import_and_needs_post_return_in_an_export()
    {
        var import = AbiFacts.For(Function("f: func() -> pair;"), new CanonicalAbi(), export: false)!;
        var export = AbiFacts.For(Function("f: func() -> pair;"), new CanonicalAbi(), export: true)!;
        var plain = AbiFacts.For(Function("f: func() -> plain;"), new CanonicalAbi(), export: false)!;

        Assert.True(import.ReallocForResults);
        Assert.True(import.StringEncodingSensitive);
        Assert.True(export.NeedsPostReturn);
        Assert.False(plain.ReallocForResults);
        Assert.False(plain.StringEncodingSensitive);
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
