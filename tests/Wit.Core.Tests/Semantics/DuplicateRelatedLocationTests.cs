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
