using System.Linq;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// WIT1002 (defined more than once) points at the first definition, as WITX1002 does, so an editor can show both
/// (issue 15, found in a real VS Code, item 3).
/// </summary>
public sealed class DuplicateRelatedLocationTests
{
    [Theory]
    [InlineData("package a:b;\ninterface i {\n  type t = u32;\n  type t = u64;\n}\n", "t", 1)]
    [InlineData("package a:b;\ninterface i {\n  f: func();\n  f: func();\n}\n", "f", 1)]
    [InlineData("package a:b;\nworld w {\n  type t = u32;\n  record t { a: u8 }\n}\n", "t", 1)]
    [InlineData("package a:b;\ninterface i {\n  type f = u32;\n  f: func();\n}\n", "f", 1)]
    [InlineData("package a:b;\ninterface i {\n  f: func(x: u32, x: u64);\n}\n", "x", 1)]
    // Past eight parameters the earlier ones are found by a dictionary, not a search (BuildFunction).
    [InlineData("package a:b;\ninterface i {\n  f: func(x: u32, a: u8, b: u8, c: u8, d: u8, e: u8, g: u8, h: u8, j: u8, k: u8, x: u64);\n}\n", "x", 1)]
    [InlineData("package a:b;\ninterface i {\n  f: func(a: u8, b: u8, c: u8, d: u8, e: u8, g: u8, h: u8, j: u8, k: u8, x: u32, x: u64);\n}\n", "x", 1)]
    [InlineData("package a:b;\ninterface i {\n  resource r {\n    m: func();\n    m: func();\n  }\n}\n", "m", 1)]
    [InlineData("package a:b;\ninterface i {\n  resource r {\n    constructor();\n    constructor(x: u32);\n  }\n}\n", "constructor", 1)]
    [InlineData("package a:b;\ninterface i {}\ninterface i {}\n", "i", 1)]
    [InlineData("package a:b;\ninterface j { type t = u32; }\ninterface i {\n  use j.{t};\n  type t = u64;\n}\n", "t", 2)]
    public void The_second_definition_points_at_the_first(string text, string name, int firstOccurrence)
    {
        var fixture = WitFixture.Resolve(text);

        var duplicate = Assert.Single(fixture.Model.Diagnostics, d => d.Code == "WIT1002");
        var related = Assert.Single(duplicate.Related);
        Assert.Equal("previously defined here", related.Message);
        // The related span is the first occurrence of the name (counted past any earlier use of it), the error the next one.
        string source = duplicate.Document!.ToString();
        int first = Occurrence(source, name, firstOccurrence);
        Assert.Equal(first, related.Span.Start);
        Assert.Equal(name.Length, related.Span.Length);
        Assert.True(duplicate.Span.Start > first, $"{duplicate.Span.Start} after {first}");
    }

    /// <summary>
    /// wit-parser defines every type of a body before its functions, so a function named as a type is the one
    /// reported, even when the type comes later in the file; the related location is the type's name.
    /// </summary>
    [Fact]
    public void A_function_named_as_a_later_type_is_reported_at_the_function()
    {
        var fixture = WitFixture.Resolve("package a:b;\ninterface i {\n  f: func();\n  type f = u32;\n}\n");

        var duplicate = Assert.Single(fixture.Model.Diagnostics, d => d.Code == "WIT1002");
        string source = duplicate.Document!.ToString();
        Assert.Equal(source.IndexOf("f: func", System.StringComparison.Ordinal), duplicate.Span.Start);
        Assert.Equal(source.IndexOf("type f", System.StringComparison.Ordinal) + "type ".Length, Assert.Single(duplicate.Related).Span.Start);
    }

    /// <summary>Every later function of a name points at the first, which stays the interface's function of that name.</summary>
    [Fact]
    public void Each_repeated_function_points_at_the_first()
    {
        var fixture = WitFixture.Resolve("package a:b;\ninterface i {\n  f: func();\n  g: func();\n  f: func(x: u32);\n  f: func() -> u8;\n}\n");

        var duplicates = fixture.Model.Diagnostics.Where(d => d.Code == "WIT1002").ToList();
        Assert.Equal(2, duplicates.Count);
        string source = duplicates[0].Document!.ToString();
        int first = source.IndexOf("f: func();", System.StringComparison.Ordinal);
        Assert.All(duplicates, d => Assert.Equal(first, Assert.Single(d.Related).Span.Start));
        Assert.Equal(new[] { source.IndexOf("f: func(x", System.StringComparison.Ordinal), source.IndexOf("f: func() ->", System.StringComparison.Ordinal) }, duplicates.Select(d => d.Span.Start));
        var function = Assert.Single(fixture.Model.Interfaces.Single().Functions.Values, f => f.Name == "f");
        Assert.Empty(function.Parameters);
        Assert.Null(function.Result);
    }

    /// <summary>As wit-parser, the repeated name is reported before anything wrong in the repeated function's signature.</summary>
    [Fact]
    public void The_repeated_name_comes_before_the_signature_s_errors()
    {
        var fixture = WitFixture.Resolve("package a:b;\ninterface i {\n  f: func();\n  f: func(x: nope);\n}\n");

        var codes = fixture.Model.Diagnostics.Select(d => d.Code).ToList();
        Assert.Contains("WIT1001", codes);
        Assert.True(codes.IndexOf("WIT1002") >= 0 && codes.IndexOf("WIT1002") < codes.IndexOf("WIT1001"), string.Join(", ", codes));
    }

    private static int Occurrence(string text, string name, int n)
    {
        int at = -1;
        for (int found = 0; found < n; found++)
        {
            do
            {
                at = text.IndexOf(name, at + 1, System.StringComparison.Ordinal);
            }
            while (at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] == '-' || (at + name.Length < text.Length && (char.IsLetterOrDigit(text[at + name.Length]) || text[at + name.Length] == '-'))));
        }

        return at;
    }
}
