using System.Linq;
using System.Text;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// An interface's names are found once, when its members are listed, and looked up by the hash of their unescaped
/// text, with the tables' memory asked for a few members ahead of each walk. Whatever order the names come in and
/// however they are spelled (<c>%name</c> is <c>name</c>), each reference finds its type and each name defined twice is
/// reported once (upstream's `wasm-tools` agrees on every case here, asked through `wit-oracle`).
/// </summary>
public sealed class InterfaceNameLookupTests
{
    [Theory]
    [InlineData("type %t = u32;\n  type t = u64;", "t")]
    [InlineData("f: func();\n  %f: func();", "f")]
    [InlineData("type %g = u32;\n  g: func();", "g")]
    [InlineData("%g: func();\n  type g = u32;", "g")]
    public void A_name_escaped_once_and_not_the_other_time_is_defined_twice(string members, string name)
    {
        var fixture = WitFixture.Resolve($"package a:b;\ninterface i {{\n  {members}\n}}\n");

        var duplicate = Assert.Single(fixture.Model.Diagnostics);
        Assert.Equal("WIT1002", duplicate.Code);
        Assert.Equal($"name `{name}` is defined more than once", duplicate.Message);
    }

    [Fact]
    public void An_escaped_type_is_found_by_its_name_written_either_way()
    {
        var fixture = WitFixture.Resolve("package a:b;\ninterface i {\n  record %foo { a: u32 }\n  f: func(x: foo) -> %foo;\n}\n");

        Assert.Empty(fixture.Model.Diagnostics);
        var i = Assert.Single(fixture.Model.Interfaces);
        Assert.True(i.Types.TryGetValue("foo", out var foo));
        var f = Assert.Single(i.Functions.Values);
        Assert.Same(foo, Assert.Single(f.Parameters).Type!.Value.Definition);
        Assert.Same(foo, f.Result!.Value.Definition);
    }

    /// <summary>
    /// A body of N types and N functions (fewer members than the walks ask ahead for, and many more) where each function
    /// refers to types declared far from it (before or after), the last function named as the first type: every
    /// reference resolves to the type of its name, and the one duplicate is reported.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(300)]
    public void Every_reference_finds_its_type_in_a_body_of_any_size(int count)
    {
        var text = new StringBuilder("package a:b;\ninterface i {\n");
        for (int n = 0; n < count; n++)
        {
            text.Append($"  record t{n} {{ a: u32 }}\n");
            text.Append($"  get{n}: func(x: t{(n * 37 + 11) % count}) -> t{count - 1 - n};\n");
        }

        text.Append("  t0: func();\n}\n");
        var fixture = WitFixture.Resolve(text.ToString());

        var duplicate = Assert.Single(fixture.Model.Diagnostics);
        Assert.Equal("name `t0` is defined more than once", duplicate.Message);
        var i = Assert.Single(fixture.Model.Interfaces);
        Assert.Equal(count, i.Types.Count);
        Assert.Equal(count + 1, i.Functions.Count);
        for (int n = 0; n < count; n++)
        {
            var f = i.Functions.Values.ElementAt(n);
            Assert.Equal($"get{n}", f.Name);
            Assert.Equal($"t{(n * 37 + 11) % count}", Assert.Single(f.Parameters).Type!.Value.Definition!.Name);
            Assert.Equal($"t{count - 1 - n}", f.Result!.Value.Definition!.Name);
        }
    }
}
