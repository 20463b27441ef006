using System.Linq;
using Wit.Core.Semantics;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// WIT1019: names wit-parser accepts but a component cannot tell apart, because the component model's validator
/// compares names ignoring ASCII case and dashes (checked against wit-oracle, whose messages these are: the fixtures
/// under tests/Wit.Conformance.Tests/Rules/beyond record its verdicts).
/// </summary>
public sealed class ComponentNameTests
{
    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("a-b", "ab")]
    [InlineData("A-B", "ab")]
    [InlineData("get-HTTP-url", "gethttpurl")]
    [InlineData("x9-y", "x9y")]
    public void A_name_is_compared_without_dashes_in_lower_case(string name, string key)
    {
        Assert.Equal(key, PackageResolver.ComponentNameKey(name));
        Assert.True(PackageResolver.SameComponentName(name, key));
    }

    [Fact]
    public void A_name_without_dashes_or_capitals_is_its_own_key()
    {
        string name = new string('a', 3) + "bc";
        Assert.Same(name, PackageResolver.ComponentNameKey(name));
    }

    [Theory]
    [InlineData("record r { id: u32, id: u64 }", "record field name `id` conflicts with previous field name `id`")]
    [InlineData("record r { url: string, URL: string }", "record field name `URL` conflicts with previous field name `url`")]
    [InlineData("record r { ab-c: u32, a-bc: u32 }", "record field name `a-bc` conflicts with previous field name `ab-c`")]
    [InlineData("variant v { none, NONE(u32) }", "variant case name `NONE` conflicts with previous case name `none`")]
    [InlineData("enum e { x-y, xy }", "enum tag name `xy` conflicts with previous tag name `x-y`")]
    [InlineData("flags f { read, write, read }", "flag name `read` conflicts with previous flag name `read`")]
    [InlineData("f: func(id: u32, ID: u32);", "function parameter name `ID` conflicts with previous parameter name `id`")]
    [InlineData("f: func(a-b: u32, ab: u32);", "function parameter name `ab` conflicts with previous parameter name `a-b`")]
    [InlineData("resource r { f: func(SELF: u32); }", "function parameter name `SELF` conflicts with previous parameter name `self`")]
    [InlineData("type id = u32; record ID { x: u32 }", "export name `ID` conflicts with previous name `id`")]
    [InlineData("resource blob; BLOB: func();", "export name `BLOB` conflicts with previous name `blob`")]
    [InlineData("get-all: func(); getall: func();", "export name `getall` conflicts with previous name `get-all`")]
    [InlineData("resource r { get: func(); GET: static func(); }", "export name `[static]r.GET` conflicts with previous name `[method]r.get`")]
    [InlineData("resource r { a-b: func(); ab: static func(); }", "export name `[static]r.ab` conflicts with previous name `[method]r.a-b`")]
    public void Names_of_an_interface_that_are_one_to_a_component_are_an_error_at_the_later_one(string body, string message)
    {
        var fixture = WitFixture.Resolve($"package a:b;\ninterface i {{\n  {body}\n}}\nworld w {{\n  import i;\n}}\n");

        var diagnostic = Assert.Single(fixture.Model.Diagnostics);
        Assert.Equal("WIT1019", diagnostic.Code);
        Assert.Equal(message, diagnostic.Message);
        // A method's `self` is written nowhere: nothing to point at.
        if (message.EndsWith("`self`", System.StringComparison.Ordinal))
        {
            Assert.Empty(diagnostic.Related);
            return;
        }

        var related = Assert.Single(diagnostic.Related);
        Assert.Equal("previously defined here", related.Message);
        Assert.True(related.Span.Start < diagnostic.Span.Start);
    }

    [Theory]
    [InlineData("record r { a-b: u32, a-c: u32, A-D: u32 }")]
    [InlineData("enum e { a, b, ab }")]
    [InlineData("f: func(a-b: u32, b-a: u32);")]
    [InlineData("resource r { f: func(); } r-f: func();")]
    [InlineData("resource r { f: func(); } resource s { F: static func(); }")]
    [InlineData("record r { x: u32 } record s { x: u32 } f: func(x: r, y: s);")]
    public void Distinct_names_are_accepted(string body)
    {
        var fixture = WitFixture.Resolve($"package a:b;\ninterface i {{\n  {body}\n}}\nworld w {{\n  import i;\n}}\n");

        Assert.Empty(fixture.Model.Diagnostics);
    }

    [Fact]
    public void Every_conflicting_member_of_a_long_record_is_reported_once()
    {
        // More members than are compared pairwise: the set of keys finds them.
        string fields = string.Join(", ", Enumerable.Range(0, 30).Select(n => $"f{n}: u8")) + ", F3: u8, f-7: u8, f3: u8";
        var fixture = WitFixture.Resolve($"package a:b;\ninterface i {{\n  record r {{ {fields} }}\n}}\n");

        Assert.Equal(
            new[] { "record field name `F3` conflicts with previous field name `f3`", "record field name `f-7` conflicts with previous field name `f7`", "record field name `f3` conflicts with previous field name `f3`" },
            fixture.Model.Diagnostics.Select(d => d.Message).ToArray());
    }

    [Fact]
    public void The_same_name_twice_in_an_interface_or_a_function_stays_wit_parsers_error_alone()
    {
        var fixture = WitFixture.Resolve("package a:b;\ninterface i {\n  type f = u32;\n  f: func(x: u32, x: u32);\n}\n");

        Assert.Equal(new[] { "WIT1002", "WIT1002" }, fixture.Model.Diagnostics.Select(d => d.Code).ToArray());
    }

    [Theory]
    [InlineData("package a:b;\nworld w {\n  import a-b: func();\n  import ab: func();\n}\n", "WIT1019", "import name `ab` conflicts with previous name `a-b`")]
    [InlineData("package a:b;\ninterface x-y {}\ninterface xy {}\nworld w {\n  import x-y;\n  import xy;\n}\n", "WIT1019", "import name `a:b/xy` conflicts with previous name `a:b/x-y`")]
    [InlineData("package a:b;\ninterface i {}\ninterface I {}\nworld w {\n  export i;\n  export I;\n}\n", "WIT1019", "export name `a:b/I` conflicts with previous name `a:b/i`")]
    // Two names that differ only in case are wit-parser's own error, in its words.
    [InlineData("package a:b;\nworld w {\n  type a = u32;\n  type A = u64;\n  import f: func(x: a);\n}\n", "WIT1007", "import `A` in world `w` conflicts with import `a` (kebab-case identifiers are case-insensitive)")]
    [InlineData("package a:b;\nworld w {\n  enum e { ok, OK }\n  import f: func(x: e);\n}\n", "WIT1019", "enum tag name `OK` conflicts with previous tag name `ok`")]
    public void A_worlds_imports_and_exports_that_are_one_name_to_a_component_are_an_error(string text, string code, string message)
    {
        var fixture = WitFixture.Resolve(text);

        var diagnostic = Assert.Single(fixture.Model.Diagnostics);
        Assert.Equal((code, message), (diagnostic.Code, diagnostic.Message));
    }

    [Fact]
    public void Interfaces_whose_ids_differ_only_in_case_are_accepted_when_no_world_takes_both()
    {
        var fixture = WitFixture.Resolve("package a:b;\ninterface i {}\ninterface I {}\nworld w {\n  import i;\n}\nworld W2 {\n  export I;\n}\n");

        Assert.Empty(fixture.Model.Diagnostics);
    }

    [Fact]
    public void What_a_component_would_refuse_comes_after_what_wit_parser_refuses()
    {
        // The conflict is earlier in the file, the unknown type later: upstream resolves (and fails) before it encodes.
        var fixture = WitFixture.Resolve("package a:b;\ninterface i {\n  record r { id: u32, ID: u32 }\n  f: func(x: nope);\n}\n");

        Assert.Equal(new[] { "WIT1001", "WIT1019" }, fixture.Model.Diagnostics.Select(d => d.Code).ToArray());
    }

    [Fact]
    public void A_case_clash_in_a_world_still_resolves_what_the_later_item_names()
    {
        // wit-parser resolves `-> get-user` (no such type) before it finds the clash.
        var fixture = WitFixture.Resolve("package a:b;\nworld w {\n  export get-user: func() -> string;\n  export GET-USER: func() -> get-user;\n}\n");

        Assert.Equal(new[] { "WIT1001", "WIT1007" }, fixture.Model.Diagnostics.Select(d => d.Code).ToArray());
    }

    [Fact]
    public void A_second_constructor_is_reported_before_what_is_wrong_inside_the_first()
    {
        var fixture = WitFixture.Resolve("package a:b;\ninterface i {\n  resource a {\n    constructor() -> result<_, string>;\n    constructor() -> result<_, string>;\n  }\n}\n");

        Assert.Equal(new[] { "duplicate constructors", "the `ok` type must be the resource being constructed" }, fixture.Model.Diagnostics.Select(d => d.Message).ToArray());
    }
}
